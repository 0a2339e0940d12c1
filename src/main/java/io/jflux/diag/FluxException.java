package io.jflux.diag;

import io.jflux.syntax.Span;
import java.util.List;

/**
 * Every failure a user can cause: it carries one or more diagnostics with error codes and, where the failure
 * comes from source text, spans. It has no stack trace to show; internal errors are other exceptions.
 */
public class FluxException extends RuntimeException {

    private final List<Diagnostic> diagnostics;

    public FluxException(List<Diagnostic> diagnostics) {
        super(diagnostics.get(0).message(), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public FluxException(ErrorCode code, String message, Span span) {
        this(List.of(new Diagnostic(code, message, null, span)));
    }

    public FluxException(ErrorCode code, String message) {
        this(code, message, Span.NONE);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public ErrorCode code() {
        return diagnostics.get(0).code();
    }

    public Span span() {
        return diagnostics.get(0).span();
    }

    /** This error located at {@code span} if it has no position yet. */
    public FluxException at(Span span) {
        if (this.span() != null && this.span().startLine() > 0) {
            return this;
        }
        Diagnostic d = diagnostics.get(0);
        return new FluxException(List.of(new Diagnostic(d.code(), d.message(), d.sourceName(), span)));
    }

    /** The first line: {@code error @L:C-L:C: message}. */
    public String headline() {
        return diagnostics.get(0).headline();
    }
}
