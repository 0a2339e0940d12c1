package io.jflux.table;

import io.jflux.eval.Kind;

/** The types a table column can have, with Flux's names and annotated CSV's {@code #datatype} names. */
public enum ColumnType {
    BOOL("bool", "boolean", Kind.BOOL),
    INT("int", "long", Kind.INT),
    UINT("uint", "unsignedLong", Kind.UINT),
    FLOAT("float", "double", Kind.FLOAT),
    STRING("string", "string", Kind.STRING),
    TIME("time", "dateTime:RFC3339", Kind.TIME),
    DURATION("duration", "duration", Kind.DURATION);

    private final String fluxName;
    private final String csvName;
    private final Kind kind;

    ColumnType(String fluxName, String csvName, Kind kind) {
        this.fluxName = fluxName;
        this.csvName = csvName;
        this.kind = kind;
    }

    public String fluxName() {
        return fluxName;
    }

    /** The {@code #datatype} annotation InfluxDB writes for this type. */
    public String csvName() {
        return csvName;
    }

    /** The kind of the values in such a column. */
    public Kind kind() {
        return kind;
    }

    /** The column type holding values of {@code kind}, or null when tables cannot hold them. */
    public static ColumnType of(Kind kind) {
        for (ColumnType t : values()) {
            if (t.kind == kind) {
                return t;
            }
        }
        return null;
    }
}
