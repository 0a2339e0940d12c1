package io.jflux.stdlib.experimental.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jflux.api.Engine;
import io.jflux.api.Execution;
import io.jflux.api.RunOptions;
import io.jflux.diag.FluxException;
import io.jflux.table.FluxTable;
import io.jflux.table.TableStream;
import io.jflux.table.Tables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large expositions are parsed on threads of their own (one for the whole text, or several for its parts): the
 * same tables, errors and memory as without.
 */
class BackgroundParseTest {

    static final long CLOCK = Instant.parse("2021-01-01T00:00:00Z").toEpochMilli() * 1_000_000L;
    private final int saved = PrometheusPackage.backgroundBytes;

    @TempDir
    Path dir;

    private final int savedThreads = PrometheusPackage.parseThreads;
    private final int savedPartBytes = PrometheusPackage.partBytes;
    private final int savedReadBlock = PrometheusPackage.readBlock;

    @AfterEach
    void restore() {
        PrometheusPackage.backgroundBytes = saved;
        PrometheusPackage.parseThreads = savedThreads;
        PrometheusPackage.partBytes = savedPartBytes;
        PrometheusPackage.readBlock = savedReadBlock;
    }

    /**
     * Parses with {@code threads} threads, in parts of 4 KB (so a test's exposition has dozens of them), a file
     * being read in blocks of 1,000 bytes (so its parts are cut and parsed while it is read).
     */
    private static void threads(int threads) {
        PrometheusPackage.parseThreads = threads;
        PrometheusPackage.partBytes = 4096;
        PrometheusPackage.readBlock = 1000;
    }

    /** An exposition of counters, histograms (series of two schemas alternating) and escaped labels. */
    static String exposition(int families) {
        return exposition(0, families);
    }

    /** As {@link #exposition(int)}, of the families numbered from {@code first}. */
    static String exposition(int first, int families) {
        StringBuilder sb = new StringBuilder();
        for (int f = first; f < first + families; f++) {
            sb.append("# TYPE c").append(f).append("_total counter\n");
            for (int s = 0; s < 20; s++) {
                sb.append("c").append(f).append("_total{job=\"j").append(s % 3).append("\",instance=\"i")
                        .append(s).append(s % 7 == 0 ? "\\\"q\\\"" : "").append("\"} ").append(f * 100 + s)
                        .append('\n');
            }
            sb.append("# TYPE h").append(f).append(" histogram\n");
            for (String le : new String[] {"0.1", "1", "+Inf"}) {
                sb.append("h").append(f).append("_bucket{le=\"").append(le).append("\",job=\"j\"} ").append(f)
                        .append('\n');
            }
            sb.append("h").append(f).append("_sum{job=\"j\"} 1.5\n");
            sb.append("h").append(f).append("_count{job=\"j\"} ").append(f).append('\n');
        }
        return sb.toString();
    }

    /** Every table of the script's results, rendered, and how many there were. */
    static String run(String flux) {
        StringBuilder sb = new StringBuilder();
        try (Execution run = Engine.create().compile("test.flux", flux)
                .run(RunOptions.defaults().withNow(Tables.NOW).withClock(() -> CLOCK))) {
            for (Execution.Result r : run.results()) {
                try (TableStream s = run.tables(r)) {
                    FluxTable t;
                    while ((t = s.next()) != null) {
                        try (FluxTable table = t) {
                            Tables.render(table, sb);
                        }
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * The tables of a scrape of {@code file} parsed on the caller's thread and then on threads of their own (with
     * the test's settings), checked equal; those tables.
     */
    private String sameBothWays(Path file) {
        PrometheusPackage.backgroundBytes = Integer.MAX_VALUE;
        String inline = run(scrape(file, ""));
        PrometheusPackage.backgroundBytes = 0;
        String background = run(scrape(file, ""));
        assertEquals(inline, background);
        return background;
    }

    private String scrape(Path file, String pipe) {
        return "import \"experimental/prometheus\"\nprometheus.scrape(url: \"" + file.toUri() + "\")" + pipe + "\n";
    }

    @ParameterizedTest(name = "threads: {0}")
    @ValueSource(ints = {1, 2, 3})
    void givesTheSameTablesAsTheCallersThread(int threads) throws Exception {
        threads(threads);
        Path file = dir.resolve("big.prom");
        Files.writeString(file, exposition(400), StandardCharsets.UTF_8);
        String background = sameBothWays(file);
        // 400 families of 20 counters, 3 buckets, a sum and a count
        assertEquals(400 * 25, background.lines().filter(l -> l.startsWith("table ")).count());
    }

    @ParameterizedTest(name = "threads: {0}")
    @ValueSource(ints = {1, 2, 3})
    void aSeriesMetAgainIsMergedOnTheBackgroundPathToo(int threads) throws Exception {
        threads(threads);
        // the background parse starts before the text has been read for repeats: here it has to be dropped
        Path file = dir.resolve("repeats.prom");
        Files.writeString(file, exposition(300) + "c7_total{job=\"j1\",instance=\"i4\"} 99 1700000000000\n"
                + "c299_total{instance=\"i19\",job=\"j1\"} 98\n", StandardCharsets.UTF_8);
        String background = sameBothWays(file);
        // the two repeated series are rows of their first tables, not tables of their own
        assertEquals(300 * 25, background.lines().filter(l -> l.startsWith("table ")).count());
        assertTrue(background.contains("1700000000000") || background.contains("2023-11-14T22:13:20"), background);
    }

    @ParameterizedTest(name = "threads: {0}")
    @ValueSource(ints = {1, 2, 3})
    void aSeriesMetAgainInsideItsFamilyIsMergedInItsPart(int threads) throws Exception {
        threads(threads);
        // every seventh family has a counter series again at its end, its labels in another order: each is in
        // one part, and no family is in two, so the parts' parsers see the repeats on their own
        StringBuilder text = new StringBuilder();
        for (int f = 0; f < 300; f++) {
            String family = exposition(f, 1);
            if (f % 7 == 3) {
                family = family.replace("# TYPE h" + f + " ", "c" + f + "_total{instance=\"i4\", job=\"j1\"} 12345.5\n"
                        + "# TYPE h" + f + " ");
            }
            text.append(family);
        }
        Path file = dir.resolve("repeats.prom");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        String background = sameBothWays(file);
        assertEquals(300 * 25, background.lines().filter(l -> l.startsWith("table ")).count());
        assertEquals(43, background.lines().filter(l -> l.contains(", 12345.5, ")).count(), background);
    }

    /**
     * Random texts of families of a few series each, some series written again (labels in another order, or
     * spaced) in their family, later in the text, or in a family split in two, parsed in parts of random sizes on
     * two threads: the tables are those of the whole text parsed at once on the caller's thread.
     */
    @org.junit.jupiter.api.Test
    void randomRepeatsInAndAcrossPartsGiveTheTablesOfOneParse() throws Exception {
        java.util.Random random = new java.util.Random(5);
        Path file = dir.resolve("random.prom");
        int merged = 0;
        for (int round = 0; round < 40; round++) {
            StringBuilder text = new StringBuilder();
            java.util.List<String> written = new java.util.ArrayList<>();
            int families = 20 + random.nextInt(60);
            for (int f = 0; f < families; f++) {
                boolean histogram = random.nextBoolean();
                String name = "m" + f;
                text.append("# TYPE ").append(name).append(histogram ? " histogram\n" : " gauge\n");
                int series = 1 + random.nextInt(8);
                for (int s = 0; s < series; s++) {
                    String labels = "a=\"" + s % 3 + "\",b=\"v" + s + "\"";
                    if (histogram) {
                        for (String le : new String[] {"1", "+Inf"}) {
                            String line = name + "_bucket{" + labels + ",le=\"" + le + "\"} " + (f + s);
                            text.append(line).append('\n');
                            written.add(line);
                        }
                        text.append(name).append("_sum{").append(labels).append("} 1.5\n");
                        text.append(name).append("_count{").append(labels).append("} 2\n");
                    } else {
                        String line = name + "{" + labels + "} " + (f * 10 + s);
                        text.append(line).append('\n');
                        written.add(line);
                    }
                    if (random.nextInt(10) == 0) {
                        // the series again at once, its labels in another order
                        text.append(name).append(histogram ? "_count{" : "{").append("b=\"v").append(s)
                                .append("\", a=\"").append(s % 3).append("\"} 7\n");
                        merged++;
                    }
                }
                if (random.nextInt(8) == 0 && !written.isEmpty()) {
                    // a line of an earlier family (often the one just before, in the same part), here
                    int from = random.nextBoolean() ? Math.max(0, written.size() - 3) : 0;
                    text.append(written.get(from + random.nextInt(written.size() - from))).append(" 1700000000000\n");
                    merged++;
                }
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            PrometheusPackage.backgroundBytes = Integer.MAX_VALUE;
            String inline = run(scrape(file, ""));
            PrometheusPackage.parseThreads = 2;
            PrometheusPackage.partBytes = 200 + random.nextInt(3000);
            PrometheusPackage.readBlock = 100 + random.nextInt(2000);
            PrometheusPackage.backgroundBytes = 0;
            assertEquals(inline, run(scrape(file, "")), "parts of " + PrometheusPackage.partBytes + " bytes:\n"
                    + text);
        }
        assertTrue(merged > 40, merged + " series met again");
    }

    @org.junit.jupiter.api.Test
    void aFamilyMetAgainInItsPartIsMergedThere() throws Exception {
        Path file = dir.resolve("again.prom");
        Files.writeString(file, "a{x=\"1\"} 1\na{x=\"2\"} 2\nb{x=\"1\"} 3\nb{x=\"2\"} 4\na{x=\"1\"} 5\nc 6\n",
                StandardCharsets.UTF_8);
        PrometheusPackage.backgroundBytes = Integer.MAX_VALUE;
        String inline = run(scrape(file, ""));
        PrometheusPackage.parseThreads = 2;
        PrometheusPackage.partBytes = 1 << 20;
        PrometheusPackage.backgroundBytes = 0;
        assertEquals(inline, run(scrape(file, "")));
        assertEquals(5, inline.lines().filter(l -> l.startsWith("table ")).count(), inline);
    }

    @ParameterizedTest(name = "threads: {0}")
    @ValueSource(ints = {1, 2, 3})
    void aMalformedLineFailsAfterTheTablesBeforeIt(int threads) throws Exception {
        threads(threads);
        Path file = dir.resolve("bad.prom");
        Files.writeString(file, exposition(300) + "bad{ 1\n", StandardCharsets.UTF_8);
        PrometheusPackage.backgroundBytes = 0;
        FluxException e = assertThrows(FluxException.class, () -> run(scrape(file, " |> count()")));
        assertTrue(e.getMessage().contains("exposition line " + (300 * 27 + 1)), e.getMessage());
        assertTrue(e.getMessage().contains("prometheus.scrape: " + file.toUri()), e.getMessage());
    }

    @ParameterizedTest(name = "threads: {0}")
    @ValueSource(ints = {1, 2, 3})
    void stoppingEarlyStopsTheParserAndReleasesItsTables(int threads) throws Exception {
        threads(threads);
        Path file = dir.resolve("big.prom");
        Files.writeString(file, exposition(2000), StandardCharsets.UTF_8);
        PrometheusPackage.backgroundBytes = 0;
        // the execution's end checks that every byte of table memory was released
        try (Execution run = Engine.create().compile("test.flux", scrape(file, ""))
                .run(RunOptions.defaults().withNow(Tables.NOW).withClock(() -> CLOCK))) {
            try (TableStream s = run.tables(run.results().get(0))) {
                for (int i = 0; i < 3; i++) {
                    s.next().close();
                }
            }
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("jflux-scrape") && t.isAlive()));
    }

    @ParameterizedTest(name = "threads: {0}")
    @ValueSource(ints = {2, 3})
    void aMalformedLineInAMiddlePartFailsAfterTheTablesBeforeIt(int threads) throws Exception {
        threads(threads);
        // the bad line is in an early part, a later part has one too: the first one in the text is reported
        String good = exposition(100);
        Path file = dir.resolve("bad.prom");
        Files.writeString(file, good + "bad{ 1\n" + exposition(100, 100) + "worse{ 2\n", StandardCharsets.UTF_8);
        PrometheusPackage.backgroundBytes = 0;
        StringBuilder seen = new StringBuilder();
        FluxException e = assertThrows(FluxException.class, () -> {
            try (Execution run = Engine.create().compile("test.flux", scrape(file, ""))
                    .run(RunOptions.defaults().withNow(Tables.NOW).withClock(() -> CLOCK))) {
                try (TableStream s = run.tables(run.results().get(0))) {
                    FluxTable t;
                    while ((t = s.next()) != null) {
                        try (FluxTable table = t) {
                            Tables.render(table, seen);
                        }
                    }
                }
            }
        });
        assertTrue(e.getMessage().contains("exposition line " + (100 * 27 + 1) + ": "), e.getMessage());
        // the tables before the bad line came out first, in order (but for the last few, which the failing
        // parser had not handed over)
        Path before = dir.resolve("good.prom");
        Files.writeString(before, good, StandardCharsets.UTF_8);
        PrometheusPackage.backgroundBytes = Integer.MAX_VALUE;
        String expected = run(scrape(before, "")).replace("good.prom", "bad.prom");
        assertTrue(expected.startsWith(seen.toString()), seen.toString());
        assertTrue(seen.length() > expected.length() * 0.8, "most tables of the good text came out");
    }

    @ParameterizedTest(name = "part bytes: {0}")
    @ValueSource(ints = {1000, 4096, 50_000})
    void partsOfAnySizeGiveTheSameTables(int partBytes) throws Exception {
        PrometheusPackage.parseThreads = 2;
        PrometheusPackage.partBytes = partBytes;
        PrometheusPackage.readBlock = 777;
        Path file = dir.resolve("big.prom");
        Files.writeString(file, exposition(300), StandardCharsets.UTF_8);
        sameBothWays(file);
    }

    @ParameterizedTest(name = "threads: {0}")
    @ValueSource(ints = {1, 2})
    void aLargeOpenMetricsFileIsReadWholeAndParsedAsOpenMetrics(int threads) throws Exception {
        threads(threads);
        // "# EOF" at the end makes it OpenMetrics text: timestamps in seconds
        Path file = dir.resolve("big.om");
        Files.writeString(file, exposition(200) + "late_total 7 1700000000.5\n# EOF\n", StandardCharsets.UTF_8);
        String inline = sameBothWays(file);
        assertTrue(inline.contains("2023-11-14T22:13:20.500000000Z"), inline.substring(inline.length() - 400));
    }
}
