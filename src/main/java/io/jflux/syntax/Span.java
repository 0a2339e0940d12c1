package io.jflux.syntax;

/**
 * Where a node stands in its source: 1-based lines and columns, the end exclusive (the column just after the
 * last character). Spans never take part in the meaning of a tree; {@link Trees#sameShape} ignores them.
 */
public record Span(int startLine, int startColumn, int endLine, int endColumn) {

    public static final Span NONE = new Span(0, 0, 0, 0);

    /** The smallest span that covers both. */
    public Span to(Span end) {
        return new Span(startLine, startColumn, end.endLine, end.endColumn);
    }

    @Override
    public String toString() {
        return startLine + ":" + startColumn + "-" + endLine + ":" + endColumn;
    }
}
