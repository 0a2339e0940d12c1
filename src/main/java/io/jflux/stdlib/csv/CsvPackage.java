package io.jflux.stdlib.csv;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.Value;
import io.jflux.io.AnnotatedCsvReader;
import io.jflux.stdlib.Definitions;
import io.jflux.stdlib.JavaPackage;
import io.jflux.syntax.Span;
import io.jflux.table.FluxTable;
import io.jflux.table.StreamValue;
import io.jflux.table.TableContext;
import io.jflux.table.TableStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code import "csv"}: tables from annotated CSV. */
public final class CsvPackage implements JavaPackage {

    @Override
    public void define(Definitions defs) {
        defs.function("from", (a, in) -> from(a));
    }

    /**
     * {@code csv.from(csv:)} or {@code csv.from(file:)}: a stream that parses the text each time it is read, one
     * table at a time. As in Flux, an empty {@code csv} counts as not given, and the text may hold one result.
     */
    static Value from(Arguments a) {
        String csv = a.string("csv", "");
        String file = a.string("file", "");
        if (csv.isEmpty() && file.isEmpty()) {
            throw a.error("csv.from: must provide csv raw text or filename");
        }
        if (!csv.isEmpty() && !file.isEmpty()) {
            throw a.error("csv.from: must provide exactly one of the parameters csv or file");
        }
        String modeName = a.string("mode", "annotations");
        AnnotatedCsvReader.Mode mode;
        switch (modeName) {
            case "annotations": mode = AnnotatedCsvReader.Mode.ANNOTATIONS; break;
            case "raw": mode = AnnotatedCsvReader.Mode.RAW; break;
            default:
                throw a.error("csv.from: mode must be \"annotations\" or \"raw\", not \"" + modeName + "\"",
                        a.spanOf("mode"));
        }
        Span span = a.callSite();
        return new StreamValue(ctx -> new FromStream(open(csv, file, span), ctx, mode, span));
    }

    private static InputStream open(String csv, String file, Span span) {
        if (file.isEmpty()) {
            return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
        }
        String why;
        try {
            Path path = Path.of(file);
            if (Files.isDirectory(path)) {
                why = "it is a directory";
            } else {
                return Files.newInputStream(path);
            }
        } catch (NoSuchFileException e) {
            throw new FluxException(ErrorCode.NOT_FOUND, "csv.from: cannot read file \"" + file
                    + "\": no such file", span);
        } catch (AccessDeniedException e) {
            why = "permission denied";
        } catch (InvalidPathException | IOException e) {
            why = e.getMessage();
        }
        throw new FluxException(ErrorCode.INVALID, "csv.from: cannot read file \"" + file + "\": " + why, span);
    }

    /** The tables of the text's one result; errors name csv.from and stand at the call. */
    private static final class FromStream implements TableStream {
        private final AnnotatedCsvReader reader;
        private final Span span;
        private boolean started;
        private boolean done;

        FromStream(InputStream in, TableContext ctx, AnnotatedCsvReader.Mode mode, Span span) {
            this.reader = new AnnotatedCsvReader(in, ctx, mode);
            this.span = span;
        }

        @Override
        public FluxTable next() {
            if (done) {
                return null;
            }
            try {
                if (!started) {
                    started = true;
                    if (reader.nextResult() == null) {
                        done = true;
                        return null;
                    }
                }
                FluxTable t = reader.nextTable();
                if (t == null) {
                    done = true;
                    String second = reader.nextResult();
                    if (second != null) {
                        throw new FluxException(ErrorCode.INVALID, "csv line " + reader.resultLine()
                                + ": a second result (\"" + second + "\") starts here; csv.from reads one result");
                    }
                }
                return t;
            } catch (FluxException e) {
                throw new FluxException(e.code(), "csv.from: " + e.getMessage(), span);
            } catch (UncheckedIOException e) {
                throw new FluxException(ErrorCode.INVALID, "csv.from: cannot read the data: "
                        + e.getCause().getMessage(), span);
            }
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}
