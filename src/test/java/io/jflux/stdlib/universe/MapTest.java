package io.jflux.stdlib.universe;

import static io.jflux.stdlib.universe.RowTx.INT;
import static io.jflux.stdlib.universe.RowTx.INT_NULLS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@code map}: the examples of Flux's documentation, column order (labels sorted, as Flux's map gives them),
 * group keys (dropped columns leave the key, changed values regroup), nulls and errors.
 */
class MapTest {

    @Test
    void squareTheValueInEachRow() {
        assertEquals("result _result\n"
                + RowTx.head("t1")
                + "  2021-01-01T00:00:00.000000000Z, 4, t1\n"
                + "  2021-01-01T00:00:10.000000000Z, 100, t1\n"
                + "  2021-01-01T00:00:20.000000000Z, 49, t1\n"
                + "  2021-01-01T00:00:30.000000000Z, 289, t1\n"
                + "  2021-01-01T00:00:40.000000000Z, 225, t1\n"
                + "  2021-01-01T00:00:50.000000000Z, 16, t1\n"
                + RowTx.head("t2")
                + "  2021-01-01T00:00:00.000000000Z, 361, t2\n"
                + "  2021-01-01T00:00:10.000000000Z, 16, t2\n"
                + "  2021-01-01T00:00:20.000000000Z, 9, t2\n"
                + "  2021-01-01T00:00:30.000000000Z, 361, t2\n"
                + "  2021-01-01T00:00:40.000000000Z, 169, t2\n"
                + "  2021-01-01T00:00:50.000000000Z, 1, t2\n",
                RowTx.run(INT + "data |> map(fn: (r) => ({r with _value: r._value * r._value}))"));
    }

    @Test
    void aNewRecordMakesNewColumnsInLabelOrderAndDropsTheKey() {
        assertEquals("result _result\n"
                + "table [] alert:bool, source:string, time:time\n"
                + "  false, t1, 2021-01-01T00:00:00.000000000Z\n"
                + "  false, t1, 2021-01-01T00:00:10.000000000Z\n"
                + "  false, t1, 2021-01-01T00:00:20.000000000Z\n"
                + "  true, t1, 2021-01-01T00:00:30.000000000Z\n"
                + "  true, t1, 2021-01-01T00:00:40.000000000Z\n"
                + "  false, t1, 2021-01-01T00:00:50.000000000Z\n"
                + "table [] alert:bool, source:string, time:time\n"
                + "  true, t2, 2021-01-01T00:00:00.000000000Z\n"
                + "  false, t2, 2021-01-01T00:00:10.000000000Z\n"
                + "  false, t2, 2021-01-01T00:00:20.000000000Z\n"
                + "  true, t2, 2021-01-01T00:00:30.000000000Z\n"
                + "  true, t2, 2021-01-01T00:00:40.000000000Z\n"
                + "  false, t2, 2021-01-01T00:00:50.000000000Z\n",
                RowTx.run(INT + "data |> map(fn: (r) => ({time: r._time, source: r.tag, "
                        + "alert: if r._value > 10 then true else false}))"));
    }

    @Test
    void withKeepsTheOtherColumns() {
        assertEquals("result _result\n"
                + "table [tag=t1] _time:time, _value:int, server:string, tag:string, valueFloat:float\n"
                + "  2021-01-01T00:00:00.000000000Z, -2, server-t1, t1, -2\n"
                + "  2021-01-01T00:00:10.000000000Z, 10, server-t1, t1, 10\n"
                + "  2021-01-01T00:00:20.000000000Z, 7, server-t1, t1, 7\n"
                + "  2021-01-01T00:00:30.000000000Z, 17, server-t1, t1, 17\n"
                + "  2021-01-01T00:00:40.000000000Z, 15, server-t1, t1, 15\n"
                + "  2021-01-01T00:00:50.000000000Z, 4, server-t1, t1, 4\n"
                + "table [tag=t2] _time:time, _value:int, server:string, tag:string, valueFloat:float\n"
                + "  2021-01-01T00:00:00.000000000Z, 19, server-t2, t2, 19\n"
                + "  2021-01-01T00:00:10.000000000Z, 4, server-t2, t2, 4\n"
                + "  2021-01-01T00:00:20.000000000Z, -3, server-t2, t2, -3\n"
                + "  2021-01-01T00:00:30.000000000Z, 19, server-t2, t2, 19\n"
                + "  2021-01-01T00:00:40.000000000Z, 13, server-t2, t2, 13\n"
                + "  2021-01-01T00:00:50.000000000Z, 1, server-t2, t2, 1\n",
                RowTx.run(INT + "data |> map(fn: (r) => ({r with server: \"server-${r.tag}\", "
                        + "valueFloat: float(v: r._value)}))"));
    }

    @Test
    void changedKeyValuesRegroupTheRowsOfATable() {
        assertEquals("result _result\n"
                + "table [tag=big] _time:time, _value:int, tag:string\n"
                + "  2021-01-01T00:00:30.000000000Z, 17, big\n"
                + "  2021-01-01T00:00:40.000000000Z, 15, big\n"
                + "table [tag=small] _time:time, _value:int, tag:string\n"
                + "  2021-01-01T00:00:00.000000000Z, -2, small\n"
                + "  2021-01-01T00:00:10.000000000Z, 10, small\n"
                + "  2021-01-01T00:00:20.000000000Z, 7, small\n"
                + "  2021-01-01T00:00:50.000000000Z, 4, small\n"
                + "table [tag=big] _time:time, _value:int, tag:string\n"
                + "  2021-01-01T00:00:00.000000000Z, 19, big\n"
                + "  2021-01-01T00:00:30.000000000Z, 19, big\n"
                + "  2021-01-01T00:00:40.000000000Z, 13, big\n"
                + "table [tag=small] _time:time, _value:int, tag:string\n"
                + "  2021-01-01T00:00:10.000000000Z, 4, small\n"
                + "  2021-01-01T00:00:20.000000000Z, -3, small\n"
                + "  2021-01-01T00:00:50.000000000Z, 1, small\n",
                RowTx.run(INT + "data |> map(fn: (r) => ({r with tag: if r._value > 10 then \"big\" else \"small\"}))"));
    }

    @Test
    void aConstantNewKeyValueIsTheKey() {
        assertEquals("result _result\n"
                + "table [tag=all] _time:time, _value:int, tag:string\n"
                + "  2021-01-01T00:00:00.000000000Z, -2, all\n"
                + "table [tag=all] _time:time, _value:int, tag:string\n"
                + "  2021-01-01T00:00:00.000000000Z, 19, all\n",
                RowTx.run(INT + "data |> map(fn: (r) => ({r with tag: \"all\"})) |> limit(n: 1)"));
    }

    @Test
    void keyColumnsStayInTheKeyInColumnOrder() {
        assertEquals("result _result\n"
                + "table [a=x, host=h1] _time:time, _value:float, a:string, host:string\n"
                + "  2021-01-01T00:00:00.000000000Z, 3, x, h1\n",
                RowTx.run("import \"array\"\n"
                        + "array.from(rows: [{host: \"h1\", _time: 2021-01-01T00:00:00Z, a: \"x\", _value: 1.5}])\n"
                        + "  |> group(columns: [\"host\", \"a\"])\n"
                        + "  |> map(fn: (r) => ({r with _value: r._value * 2.0}))"));
    }

    @Test
    void nullsKeepTheirColumnsType() {
        assertEquals("result _result\n"
                + "table [tag=t1] _time:time, _value:int, double:int, tag:string\n"
                + "  2021-01-01T00:00:00.000000000Z, -2, -4, t1\n"
                + "  2021-01-01T00:00:10.000000000Z, <null>, <null>, t1\n"
                + "table [tag=t2] _time:time, _value:int, double:int, tag:string\n"
                + "  2021-01-01T00:00:00.000000000Z, <null>, <null>, t2\n"
                + "  2021-01-01T00:00:10.000000000Z, 4, 8, t2\n",
                RowTx.run(INT_NULLS + "data |> limit(n: 2) |> map(fn: (r) => ({r with double: r._value * 2}))"));
    }

    @Test
    void aPropertyNullInEveryRowIsNoColumn() {
        assertEquals("result _result\n"
                + "table [tag=t1] _time:time, tag:string\n"
                + "  2021-01-01T00:00:00.000000000Z, t1\n"
                + "table [tag=t2] _time:time, tag:string\n"
                + "  2021-01-01T00:00:00.000000000Z, t2\n",
                RowTx.run(INT + "data |> limit(n: 1) |> map(fn: (r) => ({r with _value: r.nothere}))"));
    }

    @Test
    void aColumnsTypeComesFromItsFirstValueWhenItCannotBeKnownBefore() {
        assertEquals("result _result\n"
                + "table [tag=t1] _time:time, _value:int, f:float, tag:string\n"
                + "  2021-01-01T00:00:00.000000000Z, -2, -2, t1\n"
                + "  2021-01-01T00:00:10.000000000Z, <null>, <null>, t1\n"
                + "table [tag=t2] _time:time, _value:int, f:float, tag:string\n"
                + "  2021-01-01T00:00:00.000000000Z, <null>, <null>, t2\n"
                + "  2021-01-01T00:00:10.000000000Z, 4, 4, t2\n",
                RowTx.run(INT_NULLS + "data |> limit(n: 2) |> map(fn: (r) => ({r with f: float(v: r._value)}))"));
    }

    @Test
    void tablesWithNoRowsAreDropped() {
        assertEquals("result _result\n",
                RowTx.run(INT + "data |> filter(fn: (r) => false, onEmpty: \"keep\") |> map(fn: (r) => ({r with x: 1}))"));
    }

    @Test
    void theFunctionMayReturnItsArgumentOrAnyRecord() {
        assertEquals("result _result\n"
                + RowTx.head("t1")
                + "  2021-01-01T00:00:00.000000000Z, -2, t1\n"
                + RowTx.head("t2")
                + "  2021-01-01T00:00:00.000000000Z, 19, t2\n",
                RowTx.run(INT + "data |> limit(n: 1) |> map(fn: (r) => r)"));
        assertEquals("result _result\n"
                + "table [] n:int\n"
                + "  1\n"
                + "table [] n:int\n"
                + "  1\n",
                RowTx.run(INT + "one = {n: 1}\ndata |> limit(n: 1) |> map(fn: (r) => one)"));
    }

    @Test
    void aFunctionThatDoesNotReturnARecordIsAnError() {
        assertEquals("map: fn must return a record, got int",
                RowTx.error(INT + "data |> map(fn: (r) => r._value)").getMessage());
    }

    @Test
    void columnsHoldOnlyBasicValues() {
        assertEquals("map: column x would hold a value of type record; table columns hold bool, int, uint, float,"
                + " string, time or duration values",
                RowTx.error(INT + "data |> map(fn: (r) => ({r with x: {a: 1}}))").getMessage());
    }

    @Test
    void aColumnHoldsValuesOfOneType() {
        assertEquals("map: column x has type string, cannot hold a value of type int",
                RowTx.error(INT + "data |> map(fn: (r) => ({r with x: if r._value > 5 then 1 else \"small\"}))")
                        .getMessage());
    }

    @Test
    void errorsOfTheFunctionSurface() {
        assertEquals("cannot divide by zero",
                RowTx.error(INT + "data |> map(fn: (r) => ({r with x: r._value / (r._value - 4)}))").getMessage());
    }
}
