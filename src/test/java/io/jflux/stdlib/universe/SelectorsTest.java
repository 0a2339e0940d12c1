package io.jflux.stdlib.universe;

import static io.jflux.stdlib.universe.Data.FLOAT;
import static io.jflux.stdlib.universe.Data.INT;
import static io.jflux.stdlib.universe.Data.INT_NULLS;
import static io.jflux.stdlib.universe.Data.check;
import static io.jflux.stdlib.universe.Data.fails;
import static io.jflux.stdlib.universe.Data.result;
import static io.jflux.stdlib.universe.Data.t;

import org.junit.jupiter.api.Test;

/** first, last, min, max, quantile's exact selector, unique and distinct. */
class SelectorsTest {

    private static final String INT_HEADER = "table [] _time:time, tag:string, _value:int";

    /** The docs' examples: selectors keep the whole row. */
    @Test
    void firstLastMinMaxKeepWholeRows() {
        check(result("first", INT_HEADER, "  " + t("00:00:00") + ", t1, -2")
                + result("last", INT_HEADER, "  " + t("00:00:50") + ", t1, 4")
                + result("min", INT_HEADER, "  " + t("00:00:00") + ", t1, -2")
                + result("max", INT_HEADER, "  " + t("00:00:30") + ", t1, 17"),
                INT + "data |> first() |> yield(name: \"first\")\n"
                        + "data |> last() |> yield(name: \"last\")\n"
                        + "data |> min() |> yield(name: \"min\")\n"
                        + "data |> max() |> yield(name: \"max\")");
    }

    /** first and last skip null values of the column; min and max ignore them. */
    @Test
    void selectorsSkipNulls() {
        String data = "import \"array\"\ndata = array.from(rows: [{i: 1}, {i: 2, v: 5.0}, {i: 3, v: -1.0},"
                + " {i: 4, v: 5.0}, {i: 5}])\n";
        String header = "table [] i:int, v:float";
        check(result("first", header, "  2, 5") + result("last", header, "  4, 5")
                + result("min", header, "  3, -1") + result("max", header, "  2, 5"),
                data + "data |> first(column: \"v\") |> yield(name: \"first\")\n"
                        + "data |> last(column: \"v\") |> yield(name: \"last\")\n"
                        + "data |> min(column: \"v\") |> yield(name: \"min\")\n"
                        + "data |> max(column: \"v\") |> yield(name: \"max\")");
    }

    /** With no non-null value to select, a selector gives an empty table with the input's schema. */
    @Test
    void selectingNothingGivesAnEmptyTable() {
        check(result("_result", "table [] i:int, v:float"),
                "import \"array\"\narray.from(rows: [{i: 1, v: 1.0}, {i: 2}])"
                        + " |> tail(n: 1) |> first(column: \"v\")");
    }

    @Test
    void minAndMaxCompareUintsAndTimes() {
        check(result("min", "table [] u:uint, t:time", "  1, " + t("00:00:02"))
                + result("max", "table [] u:uint, t:time", "  18446744073709551615, " + t("00:00:01"))
                + result("latest", "table [] u:uint, t:time", "  1, " + t("00:00:02")),
                "import \"array\"\ndata = array.from(rows: [{u: uint(v: -1), t: 2021-01-01T00:00:01Z},"
                        + " {u: uint(v: 1), t: 2021-01-01T00:00:02Z}])\n"
                        + "data |> min(column: \"u\") |> yield(name: \"min\")\n"
                        + "data |> max(column: \"u\") |> yield(name: \"max\")\n"
                        + "data |> max(column: \"t\") |> yield(name: \"latest\")");
    }

    @Test
    void selectorErrors() {
        fails("no column \"nope\" exists", INT + "data |> first(column: \"nope\")");
        fails("invalid use of function: max has no implementation for type string",
                INT + "data |> max(column: \"tag\")");
    }

    /** The docs' example of quantile as a selector, and median's. */
    @Test
    void exactSelectorKeepsTheRowAtTheQuantile() {
        String header = "table [] _time:time, tag:string, _value:float";
        check(result("q", header, "  " + t("00:00:20") + ", t1, 7.35")
                + result("median", header, "  " + t("00:00:20") + ", t1, 7.35")
                + result("q0", header, "  " + t("00:00:00") + ", t1, -2.18")
                + result("q1", header, "  " + t("00:00:30") + ", t1, 17.53"),
                FLOAT + "data |> quantile(q: 0.5, method: \"exact_selector\") |> yield(name: \"q\")\n"
                        + "data |> median(method: \"exact_selector\") |> yield(name: \"median\")\n"
                        + "data |> quantile(q: 0.0, method: \"exact_selector\") |> yield(name: \"q0\")\n"
                        + "data |> quantile(q: 1.0, method: \"exact_selector\") |> yield(name: \"q1\")");
    }

    /** The exact selector works on any column type; with only nulls it gives one row of nulls. */
    @Test
    void exactSelectorOnStringsAndOnNulls() {
        check(result("s", "table [] s:string, v:int", "  b, 2")
                + result("none", "table [] s:string, v:int", "  <null>, <null>"),
                "import \"array\"\ndata = array.from(rows: [{s: \"c\", v: 3}, {s: \"a\"}, {s: \"b\", v: 2}])\n"
                        + "data |> quantile(q: 0.5, column: \"s\", method: \"exact_selector\") |> yield(name: \"s\")\n"
                        + "data |> tail(n: 1, offset: 1)"
                        + " |> quantile(q: 0.5, column: \"v\", method: \"exact_selector\") |> yield(name: \"none\")");
    }

    /** unique keeps the first row of each value; null counts as a value. */
    @Test
    void uniqueKeepsFirstOccurrences() {
        check(result("_result", "table [] i:int, v:string", "  1, a", "  2, <null>", "  3, b"),
                "import \"array\"\narray.from(rows: [{i: 1, v: \"a\"}, {i: 2}, {i: 3, v: \"b\"}, {i: 4, v: \"a\"},"
                        + " {i: 5}]) |> unique(column: \"v\")");
    }

    @Test
    void uniqueOfFloatsAndBools() {
        check(result("f", "table [] f:float, b:bool", "  1.5, true", "  0, false")
                + result("b", "table [] f:float, b:bool", "  1.5, true", "  0, false"),
                "import \"array\"\ndata = array.from(rows: [{f: 1.5, b: true}, {f: 0.0, b: false},"
                        + " {f: -0.0, b: true}, {f: 1.5, b: false}])\n"
                        + "data |> unique(column: \"f\") |> yield(name: \"f\")\n"
                        + "data |> unique(column: \"b\") |> yield(name: \"b\")");
    }

    /** The docs' example of distinct: the key columns and _value, distinct values in order of appearance. */
    @Test
    void distinctGivesEachValueOnce() {
        check(result("_result", "table [] _value:int", "  -2", "  10", "  7", "  17", "  15", "  4"),
                INT + "data |> distinct()");
        check(result("_result", "table [] _value:int", "  1", "  2"),
                "import \"array\"\narray.from(rows: [{_value: 1}, {_value: 2}, {_value: 1}]) |> distinct()");
    }

    @Test
    void distinctKeepsNullOnceAndNamesTheColumnValue() {
        check(result("_result", "table [] _value:string", "  t1"),
                INT_NULLS + "data |> distinct(column: \"tag\")");
        check(result("_result", "table [] _value:int", "  -2", "  <null>", "  7", "  4"),
                INT_NULLS + "data |> distinct()");
    }

    /** A group key column has one distinct value; a missing column gives one empty string, as Flux does. */
    @Test
    void distinctOfKeyAndMissingColumns() {
        String start = t("00:00:00");
        String stop = t("00:00:30");
        check(result("key", "table [_start=" + start + ", _stop=" + stop + "] _start:time, _stop:time, _value:time",
                        "  " + start + ", " + stop + ", " + stop)
                + result("missing", "table [_start=" + start + ", _stop=" + stop + "] _start:time, _stop:time,"
                        + " _value:string", "  " + start + ", " + stop + ", "),
                "import \"array\"\ndata = array.from(rows: [{_time: 2021-01-01T00:00:10Z, v: 1}])"
                        + " |> window(every: 30s)\n"
                        + "data |> distinct(column: \"_stop\") |> yield(name: \"key\")\n"
                        + "data |> distinct(column: \"nope\") |> yield(name: \"missing\")");
    }
}
