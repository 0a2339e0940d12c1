package io.jflux.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a script named on the command line: a path, or {@code -} for standard input. */
final class Sources {

    private Sources() {}

    static String read(String file, InputStream stdin) {
        try {
            if (file.equals("-")) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandLine.UsageException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new CommandLine.UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The name messages use for a script: its path, {@code <stdin>} or {@code <expr>}. */
    static String displayName(String file) {
        return file.equals("-") ? "<stdin>" : file;
    }
}
