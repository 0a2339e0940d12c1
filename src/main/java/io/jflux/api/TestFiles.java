package io.jflux.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds Flux test files: the files whose names end in {@code _test.flux}. */
public final class TestFiles {

    public static final String SUFFIX = "_test.flux";

    private TestFiles() {}

    /** Every test file under {@code directory}, at any depth, in the order of their paths. */
    public static List<Path> under(Path directory) {
        try (Stream<Path> all = Files.walk(directory)) {
            return all.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
