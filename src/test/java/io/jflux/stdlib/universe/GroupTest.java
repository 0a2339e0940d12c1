package io.jflux.stdlib.universe;

import static io.jflux.stdlib.universe.RowTx.INT;
import static io.jflux.stdlib.universe.RowTx.T1;
import static io.jflux.stdlib.universe.RowTx.T2;
import static io.jflux.stdlib.universe.RowTx.row;
import static io.jflux.stdlib.universe.RowTx.time;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code group}: the examples of Flux's documentation, key order, merging tables, errors. */
class GroupTest {

    @Test
    void groupBySpecificColumns() {
        StringBuilder want = new StringBuilder("result _result\n");
        for (int i = 0; i < 6; i++) {
            for (String tag : new String[] {"t1", "t2"}) {
                want.append("table [_time=").append(time(i)).append(", tag=").append(tag)
                        .append("] _time:time, _value:int, tag:string\n")
                        .append(row(time(i), (tag.equals("t1") ? T1 : T2)[i], tag));
            }
        }
        assertEquals(want.toString(), RowTx.run(INT + "data |> group(columns: [\"_time\", \"tag\"])"));
        assertEquals(want.toString(), RowTx.run(INT + "data |> group(columns: [\"tag\", \"_time\", \"tag\"])"));
    }

    @Test
    void groupByEverythingExceptTime() {
        String head = "] _time:time, _value:int, tag:string\n";
        assertEquals("result _result\n"
                + "table [_value=-3, tag=t2" + head + row(time(2), -3, "t2")
                + "table [_value=-2, tag=t1" + head + row(time(0), -2, "t1")
                + "table [_value=1, tag=t2" + head + row(time(5), 1, "t2")
                + "table [_value=4, tag=t1" + head + row(time(5), 4, "t1")
                + "table [_value=4, tag=t2" + head + row(time(1), 4, "t2")
                + "table [_value=7, tag=t1" + head + row(time(2), 7, "t1")
                + "table [_value=10, tag=t1" + head + row(time(1), 10, "t1")
                + "table [_value=13, tag=t2" + head + row(time(4), 13, "t2")
                + "table [_value=15, tag=t1" + head + row(time(4), 15, "t1")
                + "table [_value=17, tag=t1" + head + row(time(3), 17, "t1")
                + "table [_value=19, tag=t2" + head + row(time(0), 19, "t2") + row(time(3), 19, "t2"),
                RowTx.run(INT + "data |> group(columns: [\"_time\"], mode: \"except\")"));
    }

    @Test
    void ungroupMergesEverythingIntoOneTable() {
        assertEquals("result _result\n"
                + "table [] _time:time, _value:int, tag:string\n"
                + RowTx.intRows("t1") + RowTx.intRows("t2"),
                RowTx.run(INT + "data |> group()"));
    }

    @Test
    void regroupingByKeyColumnsMovesWholeTables() {
        assertEquals("result _result\n"
                + "table [tag=t1] _time:time, _value:int, tag:string\n" + RowTx.intRows("t1")
                + "table [tag=t2] _time:time, _value:int, tag:string\n" + RowTx.intRows("t2"),
                RowTx.run(INT + "data |> group() |> group(columns: [\"tag\"])"));
        assertEquals("result _result\n"
                + "table [tag=t1] _time:time, _value:int, tag:string\n" + RowTx.intRows("t1")
                + "table [tag=t2] _time:time, _value:int, tag:string\n" + RowTx.intRows("t2"),
                RowTx.run(INT + "data |> group(columns: [\"tag\", \"nothere\"])"));
    }

    @Test
    void keyColumnsOfModeByAreInLabelOrder() {
        assertEquals("result _result\n"
                + "table [a=1, b=x] b:string, a:int\n"
                + row("x", 1),
                RowTx.run("import \"array\"\narray.from(rows: [{b: \"x\", a: 1}]) |> group(columns: [\"b\", \"a\"])"));
        assertEquals("result _result\n"
                + "table [b=x, a=1] b:string, a:int, c:float\n"
                + row("x", 1, 1.5),
                RowTx.run("import \"array\"\narray.from(rows: [{b: \"x\", a: 1, c: 1.5}])"
                        + " |> group(columns: [\"c\"], mode: \"except\")"));
    }

    @Test
    void mergedTablesHaveTheUnionOfTheirColumns() {
        assertEquals("result _result\n"
                + "table [] a:int, b:string, c:float\n"
                + row(1, "x", "<null>")
                + row(2, "<null>", 2.5),
                RowTx.run("import \"array\"\n"
                        + "one = array.from(rows: [{a: 1, b: \"x\"}])\n"
                        + "two = array.from(rows: [{a: 2, c: 2.5}])\n"
                        + "union(tables: [one, two]) |> group()"));
    }

    @Test
    void nullKeyValuesGroupTogether() {
        assertEquals("result _result\n"
                + "table [host=<null>] host:string, v:int\n"
                + row("<null>", 2)
                + "table [host=a] host:string, v:int\n"
                + row("a", 1) + row("a", 3),
                RowTx.run("import \"array\"\n"
                        + "array.from(rows: [{host: \"a\", v: 1}, {v: 2}, {host: \"a\", v: 3}])"
                        + " |> group(columns: [\"host\"])"));
    }

    @Test
    void columnsOfOneLabelMustHaveOneType() {
        assertEquals("schema collision detected: column \"a\" is both of type int and string",
                RowTx.error("import \"array\"\n"
                        + "one = array.from(rows: [{a: 1}])\n"
                        + "two = array.from(rows: [{a: \"x\"}]) |> group(columns: [\"a\"])\n"
                        + "union(tables: [one, two]) |> group()").getMessage());
    }

    @Test
    void theModeIsByOrExcept() {
        assertEquals("invalid group mode: must be \"by\" or \"except\"",
                RowTx.error(INT + "data |> group(mode: \"all\")").getMessage());
    }

    @Test
    void manyOneRowTablesMergeIntoFew() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            rows.append(row(time(i), T1[i], "t1"));
        }
        assertEquals("result _result\n"
                + "table [tag=t1] _time:time, _value:int, tag:string\n" + rows,
                RowTx.run(INT + "data |> filter(fn: (r) => r.tag == \"t1\") |> group(columns: [\"_time\", \"tag\"])"
                        + " |> group(columns: [\"tag\"])"));
    }
}
