package io.jflux.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jflux.syntax.Parser;
import io.jflux.syntax.SourceFile;
import io.jflux.syntax.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every package of the standard library: each {@code builtin} its Flux source declares has a Java definition,
 * and each Java definition is declared.
 */
class RegistryConsistencyTest {

    static Stream<String> packages() {
        List<String> all = new ArrayList<>(Registry.standard().available());
        all.add("universe");
        return all.stream();
    }

    @Test
    void theStandardLibraryHasThePackagesOfThisBranch() {
        assertTrue(Registry.standard().available().containsAll(List.of("math", "regexp", "strings", "system")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void declarationsAndDefinitionsMatch(String path) {
        Registry registry = Registry.standard();
        String source = registry.fluxSource(path);
        assertNotNull(source, "package " + path + " has no Flux source");
        SourceFile file = Parser.parse(path + ".flux", source);
        Set<String> declared = new TreeSet<>();
        for (Statement s : file.body()) {
            if (s instanceof Statement.BuiltinStatement b) {
                assertTrue(declared.add(b.name().name()), "builtin " + b.name().name() + " declared twice in " + path);
            }
        }
        Set<String> defined = new TreeSet<>(registry.definitions(path).names());
        Set<String> undefined = new TreeSet<>(declared);
        undefined.removeAll(defined);
        Set<String> undeclared = new TreeSet<>(defined);
        undeclared.removeAll(declared);
        assertEquals(Set.of(), undefined, "declared in " + path + ".flux but not defined in Java");
        assertEquals(Set.of(), undeclared, "defined in Java but not declared in " + path + ".flux");
    }
}
