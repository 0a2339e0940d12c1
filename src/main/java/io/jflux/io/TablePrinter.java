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
        Layout layout = new Layout();
        FluxTable t;
        while ((t = tables.next()) != null) {
            try (FluxTable table = t) {
                layout.print(table, out);
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
        new Layout().print(t, out);
    }

    private static final String SPACES = " ".repeat(256);
    private static final String DASHES = "-".repeat(256);

    /**
     * Prints tables one after another, remembering the last table's key line, header and widths: a stream of
     * many small tables of one schema (a scrape) formats those once, not per table.
     */
    private static final class Layout {
        private final StringBuilder sb = new StringBuilder(1024);
        private List<ColumnMeta> keyColumns;
        private String keyLine;
        private List<ColumnMeta> columns;
        private List<ColumnMeta> headerKey;
        private int[] order;
        private String[] header;
        private int[] headerWidth;
        private int[] width = new int[0];
        private String headerLines;
        private String[] cells = new String[0];

        void print(FluxTable t, PrintStream out) {
            StringBuilder line = sb;
            line.setLength(0);
            if (t.key().columns() != keyColumns) {
                keyColumns = t.key().columns();
                List<String> keys = new ArrayList<>();
                for (ColumnMeta c : keyColumns) {
                    keys.add(c.label());
                }
                keyLine = "Table: keys: [" + String.join(", ", keys) + "]\n";
            }
            line.append(keyLine);
            int n = t.columnCount();
            if (t.columns() != columns || keyColumns != headerKey) {
                columns = t.columns();
                headerKey = keyColumns;
                order = order(t);
                header = new String[n];
                headerWidth = new int[n];
                for (int i = 0; i < n; i++) {
                    ColumnMeta m = t.column(order[i]);
                    header[i] = m.label() + ":" + typeName(m.type());
                    headerWidth[i] = Math.max(length(header[i]), minWidth(m.type()));
                }
                headerLines = null;
                width = new int[n];
            }
            int rows = t.rowCount();
            if (cells.length < rows * n) {
                cells = new String[Math.max(rows * n, cells.length * 2)];
            }
            boolean same = headerLines != null;
            for (int i = 0; i < n; i++) {
                int w = headerWidth[i];
                for (int r = 0; r < rows; r++) {
                    String c = cell(t, order[i], r);
                    cells[r * n + i] = c;
                    w = Math.max(w, length(c));
                }
                same &= width[i] == w;
                width[i] = w;
            }
            if (!same) {
                StringBuilder h = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    pad(h, header[i], width[i], i);
                }
                h.append('\n');
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        h.append("  ");
                    }
                    repeat(h, DASHES, width[i]);
                }
                h.append('\n');
                headerLines = h.toString();
            }
            line.append(headerLines);
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < n; i++) {
                    pad(line, cells[r * n + i], width[i], i);
                    cells[r * n + i] = null;
                }
                line.append('\n');
            }
            out.print(line);
        }
    }

    private static void repeat(StringBuilder sb, String run, int n) {
        while (n > run.length()) {
            sb.append(run);
            n -= run.length();
        }
        sb.append(run, 0, n);
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
            case STRING: return t.getString(c, r);
            case TIME: return Values.formatTime(t.getLong(c, r));
            case FLOAT: return Values.formatFloat(t.getDouble(c, r));
            default: return Values.toFluxString(t.value(c, r));
        }
    }

    private static int length(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return s.codePointCount(0, s.length());
            }
        }
        return s.length();
    }

    private static void pad(StringBuilder sb, String text, int width, int column) {
        if (column > 0) {
            sb.append("  ");
        }
        repeat(sb, SPACES, width - length(text));
        sb.append(text);
    }
}
