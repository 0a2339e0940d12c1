package io.jflux.bench;

import io.jflux.api.Engine;
import io.jflux.api.Execution;
import io.jflux.api.RunOptions;
import io.jflux.api.Script;
import io.jflux.eval.StringValue;
import io.jflux.io.LineProtocolEncoder;
import io.jflux.stdlib.JavaPackage;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.StreamValue;
import io.jflux.table.TableBuilder;
import io.jflux.table.TableStream;
import io.questdb.Bootstrap;
import io.questdb.PropBootstrapConfiguration;
import io.questdb.ServerMain;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One million points into an embedded QuestDB through the v2 write API: by {@code to()} (encoding, gzip,
 * 5,000-line batches) against the same line protocol, encoded beforehand, posted raw in 5,000-line requests in
 * the same run (the baseline), and, to show the server's side of gzip, the same requests gzipped beforehand. Every
 * run starts with no table and a quiet server ({@link #emptyTable}). Points per second = 1,000,000 / time per
 * operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx6g",
        "-Darrow.enable_unsafe_memory_access=true"})
public class WriteBenchmark {

    static final int POINTS = 1_000_000;
    static final int TABLES = 10;
    static final int BATCH = 5_000;

    private Path dir;
    private ServerMain qdb;
    private String host;
    private BufferAllocator allocator;
    private final List<FluxTable> input = new ArrayList<>();
    private final List<byte[]> rawBatches = new ArrayList<>();
    private final List<byte[]> gzipBatches = new ArrayList<>();
    private Script toScript;
    private final HttpClient http = HttpClient.newHttpClient();

    @Setup(Level.Trial)
    public void setup() throws Exception {
        dir = Files.createTempDirectory("jflux-write-bench");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("QDB_HTTP_BIND_TO", "127.0.0.1:0");
        env.put("QDB_HTTP_MIN_ENABLED", "false");
        env.put("QDB_PG_ENABLED", "false");
        env.put("QDB_LINE_TCP_ENABLED", "false");
        env.put("QDB_LINE_UDP_ENABLED", "false");
        env.put("QDB_TELEMETRY_ENABLED", "false");
        PropBootstrapConfiguration cfg = new PropBootstrapConfiguration() {
            @Override
            public Map<String, String> getEnv() {
                return env;
            }

            @Override
            public boolean useSite() {
                return false;
            }
        };
        qdb = new ServerMain(new Bootstrap(cfg, Bootstrap.getServerMainArgs(dir.toString())));
        qdb.start();
        host = "http://127.0.0.1:" + qdb.getHttpServerPort();

        allocator = new RootAllocator();
        input.addAll(points(allocator));
        // The raw baseline: the same line protocol, encoded once, in 5,000-line requests.
        for (FluxTable t : input) {
            for (int from = 0; from < t.rowCount(); from += BATCH) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(BATCH * 64);
                LineProtocolEncoder enc = new LineProtocolEncoder(bytes, LineProtocolEncoder.Options.defaults());
                enc.write(t, from, Math.min(t.rowCount(), from + BATCH));
                rawBatches.add(bytes.toByteArray());
                ByteArrayOutputStream gz = new ByteArrayOutputStream(BATCH * 16);
                try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz) {
                    {
                        def.setLevel(java.util.zip.Deflater.BEST_SPEED);
                    }
                }) {
                    out.write(bytes.toByteArray());
                }
                gzipBatches.add(gz.toByteArray());
            }
        }
        JavaPackage rows = defs -> defs.function("rows", (a, in) -> new StreamValue(ctx -> {
            List<FluxTable> views = new ArrayList<>();
            for (FluxTable t : input) {
                views.add(t.retain());
            }
            return TableStream.of(views);
        }));
        Engine engine = Engine.create().withPackage("bench", "package bench\nbuiltin rows : () => stream[A]\n", rows);
        toScript = engine.compile("to.flux", "import \"bench\"\nbench.rows()\n"
                + "    |> to(host: \"" + host + "\", token: \"\", org: \"o\", bucket: \"b\")\n"
                + "    |> count()\n");
    }

    /** The 1,000,000 input points: 10 tables ({@code cpu}, fields usage0..9), a host tag of 8 values, floats. */
    static List<FluxTable> points(BufferAllocator allocator) {
        List<FluxTable> input = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        int perTable = POINTS / TABLES;
        for (int t = 0; t < TABLES; t++) {
            GroupKey key = new GroupKey(List.of(new ColumnMeta("_measurement", ColumnType.STRING),
                    new ColumnMeta("_field", ColumnType.STRING)),
                    List.of(new StringValue("cpu"), new StringValue("usage" + t)));
            try (TableBuilder b = new TableBuilder(allocator, key)) {
                int m = b.addColumn(new ColumnMeta("_measurement", ColumnType.STRING));
                int f = b.addColumn(new ColumnMeta("_field", ColumnType.STRING));
                int time = b.addColumn(new ColumnMeta("_time", ColumnType.TIME));
                int host = b.addColumn(new ColumnMeta("host", ColumnType.STRING));
                int value = b.addColumn(new ColumnMeta("_value", ColumnType.FLOAT));
                for (int r = 0; r < perTable; r++) {
                    b.appendString(m, "cpu");
                    b.appendString(f, "usage" + t);
                    b.appendLong(time, 1_700_000_000_000_000_000L + (long) r * 1_000_000_000L);
                    b.appendString(host, "host" + (r & 7));
                    b.appendDouble(value, random.nextDouble() * 100);
                }
                input.add(b.build());
            }
        }
        return input;
    }

    /**
     * Each measured run starts from a quiet server and no {@code cpu} table: QuestDB applies the rows a run
     * committed to its write-ahead log in the background (merging out-of-order rows into the table), so without
     * this a run would share the CPU with the previous run's merge, and later runs would merge into an ever
     * larger table.
     */
    @Setup(Level.Iteration)
    public void emptyTable() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String pending = sql("select count() from wal_tables() where writerTxn < sequencerTxn");
            if (pending.contains("[[0]]")) {
                break;
            }
            Thread.sleep(100);
        }
        sql("drop table if exists cpu");
        Thread.sleep(500);
    }

    private String sql(String query) throws Exception {
        URI uri = URI.create(host + "/exec?query=" + java.net.URLEncoder.encode(query,
                java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("QuestDB answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        for (FluxTable t : input) {
            t.close();
        }
        allocator.close();
        qdb.close();
    }

    @Benchmark
    public long fluxTo() {
        long rows = 0;
        try (Execution run = toScript.run(RunOptions.defaults())) {
            for (Execution.Result r : run.results()) {
                try (TableStream s = run.tables(r)) {
                    FluxTable t;
                    while ((t = s.next()) != null) {
                        rows += t.rowCount();
                        t.close();
                    }
                }
            }
        }
        return rows;
    }

    /** The baseline: the line protocol posted as it is, one request after another. */
    @Benchmark
    public int rawPost() throws Exception {
        return post(rawBatches, false);
    }

    /** Not the baseline, for the server's side of gzip: the same requests compressed beforehand (level 1). */
    @Benchmark
    public int rawPostGzipped() throws Exception {
        return post(gzipBatches, true);
    }

    private int post(List<byte[]> batches, boolean gzipped) throws Exception {
        URI uri = URI.create(host + "/api/v2/write?org=o&bucket=b&precision=ns");
        int ok = 0;
        for (byte[] body : batches) {
            HttpRequest.Builder req = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (gzipped) {
                req.header("Content-Encoding", "gzip");
            }
            HttpResponse<Void> resp = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
            if (resp.statusCode() / 100 != 2) {
                throw new IllegalStateException("QuestDB answered " + resp.statusCode());
            }
            ok++;
        }
        return ok;
    }

    /**
     * The three measurements alternating, {@code rounds} times after one warm-up round (default 7), each from an
     * empty table: on a shared machine whose load drifts, alternating keeps the comparison fair where JMH's
     * runs of one method after the other may not. Prints the median time of each and the ratios to the raw POST.
     * Run with the JVM options of {@link Fork} on {@code WriteBenchmark}.
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        WriteBenchmark b = new WriteBenchmark();
        b.setup();
        String[] names = {"fluxTo", "rawPost", "rawPostGzipped"};
        long[][] ms = new long[names.length][rounds];
        try {
            for (int r = -1; r < rounds; r++) {
                for (int m = 0; m < names.length; m++) {
                    b.emptyTable();
                    long t0 = System.nanoTime();
                    switch (m) {
                        case 0: b.fluxTo(); break;
                        case 1: b.rawPost(); break;
                        default: b.rawPostGzipped(); break;
                    }
                    if (r >= 0) {
                        ms[m][r] = (System.nanoTime() - t0) / 1_000_000;
                    }
                }
            }
        } finally {
            b.tearDown();
        }
        long[] median = new long[names.length];
        for (int m = 0; m < names.length; m++) {
            long[] sorted = ms[m].clone();
            java.util.Arrays.sort(sorted);
            median[m] = sorted[rounds / 2];
        }
        for (int m = 0; m < names.length; m++) {
            System.err.printf("WriteBenchmark %-15s median %5d ms  %.2f M points/s  rate / raw rate %.2f  runs %s%n",
                    names[m], median[m], POINTS / 1e3 / median[m], (double) median[1] / median[m],
                    java.util.Arrays.toString(ms[m]));
        }
        System.exit(0);
    }
}
