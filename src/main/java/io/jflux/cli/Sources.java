package io.jflux.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;

/** Reads a script named on the command line: a path, or {@code -} for standard input. */
final class Sources {

    private Sources() {}

    static String read(CommandLine cl, String file, InputStream stdin) {
        try {
            if (file.equals("-")) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(cl, "cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cl, "cannot read " + file + ": " + e.getMessage());
        }
    }
}
