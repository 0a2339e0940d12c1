package io.jflux.stdlib.universe;

import static io.jflux.stdlib.universe.RowTx.INT;
import static io.jflux.stdlib.universe.RowTx.INT_NULLS;
import static io.jflux.stdlib.universe.RowTx.row;
import static io.jflux.stdlib.universe.RowTx.time;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code fill} and {@code union}. */
class FillUnionTest {

    static String rows(String tag, Object... values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(row(time(i), values[i], tag));
        }
        return sb.toString();
    }

    @Test
    void fillNullsWithAValue() {
        assertEquals("result _result\n"
                + RowTx.head("t1") + rows("t1", -2, 0, 7, 0, 0, 4)
                + RowTx.head("t2") + rows("t2", 0, 4, -3, 19, 0, 1),
                RowTx.run(INT_NULLS + "data |> fill(value: 0)"));
    }

    @Test
    void fillNullsWithThePreviousValue() {
        assertEquals("result _result\n"
                + RowTx.head("t1") + rows("t1", -2, -2, 7, 7, 7, 4)
                + RowTx.head("t2") + rows("t2", "<null>", 4, -3, 19, 19, 1),
                RowTx.run(INT_NULLS + "data |> fill(usePrevious: true)"));
    }

    @Test
    void fillAddsAMissingColumnFullOfTheValue() {
        assertEquals("result _result\n"
                + "table [tag=t1] _time:time, _value:int, tag:string, other:string\n" + row(time(0), -2, "t1", "x")
                + "table [tag=t2] _time:time, _value:int, tag:string, other:string\n" + row(time(0), "<null>", "t2", "x"),
                RowTx.run(INT_NULLS + "data |> limit(n: 1) |> fill(column: \"other\", value: \"x\")"));
        assertEquals("result _result\n"
                + RowTx.head("t1") + row(time(0), -2, "t1")
                + RowTx.head("t2") + row(time(0), "<null>", "t2"),
                RowTx.run(INT_NULLS + "data |> limit(n: 1) |> fill(column: \"other\", usePrevious: true)"));
    }

    @Test
    void fillAKeyColumnOnlyWhenItsKeyValueIsNull() {
        assertEquals("result _result\n"
                + "table [host=none] host:string, v:int\n" + row("none", 2)
                + "table [host=a] host:string, v:int\n" + row("a", 1),
                RowTx.run("import \"array\"\n"
                        + "array.from(rows: [{host: \"a\", v: 1}, {v: 2}]) |> group(columns: [\"host\"])"
                        + " |> fill(column: \"host\", value: \"none\")"));
    }

    @Test
    void fillErrors() {
        assertEquals("fill requires exactly one of value or usePrevious",
                RowTx.error(INT + "data |> fill()").getMessage());
        assertEquals("fill requires exactly one of value or usePrevious",
                RowTx.error(INT + "data |> fill(value: 1, usePrevious: true)").getMessage());
        assertEquals("fill column type mismatch: int/float",
                RowTx.error(INT + "data |> fill(value: 1.0)").getMessage());
        assertEquals("value type for fill must be a valid primitive type (bool, int, uint, float, string, time)",
                RowTx.error(INT + "data |> fill(value: 1h)").getMessage());
    }

    @Test
    void unionTwoStreamsWithUniqueKeys() {
        String t1 = "data |> filter(fn: (r) => r.tag == \"t1\") |> set(key: \"tag\", value: \"foo\")";
        String t2 = "data |> filter(fn: (r) => r.tag == \"t2\") |> set(key: \"tag\", value: \"bar\")";
        assertEquals("result _result\n"
                + "table [tag=bar] _time:time, _value:int, tag:string\n" + rows("bar", 19, 4, -3, 19, 13, 1)
                + "table [tag=foo] _time:time, _value:int, tag:string\n" + rows("foo", -2, 10, 7, 17, 15, 4),
                RowTx.run(INT + "union(tables: [" + t1 + ", " + t2 + "])"));
        assertEquals("result _result\n"
                + "table [] _time:time, _value:int, tag:string\n"
                + rows("foo", -2, 10, 7, 17, 15, 4) + rows("bar", 19, 4, -3, 19, 13, 1),
                RowTx.run(INT + "union(tables: [" + t1 + " |> group(), " + t2 + " |> group()])"));
    }

    @Test
    void unionMergesSchemas() {
        assertEquals("result _result\n"
                + "table [] a:int, b:string, c:float\n"
                + row(1, "x", "<null>") + row(2, "<null>", 2.5) + row(3, "z", "<null>"),
                RowTx.run("import \"array\"\n"
                        + "union(tables: [array.from(rows: [{a: 1, b: \"x\"}]), array.from(rows: [{a: 2, c: 2.5}]),"
                        + " array.from(rows: [{b: \"z\", a: 3}])])"));
    }

    @Test
    void unionNeedsTwoStreams() {
        assertEquals("union must have at least two streams as input",
                RowTx.error(INT + "union(tables: [data])").getMessage());
    }

    @Test
    void aStreamMayFeedAUnionTwice() {
        assertEquals("result _result\n"
                + RowTx.head("t1") + RowTx.intRows("t1") + RowTx.intRows("t1")
                + RowTx.head("t2") + RowTx.intRows("t2") + RowTx.intRows("t2"),
                RowTx.run(INT + "union(tables: [data, data])"));
    }
}
