package io.jflux.stdlib.universe.rowfn;

import io.jflux.eval.RecordValue;
import io.jflux.eval.Value;
import io.jflux.table.ColumnMeta;
import io.jflux.table.FluxTable;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of the record {@code r} a row function sees: one row of a table, read from its vectors when asked.
 * One view serves every row of every table of one schema; it moves from row to row, so a record over it is only
 * read while its row is current. A label the table lacks reads as absent, so {@code r.x} is null.
 */
final class RowView extends RecordValue.View {

    private final List<ColumnMeta> schema;
    private final Map<String, Integer> index;
    private FluxTable table;
    private int row;

    RowView(List<ColumnMeta> schema) {
        this.schema = schema;
        this.index = new HashMap<>(schema.size() * 2);
        for (int i = 0; i < schema.size(); i++) {
            index.put(schema.get(i).label(), i);
        }
    }

    void table(FluxTable t) {
        this.table = t;
    }

    void row(int r) {
        this.row = r;
    }

    @Override
    public Value get(Object key) {
        Integer c = index.get(key);
        return c == null ? null : table.value(c, row);
    }

    @Override
    public boolean containsKey(Object key) {
        return index.containsKey(key);
    }

    @Override
    public int size() {
        return schema.size();
    }

    @Override
    public Set<Map.Entry<String, Value>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Value>> iterator() {
                return new Iterator<>() {
                    private int c;

                    @Override
                    public boolean hasNext() {
                        return c < schema.size();
                    }

                    @Override
                    public Map.Entry<String, Value> next() {
                        if (c >= schema.size()) {
                            throw new NoSuchElementException();
                        }
                        int i = c++;
                        return new SimpleImmutableEntry<>(schema.get(i).label(), table.value(i, row));
                    }
                };
            }

            @Override
            public int size() {
                return schema.size();
            }
        };
    }
}
