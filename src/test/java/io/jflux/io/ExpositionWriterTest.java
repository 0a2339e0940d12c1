package io.jflux.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jflux.api.Engine;
import io.jflux.api.Execution;
import io.jflux.api.RunOptions;
import io.jflux.diag.FluxException;
import io.jflux.eval.Values;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.TableBatcher;
import io.jflux.table.TableStream;
import io.jflux.table.Tables;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** The Prometheus exposition writer: the seed 004 rules, escaping, and a scrape that parses back unchanged. */
class ExpositionWriterTest {

    static final long CLOCK = 1_609_459_200_000_000_000L; // 2021-01-01T00:00:00Z

    /** Runs {@code flux} and writes all its results' tables as an exposition. */
    static String write(String flux, List<String> samples) {
        StringWriter text = new StringWriter();
        ExpositionWriter w = new ExpositionWriter(text);
        try (Execution run = Engine.create().compile("test.flux", flux)
                .run(RunOptions.defaults().withNow(Tables.NOW).withClock(() -> CLOCK))) {
            for (Execution.Result r : run.results()) {
                try (TableStream s = run.tables(r)) {
                    FluxTable t;
                    while ((t = s.next()) != null) {
                        try (FluxTable table = t) {
                            w.add(table);
                            if (samples != null) {
                                samples(table, samples);
                            }
                        }
                    }
                }
            }
        }
        w.finish();
        return text.toString();
    }

    /** Each row of a scrape-shaped table as "field{label=value,...} value time", labels sorted, url left out. */
    static void samples(FluxTable t, List<String> out) {
        TreeMap<String, Integer> labels = new TreeMap<>();
        for (int c = 0; c < t.columnCount(); c++) {
            String l = t.column(c).label();
            if (t.column(c).type() == ColumnType.STRING
                    && !List.of("_measurement", "_field", "url", "_type", "_help").contains(l)) {
                labels.put(l, c);
            }
        }
        int field = t.columnIndex("_field");
        int value = t.columnIndex("_value");
        int time = t.columnIndex("_time");
        for (int r = 0; r < t.rowCount(); r++) {
            StringBuilder sb = new StringBuilder(t.getString(field, r)).append('{');
            for (var l : labels.entrySet()) {
                sb.append(l.getKey()).append('=').append(t.getString(l.getValue(), r)).append(',');
            }
            sb.append("} ").append(Values.formatFloat(t.getDouble(value, r))).append(' ').append(t.getLong(time, r));
            out.add(sb.toString());
        }
    }

    /** Parses an exposition as scrape would (wall clock {@link #CLOCK}) and lists its samples. */
    static List<String> parse(String text) {
        List<String> out = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
                TableBatcher batcher = new TableBatcher(allocator, 1024, 1L << 20)) {
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            ExpositionParser p = new ExpositionParser(data, data.length, "u", CLOCK, batcher);
            boolean more = true;
            while (more) {
                more = p.step();
                FluxTable t;
                while ((t = batcher.poll()) != null) {
                    try (FluxTable table = t) {
                        samples(table, out);
                    }
                }
            }
        }
        return out;
    }

    static String resource(String name) throws Exception {
        return Path.of(ExpositionWriterTest.class.getResource("/prometheus/" + name).toURI()).toUri().toString();
    }

    @Test
    void scrapePrintedAsExpositionParsesBackToTheSameSamples() throws Exception {
        for (String file : List.of("roundtrip.prom", "seed000.prom", "seed001.prom")) {
            roundTrip(file, "");
        }
        // with help text that needs escaping on every family
        roundTrip("roundtrip.prom", " |> set(key: \"_help\", value: \"C:\\\\dir \\\"quoted\\\"\\nnext line\")");
    }

    private static void roundTrip(String file, String then) throws Exception {
        {
            List<String> scraped = new ArrayList<>();
            String text = write("import \"experimental/prometheus\"\nprometheus.scrape(url: \"" + resource(file)
                    + "\")" + then, scraped);
            List<String> back = parse(text);
            Collections.sort(scraped);
            Collections.sort(back);
            assertEquals(scraped, back, file + " printed as\n" + text);
            assertEquals(true, scraped.size() > 3, file);
        }
    }

    @Test
    void familiesInNameOrderWithABlankLineBetweenHistogramsAndSummariesRebuilt() throws Exception {
        assertEquals("""
                # TYPE http_request_duration_seconds histogram
                http_request_duration_seconds_bucket{le="0.05"} 24054 1609459200000
                http_request_duration_seconds_bucket{le="0.1"} 33444 1609459200000
                http_request_duration_seconds_bucket{le="0.2"} 100392 1609459200000
                http_request_duration_seconds_bucket{le="+Inf"} 144320 1609459200000
                http_request_duration_seconds_sum 53423 1609459200000
                http_request_duration_seconds_count 144320 1609459200000

                http_requests_total{code="200",method="post"} 1027 1395066363000
                http_requests_total{code="400",method="post"} 3 1395066363000
                http_requests_total{method="get",path="C:\\\\dir \\"x\\"\\nnext"} 7 1395066363123

                metric_without_timestamp_and_labels 12.47 1609459200000

                negative -0.00000015 1609459200000

                # TYPE rpc_duration_seconds summary
                rpc_duration_seconds{quantile="0.01",service="a"} 3102 1609459200000
                rpc_duration_seconds{quantile="0.99",service="a"} 76656 1609459200000
                rpc_duration_seconds_sum{service="a"} 17560473 1609459200000
                rpc_duration_seconds_count{service="a"} 2693 1609459200000

                something_weird{problem="division by zero"} +Inf -3982045
                """, write("import \"experimental/prometheus\"\nprometheus.scrape(url: \""
                + resource("roundtrip.prom") + "\")", null));
    }

    /** Seed 004's example as Flux rows: no timestamps (no _time), a histogram's count from its +Inf bucket. */
    @Test
    void seed004WithoutTimestamps() {
        String flux = String.join("\n",
                "import \"array\"",
                "array.from(rows: [",
                "  {_field: \"http_request_duration_seconds\", le: \"0.05\", _value: 24054},",
                "  {_field: \"http_request_duration_seconds\", le: \"0.1\", _value: 33444},",
                "  {_field: \"http_request_duration_seconds\", le: \"0.5\", _value: 129389},",
                "  {_field: \"http_request_duration_seconds\", le: \"1\", _value: 133988},",
                "  {_field: \"http_request_duration_seconds\", le: \"+Inf\", _value: 144320},",
                "  {_field: \"http_request_duration_seconds_sum\", le: \"\", _value: 53423},",
                "])",
                "array.from(rows: [",
                "  {_field: \"rpc_duration_seconds\", quantile: \"0.01\", _value: 3102.0},",
                "  {_field: \"rpc_duration_seconds\", quantile: \"0.99\", _value: 76656.0},",
                "  {_field: \"rpc_duration_seconds_count\", quantile: \"\", _value: 2693.0},",
                "  {_field: \"rpc_duration_seconds_sum\", quantile: \"\", _value: 17560473.0},",
                "  {_field: \"metric_without_timestamp_and_labels\", quantile: \"\", _value: 12.47},",
                "])");
        assertEquals("""
                # TYPE http_request_duration_seconds histogram
                http_request_duration_seconds_bucket{le="0.05"} 24054
                http_request_duration_seconds_bucket{le="0.1"} 33444
                http_request_duration_seconds_bucket{le="0.5"} 129389
                http_request_duration_seconds_bucket{le="1"} 133988
                http_request_duration_seconds_bucket{le="+Inf"} 144320
                http_request_duration_seconds_sum 53423
                http_request_duration_seconds_count 144320

                metric_without_timestamp_and_labels 12.47

                # TYPE rpc_duration_seconds summary
                rpc_duration_seconds{quantile="0.01"} 3102
                rpc_duration_seconds{quantile="0.99"} 76656
                rpc_duration_seconds_sum 17560473
                rpc_duration_seconds_count 2693
                """, write(flux, null));
    }

    /**
     * Seed 004's example in full: {@code _type} and {@code _help} columns give the TYPE of families that labels do
     * not make histograms or summaries, and HELP text from the first row that has some; no type and no help, no
     * line. Timestamps where the seed has them (its 0 means none), blank lines between families.
     */
    @Test
    void seed004ExampleWithTypeAndHelpColumns() {
        String flux = String.join("\n",
                "import \"array\"",
                "array.from(rows: [",
                "  {_field: \"http_request_duration_seconds\", _type: \"histogram\", _help: \"How long requests took.\",",
                "   le: \"0.05\", quantile: \"\", _value: 24054.0},",
                "  {_field: \"http_request_duration_seconds\", _type: \"histogram\", _help: \"\", le: \"0.1\", quantile: \"\",",
                "   _value: 33444.0},",
                "  {_field: \"http_request_duration_seconds\", _type: \"histogram\", _help: \"\", le: \"0.2\", quantile: \"\",",
                "   _value: 100392.0},",
                "  {_field: \"http_request_duration_seconds\", _type: \"histogram\", _help: \"\", le: \"0.5\", quantile: \"\",",
                "   _value: 129389.0},",
                "  {_field: \"http_request_duration_seconds\", _type: \"histogram\", _help: \"\", le: \"1\", quantile: \"\",",
                "   _value: 133988.0},",
                "  {_field: \"http_request_duration_seconds\", _type: \"histogram\", _help: \"\", le: \"+Inf\", quantile: \"\",",
                "   _value: 144320.0},",
                "  {_field: \"http_request_duration_seconds_sum\", _type: \"histogram\", _help: \"\", le: \"\", quantile: \"\",",
                "   _value: 53423.0},",
                "  {_field: \"metric_without_timestamp_and_labels\", _type: \"\", _help: \"\", le: \"\", quantile: \"\",",
                "   _value: 12.47},",
                "  {_field: \"rpc_duration_seconds\", _type: \"summary\", _help: \"RPC durations in seconds.\", le: \"\",",
                "   quantile: \"0.01\", _value: 3102.0},",
                "  {_field: \"rpc_duration_seconds\", _type: \"summary\", _help: \"\", le: \"\", quantile: \"0.05\", _value: 3272.0},",
                "  {_field: \"rpc_duration_seconds\", _type: \"summary\", _help: \"\", le: \"\", quantile: \"0.5\", _value: 4773.0},",
                "  {_field: \"rpc_duration_seconds\", _type: \"summary\", _help: \"\", le: \"\", quantile: \"0.9\", _value: 9001.0},",
                "  {_field: \"rpc_duration_seconds\", _type: \"summary\", _help: \"\", le: \"\", quantile: \"0.99\", _value: 76656.0},",
                "  {_field: \"rpc_duration_seconds_count\", _type: \"summary\", _help: \"\", le: \"\", quantile: \"\", _value: 2693.0},",
                "  {_field: \"rpc_duration_seconds_sum\", _type: \"summary\", _help: \"\", le: \"\", quantile: \"\",",
                "   _value: 17560473.0},",
                "])",
                "array.from(rows: [",
                "  {_field: \"http_requests_total\", _type: \"counter\", _help: \"HTTP requests served.\", method: \"post\",",
                "   code: \"200\", _value: 1027.0, _time: time(v: 1395066363000000000)},",
                "  {_field: \"http_requests_total\", _type: \"counter\", _help: \"\", method: \"post\", code: \"400\", _value: 3.0,",
                "   _time: time(v: 1395066363000000000)},",
                "])",
                "array.from(rows: [{_field: \"something_weird\", problem: \"division by zero\", _value: float(v: \"+Inf\"),",
                "  _time: time(v: -3982045000000)}])");
        assertEquals("""
                # HELP http_request_duration_seconds How long requests took.
                # TYPE http_request_duration_seconds histogram
                http_request_duration_seconds_bucket{le="0.05"} 24054
                http_request_duration_seconds_bucket{le="0.1"} 33444
                http_request_duration_seconds_bucket{le="0.2"} 100392
                http_request_duration_seconds_bucket{le="0.5"} 129389
                http_request_duration_seconds_bucket{le="1"} 133988
                http_request_duration_seconds_bucket{le="+Inf"} 144320
                http_request_duration_seconds_sum 53423
                http_request_duration_seconds_count 144320

                # HELP http_requests_total HTTP requests served.
                # TYPE http_requests_total counter
                http_requests_total{code="200",method="post"} 1027 1395066363000
                http_requests_total{code="400",method="post"} 3 1395066363000

                metric_without_timestamp_and_labels 12.47

                # HELP rpc_duration_seconds RPC durations in seconds.
                # TYPE rpc_duration_seconds summary
                rpc_duration_seconds{quantile="0.01"} 3102
                rpc_duration_seconds{quantile="0.05"} 3272
                rpc_duration_seconds{quantile="0.5"} 4773
                rpc_duration_seconds{quantile="0.9"} 9001
                rpc_duration_seconds{quantile="0.99"} 76656
                rpc_duration_seconds_sum 17560473
                rpc_duration_seconds_count 2693

                something_weird{problem="division by zero"} +Inf -3982045
                """, write(flux, null));
    }

    @Test
    void helpIsEscapedAndTypeWithoutHelpOrHelpWithoutTypeStandAlone() {
        String text = write("import \"array\"\narray.from(rows: ["
                + "{_field: \"a\", _type: \"untyped\", _help: \"C:\\\\dir \\\"x\\\"\\nsecond line\", _value: 1.0},"
                + "{_field: \"b\", _type: \"gauge\", _help: \"\", _value: 2.0},"
                + "{_field: \"c\", _type: \"\", _help: \"Only help.\", _value: 3.0}])", null);
        assertEquals("""
                # HELP a C:\\\\dir "x"\\nsecond line
                # TYPE a untyped
                a 1

                # TYPE b gauge
                b 2

                # HELP c Only help.
                c 3
                """, text);
        assertEquals(List.of("a{} 1 " + CLOCK, "b{} 2 " + CLOCK, "c{} 3 " + CLOCK), parse(text));
    }

    @Test
    void aTypeColumnMustNameAPrometheusTypeAndAgreeWithTheLabels() {
        String rows = "import \"array\"\narray.from(rows: [";
        assertEquals("prometheus format: _type \"Counter\" of metric a is not one of counter, gauge, histogram, "
                + "summary, untyped (or empty)", assertThrows(FluxException.class, () -> write(rows
                + "{_field: \"a\", _type: \"Counter\", _value: 1.0}])", null)).getMessage());
        assertEquals("prometheus format: metric a has two _type values, counter and gauge",
                assertThrows(FluxException.class, () -> write(rows + "{_field: \"a\", _type: \"counter\", _value: 1.0},"
                + "{_field: \"a\", _type: \"gauge\", _value: 2.0}])", null)).getMessage());
        // nothing is written when a family's type is wrong, even one after those that are right
        StringWriter text = new StringWriter();
        ExpositionWriter w = new ExpositionWriter(text);
        try (Execution run = Engine.create().compile("t.flux", rows + "{_field: \"a\", _value: 1.0},"
                + "{_field: \"h\", _type: \"counter\", le: \"+Inf\", _value: 1.0}])").run(RunOptions.defaults());
                TableStream tables = run.tables(run.results().get(0))) {
            FluxTable t;
            while ((t = tables.next()) != null) {
                try (FluxTable table = t) {
                    w.add(table);
                }
            }
        }
        assertEquals("prometheus format: metric h has le labels, so it is written as a histogram, but its _type is "
                + "counter", assertThrows(FluxException.class, w::finish).getMessage());
        assertEquals("", text.toString());
        assertEquals("prometheus format: metric s has _type summary but no sample with a quantile label to rebuild "
                + "it from", assertThrows(FluxException.class, () -> write(rows
                + "{_field: \"s\", _type: \"summary\", _value: 1.0}])", null)).getMessage());
        // a _sum of a histogram with the histogram's type is part of its family
        assertEquals("""
                # TYPE h histogram
                h_bucket{le="+Inf"} 2
                h_sum 3
                h_count 2
                """, write(rows + "{_field: \"h\", _type: \"histogram\", le: \"+Inf\", _value: 2.0},"
                + "{_field: \"h_sum\", _type: \"histogram\", le: \"\", _value: 3.0}])", null));
    }

    @Test
    void namesSanitizedNullValuesSkippedStringValuesRejected() {
        assertEquals("""
                cpu_usage_idle{host_name="a"} 1
                """, write("import \"array\"\narray.from(rows: [{_field: \"cpu.usage idle\", \"host-name\": \"a\","
                + " other: \"\", _value: 1}])", null));
        FluxException e = assertThrows(FluxException.class, () -> write(
                "import \"array\"\narray.from(rows: [{_field: \"f\", _value: \"x\"}])", null));
        assertEquals("prometheus format: _value must be a float, int or uint, not string; group key []",
                e.getMessage().replaceAll("group key .*", "group key []"));
    }
}
