package io.jflux.stdlib.universe;

import static io.jflux.stdlib.universe.Data.check;
import static io.jflux.stdlib.universe.Data.result;
import static io.jflux.stdlib.universe.Data.t;

import io.jflux.diag.FluxException;
import io.jflux.table.Tables;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * aggregateWindow, written in Flux over window, the aggregate, _fillEmpty, duplicate and window(every: inf).
 * It needs duplicate, which the row transformations provide: until they are merged these tests are skipped.
 */
class AggregateWindowTest {

    @BeforeEach
    void needsDuplicate() {
        boolean present;
        try {
            Tables.run("import \"array\"\narray.from(rows: [{a: 1}]) |> duplicate(column: \"a\", as: \"b\")");
            present = true;
        } catch (FluxException e) {
            present = false;
        }
        Assumptions.assumeTrue(present, "duplicate() is not in the universe yet");
    }

    /** {@code sampledata.float()}'s first series with the bounds range would give it. */
    private static final String FLOAT = "import \"array\"\n"
            + "b = {_start: 2021-01-01T00:00:00Z, _stop: 2021-01-01T00:01:00Z}\n"
            + "data = array.from(rows: [\n"
            + "    {b with _time: 2021-01-01T00:00:00Z, _value: -2.18},\n"
            + "    {b with _time: 2021-01-01T00:00:10Z, _value: 10.92},\n"
            + "    {b with _time: 2021-01-01T00:00:20Z, _value: 7.35},\n"
            + "    {b with _time: 2021-01-01T00:00:30Z, _value: 17.53},\n"
            + "    {b with _time: 2021-01-01T00:00:40Z, _value: 15.23},\n"
            + "    {b with _time: 2021-01-01T00:00:50Z, _value: 4.43},\n"
            + "])\n";

    private static final String KEY = "table [_start=" + t("00:00:00") + ", _stop=" + t("00:01:00") + "]";

    private static String row(String value, String time) {
        return "  " + t("00:00:00") + ", " + t("00:01:00") + ", " + value + ", " + t(time);
    }

    /** The docs' first example: the mean of each 20s window, stamped with the window's stop. */
    @Test
    void meanOfEachWindow() {
        check(result("_result", KEY + " _start:time, _stop:time, _value:float, _time:time",
                row("4.37", "00:00:20"), row("12.440000000000001", "00:00:40"), row("9.83", "00:01:00")),
                FLOAT + "data |> aggregateWindow(every: 20s, fn: mean)");
    }

    /** The docs' second example: a function with more parameters, given column and tables. */
    @Test
    void aFunctionOfColumnAndTables() {
        check(result("_result", KEY + " _start:time, _stop:time, _value:float, _time:time",
                row("10.92", "00:00:20"), row("17.53", "00:00:40"), row("15.23", "00:01:00")),
                FLOAT + "data |> aggregateWindow(column: \"_value\", every: 20s,"
                        + " fn: (column, tables=<-) => tables |> quantile(q: 0.99, column: column))");
    }

    /**
     * Empty windows give a row too (createEmpty defaults to true): null for an aggregate, and for a selector,
     * whose empty table is filled with the key values and nulls. With createEmpty: false they give nothing.
     */
    @Test
    void emptyWindows() {
        String data = "import \"array\"\n"
                + "b = {_start: 2021-01-01T00:00:00Z, _stop: 2021-01-01T00:01:00Z}\n"
                + "data = array.from(rows: [{b with _time: 2021-01-01T00:00:05Z, _value: 1.0},"
                + " {b with _time: 2021-01-01T00:00:45Z, _value: 2.0}])\n";
        check(result("sum", KEY + " _start:time, _stop:time, _value:float, _time:time",
                        row("1", "00:00:20"), row("<null>", "00:00:40"), row("2", "00:01:00"))
                + result("first", KEY + " _start:time, _stop:time, _time:time, _value:float",
                        "  " + t("00:00:00") + ", " + t("00:01:00") + ", " + t("00:00:20") + ", 1",
                        "  " + t("00:00:00") + ", " + t("00:01:00") + ", " + t("00:00:40") + ", <null>",
                        "  " + t("00:00:00") + ", " + t("00:01:00") + ", " + t("00:01:00") + ", 2")
                + result("count", KEY + " _start:time, _stop:time, _value:int, _time:time",
                        row("1", "00:00:20"), row("0", "00:00:40"), row("1", "00:01:00"))
                + result("dense", KEY + " _start:time, _stop:time, _value:float, _time:time",
                        row("1", "00:00:20"), row("2", "00:01:00")),
                data + "data |> aggregateWindow(every: 20s, fn: sum) |> yield(name: \"sum\")\n"
                        + "data |> aggregateWindow(every: 20s, fn: first) |> yield(name: \"first\")\n"
                        + "data |> aggregateWindow(every: 20s, fn: count) |> yield(name: \"count\")\n"
                        + "data |> aggregateWindow(every: 20s, fn: sum, createEmpty: false) |> yield(name: \"dense\")");
    }

    /**
     * The docs' weekly example: weeks from Monday (offset -3d); the last window is clipped to the bounds and,
     * empty, gives null.
     */
    @Test
    void weeksStartingOnMonday() {
        String start = "2022-01-01T00:00:00.000000000Z";
        String stop = "2022-01-31T23:59:59.000000000Z";
        String bounds = "  " + start + ", " + stop + ", ";
        check(result("_result",
                "table [_start=" + start + ", _stop=" + stop + "] _start:time, _stop:time, _value:float, _time:time",
                bounds + "2, 2022-01-03T00:00:00.000000000Z",
                bounds + "3.3666666666666667, 2022-01-10T00:00:00.000000000Z",
                bounds + "2.95, 2022-01-17T00:00:00.000000000Z",
                bounds + "5, 2022-01-24T00:00:00.000000000Z",
                bounds + "4.85, 2022-01-31T00:00:00.000000000Z",
                bounds + "<null>, " + stop),
                "import \"array\"\n"
                        + "b = {_start: 2022-01-01T00:00:00Z, _stop: 2022-01-31T23:59:59Z}\n"
                        + "array.from(rows: [\n"
                        + "    {b with _time: 2022-01-01T00:00:00Z, _value: 2.0},\n"
                        + "    {b with _time: 2022-01-03T00:00:00Z, _value: 2.2},\n"
                        + "    {b with _time: 2022-01-06T00:00:00Z, _value: 4.1},\n"
                        + "    {b with _time: 2022-01-09T00:00:00Z, _value: 3.8},\n"
                        + "    {b with _time: 2022-01-11T00:00:00Z, _value: 1.7},\n"
                        + "    {b with _time: 2022-01-12T00:00:00Z, _value: 2.1},\n"
                        + "    {b with _time: 2022-01-15T00:00:00Z, _value: 3.8},\n"
                        + "    {b with _time: 2022-01-16T00:00:00Z, _value: 4.2},\n"
                        + "    {b with _time: 2022-01-20T00:00:00Z, _value: 5.0},\n"
                        + "    {b with _time: 2022-01-24T00:00:00Z, _value: 5.8},\n"
                        + "    {b with _time: 2022-01-28T00:00:00Z, _value: 3.9},\n"
                        + "])\n"
                        + "    |> aggregateWindow(every: 1w, offset: -3d, fn: mean)");
    }

    /** timeSrc and timeDst choose where the time comes from and goes. */
    @Test
    void timeSourceAndDestination() {
        check(result("_result", KEY + " _start:time, _stop:time, _value:float, t:time",
                row("4.37", "00:00:00"), row("12.440000000000001", "00:00:20"), row("9.83", "00:00:40")),
                FLOAT + "data |> aggregateWindow(every: 20s, fn: mean, timeSrc: \"_start\", timeDst: \"t\")");
    }
}
