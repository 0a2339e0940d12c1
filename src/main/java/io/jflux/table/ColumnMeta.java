package io.jflux.table;

/** A column's label and type. */
public record ColumnMeta(String label, ColumnType type) {
    @Override
    public String toString() {
        return label + ":" + type.fluxName();
    }
}
