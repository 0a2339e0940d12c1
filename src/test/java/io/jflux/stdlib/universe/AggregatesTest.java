package io.jflux.stdlib.universe;

import static io.jflux.stdlib.universe.Data.FLOAT;
import static io.jflux.stdlib.universe.Data.INT;
import static io.jflux.stdlib.universe.Data.INT_NULLS;
import static io.jflux.stdlib.universe.Data.RANGED;
import static io.jflux.stdlib.universe.Data.check;
import static io.jflux.stdlib.universe.Data.fails;
import static io.jflux.stdlib.universe.Data.result;
import static io.jflux.stdlib.universe.Data.t;

import org.junit.jupiter.api.Test;

/** count, sum, mean, spread, stddev, quantile and median: one row per table. */
class AggregatesTest {

    /** The docs' examples (first series): sum of ints is an int, mean a float, count an int. */
    @Test
    void aggregatesOfTheDocsExamples() {
        check(result("sum", "table [] _value:int", "  51")
                + result("mean", "table [] _value:float", "  8.5")
                + result("count", "table [] _value:int", "  6")
                + result("spread", "table [] _value:int", "  19"),
                INT + "data |> sum() |> yield(name: \"sum\")\n"
                        + "data |> mean() |> yield(name: \"mean\")\n"
                        + "data |> count() |> yield(name: \"count\")\n"
                        + "data |> spread() |> yield(name: \"spread\")");
    }

    /** sum and spread keep the column's type; mean of a uint or float column is a float. */
    @Test
    void resultTypesFollowTheColumn() {
        check(result("fsum", "table [] _value:float", "  53.28000000000001")
                + result("usum", "table [] u:uint", "  18446744073709551615")
                + result("umean", "table [] u:float", "  9223372036854776000")
                + result("uspread", "table [] u:uint", "  18446744073709551613")
                + result("fspread", "table [] _value:float", "  19.71"),
                FLOAT + "data |> sum() |> yield(name: \"fsum\")\n"
                        + "udata = array.from(rows: [{u: uint(v: -2)}, {u: uint(v: 1)}])\n"
                        + "udata |> sum(column: \"u\") |> yield(name: \"usum\")\n"
                        + "udata |> mean(column: \"u\") |> yield(name: \"umean\")\n"
                        + "udata |> spread(column: \"u\") |> yield(name: \"uspread\")\n"
                        + "data |> spread() |> yield(name: \"fspread\")");
    }

    /** Nulls are skipped by sum and mean, and counted by count. */
    @Test
    void nullsAreSkippedButCounted() {
        check(result("sum", "table [] _value:int", "  9")
                + result("mean", "table [] _value:float", "  3")
                + result("count", "table [] _value:int", "  6"),
                INT_NULLS + "data |> sum() |> yield(name: \"sum\")\n"
                        + "data |> mean() |> yield(name: \"mean\")\n"
                        + "data |> count() |> yield(name: \"count\")");
    }

    /** A table without rows gives null (count gives 0). */
    @Test
    void emptyTablesGiveNullOrZero() {
        String header = "table [_start=" + t("00:00:00") + ", _stop=" + t("00:01:00") + "] _start:time, _stop:time, ";
        String row = "  " + t("00:00:00") + ", " + t("00:01:00") + ", ";
        check(result("count", header + "_value:int", row + "0")
                + result("sum", header + "_value:int", row + "<null>")
                + result("mean", header + "_value:float", row + "<null>")
                + result("spread", header + "_value:int", row + "<null>")
                + result("stddev", header + "_value:float", row + "<null>")
                + result("median", header + "f:float", row + "<null>"),
                "import \"array\"\ndata = array.from(rows: [{_time: 2021-01-01T00:00:10Z, _value: 1, f: 1.0}])"
                        + " |> window(every: 1m) |> tail(n: 0)\n"
                        + "data |> count() |> yield(name: \"count\")\n"
                        + "data |> sum() |> yield(name: \"sum\")\n"
                        + "data |> mean() |> yield(name: \"mean\")\n"
                        + "data |> spread() |> yield(name: \"spread\")\n"
                        + "data |> stddev() |> yield(name: \"stddev\")\n"
                        + "data |> median(column: \"f\") |> yield(name: \"median\")");
    }

    /** The group key columns come first, holding the key's values; other columns are dropped. */
    @Test
    void groupKeyColumnsAreKept() {
        String w1 = "_start=" + t("00:00:00") + ", _stop=" + t("00:00:30");
        String w2 = "_start=" + t("00:00:30") + ", _stop=" + t("00:01:00");
        check(result("_result",
                "table [" + w1 + "] _start:time, _stop:time, _value:int",
                "  " + t("00:00:00") + ", " + t("00:00:30") + ", 15",
                "table [" + w2 + "] _start:time, _stop:time, _value:int",
                "  " + t("00:00:30") + ", " + t("00:01:00") + ", 36"),
                RANGED + "data |> window(every: 30s) |> sum()");
    }

    @Test
    void aggregateErrors() {
        fails("column \"nope\" does not exist", INT + "data |> sum(column: \"nope\")");
        fails("unsupported aggregate column type string", INT + "data |> sum(column: \"tag\")");
        fails("unsupported aggregate column type time", INT + "data |> mean(column: \"_time\")");
        fails("cannot aggregate columns that are part of the group key",
                RANGED + "data |> window(every: 30s) |> count(column: \"_start\")");
    }

    /** count counts any column type. */
    @Test
    void countCountsAnyColumn() {
        check(result("_result", "table [] _time:int", "  6"), INT + "data |> count(column: \"_time\")");
    }

    /** stddev: sample by default (n - 1), population on request; one value gives NaN in sample mode. */
    @Test
    void standardDeviation() {
        check(result("sample", "table [] _value:float", "  7.263244454099008")
                + result("population", "table [] _value:float", "  6.630404713640538")
                + result("one", "table [] _value:float", "  NaN"),
                FLOAT + "data |> stddev() |> yield(name: \"sample\")\n"
                        + "data |> stddev(mode: \"population\") |> yield(name: \"population\")\n"
                        + "data |> limit(n: 1) |> stddev() |> yield(name: \"one\")");
        fails("\"middle\" is not a valid standard deviation mode", FLOAT + "data |> stddev(mode: \"middle\")");
    }

    /** The docs' examples: quantile 0.99 by t-digest, and median (the default method and exact_mean). */
    @Test
    void quantilesAndMedians() {
        check(result("q", "table [] _value:float", "  17.53")
                + result("median", "table [] _value:float", "  9.135")
                + result("exact", "table [] _value:float", "  9.135")
                + result("q25", "table [] _value:float", "  5.16")
                + result("t25", "table [] _value:float", "  4.43"),
                FLOAT + "data |> quantile(q: 0.99, method: \"estimate_tdigest\") |> yield(name: \"q\")\n"
                        + "data |> median() |> yield(name: \"median\")\n"
                        + "data |> median(method: \"exact_mean\") |> yield(name: \"exact\")\n"
                        + "data |> quantile(q: 0.25, method: \"exact_mean\") |> yield(name: \"q25\")\n"
                        + "data |> quantile(q: 0.25) |> yield(name: \"t25\")");
    }

    /** With a small compression the t-digest merges points into centroids and interpolates between them. */
    @Test
    void tdigestWithFewCentroids() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            rows.append(i > 0 ? ", " : "").append("{v: ").append(i * i).append(".0}");
        }
        check(result("_result", "table [] v:float", "  2630.5"),
                "import \"array\"\narray.from(rows: [" + rows + "])"
                        + " |> quantile(column: \"v\", q: 0.5, compression: 5.0)");
    }

    @Test
    void quantileErrors() {
        fails("quantile must be between 0 and 1.", FLOAT + "data |> quantile(q: 1.5)");
        fails("unknown method mean", FLOAT + "data |> quantile(q: 0.5, method: \"mean\")");
        fails("compression parameter is only valid for method estimate_tdigest.",
                FLOAT + "data |> quantile(q: 0.5, method: \"exact_mean\", compression: 10.0)");
        fails("unsupported aggregate column type int", INT + "data |> median()");
    }
}
