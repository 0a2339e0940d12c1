package io.jflux.stdlib.universe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jflux.diag.FluxException;
import io.jflux.stdlib.universe.rowfn.RowFn;
import io.jflux.table.Tables;

/**
 * Test helper for the transformations of rows and columns: runs a script through {@link Tables#run} twice, with
 * row functions compiled column at a time and then evaluated row by row, and checks both give the same.
 */
final class RowTx {

    private RowTx() {}

    /** The data of Flux's {@code sampledata.int()}: two tables keyed by {@code tag}. */
    static final String INT = "import \"array\"\n"
            + "data = array.from(rows: [\n"
            + "    {_time: 2021-01-01T00:00:00Z, _value: -2, tag: \"t1\"},\n"
            + "    {_time: 2021-01-01T00:00:10Z, _value: 10, tag: \"t1\"},\n"
            + "    {_time: 2021-01-01T00:00:20Z, _value: 7, tag: \"t1\"},\n"
            + "    {_time: 2021-01-01T00:00:30Z, _value: 17, tag: \"t1\"},\n"
            + "    {_time: 2021-01-01T00:00:40Z, _value: 15, tag: \"t1\"},\n"
            + "    {_time: 2021-01-01T00:00:50Z, _value: 4, tag: \"t1\"},\n"
            + "    {_time: 2021-01-01T00:00:00Z, _value: 19, tag: \"t2\"},\n"
            + "    {_time: 2021-01-01T00:00:10Z, _value: 4, tag: \"t2\"},\n"
            + "    {_time: 2021-01-01T00:00:20Z, _value: -3, tag: \"t2\"},\n"
            + "    {_time: 2021-01-01T00:00:30Z, _value: 19, tag: \"t2\"},\n"
            + "    {_time: 2021-01-01T00:00:40Z, _value: 13, tag: \"t2\"},\n"
            + "    {_time: 2021-01-01T00:00:50Z, _value: 1, tag: \"t2\"},\n"
            + "]) |> group(columns: [\"tag\"])\n";

    /** {@code sampledata.int(includeNull: true)}. */
    static final String INT_NULLS = "import \"array\"\n"
            + "data = array.from(rows: [\n"
            + "    {_time: 2021-01-01T00:00:00Z, _value: -2, tag: \"t1\"},\n"
            + "    {_time: 2021-01-01T00:00:10Z, tag: \"t1\"},\n"
            + "    {_time: 2021-01-01T00:00:20Z, _value: 7, tag: \"t1\"},\n"
            + "    {_time: 2021-01-01T00:00:30Z, tag: \"t1\"},\n"
            + "    {_time: 2021-01-01T00:00:40Z, tag: \"t1\"},\n"
            + "    {_time: 2021-01-01T00:00:50Z, _value: 4, tag: \"t1\"},\n"
            + "    {_time: 2021-01-01T00:00:00Z, tag: \"t2\"},\n"
            + "    {_time: 2021-01-01T00:00:10Z, _value: 4, tag: \"t2\"},\n"
            + "    {_time: 2021-01-01T00:00:20Z, _value: -3, tag: \"t2\"},\n"
            + "    {_time: 2021-01-01T00:00:30Z, _value: 19, tag: \"t2\"},\n"
            + "    {_time: 2021-01-01T00:00:40Z, tag: \"t2\"},\n"
            + "    {_time: 2021-01-01T00:00:50Z, _value: 1, tag: \"t2\"},\n"
            + "]) |> group(columns: [\"tag\"])\n";

    /** The header line {@link Tables} prints for a table of {@link #INT} with key {@code tag=t}. */
    static String head(String tag) {
        return "table [tag=" + tag + "] _time:time, _value:int, tag:string\n";
    }

    static final int[] T1 = {-2, 10, 7, 17, 15, 4};
    static final int[] T2 = {19, 4, -3, 19, 13, 1};

    /** The time of row {@code i} of a table of {@link #INT}. */
    static String time(int i) {
        return "2021-01-01T00:00:" + i + "0.000000000Z";
    }

    /** A rendered row: the cells joined as {@link Tables} joins them. */
    static String row(Object... cells) {
        StringBuilder sb = new StringBuilder(" ");
        for (Object c : cells) {
            sb.append(' ').append(c).append(',');
        }
        sb.setLength(sb.length() - 1);
        return sb.append('\n').toString();
    }

    /** The rows of table {@code tag} of {@link #INT} as rendered ({@code _time, _value, tag}). */
    static String intRows(String tag) {
        int[] values = tag.equals("t1") ? T1 : T2;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(row(time(i), values[i], tag));
        }
        return sb.toString();
    }

    /** The rendered result of {@code script}, the same both ways. */
    static String run(String script) {
        String vectorized;
        String rowByRow;
        try {
            RowFn.vectorize(true);
            vectorized = Tables.run(script);
            RowFn.vectorize(false);
            rowByRow = Tables.run(script);
        } finally {
            RowFn.vectorize(true);
        }
        assertEquals(vectorized, rowByRow, "compiled and row-by-row row functions differ");
        return vectorized;
    }

    /** The error {@code script} fails with, the same both ways. */
    static FluxException error(String script) {
        FluxException vectorized;
        FluxException rowByRow;
        try {
            RowFn.vectorize(true);
            vectorized = assertThrows(FluxException.class, () -> Tables.run(script));
            RowFn.vectorize(false);
            rowByRow = assertThrows(FluxException.class, () -> Tables.run(script));
        } finally {
            RowFn.vectorize(true);
        }
        assertEquals(vectorized.getMessage(), rowByRow.getMessage(), "compiled and row-by-row errors differ");
        // Closing the execution after the error would have reported leaked table memory here.
        for (FluxException e : new FluxException[] {vectorized, rowByRow}) {
            assertEquals(0, e.getSuppressed().length, () -> "suppressed: " + java.util.Arrays.toString(e.getSuppressed()));
        }
        return vectorized;
    }
}
