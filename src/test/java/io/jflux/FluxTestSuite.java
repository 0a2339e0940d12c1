package io.jflux;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.jflux.api.Engine;
import io.jflux.api.RunOptions;
import io.jflux.api.Script;
import io.jflux.api.TestFiles;
import io.jflux.api.TestResult;
import io.jflux.api.Testcase;
import io.jflux.diag.DiagnosticPrinter;
import io.jflux.diag.FluxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's Flux-level tests: one dynamic test per {@code testcase} of every {@code *_test.flux} file under
 * {@code src/test/flux/}, named {@code <file>:<testcase>} (the file relative to that directory), run by the same
 * code as {@code jflux test}. A failing test case fails the build with the runner's reason.
 */
class FluxTestSuite {

    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("src/test/flux");

    @TestFactory
    List<DynamicTest> testcases() throws IOException {
        Engine engine = Engine.create();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : TestFiles.under(ROOT)) {
            String name = ROOT.relativize(file).toString().replace('\\', '/');
            String source = Files.readString(file, StandardCharsets.UTF_8);
            Script script;
            try {
                script = engine.compile(name, source);
            } catch (FluxException e) {
                String why = DiagnosticPrinter.render(e, source);
                tests.add(DynamicTest.dynamicTest(name, () -> fail(name + " does not parse:\n" + why)));
                continue;
            }
            // No test source URI: Surefire drops dynamic tests that carry a file URI.
            for (Testcase t : script.testcases(file.getParent())) {
                tests.add(DynamicTest.dynamicTest(name + ":" + t.name(), () -> {
                    TestResult r = t.run(RunOptions.defaults());
                    if (!r.passed()) {
                        fail(r.line());
                    }
                }));
            }
        }
        assertFalse(tests.isEmpty(), "no testcase found under " + ROOT);
        return tests;
    }
}
