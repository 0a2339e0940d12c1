package io.jflux.stdlib.universe;

import static io.jflux.stdlib.universe.Data.check;
import static io.jflux.stdlib.universe.Data.result;
import static io.jflux.stdlib.universe.Data.t;

import org.junit.jupiter.api.Test;

/**
 * The docs' examples with both of their series, one table per tag (read with csv.from): group key columns are
 * kept by aggregates and selectors, and each table is transformed on its own.
 */
class MultiTableTest {

    /** {@code sampledata.int()}: two tables keyed by tag. */
    static final String INT = "import \"csv\"\n"
            + "data = csv.from(csv: \"\n"
            + "#group,false,false,false,false,true\n"
            + "#datatype,string,long,dateTime:RFC3339,long,string\n"
            + "#default,_result,,,,\n"
            + ",result,table,_time,_value,tag\n"
            + ",,0,2021-01-01T00:00:00Z,-2,t1\n"
            + ",,0,2021-01-01T00:00:10Z,10,t1\n"
            + ",,0,2021-01-01T00:00:20Z,7,t1\n"
            + ",,0,2021-01-01T00:00:30Z,17,t1\n"
            + ",,0,2021-01-01T00:00:40Z,15,t1\n"
            + ",,0,2021-01-01T00:00:50Z,4,t1\n"
            + ",,1,2021-01-01T00:00:00Z,19,t2\n"
            + ",,1,2021-01-01T00:00:10Z,4,t2\n"
            + ",,1,2021-01-01T00:00:20Z,-3,t2\n"
            + ",,1,2021-01-01T00:00:30Z,19,t2\n"
            + ",,1,2021-01-01T00:00:40Z,13,t2\n"
            + ",,1,2021-01-01T00:00:50Z,1,t2\n"
            + "\")\n";

    /** {@code sampledata.float()} after {@code range(start: sampledata.start, stop: sampledata.stop)}. */
    static final String RANGED_FLOAT = "import \"csv\"\n"
            + "data = csv.from(csv: \"\n"
            + "#group,false,false,true,true,false,true,false\n"
            + "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,string,double\n"
            + "#default,_result,,,,,,\n"
            + ",result,table,_start,_stop,_time,tag,_value\n"
            + ",,0,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:00Z,t1,-2.18\n"
            + ",,0,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:10Z,t1,10.92\n"
            + ",,0,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:20Z,t1,7.35\n"
            + ",,0,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:30Z,t1,17.53\n"
            + ",,0,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:40Z,t1,15.23\n"
            + ",,0,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:50Z,t1,4.43\n"
            + ",,1,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:00Z,t2,19.85\n"
            + ",,1,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:10Z,t2,4.97\n"
            + ",,1,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:20Z,t2,-3.75\n"
            + ",,1,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:30Z,t2,19.77\n"
            + ",,1,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:40Z,t2,13.86\n"
            + ",,1,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:50Z,t2,1.86\n"
            + "\")\n";

    /** The docs' sum, mean and count: one row per table, the tag kept. */
    @Test
    void aggregatesKeepTheGroupKey() {
        check(result("sum", "table [tag=t1] tag:string, _value:int", "  t1, 51",
                        "table [tag=t2] tag:string, _value:int", "  t2, 53")
                + result("mean", "table [tag=t1] tag:string, _value:float", "  t1, 8.5",
                        "table [tag=t2] tag:string, _value:float", "  t2, 8.833333333333334")
                + result("count", "table [tag=t1] tag:string, _value:int", "  t1, 6",
                        "table [tag=t2] tag:string, _value:int", "  t2, 6"),
                INT + "data |> sum() |> yield(name: \"sum\")\n"
                        + "data |> mean() |> yield(name: \"mean\")\n"
                        + "data |> count() |> yield(name: \"count\")");
    }

    /** The docs' median and exact selector, over both tables. */
    @Test
    void medians() {
        String key1 = "table [_start=" + t("00:00:00") + ", _stop=" + t("00:01:00") + ", tag=t1]";
        String key2 = "table [_start=" + t("00:00:00") + ", _stop=" + t("00:01:00") + ", tag=t2]";
        String bounds = "  " + t("00:00:00") + ", " + t("00:01:00") + ", ";
        String all = " _start:time, _stop:time, _time:time, tag:string, _value:float";
        check(result("median", key1 + " _start:time, _stop:time, tag:string, _value:float", bounds + "t1, 9.135",
                        key2 + " _start:time, _stop:time, tag:string, _value:float", bounds + "t2, 9.415")
                + result("selector", key1 + all, bounds + t("00:00:20") + ", t1, 7.35",
                        key2 + all, bounds + t("00:00:10") + ", t2, 4.97"),
                RANGED_FLOAT + "data |> median() |> yield(name: \"median\")\n"
                        + "data |> median(method: \"exact_selector\") |> yield(name: \"selector\")");
    }

    /** The docs' pivot of tags: both tables' rows merge into one table, one column per tag. */
    @Test
    void pivotMergesTables() {
        check(result("_result", "table [] _time:time, t1:int, t2:int",
                "  " + t("00:00:00") + ", -2, 19",
                "  " + t("00:00:10") + ", 10, 4",
                "  " + t("00:00:20") + ", 7, -3",
                "  " + t("00:00:30") + ", 17, 19",
                "  " + t("00:00:40") + ", 15, 13",
                "  " + t("00:00:50") + ", 4, 1"),
                INT + "data |> pivot(rowKey: [\"_time\"], columnKey: [\"tag\"], valueColumn: \"_value\")");
    }

    /** The docs' increase, table by table. */
    @Test
    void increasePerTable() {
        String h1 = "table [tag=t1] _time:time, _value:int, tag:string";
        String h2 = "table [tag=t2] _time:time, _value:int, tag:string";
        check(result("_result", h1,
                "  " + t("00:00:00") + ", 0, t1", "  " + t("00:00:10") + ", 12, t1", "  " + t("00:00:20") + ", 19, t1",
                "  " + t("00:00:30") + ", 29, t1", "  " + t("00:00:40") + ", 44, t1", "  " + t("00:00:50") + ", 48, t1",
                h2,
                "  " + t("00:00:00") + ", 0, t2", "  " + t("00:00:10") + ", 4, t2", "  " + t("00:00:20") + ", 4, t2",
                "  " + t("00:00:30") + ", 26, t2", "  " + t("00:00:40") + ", 39, t2", "  " + t("00:00:50") + ", 40, t2"),
                INT + "data |> increase()");
    }

    /** distinct of a group key column: its one value per table. */
    @Test
    void distinctOfTheKey() {
        check(result("_result", "table [tag=t1] tag:string, _value:string", "  t1, t1",
                        "table [tag=t2] tag:string, _value:string", "  t2, t2"),
                INT + "data |> distinct(column: \"tag\")");
    }

    /** The docs' first window example with both series: tables come out sorted by group key. */
    @Test
    void windowSortsTablesByKey() {
        String cols = " _start:time, _stop:time, _time:time, tag:string, _value:float";
        String w1 = "table [_start=" + t("00:00:00") + ", _stop=" + t("00:00:30");
        String w2 = "table [_start=" + t("00:00:30") + ", _stop=" + t("00:01:00");
        String b1 = "  " + t("00:00:00") + ", " + t("00:00:30") + ", ";
        String b2 = "  " + t("00:00:30") + ", " + t("00:01:00") + ", ";
        check(result("_result",
                w1 + ", tag=t1]" + cols,
                b1 + t("00:00:00") + ", t1, -2.18", b1 + t("00:00:10") + ", t1, 10.92", b1 + t("00:00:20") + ", t1, 7.35",
                w1 + ", tag=t2]" + cols,
                b1 + t("00:00:00") + ", t2, 19.85", b1 + t("00:00:10") + ", t2, 4.97", b1 + t("00:00:20") + ", t2, -3.75",
                w2 + ", tag=t1]" + cols,
                b2 + t("00:00:30") + ", t1, 17.53", b2 + t("00:00:40") + ", t1, 15.23", b2 + t("00:00:50") + ", t1, 4.43",
                w2 + ", tag=t2]" + cols,
                b2 + t("00:00:30") + ", t2, 19.77", b2 + t("00:00:40") + ", t2, 13.86", b2 + t("00:00:50") + ", t2, 1.86"),
                RANGED_FLOAT + "data |> window(every: 30s)");
    }
}
