package io.jflux.stdlib.testing;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.Value;
import io.jflux.syntax.Span;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.TableBuilder;
import io.jflux.table.TableStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.VarCharVector;

/**
 * Compares two streams of tables as {@code testing.diff} does: tables are matched by group key (the same labels,
 * types and values, in any order), columns by label and type (in any order), rows by position. For each pair of
 * tables that differ it builds one diff table; see {@link #diffTable}.
 */
final class TableDiff {

    /** The label of the column that marks each row of a diff table. */
    static final String MARK = "_diff";

    /** How cells compare: floats within {@code epsilon} are equal; NaN equals NaN only with {@code nansEqual}. */
    record Options(boolean verbose, double epsilon, boolean nansEqual) {
        static final Options DEFAULT = new Options(false, 1e-9, false);
    }

    private TableDiff() {}

    /** Every table of {@code stream}, which is closed. On failure the tables read so far are closed too. */
    static List<FluxTable> readAll(TableStream stream) {
        List<FluxTable> tables = new ArrayList<>();
        try (TableStream s = stream) {
            FluxTable t;
            while ((t = s.next()) != null) {
                tables.add(t);
            }
            return tables;
        } catch (RuntimeException | Error e) {
            closeAll(tables);
            throw e;
        }
    }

    static void closeAll(List<FluxTable> tables) {
        if (tables != null) {
            for (FluxTable t : tables) {
                t.close();
            }
        }
    }

    /**
     * The diff tables of two streams already read, in the order of want's group keys, then got's keys that want
     * lacks. Leaves the inputs open. With {@code firstOnly}, stops at the first difference.
     *
     * @throws FluxException when a column has one type in want and another in got
     */
    static List<FluxTable> diff(BufferAllocator allocator, List<FluxTable> want, List<FluxTable> got, Options options,
                                boolean firstOnly, Span at) {
        Map<GroupKey, List<FluxTable>> wantByKey = byKey(want);
        Map<GroupKey, List<FluxTable>> gotByKey = byKey(got);
        List<FluxTable> out = new ArrayList<>();
        try {
            for (Map.Entry<GroupKey, List<FluxTable>> e : wantByKey.entrySet()) {
                List<FluxTable> others = gotByKey.getOrDefault(e.getKey(), List.of());
                List<FluxTable> mine = e.getValue();
                for (int i = 0; i < Math.max(mine.size(), others.size()); i++) {
                    FluxTable w = i < mine.size() ? mine.get(i) : null;
                    FluxTable g = i < others.size() ? others.get(i) : null;
                    if (addDiff(out, allocator, w, g, options, at) && firstOnly) {
                        return out;
                    }
                }
            }
            for (Map.Entry<GroupKey, List<FluxTable>> e : gotByKey.entrySet()) {
                if (!wantByKey.containsKey(e.getKey())) {
                    for (FluxTable g : e.getValue()) {
                        if (addDiff(out, allocator, null, g, options, at) && firstOnly) {
                            return out;
                        }
                    }
                }
            }
            return out;
        } catch (RuntimeException | Error e) {
            closeAll(out);
            throw e;
        }
    }

    private static boolean addDiff(List<FluxTable> out, BufferAllocator allocator, FluxTable want, FluxTable got,
                                   Options options, Span at) {
        FluxTable d = diffTable(allocator, want, got, options, at);
        if (d != null) {
            out.add(d);
        }
        return d != null;
    }

    /** Tables grouped by their key in a form where the order of the key's columns does not count. */
    private static Map<GroupKey, List<FluxTable>> byKey(List<FluxTable> tables) {
        Map<GroupKey, List<FluxTable>> map = new LinkedHashMap<>();
        for (FluxTable t : tables) {
            map.computeIfAbsent(canonical(t.key()), k -> new ArrayList<>()).add(t);
        }
        return map;
    }

    private static GroupKey canonical(GroupKey key) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> key.columns().get(i).label()));
        List<ColumnMeta> cols = new ArrayList<>();
        List<Value> vals = new ArrayList<>();
        for (int i : order) {
            cols.add(key.columns().get(i));
            vals.add(key.values().get(i));
        }
        return new GroupKey(cols, vals);
    }

    /**
     * The diff of two tables with one group key (either may be null: no such table), or null when they are
     * equal. Its columns: the group key's, {@code _diff}, then want's other columns and got's other columns that
     * want lacks. From the first row that differs on, a differing row of want is written marked {@code -} and the
     * row of got at the same place marked {@code +}; rows beyond the shorter table follow. With {@code verbose},
     * every row is written, equal ones marked with an empty string. A table whose columns differ from the other's
     * differs in every row.
     */
    static FluxTable diffTable(BufferAllocator allocator, FluxTable want, FluxTable got, Options options, Span at) {
        FluxTable any = want != null ? want : got;
        GroupKey key = any.key();
        List<ColumnMeta> columns = new ArrayList<>();
        addValueColumns(columns, want, key);
        int wantOnly = columns.size();
        addValueColumns(columns, got, key);
        int[] wantIdx = indexes(columns, want);
        int[] gotIdx = indexes(columns, got);
        boolean sameColumns = want != null && got != null && wantOnly == columns.size()
                && valueColumnCount(got, key) == columns.size();
        if (want != null && got != null) {
            checkTypes(columns, want, got, key, at);
        }
        int wantRows = want == null ? 0 : want.rowCount();
        int gotRows = got == null ? 0 : got.rowCount();
        int common = Math.min(wantRows, gotRows);
        int first = 0;
        while (first < common && sameColumns && rowEqual(want, wantIdx, got, gotIdx, first, options)) {
            first++;
        }
        if (first == common && wantRows == gotRows) {
            return null;
        }
        try (TableBuilder b = new TableBuilder(allocator, key)) {
            int[] keyCols = new int[key.size()];
            for (int i = 0; i < key.size(); i++) {
                keyCols[i] = b.addColumn(key.columns().get(i));
            }
            int mark = b.addColumn(new ColumnMeta(MARK, ColumnType.STRING));
            int[] cols = new int[columns.size()];
            for (int i = 0; i < cols.length; i++) {
                cols[i] = b.addColumn(columns.get(i));
            }
            Row row = new Row(b, key, keyCols, mark, cols);
            int start = options.verbose() ? 0 : first;
            for (int r = start; r < common; r++) {
                if (r >= first && !(sameColumns && rowEqual(want, wantIdx, got, gotIdx, r, options))) {
                    row.append("-", want, wantIdx, r);
                    row.append("+", got, gotIdx, r);
                } else if (options.verbose()) {
                    row.append("", want, wantIdx, r);
                }
            }
            for (int r = common; r < wantRows; r++) {
                row.append("-", want, wantIdx, r);
            }
            for (int r = common; r < gotRows; r++) {
                row.append("+", got, gotIdx, r);
            }
            return b.build();
        }
    }

    /** Appends rows of one side of a diff to the diff table. */
    private record Row(TableBuilder b, GroupKey key, int[] keyCols, int mark, int[] cols) {
        void append(String marker, FluxTable t, int[] idx, int r) {
            for (int i = 0; i < keyCols.length; i++) {
                b.appendValue(keyCols[i], key.values().get(i));
            }
            b.appendString(mark, marker);
            for (int i = 0; i < cols.length; i++) {
                if (idx[i] < 0) {
                    b.appendNull(cols[i]);
                } else {
                    b.appendFrom(cols[i], t, idx[i], r);
                }
            }
        }
    }

    private static void addValueColumns(List<ColumnMeta> columns, FluxTable t, GroupKey key) {
        if (t == null) {
            return;
        }
        for (ColumnMeta c : t.columns()) {
            if (!key.has(c.label()) && indexOf(columns, c.label()) < 0) {
                columns.add(c);
            }
        }
    }

    private static int valueColumnCount(FluxTable t, GroupKey key) {
        int n = 0;
        for (ColumnMeta c : t.columns()) {
            if (!key.has(c.label())) {
                n++;
            }
        }
        return n;
    }

    private static int indexOf(List<ColumnMeta> columns, String label) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().equals(label)) {
                return i;
            }
        }
        return -1;
    }

    /** For each of {@code columns}, its index in {@code t}, or -1 when {@code t} is null or lacks it. */
    private static int[] indexes(List<ColumnMeta> columns, FluxTable t) {
        int[] idx = new int[columns.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = t == null ? -1 : t.columnIndex(columns.get(i).label());
        }
        return idx;
    }

    private static void checkTypes(List<ColumnMeta> columns, FluxTable want, FluxTable got, GroupKey key, Span at) {
        for (ColumnMeta c : columns) {
            int w = want.columnIndex(c.label());
            int g = got.columnIndex(c.label());
            if (w >= 0 && g >= 0 && want.column(w).type() != got.column(g).type()) {
                throw new FluxException(ErrorCode.INVALID, "testing.diff: column " + c.label() + " has type "
                        + want.column(w).type().fluxName() + " in want but " + got.column(g).type().fluxName()
                        + " in got (table " + key + ")", at);
            }
        }
    }

    private static boolean rowEqual(FluxTable want, int[] wantIdx, FluxTable got, int[] gotIdx, int r,
                                    Options options) {
        for (int i = 0; i < wantIdx.length; i++) {
            if (!cellEqual(want, wantIdx[i], got, gotIdx[i], r, options)) {
                return false;
            }
        }
        return true;
    }

    private static boolean cellEqual(FluxTable want, int wc, FluxTable got, int gc, int r, Options options) {
        boolean wantNull = want.isNull(wc, r);
        boolean gotNull = got.isNull(gc, r);
        if (wantNull || gotNull) {
            return wantNull == gotNull;
        }
        switch (want.column(wc).type()) {
            case FLOAT: {
                double a = want.getDouble(wc, r);
                double b = got.getDouble(gc, r);
                if (a == b) {
                    return true;
                }
                if (Double.isNaN(a) || Double.isNaN(b)) {
                    return options.nansEqual() && Double.isNaN(a) && Double.isNaN(b);
                }
                return Math.abs(a - b) <= options.epsilon();
            }
            case BOOL:
                return want.getBool(wc, r) == got.getBool(gc, r);
            case STRING: {
                VarCharVector a = (VarCharVector) want.vector(wc);
                VarCharVector b = (VarCharVector) got.vector(gc);
                int ai = want.offset() + r;
                int bi = got.offset() + r;
                return ByteFunctionHelpers.equal(a.getDataBuffer(), a.getStartOffset(ai), a.getEndOffset(ai),
                        b.getDataBuffer(), b.getStartOffset(bi), b.getEndOffset(bi)) == 1;
            }
            default:
                return want.getLong(wc, r) == got.getLong(gc, r);
        }
    }
}
