package io.jflux.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jflux.diag.FluxException;
import io.jflux.eval.StringValue;
import io.jflux.table.FluxTable;
import io.jflux.table.TableBatcher;
import io.jflux.table.Tables;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** The Prometheus text exposition parser, rule by rule: tables rendered as {@link Tables#render} prints them. */
class ExpositionParserTest {

    static final long CLOCK = 1_609_459_200_000_000_000L; // 2021-01-01T00:00:00Z

    /** Parses {@code text} with url "u" and renders every table; checks that all memory is released. */
    static String parse(String text) {
        return parse(text, 4);
    }

    static String parse(String text, int maxRows) {
        StringBuilder sb = new StringBuilder();
        try (BufferAllocator allocator = new RootAllocator();
                TableBatcher batcher = new TableBatcher(allocator, maxRows, 1L << 20)) {
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            drain(new ExpositionParser(data, data.length, "u", CLOCK, batcher), batcher, sb);
        }
        return sb.toString();
    }

    /** Runs {@code p} to the end, rendering to {@code sb} and closing each table {@code batcher} hands out. */
    static void drain(ExpositionParser p, TableBatcher batcher, StringBuilder sb) {
        drain(p, batcher, table -> Tables.render(table, sb));
    }

    /** Runs {@code p} to the end, giving each table {@code batcher} hands out to {@code each}, then closing it. */
    static void drain(ExpositionParser p, TableBatcher batcher, java.util.function.Consumer<FluxTable> each) {
        boolean more = true;
        while (more) {
            more = p.step();
            FluxTable t;
            while ((t = batcher.poll()) != null) {
                try (FluxTable table = t) {
                    each.accept(table);
                }
            }
        }
    }

    static String error(String text) {
        return assertThrows(FluxException.class, () -> parse(text)).getMessage();
    }

    static final String T0 = "2021-01-01T00:00:00.000000000Z";

    @Test
    void commentsHelpTypeAndBlankLinesAreSkipped() {
        assertEquals("""
                table [_measurement=prometheus, _field=up] _time:time, _measurement:string, _field:string, _value:float, url:string
                  2021-01-01T00:00:00.000000000Z, prometheus, up, 1, u
                """, parse("""
                # a comment
                #
                # HELP up Whether the target is up.
                # HELP up Whether the target is up (again).

                # TYPE up gauge
                # TYPE up gauge
                   \t
                up 1
                # end
                """));
    }

    @Test
    void labelsBecomeSortedStringColumnsOfTheGroupKey() {
        assertEquals("""
                table [_measurement=prometheus, _field=http_requests_total, code=200, method=get] _time:time, _measurement:string, _field:string, _value:float, url:string, code:string, method:string
                  2021-01-01T00:00:00.000000000Z, prometheus, http_requests_total, 1027, u, 200, get
                """, parse("http_requests_total{method=\"get\", code = \"200\",} 1027\n"));
    }

    @Test
    void laterSamplesOfASeriesWithUnsortedLabelsGoToTheSameColumns() {
        // the second line continues the first's series: its labels are sorted the same way
        assertEquals("""
                table [_measurement=prometheus, _field=m, a=aa, z=zz] _time:time, _measurement:string, _field:string, _value:float, url:string, a:string, z:string
                  1970-01-01T00:00:01.000000000Z, prometheus, m, 1, u, aa, zz
                  1970-01-01T00:00:02.000000000Z, prometheus, m, 2, u, aa, zz
                """, parse("m{z=\"zz\",a=\"aa\"} 1 1000\nm{z=\"zz\",a=\"aa\"} 2 2000\n"));
    }

    @Test
    void escapedLabelValues() {
        String out = parse("m{path=\"C:\\\\dir\",msg=\"say \\\"hi\\\"\",lines=\"a\\nb\"} 1\n");
        assertEquals("table [_measurement=prometheus, _field=m, lines=a\nb, msg=say \"hi\", path=C:\\dir] "
                + "_time:time, _measurement:string, _field:string, _value:float, url:string, lines:string, msg:string,"
                + " path:string\n  " + T0 + ", prometheus, m, 1, u, a\nb, say \"hi\", C:\\dir\n", out);
    }

    @Test
    void nanSamplesAreDroppedAndInfinitiesKept() {
        String out = parse("a NaN\nb +Inf\nc -Inf\nd 1.5e3\ne -0.25\n");
        assertEquals(4, out.lines().filter(l -> l.startsWith("table")).count(), out);
        assertEquals(true, out.contains(", prometheus, b, +Inf, u"), out);
        assertEquals(true, out.contains(", prometheus, c, -Inf, u"), out);
        assertEquals(true, out.contains(", prometheus, d, 1500, u"), out);
        assertEquals(true, out.contains(", prometheus, e, -0.25, u"), out);
    }

    @Test
    void timestampsAreMillisecondsAndOptional() {
        assertEquals("""
                table [_measurement=prometheus, _field=a] _time:time, _measurement:string, _field:string, _value:float, url:string
                  2021-01-01T00:00:01.500000000Z, prometheus, a, 1, u
                table [_measurement=prometheus, _field=b] _time:time, _measurement:string, _field:string, _value:float, url:string
                  2021-01-01T00:00:00.000000000Z, prometheus, b, 2, u
                table [_measurement=prometheus, _field=c] _time:time, _measurement:string, _field:string, _value:float, url:string
                  1969-12-31T23:59:59.999000000Z, prometheus, c, 3, u
                """, parse("a 1 1609459201500\nb 2\nc 3 -1\n"));
    }

    @Test
    void consecutiveSamplesOfOneSeriesShareATable() {
        assertEquals("""
                table [_measurement=prometheus, _field=a, x=1] _time:time, _measurement:string, _field:string, _value:float, url:string, x:string
                  1970-01-01T00:00:00.001000000Z, prometheus, a, 1, u, 1
                  1970-01-01T00:00:00.002000000Z, prometheus, a, 2, u, 1
                table [_measurement=prometheus, _field=a, x=2] _time:time, _measurement:string, _field:string, _value:float, url:string, x:string
                  1970-01-01T00:00:00.003000000Z, prometheus, a, 3, u, 2
                """, parse("a{x=\"1\"} 1 1\na{x=\"1\"} 2 2\na{x=\"2\"} 3 3\n"));
    }

    static final String HEAD_X = "_time:time, _measurement:string, _field:string, _value:float, url:string, x:string";

    @Test
    void aSeriesMetAgainLaterJoinsItsFirstTable() {
        assertEquals("table [_measurement=prometheus, _field=a, x=1] " + HEAD_X + """

                  1970-01-01T00:00:00.001000000Z, prometheus, a, 1, u, 1
                  1970-01-01T00:00:00.003000000Z, prometheus, a, 3, u, 1
                  1970-01-01T00:00:00.005000000Z, prometheus, a, 5, u, 1
                table [_measurement=prometheus, _field=a, x=2] _time:time, _measurement:string, _field:string, _value:float, url:string, x:string
                  1970-01-01T00:00:00.002000000Z, prometheus, a, 2, u, 2
                  1970-01-01T00:00:00.004000000Z, prometheus, a, 4, u, 2
                table [_measurement=prometheus, _field=b] _time:time, _measurement:string, _field:string, _value:float, url:string
                  2021-01-01T00:00:00.000000000Z, prometheus, b, 9, u
                """, parse("a{x=\"1\"} 1 1\na{x=\"2\"} 2 2\na{x=\"1\"} 3 3\nb 9\na{x=\"2\"} 4 4\na{x=\"1\"} 5 5\n"));
    }

    @Test
    void labelsInAnotherOrderOrSpacingAreTheSameSeries() {
        String head = "_time:time, _measurement:string, _field:string, _value:float, url:string, a:string, b:string";
        assertEquals("table [_measurement=prometheus, _field=m, a=1, b=2] " + head + """

                  2021-01-01T00:00:00.000000000Z, prometheus, m, 1, u, 1, 2
                  2021-01-01T00:00:00.000000000Z, prometheus, m, 2, u, 1, 2
                  2021-01-01T00:00:00.000000000Z, prometheus, m, 3, u, 1, 2
                  2021-01-01T00:00:00.000000000Z, prometheus, m, 5, u, 1, 2
                table [_measurement=prometheus, _field=n] _time:time, _measurement:string, _field:string, _value:float, url:string
                  2021-01-01T00:00:00.000000000Z, prometheus, n, 4, u
                """, parse("""
                m{a="1",b="2"} 1
                m {a="1",b="2"} 2
                m{ b = "2" ,\ta="1", } 3
                n 4
                m{b="2",a="1"} 5
                """));
        // the same text but a value that is not the same: two series
        assertEquals(2, parse("m{a=\"1\",b=\"2\"} 1\nm{b=\"2 \",a=\"1\"} 2\n").lines()
                .filter(l -> l.startsWith("table")).count());
    }

    @Test
    void aRepeatedSeriesWithAndWithoutTimestamps() {
        assertEquals("""
                table [_measurement=prometheus, _field=a] _time:time, _measurement:string, _field:string, _value:float, url:string
                  2021-01-01T00:00:01.000000000Z, prometheus, a, 1, u
                  2021-01-01T00:00:00.000000000Z, prometheus, a, 3, u
                  2021-01-01T00:00:02.000000000Z, prometheus, a, 4, u
                table [_measurement=prometheus, _field=b] _time:time, _measurement:string, _field:string, _value:float, url:string
                  2021-01-01T00:00:00.000000000Z, prometheus, b, 2, u
                """, parse("a 1 1609459201000\nb 2\na 3\na{} 4 1609459202000\n"));
    }

    @Test
    void aHistogramFamilySplitInPiecesGivesOneTablePerSeries() {
        String le = "_time:time, _measurement:string, _field:string, _value:float, url:string, le:string, svc:string";
        String svc = "_time:time, _measurement:string, _field:string, _value:float, url:string, svc:string";
        assertEquals("table [_measurement=prometheus, _field=h, le=1, svc=a] " + le + "\n"
                + "  2021-01-01T00:00:00.000000000Z, prometheus, h, 1, u, 1, a\n"
                + "  2021-01-01T00:00:01.000000000Z, prometheus, h, 3, u, 1, a\n"
                + "table [_measurement=prometheus, _field=h, le=+Inf, svc=a] " + le + "\n"
                + "  2021-01-01T00:00:00.000000000Z, prometheus, h, 2, u, +Inf, a\n"
                + "  2021-01-01T00:00:01.000000000Z, prometheus, h, 4, u, +Inf, a\n"
                + "table [_measurement=prometheus, _field=h_sum, svc=a] " + svc + "\n"
                + "  2021-01-01T00:00:00.000000000Z, prometheus, h_sum, 1.5, u, a\n"
                + "  2021-01-01T00:00:01.000000000Z, prometheus, h_sum, 2.5, u, a\n"
                + "table [_measurement=prometheus, _field=g] _time:time, _measurement:string, _field:string,"
                + " _value:float, url:string\n"
                + "  2021-01-01T00:00:00.000000000Z, prometheus, g, 7, u\n"
                + "table [_measurement=prometheus, _field=h_count, svc=a] " + svc + "\n"
                + "  2021-01-01T00:00:01.000000000Z, prometheus, h_count, 4, u, a\n", parse("""
                # HELP h Latency.
                # TYPE h histogram
                h_bucket{le="1",svc="a"} 1
                h_bucket{le="+Inf",svc="a"} 2
                h_sum{svc="a"} 1.5
                # TYPE g gauge
                g 7
                # TYPE h histogram
                h_bucket{svc="a",le="1"} 3 1609459201000
                h_bucket{svc="a",le="+Inf"} 4 1609459201000
                h_sum{svc="a"} 2.5 1609459201000
                h_count{svc="a"} 4 1609459201000
                """));
    }

    @Test
    void aRepeatedLineThatMakesNoRowOrAnotherFieldChangesNothing() {
        // NaN makes no row; a name ending in _bucket is a field of its own unless its family is a histogram
        assertEquals(parse("a{x=\"1\"} 1\nb 2\n"), parse("a{x=\"1\"} 1\nb 2\na{x=\"1\"} NaN\n"));
        assertEquals("""
                table [_measurement=prometheus, _field=u_bucket, le=1] _time:time, _measurement:string, _field:string, _value:float, url:string, le:string
                  2021-01-01T00:00:00.000000000Z, prometheus, u_bucket, 1, u, 1
                table [_measurement=prometheus, _field=u, le=1] _time:time, _measurement:string, _field:string, _value:float, url:string, le:string
                  2021-01-01T00:00:00.000000000Z, prometheus, u, 2, u, 1
                """, parse("u_bucket{le=\"1\"} 1\nu{le=\"1\"} 2\n"));
    }

    @Test
    void samplesOfOtherNamesWithOneKeyAreOneTable() {
        // a histogram's bucket and a sample named like the family with an le label; a histogram family named
        // x_bucket and a sample named x_bucket: the same field and labels, so the same series
        String head = "_time:time, _measurement:string, _field:string, _value:float, url:string, le:string";
        assertEquals("table [_measurement=prometheus, _field=h, le=1] " + head + "\n"
                + "  2021-01-01T00:00:00.000000000Z, prometheus, h, 1, u, 1\n"
                + "  2021-01-01T00:00:00.000000000Z, prometheus, h, 3, u, 1\n"
                + "table [_measurement=prometheus, _field=g] _time:time, _measurement:string, _field:string,"
                + " _value:float, url:string\n"
                + "  2021-01-01T00:00:00.000000000Z, prometheus, g, 2, u\n",
                parse("# TYPE h histogram\nh_bucket{le=\"1\"} 1\ng 2\nh{le=\"1\"} 3\n"));
        assertEquals("table [_measurement=prometheus, _field=x_bucket, le=1] " + head + "\n"
                + "  2021-01-01T00:00:00.000000000Z, prometheus, x_bucket, 4, u, 1\n"
                + "  2021-01-01T00:00:00.000000000Z, prometheus, x_bucket, 5, u, 1\n",
                parse("# TYPE x_bucket histogram\nx_bucket_bucket{le=\"1\"} 4\nx_bucket{le=\"1\"} 5\n"));
    }

    /**
     * Random expositions whose series come back in other places, with labels in any order and spacing, escapes,
     * timestamps and NaN: every group key is one table, holding every non-NaN sample of it in exposition order
     * (each sample's value is its line number). Texts that {@link RepeatedSeries#find} passes take the fast path,
     * so a repeat it misses shows as a second table.
     */
    @Test
    void randomRepeatsGiveOneTablePerKeyWithItsRowsInOrder() {
        java.util.Random random = new java.util.Random(42);
        String[] names = {"a", "b_total", "h_bucket", "h_sum", "h", "u_bucket"};
        String[] labels = {"x", "y", "le", "zz"};
        String[] values = {"1", "12", "1 ", "", "2", "q\\\"", "q\\\\", "n\\n", "+Inf"};
        int fastPath = 0;
        for (int round = 0; round < 400; round++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "# TYPE h histogram\n" : "");
            int samples = 0;
            int lines = 1 + random.nextInt(round % 2 == 0 ? 6 : 40);
            for (int line = 1; line <= lines; line++) {
                text.append(names[random.nextInt(names.length)]);
                List<String> pairs = new java.util.ArrayList<>();
                for (String label : labels) {
                    if (random.nextInt(3) == 0) {
                        String sp = random.nextBoolean() ? "" : " ";
                        pairs.add(label + sp + "=" + sp + "\"" + values[random.nextInt(values.length)] + "\"");
                    }
                }
                java.util.Collections.shuffle(pairs, random);
                if (!pairs.isEmpty() || random.nextInt(4) == 0) {
                    text.append(random.nextBoolean() ? "{" : " { ").append(String.join(random.nextBoolean() ? "," : " ,\t",
                            pairs)).append(pairs.isEmpty() || random.nextBoolean() ? "}" : ",}");
                }
                boolean nan = random.nextInt(8) == 0;
                text.append(' ').append(nan ? "NaN" : Integer.toString(line + 1));
                if (random.nextBoolean()) {
                    text.append(' ').append(random.nextInt(5));
                }
                text.append('\n');
                samples += nan ? 0 : 1;
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            fastPath += RepeatedSeries.find(bytes, bytes.length) ? 0 : 1;
            String out = parse(text.toString(), 3);
            java.util.Set<String> keys = new java.util.HashSet<>();
            int rows = 0;
            double last = 0;
            for (String l : out.split("\n(?=table |  )")) {
                if (l.isEmpty()) {
                    continue;
                }
                if (l.startsWith("table ")) {
                    assertEquals(true, keys.add(l), "a second table " + l + " from:\n" + text);
                    last = 0;
                } else {
                    String[] cells = l.split(", ");
                    double v = Double.parseDouble(cells[3]);
                    assertEquals(true, v > last, "rows out of order in:\n" + out + "\nfrom:\n" + text);
                    last = v;
                    rows++;
                }
            }
            assertEquals(samples, rows, text.toString());
        }
        assertEquals(true, fastPath > 100, fastPath + " texts without a series in two places");
    }

    /**
     * Lines that begin with the labels of the line before them, written byte for byte alike or almost (a blank
     * more, a value one character longer, an escape, a trailing comma, another name), as histograms' lines do: each
     * row holds the labels of its own line. The expected values come from the generator, not from the parser.
     */
    @Test
    void linesSharingTheLabelsOfTheLineBeforeKeepTheirOwnValues() {
        java.util.Random random = new java.util.Random(7);
        String[] names = {"a", "bb", "le", "quantile", "c_long_label_name"};
        String[][] values = {{"1", "1\\\\", "12"}, {"x", "x\\\"y", "x\\ny"}, {"0.5", "+Inf", "1"}};
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            List<java.util.Map<String, String>> expected = new java.util.ArrayList<>();
            int lines = 2 + random.nextInt(30);
            List<String> previous = List.of();
            for (int line = 0; line < lines; line++) {
                List<String> pairs = new java.util.ArrayList<>(previous);
                // keep a prefix of the last line's pairs, then change, add or drop the rest
                int keep = pairs.isEmpty() ? 0 : random.nextInt(pairs.size() + 1);
                pairs = new java.util.ArrayList<>(pairs.subList(0, keep));
                java.util.Map<String, String> row = new java.util.TreeMap<>();
                for (String pair : pairs) {
                    String name = pair.substring(0, pair.indexOf('=')).strip();
                    String raw = pair.substring(pair.indexOf('"') + 1, pair.lastIndexOf('"'));
                    row.put(name, unescape(raw));
                }
                int more = random.nextInt(3);
                for (int k = 0; k < more; k++) {
                    String name = names[random.nextInt(names.length)];
                    if (row.containsKey(name)) {
                        continue;
                    }
                    String raw = values[random.nextInt(values.length)][random.nextInt(3)];
                    String sp = random.nextInt(4) == 0 ? " " : "";
                    pairs.add(name + sp + "=" + sp + "\"" + raw + "\"");
                    row.put(name, unescape(raw));
                }
                previous = pairs;
                text.append(random.nextInt(5) == 0 ? "m_other" : "m").append('{')
                        .append(String.join(random.nextInt(5) == 0 ? ", " : ",", pairs))
                        .append(!pairs.isEmpty() && random.nextInt(6) == 0 ? ",}" : "}")
                        .append(' ').append(line).append('\n');
                expected.add(row);
            }
            byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
            int[] seen = {0};
            try (BufferAllocator allocator = new RootAllocator();
                    TableBatcher batcher = new TableBatcher(allocator, 3, 1L << 20)) {
                drain(new ExpositionParser(data, data.length, "u", CLOCK, batcher), batcher, t -> {
                    for (int r = 0; r < t.rowCount(); r++) {
                        int line = (int) t.getDouble(3, r);
                        java.util.Map<String, String> got = new java.util.TreeMap<>();
                        for (int c = 5; c < t.columnCount(); c++) {
                            got.put(t.column(c).label(), t.getString(c, r));
                        }
                        assertEquals(expected.get(line), got, "line " + line + " of:\n" + text);
                        seen[0]++;
                    }
                });
            }
            assertEquals(lines, seen[0], text.toString());
        }
    }

    /**
     * A set of keys ({@code KeySet}, as {@code range} keeps) finds a scrape's key, whose values are not made yet and
     * are read as ASCII bytes from the text where they can be, equal to the same key made with its values, either
     * way round; escaped and non-ASCII values included.
     */
    @Test
    void aKeyNotMadeYetIsEqualInAKeySetToTheSameKeyMade() {
        String text = "m{a=\"x\",b=\"q\\\"z\"} 1\nm{b=\"é\",a=\"y\"} 2\nn_total 3\nm{a=\"\",b=\"w\"} 4\n";
        java.util.List<io.jflux.table.GroupKey> lazyA = keys(text);
        java.util.List<io.jflux.table.GroupKey> lazyB = keys(text);
        assertEquals(4, lazyA.size());
        io.jflux.table.KeySet lazyFirst = new io.jflux.table.KeySet();
        io.jflux.table.KeySet madeFirst = new io.jflux.table.KeySet();
        for (int i = 0; i < lazyA.size(); i++) {
            io.jflux.table.GroupKey made = new io.jflux.table.GroupKey(lazyB.get(i).columns(), lazyB.get(i).values());
            assertEquals(true, lazyA.get(i).source() != null, "a lazy key");
            assertEquals(true, lazyFirst.add(lazyA.get(i)));
            assertEquals(false, lazyFirst.add(made), made.toString());
            assertEquals(true, madeFirst.add(made));
        }
        java.util.List<io.jflux.table.GroupKey> lazyC = keys(text);
        for (io.jflux.table.GroupKey k : lazyC) {
            assertEquals(false, madeFirst.add(k), k.toString());
        }
    }

    /** The group keys of the tables of {@code text}, as the parser made them. */
    private static java.util.List<io.jflux.table.GroupKey> keys(String text) {
        java.util.List<io.jflux.table.GroupKey> keys = new java.util.ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
                TableBatcher batcher = new TableBatcher(allocator, 4, 1L << 20)) {
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            drain(new ExpositionParser(data, data.length, "u", CLOCK, batcher), batcher, t -> keys.add(t.key()));
        }
        return keys;
    }

    private static String unescape(String raw) {
        return raw.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    @Test
    void repeatedSeriesAcrossManyBatches() {
        StringBuilder text = new StringBuilder();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 40; i++) {
                text.append("m{i=\"").append(i).append("\",r=\"x\"} ").append(round * 100 + i).append('\n');
            }
        }
        String out = parse(text.toString(), 3);
        assertEquals(40, out.lines().filter(l -> l.startsWith("table")).count());
        assertEquals(true, out.startsWith("table [_measurement=prometheus, _field=m, i=0, r=x]"), out);
        assertEquals(true, out.contains("m, 7, u, 7, x\n  2021-01-01T00:00:00.000000000Z, prometheus, m, 107, u, 7, x\n"
                + "  2021-01-01T00:00:00.000000000Z, prometheus, m, 207, u, 7, x\n"), out);
    }

    @Test
    void anErrorAfterARepeatedSeriesQuotesTheLineAndReleasesEverything() {
        assertEquals("exposition line 4: invalid sample value \"x\": c x", error("a 1\nb 2\na 3\nc x\n"));
        BufferAllocator allocator = new RootAllocator();
        TableBatcher batcher = new TableBatcher(allocator, 4, 1L << 20);
        byte[] data = "a{x=\"1\"} 1\nb 2\na{x=\"1\"} 2\nb{ 3\n".getBytes(StandardCharsets.UTF_8);
        ExpositionParser p = new ExpositionParser(data, data.length, "u", CLOCK, batcher);
        assertThrows(FluxException.class, p::parseAll);
        batcher.close();
        allocator.close(); // throws if a buffer is still allocated
    }

    @Test
    void histogramBucketsAreTrimmedEvenWhenTheFamilyIsSplit() {
        String out = parse("""
                # TYPE h histogram
                h_bucket{le="1"} 1
                # TYPE other gauge
                other 5
                h_bucket{le="+Inf"} 2
                h_sum 3
                h_count 2
                # TYPE u untyped
                u_bucket{le="1"} 1
                g_bucket{le="1"} 1
                """);
        assertEquals("""
                table [_measurement=prometheus, _field=h, le=1] _time:time, _measurement:string, _field:string, _value:float, url:string, le:string
                  2021-01-01T00:00:00.000000000Z, prometheus, h, 1, u, 1
                table [_measurement=prometheus, _field=other] _time:time, _measurement:string, _field:string, _value:float, url:string
                  2021-01-01T00:00:00.000000000Z, prometheus, other, 5, u
                table [_measurement=prometheus, _field=h, le=+Inf] _time:time, _measurement:string, _field:string, _value:float, url:string, le:string
                  2021-01-01T00:00:00.000000000Z, prometheus, h, 2, u, +Inf
                table [_measurement=prometheus, _field=h_sum] _time:time, _measurement:string, _field:string, _value:float, url:string
                  2021-01-01T00:00:00.000000000Z, prometheus, h_sum, 3, u
                table [_measurement=prometheus, _field=h_count] _time:time, _measurement:string, _field:string, _value:float, url:string
                  2021-01-01T00:00:00.000000000Z, prometheus, h_count, 2, u
                table [_measurement=prometheus, _field=u_bucket, le=1] _time:time, _measurement:string, _field:string, _value:float, url:string, le:string
                  2021-01-01T00:00:00.000000000Z, prometheus, u_bucket, 1, u, 1
                table [_measurement=prometheus, _field=g_bucket, le=1] _time:time, _measurement:string, _field:string, _value:float, url:string, le:string
                  2021-01-01T00:00:00.000000000Z, prometheus, g_bucket, 1, u, 1
                """, out);
    }

    @Test
    void windowsLineEndsAndNoFinalNewline() {
        assertEquals(parse("a 1\nb 2\n"), parse("a 1\r\nb 2"));
    }

    @Test
    void manyTablesSpanSeveralBatches() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            text.append("m{i=\"").append(i).append("\"} ").append(i).append('\n');
        }
        assertEquals(50, parse(text.toString(), 3).lines().filter(l -> l.startsWith("table")).count());
    }

    @Test
    void malformedLinesQuoteTheLineAndItsNumber() {
        assertEquals("exposition line 2: invalid metric name: 9a 1", error("a 1\n9a 1\n"));
        assertEquals("exposition line 1: missing the sample value: a", error("a\n"));
        assertEquals("exposition line 1: missing the sample value: a{x=\"1\"}", error("a{x=\"1\"}\n"));
        assertEquals("exposition line 3: invalid sample value \"one\": a one", error("\n# c\na one\n"));
        assertEquals("exposition line 1: invalid sample value \"1f\": a 1f", error("a 1f"));
        assertEquals("exposition line 1: invalid timestamp \"12.5\": a 1 12.5", error("a 1 12.5"));
        assertEquals("exposition line 1: unexpected text after the timestamp: a 1 2 3", error("a 1 2 3"));
        assertEquals("exposition line 1: unterminated label value: a{x=\"1} 1", error("a{x=\"1} 1"));
        assertEquals("exposition line 1: invalid escape sequence '\\t' in the value of label \"x\": a{x=\"\\t\"} 1",
                error("a{x=\"\\t\"} 1"));
        assertEquals("exposition line 1: duplicate label \"x\": a{x=\"1\",x=\"2\"} 1", error("a{x=\"1\",x=\"2\"} 1"));
        // names met before at the same positions, by lines of other lengths: still a duplicate
        assertEquals("exposition line 3: duplicate label \"a\": m{a=\"1\",a=\"2\"} 3",
                error("m{x=\"1\",a=\"2\"} 1\nm{a=\"1\"} 2\nm{a=\"1\",a=\"2\"} 3"));
        assertEquals("exposition line 2: duplicate label \"b\": m{b=\"1\",c=\"2\",b=\"3\"} 2",
                error("m{b=\"1\",c=\"2\",d=\"3\"} 1\nm{b=\"1\",c=\"2\",b=\"3\"} 2"));
        assertEquals("exposition line 1: invalid label name: a{1x=\"1\"} 1", error("a{1x=\"1\"} 1"));
        assertEquals("exposition line 1: expected '=' after label name: a{x 1", error("a{x 1"));
        assertEquals("exposition line 1: expected ',' or '}' after a label value: a{x=\"1\" y=\"2\"} 1",
                error("a{x=\"1\" y=\"2\"} 1"));
        assertEquals("exposition line 1: unknown metric type \"counterz\": # TYPE a counterz",
                error("# TYPE a counterz"));
        assertEquals("exposition line 1: TYPE line without a metric name: # TYPE", error("# TYPE"));
        assertEquals("exposition line 1: label \"url\" clashes with a column of the output: a{url=\"x\"} 1",
                error("a{url=\"x\"} 1"));
    }

    @Test
    void openMetricsTextIsRecognisedByItsEofLine() {
        assertEquals("""
                table [_measurement=prometheus, _field=req_total, code=200] _time:time, _measurement:string, _field:string, _value:float, url:string, code:string
                  2021-01-01T00:00:00.500000000Z, prometheus, req_total, 10, u, 200
                table [_measurement=prometheus, _field=q, le=1] _time:time, _measurement:string, _field:string, _value:float, url:string, le:string
                  2021-01-01T00:00:00.000000000Z, prometheus, q, 3, u, 1
                table [_measurement=prometheus, _field=q_gcount] _time:time, _measurement:string, _field:string, _value:float, url:string
                  2021-01-01T00:00:00.000000000Z, prometheus, q_gcount, 3, u
                table [_measurement=prometheus, _field=g_created] _time:time, _measurement:string, _field:string, _value:float, url:string
                  1970-01-01T00:00:01.000000000Z, prometheus, g_created, 2, u
                """, parse("""
                # TYPE req counter
                # UNIT req requests
                # HELP req Requests.
                req_total{code="200"} 10 1609459200.5 # {trace_id="abc"} 1 1609459200.1
                req_created{code="200"} 1609459100
                # TYPE q gaugehistogram
                q_bucket{le="1"} 3 # {trace_id="x"} 0.5
                q_gcount 3
                # TYPE g gauge
                g_created 2 1
                # EOF
                """));
        assertEquals("exposition line 2: text after # EOF: a 1", error("# EOF\na 1\n# EOF\n"));
        assertEquals("exposition line 1: invalid timestamp \"1.5\": a 1 1.5", error("a 1 1.5\n"));
        assertEquals("exposition line 1: unknown metric type \"info\": # TYPE a info", error("# TYPE a info\n"));
        assertEquals("exposition line 1: unexpected text after the timestamp: a 1 2 # {x=\"1\"} 1",
                error("a 1 2 # {x=\"1\"} 1\n"));
    }

    @Test
    void anErrorMidTableLeavesNoMemoryBehindOnceTheBatcherIsClosed() {
        BufferAllocator allocator = new RootAllocator();
        TableBatcher batcher = new TableBatcher(allocator, 4, 1L << 20);
        byte[] data = "a{x=\"1\"} 1\na{x=\"1\"} 2\nb{ 3\n".getBytes(StandardCharsets.UTF_8);
        ExpositionParser p = new ExpositionParser(data, data.length, "u", CLOCK, batcher);
        assertThrows(FluxException.class, p::parseAll);
        batcher.close();
        allocator.close(); // throws if a buffer is still allocated
    }

    /**
     * A series' key gives one value on its own (a regrouping by one label asks for no more) as it gives it among
     * all the values: labels written out of order, with blanks, escapes and multi-byte text.
     */
    @Test
    void aKeyGivesOneValueAsItGivesThemAll() {
        String text = "m{b=\"2\",a=\"1\"} 1\n"
                + "m{ z = \"q\\\"uote\\\\back\\nline\" , a=\"ü\",m=\"\"} 2\n"
                + "h_bucket{le=\"+Inf\",x=\"日本\"} 3\n"
                + "plain 4\n";
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        List<List<io.jflux.eval.Value>> one = new java.util.ArrayList<>();
        List<List<io.jflux.eval.Value>> all = new java.util.ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
                TableBatcher batcher = new TableBatcher(allocator, 4, 1L << 20)) {
            drain(new ExpositionParser(data, data.length, "u", CLOCK, batcher), batcher, table -> {
                io.jflux.table.GroupKey key = table.key();
                List<io.jflux.eval.Value> values = new java.util.ArrayList<>();
                for (io.jflux.table.ColumnMeta c : key.columns()) {
                    values.add(key.value(c.label())); // before the values are made: one at a time
                }
                one.add(values);
                all.add(key.values());
            });
        }
        assertEquals(4, one.size());
        assertEquals(all, one);
        assertEquals(List.of(new StringValue("prometheus"), new StringValue("m"), new StringValue("ü"),
                new StringValue(""), new StringValue("q\"uote\\back\nline")), one.get(1));
    }
}
