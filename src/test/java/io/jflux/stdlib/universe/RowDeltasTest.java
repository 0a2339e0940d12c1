package io.jflux.stdlib.universe;

import static io.jflux.stdlib.universe.Data.INT;
import static io.jflux.stdlib.universe.Data.INT_NULLS;
import static io.jflux.stdlib.universe.Data.check;
import static io.jflux.stdlib.universe.Data.fails;
import static io.jflux.stdlib.universe.Data.result;
import static io.jflux.stdlib.universe.Data.t;

import org.junit.jupiter.api.Test;

/** difference, increase, derivative, cumulativeSum and elapsed. */
class RowDeltasTest {

    private static final String INT_HEADER = "table [] _time:time, tag:string, _value:int";
    private static final String FLOAT_HEADER = "table [] _time:time, tag:string, _value:float";

    private static String row(String time, String value) {
        return "  " + t(time) + ", t1, " + value;
    }

    /** The docs' examples of difference: plain, nonNegative, with nulls, keepFirst. */
    @Test
    void differenceOfTheDocsExamples() {
        check(result("plain", INT_HEADER, row("00:00:10", "12"), row("00:00:20", "-3"), row("00:00:30", "10"),
                        row("00:00:40", "-2"), row("00:00:50", "-11"))
                + result("nonNegative", INT_HEADER, row("00:00:10", "12"), row("00:00:20", "<null>"),
                        row("00:00:30", "10"), row("00:00:40", "<null>"), row("00:00:50", "<null>"))
                + result("keepFirst", INT_HEADER, row("00:00:00", "<null>"), row("00:00:10", "12"),
                        row("00:00:20", "-3"), row("00:00:30", "10"), row("00:00:40", "-2"), row("00:00:50", "-11")),
                INT + "data |> difference() |> yield(name: \"plain\")\n"
                        + "data |> difference(nonNegative: true) |> yield(name: \"nonNegative\")\n"
                        + "data |> difference(keepFirst: true) |> yield(name: \"keepFirst\")");
    }

    /** null minus a value is null; a value minus null uses the last non-null value before it. */
    @Test
    void differenceWithNulls() {
        check(result("_result", INT_HEADER, row("00:00:10", "<null>"), row("00:00:20", "9"),
                        row("00:00:30", "<null>"), row("00:00:40", "<null>"), row("00:00:50", "-3")),
                INT_NULLS + "data |> difference()");
        check(result("_result", "table [] v:float, w:int", "  <null>, 2", "  1, 3", "  1.5, 4"),
                "import \"array\"\narray.from(rows: [{v: 1.0, w: 1}, {w: 2}, {v: 2.0, w: 3}, {v: 3.5, w: 4}])"
                        + " |> difference(columns: [\"v\"])");
    }

    /** uint columns give int differences; nonNegative with initialZero restarts from zero after a decrease. */
    @Test
    void differenceOfUintsAndInitialZero() {
        check(result("uint", "table [] u:int", "  -1", "  5")
                + result("zero", INT_HEADER, row("00:00:10", "12"), row("00:00:20", "7"), row("00:00:30", "10"),
                        row("00:00:40", "15"), row("00:00:50", "4")),
                INT + "array.from(rows: [{u: uint(v: 3)}, {u: uint(v: 2)}, {u: uint(v: 7)}])"
                        + " |> difference(columns: [\"u\"]) |> yield(name: \"uint\")\n"
                        + "data |> difference(nonNegative: true, initialZero: true) |> yield(name: \"zero\")");
    }

    @Test
    void differenceRejectsTimesAndStrings() {
        fails("difference does not support time columns. Try the elapsed function",
                INT + "data |> difference(columns: [\"_time\"])");
        fails("difference: unsupported type for column tag: string", INT + "data |> difference(columns: [\"tag\"])");
    }

    /** The docs' example of increase: resets read as restarts from zero, summed. */
    @Test
    void increaseSumsNonNegativeDifferences() {
        check(result("_result", INT_HEADER, row("00:00:00", "0"), row("00:00:10", "12"), row("00:00:20", "19"),
                        row("00:00:30", "29"), row("00:00:40", "44"), row("00:00:50", "48")),
                INT + "data |> increase()");
    }

    /** The docs' examples of derivative: nonNegative, and with nulls. */
    @Test
    void derivativeOfTheDocsExamples() {
        check(result("nonNegative", FLOAT_HEADER, row("00:00:10", "1.2"), row("00:00:20", "<null>"),
                        row("00:00:30", "1"), row("00:00:40", "<null>"), row("00:00:50", "<null>")),
                INT + "data |> derivative(nonNegative: true) |> yield(name: \"nonNegative\")");
        check(result("nulls", FLOAT_HEADER, row("00:00:10", "<null>"), row("00:00:20", "0.45"),
                        row("00:00:30", "<null>"), row("00:00:40", "<null>"), row("00:00:50", "-0.1")),
                INT_NULLS + "data |> derivative() |> yield(name: \"nulls\")");
    }

    /** unit scales the rate; a row at the same time as the previous one is dropped. */
    @Test
    void derivativeUnitsAndRepeatedTimes() {
        check(result("_result", "table [] _time:time, _value:float", "  " + t("00:01:00") + ", 10",
                        "  " + t("00:03:00") + ", -2.5"),
                "import \"array\"\narray.from(rows: [{_time: 2021-01-01T00:00:00Z, _value: 0},"
                        + " {_time: 2021-01-01T00:01:00Z, _value: 10}, {_time: 2021-01-01T00:01:00Z, _value: 99},"
                        + " {_time: 2021-01-01T00:03:00Z, _value: 5}]) |> derivative(unit: 1m)");
    }

    @Test
    void derivativeErrors() {
        fails("derivative found out-of-order times in time column",
                "import \"array\"\narray.from(rows: [{_time: 2021-01-01T00:01:00Z, _value: 1},"
                        + " {_time: 2021-01-01T00:00:00Z, _value: 2}]) |> derivative()");
        fails("no column \"t\" exists", INT + "data |> derivative(timeColumn: \"t\")");
    }

    /** The docs' example of cumulativeSum; a null holds the sum so far. */
    @Test
    void cumulativeSums() {
        check(result("sum", INT_HEADER, row("00:00:00", "-2"), row("00:00:10", "8"), row("00:00:20", "15"),
                        row("00:00:30", "32"), row("00:00:40", "47"), row("00:00:50", "51"))
                + result("nulls", "table [] w:int, v:float", "  0, 0", "  1, 1.5", "  2, 1.5", "  3, 4"),
                INT + "data |> cumulativeSum() |> yield(name: \"sum\")\n"
                        + "array.from(rows: [{w: 0}, {w: 1, v: 1.5}, {w: 2}, {w: 3, v: 2.5}])"
                        + " |> cumulativeSum(columns: [\"v\"]) |> yield(name: \"nulls\")");
    }

    /** elapsed drops the first row and adds the time since the previous row, in units (default 1s). */
    @Test
    void elapsedTimesBetweenRows() {
        check(result("s", "table [] _time:time, _value:int, elapsed:int", "  " + t("00:00:10") + ", 2, 10",
                        "  " + t("00:01:40") + ", 3, 90")
                + result("ms", "table [] _time:time, _value:int, dt:int", "  " + t("00:00:10") + ", 2, 10000",
                        "  " + t("00:01:40") + ", 3, 90000"),
                "import \"array\"\ndata = array.from(rows: [{_time: 2021-01-01T00:00:00Z, _value: 1},"
                        + " {_time: 2021-01-01T00:00:10Z, _value: 2}, {_time: 2021-01-01T00:01:40Z, _value: 3}])\n"
                        + "data |> elapsed() |> yield(name: \"s\")\n"
                        + "data |> elapsed(unit: 1ms, columnName: \"dt\") |> yield(name: \"ms\")");
    }

    @Test
    void elapsedNeedsTheTimeColumn() {
        fails("column \"t\" does not exist", INT + "data |> elapsed(timeColumn: \"t\")");
    }
}
