package io.jflux.stdlib.universe;

import static io.jflux.stdlib.universe.RowTx.INT;
import static io.jflux.stdlib.universe.RowTx.T1;
import static io.jflux.stdlib.universe.RowTx.T2;
import static io.jflux.stdlib.universe.RowTx.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code timeShift} and {@code truncateTimeColumn}. */
class TimeOpsTest {

    static String rows(String tag, int[] values, String datePrefix) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(row(datePrefix + i + "0.000000000Z", values[i], tag));
        }
        return sb.toString();
    }

    @Test
    void shiftTimestampsForwardAndBackward() {
        assertEquals("result _result\n"
                + RowTx.head("t1") + rows("t1", T1, "2021-01-01T12:00:")
                + RowTx.head("t2") + rows("t2", T2, "2021-01-01T12:00:"),
                RowTx.run(INT + "data |> timeShift(duration: 12h)"));
        assertEquals("result _result\n"
                + RowTx.head("t1") + rows("t1", T1, "2020-12-31T12:00:")
                + RowTx.head("t2") + rows("t2", T2, "2020-12-31T12:00:"),
                RowTx.run(INT + "data |> timeShift(duration: -12h)"));
    }

    @Test
    void shiftMovesKeyColumnsAndMonthsAreCalendarMonths() {
        String s = "2020-12-01T00:00:10.000000000Z";
        String e = "2020-12-01T00:00:30.000000000Z";
        String head = "] _start:time, _stop:time, _time:time, _value:int, tag:string\n";
        assertEquals("result _result\n"
                + "table [_start=" + s + ", _stop=" + e + ", tag=t1" + head
                + row(s, e, "2020-12-01T00:00:10.000000000Z", 10, "t1")
                + row(s, e, "2020-12-01T00:00:20.000000000Z", 7, "t1")
                + "table [_start=" + s + ", _stop=" + e + ", tag=t2" + head
                + row(s, e, "2020-12-01T00:00:10.000000000Z", 4, "t2")
                + row(s, e, "2020-12-01T00:00:20.000000000Z", -3, "t2"),
                RowTx.run(INT + "data |> range(start: 2021-01-01T00:00:10Z, stop: 2021-01-01T00:00:30Z)"
                        + " |> timeShift(duration: -1mo)"));
    }

    @Test
    void shiftOnlyTheListedColumnsAndKeepNulls() {
        assertEquals("result _result\n"
                + "table [] a:time, b:time\n"
                + row("2021-01-01T01:00:00.000000000Z", "2021-01-01T00:00:00.000000000Z")
                + row("<null>", "2021-01-01T00:00:00.000000000Z"),
                RowTx.run("import \"array\"\n"
                        + "array.from(rows: [{a: 2021-01-01T00:00:00Z, b: 2021-01-01T00:00:00Z},"
                        + " {b: 2021-01-01T00:00:00Z}])"
                        + " |> timeShift(duration: 1h, columns: [\"a\", \"c\"])"));
    }

    @Test
    void shiftNeedsTimeColumns() {
        assertEquals("column \"_value\" is not of type time",
                RowTx.error(INT + "data |> timeShift(duration: 1h, columns: [\"_value\"])").getMessage());
    }

    @Test
    void truncateAllTimeValuesToTheMinute() {
        assertEquals("result _result\n"
                + RowTx.head("t1") + rows("t1", T1, "2021-01-01T00:00:").replaceAll(":\\d0\\.", ":00.")
                + RowTx.head("t2") + rows("t2", T2, "2021-01-01T00:00:").replaceAll(":\\d0\\.", ":00."),
                RowTx.run(INT + "data |> truncateTimeColumn(unit: 1m)"));
    }

    @Test
    void weeksStartOnThursdayAndMonthsOnTheFirst() {
        assertEquals("result _result\n"
                + "table [] _time:time, mo:time, w:time, y:time\n"
                + row("2021-01-07T00:00:00.000000000Z", "2021-01-13T10:00:00.000000000Z",
                        "2021-01-13T10:00:00.000000000Z", "2021-01-13T10:00:00.000000000Z")
                + row("2021-01-01T00:00:00.000000000Z", "2021-01-13T10:00:00.000000000Z",
                        "2021-01-13T10:00:00.000000000Z", "2021-01-13T10:00:00.000000000Z")
                + row("2021-01-01T00:00:00.000000000Z", "2021-01-13T10:00:00.000000000Z",
                        "2021-01-13T10:00:00.000000000Z", "2021-01-13T10:00:00.000000000Z"),
                RowTx.run("import \"array\"\n"
                        + "t = 2021-01-13T10:00:00Z\n"
                        + "data = array.from(rows: [{_time: t, w: t, mo: t, y: t}])\n"
                        + "union(tables: [data |> truncateTimeColumn(unit: 1w),"
                        + " data |> truncateTimeColumn(unit: 1mo), data |> truncateTimeColumn(unit: 1y)])"
                        + " |> group()"
                        + " |> map(fn: (r) => r) |> keep(columns: [\"_time\", \"w\", \"mo\", \"y\"])"));
    }

    @Test
    void truncateHasTheColumnsAndKeysOfMap() {
        String head = "] _time:time, a:int, z:string\n";
        assertEquals("result _result\n"
                + "table [_time=2021-01-01T00:00:00.000000000Z" + head + row("2021-01-01T00:00:00.000000000Z", 1, "x")
                + "table [_time=2021-01-01T00:00:00.000000000Z" + head + row("2021-01-01T00:00:00.000000000Z", 2, "y")
                + "table [_time=2021-01-01T01:00:00.000000000Z" + head + row("2021-01-01T01:00:00.000000000Z", 3, "z"),
                RowTx.run("import \"array\"\n"
                        + "array.from(rows: [{z: \"x\", _time: 2021-01-01T00:10:00Z, a: 1},"
                        + " {z: \"y\", _time: 2021-01-01T00:20:00Z, a: 2}, {z: \"z\", _time: 2021-01-01T01:20:00Z, a: 3}])"
                        + " |> group(columns: [\"_time\"]) |> truncateTimeColumn(unit: 1h)"));
    }

    @Test
    void theUnitMustBeOfMonthsOrOfSmallerUnits() {
        assertEquals("truncateTimeColumn: unit must be a positive duration of months or of smaller units, got 1mo1d",
                RowTx.error(INT + "data |> truncateTimeColumn(unit: 1mo1d)").getMessage());
    }
}
