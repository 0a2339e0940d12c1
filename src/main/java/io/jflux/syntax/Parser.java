package io.jflux.syntax;

import io.jflux.diag.FluxException;

/** Parses Flux source text into a {@link SourceFile}. Thread-safe; each call is independent. */
public final class Parser {

    private Parser() {}

    /** The tree, and how many comments stand where the tree cannot keep them (inside expressions). */
    public record Result(SourceFile file, int unattachedComments) {}

    /**
     * Parses a whole file.
     *
     * @param sourceName where the text came from, for messages
     * @throws FluxException with one diagnostic per syntax error found
     */
    public static SourceFile parse(String sourceName, String source) {
        return AstBuilder.parseFile(sourceName, source).file();
    }

    /** Like {@link #parse}, also telling how many comments the tree could not keep. */
    public static Result parseWithComments(String sourceName, String source) {
        return AstBuilder.parseFile(sourceName, source);
    }
}
