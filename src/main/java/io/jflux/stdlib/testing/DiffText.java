package io.jflux.stdlib.testing;

import io.jflux.eval.Values;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as text for a person reading why a test failed: a line naming its group key, then its other columns,
 * left-aligned, one row per line. A diff table of {@code testing.diff} reads as a difference: rows marked
 * {@code -} are what was wanted, rows marked {@code +} what was got.
 *
 * <pre>
 * table {_measurement=m} differs (- want, + got):
 *     _diff  _time                           _value
 *     -      2021-01-01T00:00:00.000000000Z  1.5
 *     +      2021-01-01T00:00:00.000000000Z  2
 * </pre>
 */
public final class DiffText {

    /** Rows shown at most; the rest are counted. */
    static final int MAX_ROWS = 50;

    private DiffText() {}

    /** Whether {@code t} looks like a table of {@code testing.diff}: it has a {@code _diff} string column. */
    public static boolean isDiff(FluxTable t) {
        int i = t.columnIndex(TableDiff.MARK);
        return i >= 0 && t.column(i).type() == ColumnType.STRING;
    }

    public static String render(FluxTable t) {
        StringBuilder sb = new StringBuilder("table ").append(t.key());
        if (isDiff(t)) {
            sb.append(" differs (- want, + got):");
        } else {
            sb.append(" has ").append(t.rowCount()).append(t.rowCount() == 1 ? " row:" : " rows:");
        }
        List<Integer> cols = new ArrayList<>();
        for (int c = 0; c < t.columnCount(); c++) {
            if (!t.key().has(t.column(c).label())) {
                cols.add(c);
            }
        }
        int shown = Math.min(t.rowCount(), MAX_ROWS);
        String[][] cells = new String[shown + 1][cols.size()];
        int[] width = new int[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            cells[0][i] = t.column(cols.get(i)).label();
            for (int r = 0; r < shown; r++) {
                cells[r + 1][i] = Values.display(t.value(cols.get(i), r));
            }
            for (String[] row : cells) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder("    ");
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(width[i] - row[i].length() + 2));
                }
            }
            sb.append('\n').append(line.toString().stripTrailing());
        }
        if (shown < t.rowCount()) {
            sb.append("\n    ... and ").append(t.rowCount() - shown).append(" more rows");
        }
        return sb.toString();
    }
}
