package io.jflux.stdlib.universe;

import io.jflux.eval.Value;
import io.jflux.eval.Values;
import io.jflux.syntax.Span;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.TableBuilder;
import io.jflux.table.TableContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pivot}: turns the values of {@code columnKey} columns into new columns. The output tables are keyed by
 * the input key without the column key and value columns; their columns are the kept key columns and row key
 * columns (in input order), then one column per distinct column key, labelled with its values joined by
 * {@code _} (Go's text of each value; {@code null} for a null), in order of first appearance. Each distinct row
 * key gives one row, in order of first appearance; when several rows give a value to the same cell the last one
 * wins, and cells nobody fills are null. Tables whose new keys are equal are merged (materialized).
 */
final class Pivot {

    private Pivot() {}

    /** Parameters of {@code pivot}. */
    record Spec(List<String> rowKey, List<String> columnKey, String valueColumn) {}

    /** Where a cell's value comes from: a row of an input table. */
    private record Cell(FluxTable src, int row) {}

    /** One output table being assembled. */
    private static final class Out {
        final GroupKey key;
        final List<ColumnMeta> kept;
        ColumnType valueType;
        /** For each output row, the input row that created it (for the kept columns). */
        final List<Cell> rows = new ArrayList<>();
        final Map<List<Value>, Integer> rowIndex = new HashMap<>();
        /** For each pivoted column, in order: its label and its cell per output row (null for none). */
        final Map<String, List<Cell>> pivoted = new LinkedHashMap<>();

        Out(GroupKey key, List<ColumnMeta> kept) {
            this.key = key;
            this.kept = kept;
        }
    }

    static List<FluxTable> pivot(TableContext ctx, List<FluxTable> inputs, Spec spec, Span span) {
        for (String c : spec.columnKey()) {
            if (spec.rowKey().contains(c)) {
                throw TableOps.error("column name found in both rowKey and colKey: " + c, span);
            }
        }
        Map<GroupKey, Out> outs = new LinkedHashMap<>();
        for (FluxTable t : inputs) {
            pivotTable(t, spec, outs, span);
        }
        List<Out> sorted = new ArrayList<>(outs.values());
        sorted.sort((x, y) -> x.key.compareTo(y.key));
        List<FluxTable> result = new ArrayList<>();
        try {
            for (Out o : sorted) {
                result.add(build(ctx, o, spec.valueColumn(), span));
            }
        } catch (RuntimeException e) {
            for (FluxTable t : result) {
                t.close();
            }
            throw e;
        }
        return result;
    }

    private static void pivotTable(FluxTable t, Spec spec, Map<GroupKey, Out> outs, Span span) {
        int[] rowCols = columns(t, spec.rowKey(), span);
        int[] keyCols = columns(t, spec.columnKey(), span);
        int vc = t.columnIndex(spec.valueColumn());
        if (vc < 0) {
            throw TableOps.error("specified column does not exist in table: " + spec.valueColumn(), span);
        }
        List<ColumnMeta> kept = new ArrayList<>();
        List<ColumnMeta> kc = new ArrayList<>();
        List<Value> kv = new ArrayList<>();
        for (ColumnMeta c : t.columns()) {
            String label = c.label();
            if (spec.columnKey().contains(label) || label.equals(spec.valueColumn())) {
                continue;
            }
            if (t.key().has(label)) {
                kept.add(c);
                kc.add(c);
                kv.add(t.key().value(label));
            } else if (spec.rowKey().contains(label)) {
                kept.add(c);
            }
        }
        GroupKey key = new GroupKey(kc, kv);
        Out out = outs.get(key);
        if (out == null) {
            out = new Out(key, kept);
            outs.put(key, out);
        }
        ColumnType valueType = t.column(vc).type();
        if (out.valueType == null) {
            out.valueType = valueType;
        } else if (out.valueType != valueType) {
            throw TableOps.error("pivot: column " + spec.valueColumn() + " has type " + valueType.fluxName()
                    + " in one table and " + out.valueType.fluxName() + " in another", span);
        }
        StringBuilder label = new StringBuilder();
        for (int r = 0; r < t.rowCount(); r++) {
            List<Value> rk = new ArrayList<>(rowCols.length);
            for (int c : rowCols) {
                rk.add(t.value(c, r));
            }
            Integer row = out.rowIndex.get(rk);
            if (row == null) {
                row = out.rows.size();
                out.rowIndex.put(rk, row);
                out.rows.add(new Cell(t, r));
            }
            label.setLength(0);
            for (int k = 0; k < keyCols.length; k++) {
                if (k > 0) {
                    label.append('_');
                }
                label.append(text(t, keyCols[k], r));
            }
            List<Cell> cells = out.pivoted.computeIfAbsent(label.toString(), l -> new ArrayList<>());
            while (cells.size() <= row) {
                cells.add(null);
            }
            cells.set(row, new Cell(t, r));
        }
    }

    private static int[] columns(FluxTable t, List<String> labels, Span span) {
        int[] out = new int[labels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.columnIndex(labels.get(i));
            if (out[i] < 0) {
                throw TableOps.error("specified column does not exist in table: " + labels.get(i), span);
            }
        }
        return out;
    }

    private static FluxTable build(TableContext ctx, Out out, String valueColumn, Span span) {
        int n = out.rows.size();
        try (TableBuilder b = new TableBuilder(ctx.allocator(), out.key)) {
            for (ColumnMeta c : out.kept) {
                int bc = b.addColumn(c);
                appendCells(b, bc, c.label(), out.rows, n);
            }
            for (Map.Entry<String, List<Cell>> e : out.pivoted.entrySet()) {
                if (b.columnIndex(e.getKey()) >= 0) {
                    throw TableOps.error("pivot: the pivoted column " + e.getKey() + " already exists", span);
                }
                int bc = b.addColumn(new ColumnMeta(e.getKey(), out.valueType));
                appendValueCells(b, bc, valueColumn, e.getValue(), n);
            }
            return b.build();
        }
    }

    /** Appends column {@code label} of each cell's row, a run of rows of one table at a time. */
    private static void appendCells(TableBuilder b, int bc, String label, List<Cell> cells, int n) {
        int[] rows = new int[n];
        int i = 0;
        while (i < n) {
            FluxTable src = cells.get(i).src();
            int m = 0;
            while (i < n && cells.get(i).src() == src) {
                rows[m++] = cells.get(i).row();
                i++;
            }
            TableOps.gather(b, bc, src, src.columnIndex(label), rows, m);
        }
    }

    /** Appends the value column of each cell's row, or a null where no row gave the cell a value. */
    private static void appendValueCells(TableBuilder b, int bc, String valueColumn, List<Cell> cells, int n) {
        int[] one = new int[1];
        for (int r = 0; r < n; r++) {
            Cell c = r < cells.size() ? cells.get(r) : null;
            if (c == null) {
                b.appendNull(bc);
            } else {
                one[0] = c.row();
                TableOps.gather(b, bc, c.src(), c.src().columnIndex(valueColumn), one, 1);
            }
        }
    }

    /** The text Flux gives a cell in a pivoted column's label. */
    static String text(FluxTable t, int col, int r) {
        if (t.isNull(col, r)) {
            return "null";
        }
        switch (t.column(col).type()) {
            case BOOL: return t.getBool(col, r) ? "true" : "false";
            case INT: return Long.toString(t.getLong(col, r));
            case UINT: return Long.toUnsignedString(t.getLong(col, r));
            case FLOAT: return goExponent(t.getDouble(col, r));
            case STRING: return t.getString(col, r);
            case TIME: return rfc3339Nano(t.getLong(col, r));
            default: return Values.toFluxString(t.value(col, r));
        }
    }

    /** Go's {@code strconv.FormatFloat(v, 'E', -1, 64)}: shortest digits as {@code d.dddE±dd}. */
    static String goExponent(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        StringBuilder sb = new StringBuilder();
        if (d < 0 || (d == 0 && 1 / d < 0)) {
            sb.append('-');
        }
        if (d == 0) {
            return sb.append("0E+00").toString();
        }
        BigDecimal b = new BigDecimal(Values.displayFloat(Math.abs(d))).stripTrailingZeros();
        String digits = b.unscaledValue().toString();
        int exp = b.precision() - b.scale() - 1;
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('E').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) {
            sb.append('0');
        }
        return sb.append(a).toString();
    }

    /** Go's RFC3339Nano text of a time: fractional zeros trimmed, no fraction for whole seconds. */
    static String rfc3339Nano(long nanos) {
        String full = Values.formatTime(nanos);
        int dot = full.indexOf('.');
        int end = full.length() - 1;
        int last = end - 1;
        while (last > dot && full.charAt(last) == '0') {
            last--;
        }
        if (last == dot) {
            return full.substring(0, dot) + "Z";
        }
        return full.substring(0, last + 1) + "Z";
    }
}
