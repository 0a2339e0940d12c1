package io.jflux.io;

import io.jflux.eval.Values;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.TableStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes tables for people, as {@code influx query} prints them: {@code Result: name}, then per table
 * {@code Table: keys: [k1, k2]}, a header of {@code label:type} cells, a rule of dashes and the rows. The group
 * key columns come first, in key order, then the other columns in table order. Every column is right-aligned
 * to the widest of its header, its cells and a minimum width per type (bool 12, int 26, uint 27, float 28,
 * string 22, time 30, duration 26), and columns are two spaces apart. Times have nine fraction digits, floats
 * their shortest decimal without exponent, nulls are blank.
 *
 * <p>Unlike the influx CLI, a result without tables still prints its {@code Result:} line, a table without rows
 * prints its header and rule, widths count characters rather than UTF-8 bytes, and no cell is cut short (the
 * influx CLI sizes columns by the first row only and cuts longer cells with {@code ...}).
 */
public final class TablePrinter {

    private TablePrinter() {}

    /** Prints every table of a result, closing each. */
    public static void print(String resultName, TableStream tables, PrintStream out) {
        out.println("Result: " + resultName);
        FluxTable t;
        while ((t = tables.next()) != null) {
            try (FluxTable table = t) {
                print(table, out);
            }
        }
    }

    /** The type name in a header: Flux's, except {@code boolean} as the influx CLI writes it. */
    static String typeName(ColumnType type) {
        return type == ColumnType.BOOL ? "boolean" : type.fluxName();
    }

    static int minWidth(ColumnType type) {
        switch (type) {
            case BOOL: return 12;
            case INT: return 26;
            case UINT: return 27;
            case FLOAT: return 28;
            case STRING: return 22;
            case TIME: return 30;
            default: return 26;
        }
    }

    static void print(FluxTable t, PrintStream out) {
        List<String> keys = new ArrayList<>();
        for (ColumnMeta c : t.key().columns()) {
            keys.add(c.label());
        }
        out.println("Table: keys: [" + String.join(", ", keys) + "]");
        int n = t.columnCount();
        int[] order = order(t);
        String[] header = new String[n];
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            ColumnMeta m = t.column(order[i]);
            header[i] = m.label() + ":" + typeName(m.type());
            width[i] = Math.max(length(header[i]), minWidth(m.type()));
        }
        String[][] cells = new String[t.rowCount()][n];
        for (int r = 0; r < t.rowCount(); r++) {
            for (int i = 0; i < n; i++) {
                cells[r][i] = cell(t, order[i], r);
                width[i] = Math.max(width[i], length(cells[r][i]));
            }
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            pad(line, header[i], width[i], i);
        }
        out.println(line);
        line.setLength(0);
        for (int i = 0; i < n; i++) {
            pad(line, "-".repeat(width[i]), width[i], i);
        }
        out.println(line);
        for (String[] row : cells) {
            line.setLength(0);
            for (int i = 0; i < n; i++) {
                pad(line, row[i], width[i], i);
            }
            out.println(line);
        }
    }

    /** Column indexes in print order: group key columns in key order, then the others in table order. */
    private static int[] order(FluxTable t) {
        int n = t.columnCount();
        int[] order = new int[n];
        int k = 0;
        for (ColumnMeta c : t.key().columns()) {
            int i = t.columnIndex(c.label());
            if (i >= 0) {
                order[k++] = i;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!t.key().has(t.column(i).label())) {
                order[k++] = i;
            }
        }
        return order;
    }

    private static String cell(FluxTable t, int c, int r) {
        if (t.isNull(c, r)) {
            return "";
        }
        switch (t.column(c).type()) {
            case TIME: return Values.formatTime(t.getLong(c, r));
            case FLOAT: return Values.formatFloat(t.getDouble(c, r));
            default: return Values.toFluxString(t.value(c, r));
        }
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static void pad(StringBuilder sb, String text, int width, int column) {
        if (column > 0) {
            sb.append("  ");
        }
        sb.append(" ".repeat(width - length(text))).append(text);
    }
}
