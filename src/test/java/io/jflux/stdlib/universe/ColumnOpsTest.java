package io.jflux.stdlib.universe;

import static io.jflux.stdlib.universe.RowTx.INT;
import static io.jflux.stdlib.universe.RowTx.T1;
import static io.jflux.stdlib.universe.RowTx.T2;
import static io.jflux.stdlib.universe.RowTx.row;
import static io.jflux.stdlib.universe.RowTx.time;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code keep}, {@code drop}, {@code rename}, {@code duplicate}, {@code set}, {@code columns}, {@code keys}. */
class ColumnOpsTest {

    static String rows(int[] values, java.util.function.IntFunction<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(cells.apply(i));
        }
        return sb.toString();
    }

    @Test
    void keepAListOfColumns() {
        assertEquals("result _result\n"
                + "table [] _time:time, _value:int\n" + rows(T1, i -> row(time(i), T1[i]))
                + "table [] _time:time, _value:int\n" + rows(T2, i -> row(time(i), T2[i])),
                RowTx.run(INT + "data |> keep(columns: [\"_time\", \"_value\", \"nothere\"])"));
    }

    @Test
    void keepColumnsMatchingAPredicate() {
        assertEquals("result _result\n"
                + "table [tag=t1] _time:time, tag:string\n" + rows(T1, i -> row(time(i), "t1"))
                + "table [tag=t2] _time:time, tag:string\n" + rows(T2, i -> row(time(i), "t2")),
                RowTx.run(INT + "data |> keep(fn: (column) => column =~ /^_?t/)"));
    }

    @Test
    void dropAListOfColumnsEvenOnesTheTableLacks() {
        assertEquals("result _result\n"
                + "table [] _value:int\n" + rows(T1, i -> row(T1[i]))
                + "table [] _value:int\n" + rows(T2, i -> row(T2[i])),
                RowTx.run(INT + "data |> drop(columns: [\"_time\", \"tag\", \"nothere\"])"));
    }

    @Test
    void dropColumnsMatchingAPredicate() {
        assertEquals("result _result\n"
                + "table [] _time:time, _value:int\n" + rows(T1, i -> row(time(i), T1[i]))
                + "table [] _time:time, _value:int\n" + rows(T2, i -> row(time(i), T2[i])),
                RowTx.run(INT + "data |> drop(fn: (column) => column =~ /^t/)"));
    }

    @Test
    void keepAndDropTakeColumnsOrFn() {
        assertEquals("keep error: neither column list nor predicate function provided",
                RowTx.error(INT + "data |> keep()").getMessage());
        assertEquals("drop error: both column list and predicate provided",
                RowTx.error(INT + "data |> drop(columns: [\"a\"], fn: (column) => true)").getMessage());
        assertEquals("drop: fn must return a bool, got string",
                RowTx.error(INT + "data |> drop(fn: (column) => column)").getMessage());
    }

    @Test
    void renameByARecord() {
        assertEquals("result _result\n"
                + "table [uid=t1] _time:time, val:int, uid:string\n" + rows(T1, i -> row(time(i), T1[i], "t1"))
                + "table [uid=t2] _time:time, val:int, uid:string\n" + rows(T2, i -> row(time(i), T2[i], "t2")),
                RowTx.run(INT + "data |> rename(columns: {tag: \"uid\", _value: \"val\"})"));
    }

    @Test
    void renameByADictionary() {
        assertEquals("result _result\n"
                + "table [uid=t1] _time:time, _value:int, uid:string\n" + row(time(0), -2, "t1")
                + "table [uid=t2] _time:time, _value:int, uid:string\n" + row(time(0), 19, "t2"),
                RowTx.run(INT + "data |> limit(n: 1) |> rename(columns: [\"tag\": \"uid\"])"));
    }

    @Test
    void renameByAFunction() {
        assertEquals("result _result\n"
                + "table [tag_new=t1] _time_new:time, _value_new:int, tag_new:string\n" + row(time(0), -2, "t1")
                + "table [tag_new=t2] _time_new:time, _value_new:int, tag_new:string\n" + row(time(0), 19, "t2"),
                RowTx.run(INT + "data |> limit(n: 1) |> rename(fn: (column) => \"${column}_new\")"));
        assertEquals("result _result\n"
                + "table [tag=t1] _time (Reserved):time, _value (Reserved):int, tag:string\n" + row(time(0), -2, "t1")
                + "table [tag=t2] _time (Reserved):time, _value (Reserved):int, tag:string\n" + row(time(0), 19, "t2"),
                RowTx.run(INT + "data |> limit(n: 1) |> rename(fn: (column) => {\n"
                        + "    _newColumnName = if column =~ /^_/ then \"${column} (Reserved)\" else column\n"
                        + "    return _newColumnName\n"
                        + "})"));
    }

    @Test
    void renameErrors() {
        assertEquals("rename error: column \"nothere\" doesn't exist",
                RowTx.error(INT + "data |> rename(columns: {nothere: \"x\"})").getMessage());
        assertEquals("rename error: more than one column would be named \"tag\"",
                RowTx.error(INT + "data |> rename(columns: {_value: \"tag\"})").getMessage());
        assertEquals("rename: fn must return a string, got int",
                RowTx.error(INT + "data |> rename(fn: (column) => 1)").getMessage());
        assertEquals("rename error: neither column list nor map function provided",
                RowTx.error(INT + "data |> rename()").getMessage());
    }

    @Test
    void renamingTwoColumnsIntoEachOtherIsFine() {
        assertEquals("result _result\n"
                + "table [_value=t1] _time:time, tag:int, _value:string\n" + row(time(0), -2, "t1")
                + "table [_value=t2] _time:time, tag:int, _value:string\n" + row(time(0), 19, "t2"),
                RowTx.run(INT + "data |> limit(n: 1) |> rename(columns: {tag: \"_value\", _value: \"tag\"})"));
    }

    @Test
    void duplicateAColumn() {
        assertEquals("result _result\n"
                + "table [tag=t1] _time:time, _value:int, tag:string, tag_dup:string\n"
                + rows(T1, i -> row(time(i), T1[i], "t1", "t1"))
                + "table [tag=t2] _time:time, _value:int, tag:string, tag_dup:string\n"
                + rows(T2, i -> row(time(i), T2[i], "t2", "t2")),
                RowTx.run(INT + "data |> duplicate(column: \"tag\", as: \"tag_dup\")"));
    }

    @Test
    void duplicateOverAnExistingColumn() {
        assertEquals("result _result\n"
                + "table [] _time:time, _value:int, tag:int\n" + row(time(0), -2, -2)
                + "table [] _time:time, _value:int, tag:int\n" + row(time(0), 19, 19),
                RowTx.run(INT + "data |> limit(n: 1) |> duplicate(column: \"_value\", as: \"tag\")"));
        assertEquals("result _result\n"
                + "table [tag=t1] _time:time, _value:int, tag:string\n" + row(time(0), -2, "t1")
                + "table [tag=t2] _time:time, _value:int, tag:string\n" + row(time(0), 19, "t2"),
                RowTx.run(INT + "data |> limit(n: 1) |> duplicate(column: \"tag\", as: \"tag\")"));
    }

    @Test
    void duplicateNeedsTheColumn() {
        assertEquals("duplicate error: column \"nothere\" doesn't exist",
                RowTx.error(INT + "data |> duplicate(column: \"nothere\", as: \"x\")").getMessage());
    }

    @Test
    void setAddsAStringColumn() {
        assertEquals("result _result\n"
                + "table [tag=t1] _time:time, _value:int, tag:string, host:string\n"
                + rows(T1, i -> row(time(i), T1[i], "t1", "prod1"))
                + "table [tag=t2] _time:time, _value:int, tag:string, host:string\n"
                + rows(T2, i -> row(time(i), T2[i], "t2", "prod1")),
                RowTx.run(INT + "data |> set(key: \"host\", value: \"prod1\")"));
    }

    @Test
    void setOnAKeyColumnRegroups() {
        assertEquals("result _result\n"
                + "table [tag=all] _time:time, _value:int, tag:string\n"
                + rows(T1, i -> row(time(i), T1[i], "all")) + rows(T2, i -> row(time(i), T2[i], "all")),
                RowTx.run(INT + "data |> set(key: \"tag\", value: \"all\")"));
    }

    @Test
    void setWritesOnlyStrings() {
        assertEquals("set: column _value has type int; set can only write strings",
                RowTx.error(INT + "data |> set(key: \"_value\", value: \"1\")").getMessage());
    }

    @Test
    void columnsListsTheLabelsOfEachTable() {
        assertEquals("result _result\n"
                + "table [tag=t1] tag:string, labels:string\n"
                + row("t1", "_time") + row("t1", "_value") + row("t1", "tag")
                + "table [tag=t2] tag:string, labels:string\n"
                + row("t2", "_time") + row("t2", "_value") + row("t2", "tag"),
                RowTx.run(INT + "data |> columns(column: \"labels\")"));
        assertEquals("result _result\n"
                + "table [] _value:string\n" + row("a") + row("b"),
                RowTx.run("import \"array\"\narray.from(rows: [{a: 1, b: 2}]) |> columns()"));
    }

    @Test
    void keysListsTheKeyLabelsOfEachTable() {
        String data = "import \"array\"\n"
                + "data = array.from(rows: [\n"
                + "    {_field: \"co\", _measurement: \"airSensors\", sensorID: \"TLM0100\","
                + " _time: 2021-09-08T14:21:57Z, _value: 0.31},\n"
                + "    {_field: \"humidity\", _measurement: \"airSensors\", sensorID: \"TLM0100\","
                + " _time: 2021-09-08T14:21:57Z, _value: 36.03},\n"
                + "]) |> group(columns: [\"_field\", \"_measurement\", \"sensorID\"])\n";
        String head = " _field:string, _measurement:string, sensorID:string, _value:string\n";
        assertEquals("result _result\n"
                + "table [_field=co, _measurement=airSensors, sensorID=TLM0100]" + head
                + row("co", "airSensors", "TLM0100", "_field")
                + row("co", "airSensors", "TLM0100", "_measurement")
                + row("co", "airSensors", "TLM0100", "sensorID")
                + "table [_field=humidity, _measurement=airSensors, sensorID=TLM0100]" + head
                + row("humidity", "airSensors", "TLM0100", "_field")
                + row("humidity", "airSensors", "TLM0100", "_measurement")
                + row("humidity", "airSensors", "TLM0100", "sensorID"),
                RowTx.run(data + "data |> keys()"));
        assertEquals("result _result\n"
                + "table [] _value:string\n" + row("_field") + row("_measurement") + row("sensorID")
                + "table [] _value:string\n" + row("_field") + row("_measurement") + row("sensorID"),
                RowTx.run(data + "data |> keys() |> keep(columns: [\"_value\"])"));
    }
}
