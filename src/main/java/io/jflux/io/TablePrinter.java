package io.jflux.io;

import io.jflux.eval.Value;
import io.jflux.eval.Values;
import io.jflux.table.ColumnMeta;
import io.jflux.table.FluxTable;
import io.jflux.table.TableStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes tables for people, as the influx command line does: per table, its group key, then a header of
 * {@code label:type} cells, a rule, and the rows, each column right-aligned to its widest cell.
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

    static void print(FluxTable t, PrintStream out) {
        List<String> keys = new ArrayList<>();
        for (ColumnMeta c : t.key().columns()) {
            keys.add(c.label());
        }
        out.println("Table: keys: [" + String.join(", ", keys) + "]");
        int n = t.columnCount();
        String[] header = new String[n];
        int[] width = new int[n];
        for (int c = 0; c < n; c++) {
            ColumnMeta m = t.column(c);
            header[c] = m.label() + ":" + m.type().fluxName();
            width[c] = header[c].length();
        }
        String[][] cells = new String[t.rowCount()][n];
        for (int r = 0; r < t.rowCount(); r++) {
            for (int c = 0; c < n; c++) {
                Value v = t.value(c, r);
                cells[r][c] = v.isNull() ? "" : Values.toFluxString(v);
                width[c] = Math.max(width[c], cells[r][c].length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < n; c++) {
            pad(line, header[c], width[c], c);
        }
        out.println(line);
        line.setLength(0);
        for (int c = 0; c < n; c++) {
            pad(line, "-".repeat(width[c]), width[c], c);
        }
        out.println(line);
        for (String[] row : cells) {
            line.setLength(0);
            for (int c = 0; c < n; c++) {
                pad(line, row[c], width[c], c);
            }
            out.println(line);
        }
    }

    private static void pad(StringBuilder sb, String text, int width, int column) {
        if (column > 0) {
            sb.append("  ");
        }
        sb.append(" ".repeat(width - text.length())).append(text);
    }
}
