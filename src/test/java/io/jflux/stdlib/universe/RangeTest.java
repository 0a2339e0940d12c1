package io.jflux.stdlib.universe;

import static io.jflux.stdlib.universe.RowTx.INT;
import static io.jflux.stdlib.universe.RowTx.row;
import static io.jflux.stdlib.universe.RowTx.time;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code range}: bounds, the {@code _start} and {@code _stop} columns and key, null times, errors. */
class RangeTest {

    static final String B10 = "2021-01-01T00:00:10.000000000Z";
    static final String B30 = "2021-01-01T00:00:30.000000000Z";
    static final String HEAD = "] _start:time, _stop:time, _time:time, _value:int, tag:string\n";

    static String key(String start, String stop, String tag) {
        return "table [_start=" + start + ", _stop=" + stop + ", tag=" + tag + HEAD;
    }

    @Test
    void anAbsoluteRangeIncludesStartAndExcludesStop() {
        assertEquals("result _result\n"
                + key(B10, B30, "t1") + row(B10, B30, time(1), 10, "t1") + row(B10, B30, time(2), 7, "t1")
                + key(B10, B30, "t2") + row(B10, B30, time(1), 4, "t2") + row(B10, B30, time(2), -3, "t2"),
                RowTx.run(INT + "data |> range(start: 2021-01-01T00:00:10Z, stop: 2021-01-01T00:00:30Z)"));
    }

    @Test
    void durationsAreRelativeToNowAndIntsAreUnixSeconds() {
        String now = "2021-01-01T00:10:00.000000000Z";
        String b40 = "2021-01-01T00:00:40.000000000Z";
        String want = "result _result\n"
                + key(b40, now, "t1") + row(b40, now, time(4), 15, "t1") + row(b40, now, time(5), 4, "t1")
                + key(b40, now, "t2") + row(b40, now, time(4), 13, "t2") + row(b40, now, time(5), 1, "t2");
        assertEquals(want, RowTx.run(INT + "data |> range(start: -9m20s)"));
        assertEquals(want, RowTx.run(INT + "data |> range(start: 1609459240)"));
        assertEquals(want, RowTx.run(INT + "data |> range(start: -10m, stop: 0s) |> range(start: -9m20s)"));
    }

    @Test
    void nowComesFromTheNowOption() {
        String stop = "2021-01-01T00:00:50.000000000Z";
        String b40 = "2021-01-01T00:00:40.000000000Z";
        assertEquals("result _result\n"
                + key(b40, stop, "t1") + row(b40, stop, time(4), 15, "t1")
                + key(b40, stop, "t2") + row(b40, stop, time(4), 13, "t2"),
                RowTx.run(INT + "option now = () => 2021-01-01T00:00:50Z\ndata |> range(start: -10s)"));
    }

    @Test
    void aKeyWithBothBoundsNarrowsToTheIntersection() {
        String b20 = "2021-01-01T00:00:20.000000000Z";
        assertEquals("result _result\n"
                + key(b20, B30, "t1") + row(b20, B30, time(2), 7, "t1")
                + key(b20, B30, "t2") + row(b20, B30, time(2), -3, "t2"),
                RowTx.run(INT + "data |> range(start: 2021-01-01T00:00:10Z, stop: 2021-01-01T00:00:30Z)"
                        + " |> range(start: 2021-01-01T00:00:20Z, stop: 2021-01-01T00:01:00Z)"));
    }

    @Test
    void tablesWithNoRowsInRangeAreDropped() {
        assertEquals("result _result\n",
                RowTx.run(INT + "data |> range(start: 2022-01-01T00:00:00Z, stop: 2022-01-02T00:00:00Z)"));
    }

    @Test
    void rowsWithANullTimeAreDropped() {
        assertEquals("result _result\n"
                + "table [_start=" + B10 + ", _stop=" + B30 + "] _start:time, _stop:time, v:int, _time:time\n"
                + row(B10, B30, 2, time(2)),
                RowTx.run("import \"array\"\n"
                        + "array.from(rows: [{v: 1}, {_time: 2021-01-01T00:00:20Z, v: 2}, {v: 3}])"
                        + " |> range(start: 2021-01-01T00:00:10Z, stop: 2021-01-01T00:00:30Z)"));
    }

    @Test
    void existingBoundColumnsOutsideTheKeyTakeTheBounds() {
        String b0 = "2020-01-01T00:00:00.000000000Z";
        assertEquals("result _result\n"
                + "table [_start=" + B10 + ", _stop=" + B30 + "] _time:time, _start:time, _stop:time\n"
                + row(time(2), B10, B30),
                RowTx.run("import \"array\"\n"
                        + "array.from(rows: [{_time: 2021-01-01T00:00:20Z, _start: " + b0.replace(".000000000", "")
                        + ", _stop: " + b0.replace(".000000000", "") + "}])"
                        + " |> range(start: 2021-01-01T00:00:10Z, stop: 2021-01-01T00:00:30Z)"));
    }

    @Test
    void errors() {
        assertEquals("cannot query an empty range",
                RowTx.error(INT + "data |> range(start: 2021-01-01T00:00:10Z, stop: 2021-01-01T00:00:10Z)")
                        .getMessage());
        assertEquals("range error: supplied time column _time doesn't exist",
                RowTx.error(INT + "data |> drop(columns: [\"_time\"]) |> range(start: -1h)").getMessage());
        assertEquals("range error: provided time column _time is not of type time",
                RowTx.error(INT + "data |> rename(columns: {_time: \"t\", _value: \"_time\"}) |> range(start: -1h)")
                        .getMessage());
        assertEquals("argument start of range: expected a time, a duration or an int (Unix seconds) but found string",
                RowTx.error(INT + "data |> range(start: \"yesterday\")").getMessage());
    }
}
