package io.jflux.stdlib.universe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jflux.diag.FluxException;
import io.jflux.table.Tables;

/** Inputs shared by the tests of the aggregates, selectors and windows: the docs' sample data as array.from. */
final class Data {

    private Data() {}

    /** {@code sampledata.int()}'s first series (tag t1), tag as a plain column. */
    static final String INT = "import \"array\"\n"
            + "data = array.from(rows: [\n"
            + "    {_time: 2021-01-01T00:00:00Z, tag: \"t1\", _value: -2},\n"
            + "    {_time: 2021-01-01T00:00:10Z, tag: \"t1\", _value: 10},\n"
            + "    {_time: 2021-01-01T00:00:20Z, tag: \"t1\", _value: 7},\n"
            + "    {_time: 2021-01-01T00:00:30Z, tag: \"t1\", _value: 17},\n"
            + "    {_time: 2021-01-01T00:00:40Z, tag: \"t1\", _value: 15},\n"
            + "    {_time: 2021-01-01T00:00:50Z, tag: \"t1\", _value: 4},\n"
            + "])\n";

    /** {@code sampledata.int(includeNull: true)}'s first series. */
    static final String INT_NULLS = "import \"array\"\n"
            + "data = array.from(rows: [\n"
            + "    {_time: 2021-01-01T00:00:00Z, tag: \"t1\", _value: -2},\n"
            + "    {_time: 2021-01-01T00:00:10Z, tag: \"t1\"},\n"
            + "    {_time: 2021-01-01T00:00:20Z, tag: \"t1\", _value: 7},\n"
            + "    {_time: 2021-01-01T00:00:30Z, tag: \"t1\"},\n"
            + "    {_time: 2021-01-01T00:00:40Z, tag: \"t1\"},\n"
            + "    {_time: 2021-01-01T00:00:50Z, tag: \"t1\", _value: 4},\n"
            + "])\n";

    /** {@code sampledata.float()}'s first series. */
    static final String FLOAT = "import \"array\"\n"
            + "data = array.from(rows: [\n"
            + "    {_time: 2021-01-01T00:00:00Z, tag: \"t1\", _value: -2.18},\n"
            + "    {_time: 2021-01-01T00:00:10Z, tag: \"t1\", _value: 10.92},\n"
            + "    {_time: 2021-01-01T00:00:20Z, tag: \"t1\", _value: 7.35},\n"
            + "    {_time: 2021-01-01T00:00:30Z, tag: \"t1\", _value: 17.53},\n"
            + "    {_time: 2021-01-01T00:00:40Z, tag: \"t1\", _value: 15.23},\n"
            + "    {_time: 2021-01-01T00:00:50Z, tag: \"t1\", _value: 4.43},\n"
            + "])\n";

    /**
     * {@code sampledata.int()}'s first series with the {@code _start} and {@code _stop} columns {@code range}
     * would add (not in the group key: that needs {@code group}). {@code window} takes its bounds from them.
     */
    static final String RANGED = "import \"array\"\n"
            + "data = array.from(rows: [\n"
            + "    {_start: 2021-01-01T00:00:00Z, _stop: 2021-01-01T00:01:00Z, _time: 2021-01-01T00:00:00Z, _value: -2},\n"
            + "    {_start: 2021-01-01T00:00:00Z, _stop: 2021-01-01T00:01:00Z, _time: 2021-01-01T00:00:10Z, _value: 10},\n"
            + "    {_start: 2021-01-01T00:00:00Z, _stop: 2021-01-01T00:01:00Z, _time: 2021-01-01T00:00:20Z, _value: 7},\n"
            + "    {_start: 2021-01-01T00:00:00Z, _stop: 2021-01-01T00:01:00Z, _time: 2021-01-01T00:00:30Z, _value: 17},\n"
            + "    {_start: 2021-01-01T00:00:00Z, _stop: 2021-01-01T00:01:00Z, _time: 2021-01-01T00:00:40Z, _value: 15},\n"
            + "    {_start: 2021-01-01T00:00:00Z, _stop: 2021-01-01T00:01:00Z, _time: 2021-01-01T00:00:50Z, _value: 4},\n"
            + "])\n";

    /** A time on 2021-01-01 as the test tables print it, from {@code "HH:MM:SS"}. */
    static String t(String hms) {
        return "2021-01-01T" + hms + ".000000000Z";
    }

    /** The expected text of one result. */
    static String result(String name, String... lines) {
        StringBuilder sb = new StringBuilder("result ").append(name).append('\n');
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    static void check(String expected, String flux) {
        assertEquals(expected, Tables.run(flux));
    }

    static void fails(String message, String flux) {
        FluxException e = assertThrows(FluxException.class, () -> Tables.run(flux));
        assertEquals(message, e.getMessage());
        // Closing the execution after the error would have reported leaked table memory here.
        assertEquals(0, e.getSuppressed().length, () -> "suppressed: " + java.util.Arrays.toString(e.getSuppressed()));
    }
}
