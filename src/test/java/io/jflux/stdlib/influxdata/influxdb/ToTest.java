package io.jflux.stdlib.influxdata.influxdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jflux.api.Engine;
import io.jflux.api.Execution;
import io.jflux.api.RunOptions;
import io.jflux.diag.FluxException;
import io.jflux.table.FluxTable;
import io.jflux.table.TableStream;
import io.jflux.table.Tables;
import io.questdb.Bootstrap;
import io.questdb.PropBootstrapConfiguration;
import io.questdb.ServerMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code to()} against a real database: an embedded QuestDB (which accepts InfluxDB's {@code /api/v2/write}),
 * read back through its SQL endpoint {@code /exec}; and the retry and error paths against a local HTTP server.
 */
class ToTest {

    private static Path dir;
    private static ServerMain qdb;
    private static String host;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startQuestDb() throws IOException {
        // QuestDB's console log writes natively to fd 1, which corrupts surefire's channel: log to a file.
        System.setProperty("out", "/qdb-test-log.conf");
        dir = Files.createTempDirectory("jflux-qdb");
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
    }

    @AfterAll
    static void stopQuestDb() throws IOException {
        if (qdb != null) {
            qdb.close();
        }
        if (dir != null) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The rows of {@code sql} as QuestDB's JSON {@code dataset}, once it has {@code rows} rows. */
    static String query(String sql, int rows) throws Exception {
        String body = "";
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(host + "/exec?query="
                    + URLEncoder.encode(sql, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            body = r.body();
            if (r.statusCode() == 200 && body.contains("\"count\":" + rows + "}")) {
                int from = body.indexOf("\"dataset\":") + "\"dataset\":".length();
                return body.substring(from, body.lastIndexOf(",\"count\""));
            }
            Thread.sleep(25);
        }
        throw new AssertionError("never got " + rows + " rows for " + sql + "; last answer: " + body);
    }

    static String to(String args) {
        return "to(host: \"" + host + "\", token: \"secret\", org: \"my-org\", bucket: \"b\"" + args + ")";
    }

    @Test
    void everyValueTypeLandsAndTheTablesPassThrough() throws Exception {
        String out = Tables.run("import \"array\"\n"
                + "array.from(rows: [\n"
                + "  {_time: 2021-01-01T00:00:00Z, _measurement: \"types\", _field: \"f\", _value: 1.5, host: \"a\"},\n"
                + "  {_time: 2021-01-01T00:00:01Z, _measurement: \"types\", _field: \"f\", _value: -0.000001, host: \"a\"}])\n"
                + "  |> " + to("") + "\n"
                + "  |> map(fn: (r) => ({r with _value: r._value * 2.0}))\n"
                + "array.from(rows: [{_time: 2021-01-01T00:00:02Z, _measurement: \"types\", _field: \"i\", _value: -9223372036854775807, host: \"b\"}])\n"
                + "  |> " + to("") + " |> yield(name: \"i\")\n"
                + "array.from(rows: [{_time: 2021-01-01T00:00:03Z, _measurement: \"types\", _field: \"s\", _value: \"x \\\"y\\\" \\\\z\", host: \"c\"}])\n"
                + "  |> " + to("") + " |> yield(name: \"s\")\n"
                + "array.from(rows: [{_time: 2021-01-01T00:00:04Z, _measurement: \"types\", _field: \"b\", _value: true, host: \"d\"}])\n"
                + "  |> " + to("") + " |> yield(name: \"b\")\n");
        assertTrue(out.contains("types, 2021-01-01T00:00:01.000000000Z, -2e-06, a"), out);
        // QuestDB booleans are never null: a row without the bool field reads back as false
        assertEquals("[[\"a\",1.5,null,null,false,1609459200000000],"
                + "[\"a\",-1.0E-6,null,null,false,1609459201000000],"
                + "[\"b\",null,-9223372036854775807,null,false,1609459202000000],"
                + "[\"c\",null,null,\"x \\\"y\\\" \\\\z\",false,1609459203000000],"
                + "[\"d\",null,null,null,true,1609459204000000]]",
                query("SELECT host, f, i, s, b, cast(timestamp AS long) FROM 'types' ORDER BY timestamp", 5));
    }

    @Test
    void escapingCustomFieldFnAndTagColumns() throws Exception {
        Tables.run("import \"array\"\n"
                + "array.from(rows: [\n"
                + "  {_time: 2021-01-01T00:00:00Z, m: \"esc m\", loc: \"a b,c=d\", url: \"http://x:9100/m\", v: 1.0, n: 2, note: \"q\\\"x\"},\n"
                + "  {_time: 2021-01-01T00:00:01Z, m: \"esc m\", loc: \"\", url: \"u\", v: 3.0, n: 4, note: \"\"}])\n"
                + "  |> " + to(", measurementColumn: \"m\", fieldFn: (r) => ({\"my v\": r.v, \"n x\": r[\"n\"], note: r.note})"));
        assertEquals("[[\"a b,c=d\",\"http://x:9100/m\",1.0,2,\"q\\\"x\",1609459200000000],"
                + "[null,\"u\",3.0,4,\"\",1609459201000000]]",
                query("SELECT loc, url, \"my v\", \"n x\", note, cast(timestamp AS long) FROM 'esc m' ORDER BY timestamp", 2));
        // tagColumns: only the listed column is a tag; the other string column is not written at all
        Tables.run("import \"array\"\n"
                + "array.from(rows: [{_time: 2021-01-01T00:00:00Z, _measurement: \"tagcols\", _field: \"v\", _value: 7, a: \"x\", b: \"y\"}])\n"
                + "  |> " + to(", tagColumns: [\"a\"]"));
        String cols = query("SELECT * FROM 'tagcols'", 1);
        assertEquals("[[\"x\",7,\"2021-01-01T00:00:00.000000Z\"]]", cols);
    }

    @Test
    void rowsNotWrittenAreReported() throws Exception {
        ByteArrayOutputStream note = new ByteArrayOutputStream();
        String flux = "import \"csv\"\n"
                + "csv.from(csv: \"#datatype,string,long,string,string,dateTime:RFC3339,double\n"
                + "#group,false,false,true,true,false,false\n#default,_result,,,,,\n"
                + ",result,table,_measurement,_field,_time,_value\n"
                + ",,0,skips,f,2021-01-01T00:00:00Z,1\n,,0,skips,f,,2\n,,0,skips,f,2021-01-01T00:00:02Z,\n\")\n"
                + "  |> " + to("");
        int tables = 0;
        try (Execution run = Engine.create().compile("t.flux", flux)
                .run(RunOptions.defaults().withNotes(new PrintStream(note, true, StandardCharsets.UTF_8)))) {
            for (Execution.Result r : run.results()) {
                try (TableStream s = run.tables(r)) {
                    FluxTable t;
                    while ((t = s.next()) != null) {
                        t.close();
                        tables++;
                    }
                }
            }
        }
        assertEquals(1, tables);
        assertEquals("note: to: 2 rows not written: 1 with a null _time, 1 with no fields\n",
                note.toString(StandardCharsets.UTF_8));
        assertEquals("[[\"f\",1.0,\"2021-01-01T00:00:00.000000Z\"]]".replace("\"f\",", ""),
                query("SELECT f, timestamp FROM 'skips'", 1));
    }

    /** A local server answering with the given statuses in turn (the last one repeatedly); records the bodies. */
    record Fake(HttpServer server, List<String> bodies, List<String> auth, String host) implements AutoCloseable {
        static Fake answering(int[] statuses, String errorBody) throws IOException {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            List<String> bodies = new ArrayList<>();
            List<String> auth = new ArrayList<>();
            s.createContext("/", ex -> {
                byte[] raw;
                try (InputStream in = ex.getRequestBody()) {
                    raw = in.readAllBytes();
                }
                String text = "gzip".equals(ex.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new String(new GZIPInputStream(new java.io.ByteArrayInputStream(raw)).readAllBytes(),
                                StandardCharsets.UTF_8)
                        : new String(raw, StandardCharsets.UTF_8);
                int status;
                synchronized (bodies) {
                    bodies.add(ex.getRequestURI() + "\n" + text);
                    auth.add(ex.getRequestHeaders().getFirst("Authorization"));
                    status = statuses[Math.min(bodies.size() - 1, statuses.length - 1)];
                }
                if (status == 204) {
                    ex.sendResponseHeaders(204, -1);
                } else {
                    ex.getResponseHeaders().add("Retry-After", "0");
                    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                    byte[] b = errorBody.getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(status, b.length);
                    ex.getResponseBody().write(b);
                }
                ex.close();
            });
            s.start();
            return new Fake(s, bodies, auth, "http://127.0.0.1:" + s.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static final String ONE_POINT = "import \"array\"\n"
            + "array.from(rows: [{_time: 2021-01-01T00:00:00Z, _measurement: \"m\", _field: \"f\", _value: 1}])\n";

    @Test
    void retriesA503ThenSucceeds() throws Exception {
        try (Fake f = Fake.answering(new int[] {503, 204}, "{\"message\":\"busy\"}")) {
            String out = Tables.run(ONE_POINT + "  |> to(host: \"" + f.host() + "/\", token: \"tok\", orgID: \"o1\","
                    + " bucketID: \"b 1\")");
            assertTrue(out.contains("2021-01-01T00:00:00.000000000Z, m, f, 1"), out);
            assertEquals(2, f.bodies().size());
            String expected = "/api/v2/write?orgID=o1&bucketID=b+1&precision=ns\nm f=1i 1609459200000000000\n";
            assertEquals(List.of(expected, expected), f.bodies());
            assertEquals(List.of("Token tok", "Token tok"), f.auth());
        }
    }

    @Test
    void theSameFunctionIsInPackageInfluxdb() throws Exception {
        try (Fake f = Fake.answering(new int[] {204}, "")) {
            Tables.run("import \"influxdata/influxdb\"\n" + ONE_POINT + "  |> influxdb.to(host: \"" + f.host()
                    + "\", token: \"t\", org: \"o\", bucket: \"b\", tagColumns: [])");
            assertEquals(List.of("/api/v2/write?org=o&bucket=b&precision=ns\nm f=1i 1609459200000000000\n"),
                    f.bodies());
        }
    }

    @Test
    void batchesOf5000Lines() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 5001; i++) {
            rows.append(i == 0 ? "" : ",").append("{_time: 2021-01-01T00:00:00Z, _measurement: \"m\", _field: \"f\", _value: ")
                    .append(i).append("}");
        }
        try (Fake f = Fake.answering(new int[] {204}, "")) {
            Tables.run("import \"array\"\narray.from(rows: [" + rows + "]) |> to(host: \"" + f.host()
                    + "\", token: \"\", bucket: \"b\")");
            assertEquals(2, f.bodies().size());
            assertEquals(5000, f.bodies().get(0).split("\n").length - 1);
            assertTrue(f.bodies().get(1).endsWith("\nm f=5000i 1609459200000000000\n"), f.bodies().get(1));
        }
    }

    /** {@code n} points {@code m f=<i>i}, all at 2021-01-01. */
    static String points(int n) {
        StringBuilder rows = new StringBuilder("import \"array\"\narray.from(rows: [");
        for (int i = 0; i < n; i++) {
            rows.append(i == 0 ? "" : ",").append("{_time: 2021-01-01T00:00:00Z, _measurement: \"m\", _field: \"f\","
                    + " _value: ").append(i).append("}");
        }
        return rows.append("])").toString();
    }

    @Test
    void afterAFailedBatchNothingMoreIsSent() throws Exception {
        int saved = To.inFlight;
        To.inFlight = 1;
        try (Fake f = Fake.answering(new int[] {204, 400, 204}, "{\"message\":\"bad\"}")) {
            FluxException e = assertThrows(FluxException.class, () -> Tables.run(points(15_001) + " |> to(host: \""
                    + f.host() + "\", token: \"\", bucket: \"b\")"));
            assertTrue(e.getMessage().contains("failed: HTTP 400: bad; 5000 points were written before it; not"
                    + " written: the failed batch of 5000 points and any later rows"), e.getMessage());
            assertEquals(2, f.bodies().size());
        } finally {
            To.inFlight = saved;
        }
    }

    /**
     * Two requests in flight: the second request to arrive fails. Batches in flight beside it (sent before the
     * sender knew of the failure) may still be written, or not be sent at all; either way the error counts
     * exactly the points the server accepted, and sending stops: of six batches at most four are sent.
     */
    @Test
    void concurrentBatchesCountWhatWasWritten() throws Exception {
        assertEquals(2, To.inFlight);
        for (int round = 0; round < 3; round++) {
            try (Fake f = Fake.answering(new int[] {204, 400, 204}, "{\"message\":\"bad\"}")) {
                FluxException e = assertThrows(FluxException.class, () -> Tables.run(points(30_000)
                        + " |> to(host: \"" + f.host() + "\", token: \"\", bucket: \"b\")"));
                List<String> bodies = f.bodies();
                assertTrue(bodies.size() >= 2 && bodies.size() <= 4, bodies.size() + " requests");
                long accepted = 0;
                for (int i = 0; i < bodies.size(); i++) {
                    if (i != 1) {
                        accepted += bodies.get(i).split("\n").length - 1;
                    }
                }
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("failed: HTTP 400: bad; (\\d+) points"
                        + " were written (before it|\\((\\d+) of them in requests sent after it\\)); not written: the"
                        + " failed batch of 5000 points(, 5000 points of other batches in flight)? and any later rows$")
                        .matcher(e.getMessage());
                assertTrue(m.find(), e.getMessage());
                assertEquals(accepted, Long.parseLong(m.group(1)), e.getMessage());
            }
        }
    }

    @Test
    void anyOtherFailureIsAnErrorWithTheServersMessage() throws Exception {
        try (Fake f = Fake.answering(new int[] {400},
                "{\"code\":\"invalid\",\"message\":\"failed to parse line protocol: bad\",\"line\":1}")) {
            FluxException e = assertThrows(FluxException.class, () -> Tables.run(ONE_POINT + "  |> to(host: \""
                    + f.host() + "\", token: \"\", bucket: \"b\")"));
            assertTrue(e.getMessage().contains("to: writing to " + f.host()
                    + "/api/v2/write?bucket=b&precision=ns failed: HTTP 400: failed to parse line protocol: bad;"
                    + " 0 points were written before it; not written: the failed batch of 1 point and any later rows"),
                    e.getMessage());
            assertEquals(1, f.bodies().size());
            assertEquals(java.util.Collections.singletonList(null), f.auth());
        }
    }

    @Test
    void connectionFailuresAreRetriedThenReported() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        long saved = To.backoffMillis;
        To.backoffMillis = 1;
        try {
            FluxException e = assertThrows(FluxException.class, () -> Tables.run(ONE_POINT
                    + "  |> to(host: \"http://127.0.0.1:" + port + "\", token: \"\", bucket: \"b\")"));
            assertTrue(e.getMessage().contains("(after 4 attempts); 0 points were written before it"), e.getMessage());
        } finally {
            To.backoffMillis = saved;
        }
    }

    @Test
    void argumentsAreChecked() {
        FluxException e = assertThrows(FluxException.class, () -> Tables.run(ONE_POINT
                + "  |> to(host: \"http://localhost:1\", token: \"\", bucket: \"b\", bucketID: \"x\")"));
        assertTrue(e.getMessage().contains("exactly one of bucket and bucketID"), e.getMessage());
        e = assertThrows(FluxException.class, () -> Tables.run(ONE_POINT + "  |> to(bucket: \"b\")"));
        assertTrue(e.getMessage().contains("host is required"), e.getMessage());
    }

    @Test
    void fieldFnReadsAreNotTags() {
        var fn = (io.jflux.eval.FunctionValue) io.jflux.api.Engine.create().compile("t.flux",
                "(r) => ({a: r.x, b: r[\"y z\"], c: if r.w > 0 then 1 else 2})").run(RunOptions.defaults()).last();
        assertEquals(java.util.Set.of("x", "y z", "w"), To.fieldFnReads(fn));
    }
}
