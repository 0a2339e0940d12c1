package io.jflux.diag;

import io.jflux.syntax.Span;

/** One error found in or about a script, with where it stands (span may be {@link Span#NONE}). */
public record Diagnostic(ErrorCode code, String message, String sourceName, Span span) {

    /** {@code error @L:C-L:C: message}, or {@code error: message} without a position. */
    public String headline() {
        if (span == null || span.startLine() <= 0) {
            return "error: " + message;
        }
        return "error @" + span + ": " + message;
    }
}
