package io.jflux.stdlib.universe;

import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of an aggregate's output table: the group key's columns and one more. The list for the same key
 * columns (the same list object, as tables of one source share it), label and type is made once and reused, so
 * a batcher sees one schema object and a million one-row tables do not make a million lists.
 */
final class OutputColumns {

    private OutputColumns() {}

    private record Entry(List<ColumnMeta> keyColumns, String label, ColumnType type, List<ColumnMeta> columns) {}

    private static final int SIZE = 64;
    private static final ThreadLocal<Entry[]> RECENT = ThreadLocal.withInitial(() -> new Entry[SIZE]);

    /** {@code keyColumns} followed by a column {@code label} of type {@code type}. */
    static List<ColumnMeta> of(List<ColumnMeta> keyColumns, String label, ColumnType type) {
        Entry[] recent = RECENT.get();
        int slot = (System.identityHashCode(keyColumns) * 31 + label.hashCode() + type.ordinal()) & (SIZE - 1);
        Entry e = recent[slot];
        if (e != null && e.keyColumns == keyColumns && e.type == type && e.label.equals(label)) {
            return e.columns;
        }
        List<ColumnMeta> columns = new ArrayList<>(keyColumns.size() + 1);
        columns.addAll(keyColumns);
        columns.add(new ColumnMeta(label, type));
        columns = List.copyOf(columns);
        recent[slot] = new Entry(keyColumns, label, type, columns);
        return columns;
    }
}
