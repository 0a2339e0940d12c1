package io.jflux.diag;

/** The kind of a failure, as Flux's own error codes classify them. */
public enum ErrorCode {
    /** Source text that does not parse. */
    SYNTAX,
    /** A program that parses but is wrong: types, arguments, undefined names. */
    INVALID,
    /** Something named that does not exist (a package, a file). */
    NOT_FOUND,
    /** A limit was reached (memory, time). */
    RESOURCE_EXHAUSTED,
    /** A remote service failed or could not be reached. */
    UNAVAILABLE,
    /** The script asked to fail ({@code die}). */
    ABORTED,
    /** Not supported by this runtime. */
    UNIMPLEMENTED,
    /** A defect in jflux itself. */
    INTERNAL
}
