package io.jflux.bench;

import io.jflux.api.Engine;
import io.jflux.api.Execution;
import io.jflux.api.RunOptions;
import io.jflux.api.Script;
import io.jflux.io.ExpositionParser;
import io.jflux.io.RepeatedSeries;
import io.jflux.table.FluxTable;
import io.jflux.table.TableBatcher;
import io.jflux.table.TableStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scrape to tables over a generated exposition of {@code samples} samples ({@link ExpositionGenerator}):
 * {@link ExpositionParser} straight into a batcher (every table polled and closed), its pre-pass alone, and
 * {@code prometheus.scrape(url: "file:...") |> count()} through the API (every table drained and closed), against
 * two plain-Java baselines in the same run: counting the lines of the file read from disk, and a scanner that makes
 * a String of every name, label name and value and parses the value with {@code Double.parseDouble}.
 * Samples per second = samples / time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g",
        "-Darrow.enable_unsafe_memory_access=true"})
public class ScrapeBenchmark {

    @Param({"1000000"})
    public int samples;

    private byte[] data;
    private Path file;
    private BufferAllocator allocator;
    private Script scrapeCount;
    private Script scrapeTables;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        data = ExpositionGenerator.generate(samples, 42);
        file = Files.createTempFile("scrape-bench", ".prom");
        Files.write(file, data);
        System.out.println("\nexposition bytes: " + data.length);
        allocator = new RootAllocator();
        scrapeCount = Engine.create().compile("scrape.flux", "import \"experimental/prometheus\"\n"
                + "prometheus.scrape(url: \"file:" + file.toAbsolutePath() + "\") |> count()\n");
        scrapeTables = Engine.create().compile("scrape.flux", "import \"experimental/prometheus\"\n"
                + "prometheus.scrape(url: \"file:" + file.toAbsolutePath() + "\")\n");
    }

    private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
                Thread t = new Thread(r, "second-half");
                t.setDaemon(true);
                return t;
            });

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        pool.shutdownNow();
        allocator.close();
        Files.deleteIfExists(file);
    }

    /** The parser straight: bytes in memory to per-series tables. */
    @Benchmark
    public long parser() {
        try (TableBatcher batcher = new TableBatcher(allocator, TableBatcher.DEFAULT_MAX_ROWS,
                TableBatcher.DEFAULT_MAX_BYTES, ExpositionParser.OPEN_BATCHES)) {
            return drain(new ExpositionParser(data, data.length, "http://bench:9100/metrics",
                    1_700_000_000_000_000_000L, batcher, false), batcher);
        }
    }

    /**
     * The parser on two threads, as a scrape parses a large Prometheus text when a core is to spare: the second
     * half ({@link ExpositionParser#part}) on a thread of its own, the repeated-series check and then the first
     * half on this one; every table polled and closed.
     */
    @Benchmark
    public long parserInTwo() throws Exception {
        int cut = ExpositionParser.splitPoint(data, data.length);
        java.util.concurrent.Future<Long> second = pool.submit(() -> {
            try (TableBatcher batcher = new TableBatcher(allocator, TableBatcher.DEFAULT_MAX_ROWS,
                    TableBatcher.DEFAULT_MAX_BYTES, ExpositionParser.OPEN_BATCHES)) {
                return drain(ExpositionParser.part(data, cut, data.length, "http://bench:9100/metrics",
                        1_700_000_000_000_000_000L, batcher), batcher);
            }
        });
        if (RepeatedSeries.find(data, data.length)) {
            throw new IllegalStateException("the generated exposition repeats a series");
        }
        long rows;
        try (TableBatcher batcher = new TableBatcher(allocator, TableBatcher.DEFAULT_MAX_ROWS,
                TableBatcher.DEFAULT_MAX_BYTES, ExpositionParser.OPEN_BATCHES)) {
            rows = drain(new ExpositionParser(data, cut, "http://bench:9100/metrics", 1_700_000_000_000_000_000L,
                    batcher, false, false), batcher);
        }
        return rows + second.get();
    }

    private static long drain(ExpositionParser p, TableBatcher batcher) {
        long rows = 0;
        boolean more = true;
        while (more) {
            more = p.step();
            FluxTable t;
            while ((t = batcher.poll()) != null) {
                rows += t.rowCount();
                t.close();
            }
        }
        return rows;
    }

    /**
     * The parser's pre-pass alone ({@link RepeatedSeries#find}: is a series in more than one place?), which
     * {@link #parser} includes.
     */
    @Benchmark
    public boolean repeatedSeries() {
        return RepeatedSeries.find(data, data.length);
    }

    /** The whole path through the API: read the file, parse, count per table, drain. */
    @Benchmark
    public long scrapeCount() {
        return drain(scrapeCount);
    }

    /**
     * Scrape to tables as a script sees them: {@code prometheus.scrape(url: "file:...")} through the API, every
     * table taken and closed (the file is read and parsed on the scrape's own thread).
     */
    @Benchmark
    public long scrapeTables() {
        return drain(scrapeTables);
    }

    private static long drain(Script script) {
        long tables = 0;
        try (Execution run = script.run(RunOptions.defaults())) {
            for (Execution.Result r : run.results()) {
                try (TableStream s = run.tables(r)) {
                    FluxTable t;
                    while ((t = s.next()) != null) {
                        tables++;
                        t.close();
                    }
                }
            }
        }
        return tables;
    }

    /** Baseline: read the file and count its lines. */
    @Benchmark
    public long javaReadLines() throws IOException {
        byte[] b = Files.readAllBytes(file);
        long lines = 0;
        for (byte c : b) {
            if (c == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** Baseline: a simple scanner making Strings of names, label names and values, values by parseDouble. */
    @Benchmark
    public double javaStringScanner() {
        byte[] b = data;
        double sum = 0;
        List<String> labels = new ArrayList<>();
        int i = 0;
        while (i < b.length) {
            int nl = i;
            while (nl < b.length && b[nl] != '\n') {
                nl++;
            }
            if (nl > i && b[i] != '#') {
                int j = i;
                while (j < nl && b[j] != '{' && b[j] != ' ') {
                    j++;
                }
                String name = new String(b, i, j - i, StandardCharsets.UTF_8);
                labels.clear();
                labels.add(name);
                if (b[j] == '{') {
                    j++;
                    while (b[j] != '}') {
                        int eq = j;
                        while (b[eq] != '=') {
                            eq++;
                        }
                        labels.add(new String(b, j, eq - j, StandardCharsets.UTF_8));
                        int q = eq + 2;
                        while (b[q] != '"') {
                            if (b[q] == '\\') {
                                q++;
                            }
                            q++;
                        }
                        labels.add(new String(b, eq + 2, q - eq - 2, StandardCharsets.UTF_8));
                        j = q + 1;
                        if (b[j] == ',') {
                            j++;
                        }
                    }
                    j++;
                }
                j++;
                int v = j;
                while (v < nl && b[v] != ' ') {
                    v++;
                }
                String value = new String(b, j, v - j, StandardCharsets.ISO_8859_1);
                double d = value.equals("+Inf") ? Double.POSITIVE_INFINITY : value.equals("-Inf")
                        ? Double.NEGATIVE_INFINITY : Double.parseDouble(value);
                sum += d + labels.size();
            }
            i = nl + 1;
        }
        return sum;
    }
}
