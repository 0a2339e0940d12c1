package io.jflux.eval;

import io.jflux.syntax.Span;

/**
 * A value whose work happens after the call that made it (a stream of tables is computed when read): it can be
 * told where that call stands, so an error it raises later without a position points at the call.
 */
public interface Located {

    /** This value, reporting errors that have no position of their own at {@code span}. */
    Value locatedAt(Span span);
}
