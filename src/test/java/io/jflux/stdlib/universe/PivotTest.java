package io.jflux.stdlib.universe;

import static io.jflux.stdlib.universe.Data.check;
import static io.jflux.stdlib.universe.Data.fails;
import static io.jflux.stdlib.universe.Data.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** pivot: column keys become columns, one row per row key. */
class PivotTest {

    private static final String FIELDS = "import \"array\"\n"
            + "data = array.from(rows: [\n"
            + "    {_time: 1970-01-01T00:00:01Z, _measurement: \"m1\", _field: \"f1\", _value: 1.0},\n"
            + "    {_time: 1970-01-01T00:00:01Z, _measurement: \"m1\", _field: \"f2\", _value: 2.0},\n"
            + "    {_time: 1970-01-01T00:00:01Z, _measurement: \"m1\", _field: \"f3\"},\n"
            + "    {_time: 1970-01-01T00:00:02Z, _measurement: \"m1\", _field: \"f1\", _value: 4.0},\n"
            + "    {_time: 1970-01-01T00:00:02Z, _measurement: \"m1\", _field: \"f2\", _value: 5.0},\n"
            + "    {_time: 1970-01-01T00:00:02Z, _measurement: \"m1\", _field: \"f3\", _value: 6.0},\n"
            + "    {_time: 1970-01-01T00:00:03Z, _measurement: \"m1\", _field: \"f1\"},\n"
            + "    {_time: 1970-01-01T00:00:03Z, _measurement: \"m1\", _field: \"f2\", _value: 7.0},\n"
            + "    {_time: 1970-01-01T00:00:04Z, _measurement: \"m1\", _field: \"f3\", _value: 8.0},\n"
            + "])\n";

    private static String s(int second) {
        return "1970-01-01T00:00:0" + second + ".000000000Z";
    }

    /**
     * The docs' first example (in one table, as array.from makes it): fields become columns, missing cells are
     * null, and _measurement, neither in the group key nor in rowKey, is dropped.
     */
    @Test
    void fieldsBecomeColumns() {
        check(result("_result", "table [] _time:time, f1:float, f2:float, f3:float",
                "  " + s(1) + ", 1, 2, <null>",
                "  " + s(2) + ", 4, 5, 6",
                "  " + s(3) + ", <null>, 7, <null>",
                "  " + s(4) + ", <null>, <null>, 8"),
                FIELDS + "data |> pivot(rowKey: [\"_time\"], columnKey: [\"_field\"], valueColumn: \"_value\")");
    }

    /** Several column keys join with "_"; a row key may have several columns; the last value of a cell wins. */
    @Test
    void severalKeysAndLastValueWins() {
        check(result("_result", "table [] _time:time, m1_f1:float, m1_f2:float, m1_f3:float",
                "  " + s(1) + ", 1, 2, <null>",
                "  " + s(2) + ", 4, 5, 6"),
                FIELDS + "data |> limit(n: 6)"
                        + " |> pivot(rowKey: [\"_time\"], columnKey: [\"_measurement\", \"_field\"], valueColumn: \"_value\")");
        check(result("_result", "table [] k:string, a:int", "  x, 3"),
                "import \"array\"\narray.from(rows: [{k: \"x\", c: \"a\", v: 1}, {k: \"x\", c: \"a\", v: 3}])"
                        + " |> pivot(rowKey: [\"k\"], columnKey: [\"c\"], valueColumn: \"v\")");
    }

    /** Column labels use Go's text of the key values: floats in exponent form, times in RFC3339, null. */
    @Test
    void labelsOfNonStringKeys() {
        check(result("_result", "table [] r:int, 1.5E+00_true:int, null_false:int", "  1, 10, 20"),
                "import \"array\"\narray.from(rows: [{r: 1, f: 1.5, b: true, v: 10}, {r: 1, b: false, v: 20}])"
                        + " |> pivot(rowKey: [\"r\"], columnKey: [\"f\", \"b\"], valueColumn: \"v\")");
    }

    @Test
    void goNumberText() {
        assertEquals("1.5E+00", Pivot.goExponent(1.5));
        assertEquals("-1E-07", Pivot.goExponent(-1e-7));
        assertEquals("1.2345678901234567E+19", Pivot.goExponent(12345678901234567890.0));
        assertEquals("0E+00", Pivot.goExponent(0.0));
        assertEquals("1970-01-01T00:00:01.5Z", Pivot.rfc3339Nano(1_500_000_000L));
        assertEquals("1970-01-01T00:00:01Z", Pivot.rfc3339Nano(1_000_000_000L));
    }

    /**
     * The group key loses the column key and value columns; tables whose keys then agree are merged, their rows
     * in order of appearance. (Here window's custom bound columns make the tables to merge.)
     */
    @Test
    void tablesWithEqualNewKeysMerge() {
        String first = "1970-01-01T00:00:00Z_1970-01-01T00:00:02Z";
        String second = "1970-01-01T00:00:02Z_1970-01-01T00:00:04Z";
        check(result("_result", "table [] _time:time, " + first + ":int, " + second + ":int",
                "  " + s(0) + ", 1, <null>",
                "  " + s(1) + ", 2, <null>",
                "  " + s(2) + ", <null>, 3"),
                "import \"array\"\narray.from(rows: [{_time: 1970-01-01T00:00:00Z, v: 1},"
                        + " {_time: 1970-01-01T00:00:01Z, v: 2}, {_time: 1970-01-01T00:00:02Z, v: 3}])\n"
                        + "    |> window(every: 2s, startColumn: \"a\", stopColumn: \"b\")\n"
                        + "    |> pivot(rowKey: [\"_time\"], columnKey: [\"a\", \"b\"], valueColumn: \"v\")");
    }

    @Test
    void pivotErrors() {
        fails("column name found in both rowKey and colKey: _time",
                FIELDS + "data |> pivot(rowKey: [\"_time\"], columnKey: [\"_time\"], valueColumn: \"_value\")");
        fails("specified column does not exist in table: nope",
                FIELDS + "data |> pivot(rowKey: [\"nope\"], columnKey: [\"_field\"], valueColumn: \"_value\")");
    }
}
