package io.jflux.eval;

/** The kind of a Flux value, named as Flux names its types. */
public enum Kind {
    INT("int"), UINT("uint"), FLOAT("float"), STRING("string"), BOOL("bool"), TIME("time"),
    DURATION("duration"), REGEXP("regexp"), BYTES("bytes"), NULL("null"), RECORD("record"), ARRAY("array"),
    DICT("dict"), FUNCTION("function"), PACKAGE("package"), STREAM("stream");

    private final String fluxName;

    Kind(String fluxName) {
        this.fluxName = fluxName;
    }

    /** The name Flux uses in messages and type expressions. */
    public String fluxName() {
        return fluxName;
    }
}
