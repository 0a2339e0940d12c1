package io.jflux.stdlib.universe;

import static io.jflux.stdlib.universe.Data.INT;
import static io.jflux.stdlib.universe.Data.check;
import static io.jflux.stdlib.universe.Data.result;
import static io.jflux.stdlib.universe.Data.t;

import org.junit.jupiter.api.Test;

/** sort, tail, top and bottom. */
class SortTest {

    private static final String HEADER = "table [] _time:time, tag:string, _value:int";

    /** The docs' example: sort() orders each table by _value, ascending. */
    @Test
    void sortsByValueAscendingByDefault() {
        check(result("_result", HEADER,
                "  " + t("00:00:00") + ", t1, -2",
                "  " + t("00:00:50") + ", t1, 4",
                "  " + t("00:00:20") + ", t1, 7",
                "  " + t("00:00:10") + ", t1, 10",
                "  " + t("00:00:40") + ", t1, 15",
                "  " + t("00:00:30") + ", t1, 17"), INT + "data |> sort()");
    }

    @Test
    void sortsDescending() {
        check(result("_result", HEADER,
                "  " + t("00:00:30") + ", t1, 17",
                "  " + t("00:00:40") + ", t1, 15",
                "  " + t("00:00:10") + ", t1, 10",
                "  " + t("00:00:20") + ", t1, 7",
                "  " + t("00:00:50") + ", t1, 4",
                "  " + t("00:00:00") + ", t1, -2"), INT + "data |> sort(desc: true)");
    }

    /** Flux's engine puts nulls first both ways (its tests say so; the docs say last when ascending). */
    @Test
    void nullsComeFirstInBothDirections() {
        String data = "import \"array\"\ndata = array.from(rows: [{t: 1, v: 2.0}, {t: 2, v: 1.0}, {t: 3}])\n";
        check(result("asc", "table [] t:int, v:float", "  3, <null>", "  2, 1", "  1, 2")
                + result("desc", "table [] t:int, v:float", "  3, <null>", "  1, 2", "  2, 1"),
                data + "data |> sort(columns: [\"v\"]) |> yield(name: \"asc\")\n"
                        + "data |> sort(columns: [\"v\"], desc: true) |> yield(name: \"desc\")");
    }

    /** Columns sort by precedence, left to right; the sort is stable; a missing column is ignored. */
    @Test
    void sortsByColumnsInOrderAndStably() {
        String data = "import \"array\"\ndata = array.from(rows: [\n"
                + "    {k: \"b\", n: 2, i: 0}, {k: \"a\", n: 2, i: 1}, {k: \"b\", n: 1, i: 2}, {k: \"a\", n: 2, i: 3}])\n";
        check(result("_result", "table [] k:string, n:int, i:int",
                "  a, 2, 1", "  a, 2, 3", "  b, 1, 2", "  b, 2, 0"),
                data + "data |> sort(columns: [\"k\", \"nope\", \"n\"])");
    }

    /** Strings compare byte by byte in UTF-8, so by code point: "Z" < "a" < "é". */
    @Test
    void stringsSortByCodePoint() {
        check(result("_result", "table [] s:string", "  Z", "  a", "  ab", "  é"),
                "import \"array\"\narray.from(rows: [{s: \"é\"}, {s: \"ab\"}, {s: \"a\"}, {s: \"Z\"}])"
                        + " |> sort(columns: [\"s\"])");
    }

    @Test
    void sortsTimesBoolsAndUints() {
        check(result("_result", "table [] b:bool, u:uint", "  false, 18446744073709551615", "  true, 1",
                        "  true, 2"),
                "import \"array\"\narray.from(rows: [{b: true, u: uint(v: 2)}, {b: false, u: uint(v: -1)},"
                        + " {b: true, u: uint(v: 1)}]) |> sort(columns: [\"b\", \"u\"])");
    }

    /** The docs' examples of tail: the last three rows, and the three before the last one. */
    @Test
    void tailKeepsTheLastRowsBeforeTheOffset() {
        check(result("last", HEADER,
                        "  " + t("00:00:30") + ", t1, 17",
                        "  " + t("00:00:40") + ", t1, 15",
                        "  " + t("00:00:50") + ", t1, 4")
                + result("offset", HEADER,
                        "  " + t("00:00:20") + ", t1, 7",
                        "  " + t("00:00:30") + ", t1, 17",
                        "  " + t("00:00:40") + ", t1, 15")
                + result("short", HEADER,
                        "  " + t("00:00:00") + ", t1, -2"),
                INT + "data |> tail(n: 3) |> yield(name: \"last\")\n"
                        + "data |> tail(n: 3, offset: 1) |> yield(name: \"offset\")\n"
                        + "data |> tail(n: 30, offset: 5) |> yield(name: \"short\")");
    }

    @Test
    void tailRejectsNegativeCounts() {
        Data.fails("tail: n and offset must not be negative", INT + "data |> tail(n: -1)");
    }

    /** The docs' examples of top and bottom. */
    @Test
    void topAndBottomKeepTheExtremeRows() {
        check(result("top", HEADER,
                        "  " + t("00:00:30") + ", t1, 17",
                        "  " + t("00:00:40") + ", t1, 15",
                        "  " + t("00:00:10") + ", t1, 10")
                + result("bottom", HEADER,
                        "  " + t("00:00:00") + ", t1, -2",
                        "  " + t("00:00:50") + ", t1, 4"),
                INT + "data |> top(n: 3) |> yield(name: \"top\")\n"
                        + "data |> bottom(n: 2) |> yield(name: \"bottom\")");
    }

    /** A sort column in the group key is skipped (every row has the same value there). */
    @Test
    void groupKeyColumnsDoNotReorderRows() {
        check(result("_result",
                        "table [_start=" + t("00:00:00") + ", _stop=" + t("00:00:30") + "] _time:time, _value:int,"
                                + " _start:time, _stop:time",
                        "  " + t("00:00:20") + ", 1, " + t("00:00:00") + ", " + t("00:00:30"),
                        "  " + t("00:00:10") + ", 2, " + t("00:00:00") + ", " + t("00:00:30")),
                "import \"array\"\narray.from(rows: [{_time: 2021-01-01T00:00:10Z, _value: 2},"
                        + " {_time: 2021-01-01T00:00:20Z, _value: 1}])\n"
                        + "    |> window(every: 30s) |> sort(columns: [\"_start\", \"_value\"])");
    }
}
