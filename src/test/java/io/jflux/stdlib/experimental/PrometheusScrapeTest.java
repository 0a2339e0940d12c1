package io.jflux.stdlib.experimental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jflux.api.Engine;
import io.jflux.api.Execution;
import io.jflux.api.RunOptions;
import io.jflux.table.FluxTable;
import io.jflux.table.TableStream;
import io.jflux.table.Tables;
import com.sun.net.httpserver.HttpServer;
import io.jflux.diag.FluxException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PrometheusScrapeTest {

    static final long CLOCK = Instant.parse("2021-01-01T00:00:00Z").toEpochMilli() * 1_000_000L;

    static String resource(String name) throws Exception {
        return Path.of(PrometheusScrapeTest.class.getResource("/prometheus/" + name).toURI()).toUri().toString();
    }

    /** Runs with the wall clock fixed at {@link #CLOCK}. */
    static String run(String flux) {
        StringBuilder sb = new StringBuilder();
        try (Execution run = Engine.create().compile("test.flux", flux)
                .run(RunOptions.defaults().withNow(Tables.NOW).withClock(() -> CLOCK))) {
            for (Execution.Result r : run.results()) {
                sb.append("result ").append(r.name()).append('\n');
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

    /** Seed 000: the exposition of the "Query Prometheus" page and the tables it gives (url aside). */
    static final String SEED000 = """
            result _result
            table [_measurement=prometheus, _field=go_goroutines] _time:time, _measurement:string, _field:string, _value:float, url:string
              2021-01-01T00:00:00.000000000Z, prometheus, go_goroutines, 1263, URL
            table [_measurement=prometheus, _field=go_info, version=go1.16.3] _time:time, _measurement:string, _field:string, _value:float, url:string, version:string
              2021-01-01T00:00:00.000000000Z, prometheus, go_info, 1, URL, go1.16.3
            table [_measurement=prometheus, _field=go_memstats_alloc_bytes] _time:time, _measurement:string, _field:string, _value:float, url:string
              2021-01-01T00:00:00.000000000Z, prometheus, go_memstats_alloc_bytes, 26598832, URL
            table [_measurement=prometheus, _field=go_memstats_alloc_bytes_total] _time:time, _measurement:string, _field:string, _value:float, url:string
              2021-01-01T00:00:00.000000000Z, prometheus, go_memstats_alloc_bytes_total, 1422764240, URL
            table [_measurement=prometheus, _field=go_memstats_buck_hash_sys_bytes] _time:time, _measurement:string, _field:string, _value:float, url:string
              2021-01-01T00:00:00.000000000Z, prometheus, go_memstats_buck_hash_sys_bytes, 5259247, URL
            """;

    /** Seed 001: counters, a gauge, a histogram (_bucket trimmed, le a label) and a summary (quantile). */
    static final String SEED001 = """
            result _result
            table [_measurement=prometheus, _field=go_memstats_alloc_bytes_total] _time:time, _measurement:string, _field:string, _value:float, url:string
              2021-01-01T00:00:00.000000000Z, prometheus, go_memstats_alloc_bytes_total, 1422764240, URL
            table [_measurement=prometheus, _field=go_memstats_buck_hash_sys_bytes] _time:time, _measurement:string, _field:string, _value:float, url:string
              2021-01-01T00:00:00.000000000Z, prometheus, go_memstats_buck_hash_sys_bytes, 5259247, URL
            table [_measurement=prometheus, _field=task_executor_run_latency_seconds, le=0.25, task_type=system] _time:time, _measurement:string, _field:string, _value:float, url:string, le:string, task_type:string
              2021-01-01T00:00:00.000000000Z, prometheus, task_executor_run_latency_seconds, 4413, URL, 0.25, system
            table [_measurement=prometheus, _field=task_executor_run_latency_seconds, le=0.5, task_type=system] _time:time, _measurement:string, _field:string, _value:float, url:string, le:string, task_type:string
              2021-01-01T00:00:00.000000000Z, prometheus, task_executor_run_latency_seconds, 11901, URL, 0.5, system
            table [_measurement=prometheus, _field=task_executor_run_latency_seconds, le=1, task_type=system] _time:time, _measurement:string, _field:string, _value:float, url:string, le:string, task_type:string
              2021-01-01T00:00:00.000000000Z, prometheus, task_executor_run_latency_seconds, 12565, URL, 1, system
            table [_measurement=prometheus, _field=task_executor_run_latency_seconds, le=2.5, task_type=system] _time:time, _measurement:string, _field:string, _value:float, url:string, le:string, task_type:string
              2021-01-01T00:00:00.000000000Z, prometheus, task_executor_run_latency_seconds, 12823, URL, 2.5, system
            table [_measurement=prometheus, _field=task_executor_run_latency_seconds, le=5, task_type=system] _time:time, _measurement:string, _field:string, _value:float, url:string, le:string, task_type:string
              2021-01-01T00:00:00.000000000Z, prometheus, task_executor_run_latency_seconds, 12844, URL, 5, system
            table [_measurement=prometheus, _field=task_executor_run_latency_seconds, le=10, task_type=system] _time:time, _measurement:string, _field:string, _value:float, url:string, le:string, task_type:string
              2021-01-01T00:00:00.000000000Z, prometheus, task_executor_run_latency_seconds, 12864, URL, 10, system
            table [_measurement=prometheus, _field=task_executor_run_latency_seconds, le=+Inf, task_type=system] _time:time, _measurement:string, _field:string, _value:float, url:string, le:string, task_type:string
              2021-01-01T00:00:00.000000000Z, prometheus, task_executor_run_latency_seconds, 74429, URL, +Inf, system
            table [_measurement=prometheus, _field=task_executor_run_latency_seconds_sum, task_type=system] _time:time, _measurement:string, _field:string, _value:float, url:string, task_type:string
              2021-01-01T00:00:00.000000000Z, prometheus, task_executor_run_latency_seconds_sum, 425678353867.9698, URL, system
            table [_measurement=prometheus, _field=task_executor_run_latency_seconds_count, task_type=system] _time:time, _measurement:string, _field:string, _value:float, url:string, task_type:string
              2021-01-01T00:00:00.000000000Z, prometheus, task_executor_run_latency_seconds_count, 74429, URL, system
            table [_measurement=prometheus, _field=task_executor_run_duration, quantile=0.5, taskID=00xx0Xx0xx00XX0x0, task_type=threshold] _time:time, _measurement:string, _field:string, _value:float, url:string, quantile:string, taskID:string, task_type:string
              2021-01-01T00:00:00.000000000Z, prometheus, task_executor_run_duration, 5.178160855, URL, 0.5, 00xx0Xx0xx00XX0x0, threshold
            table [_measurement=prometheus, _field=task_executor_run_duration, quantile=0.9, taskID=00xx0Xx0xx00XX0x0, task_type=threshold] _time:time, _measurement:string, _field:string, _value:float, url:string, quantile:string, taskID:string, task_type:string
              2021-01-01T00:00:00.000000000Z, prometheus, task_executor_run_duration, 5.178160855, URL, 0.9, 00xx0Xx0xx00XX0x0, threshold
            table [_measurement=prometheus, _field=task_executor_run_duration, quantile=0.99, taskID=00xx0Xx0xx00XX0x0, task_type=threshold] _time:time, _measurement:string, _field:string, _value:float, url:string, quantile:string, taskID:string, task_type:string
              2021-01-01T00:00:00.000000000Z, prometheus, task_executor_run_duration, 5.178160855, URL, 0.99, 00xx0Xx0xx00XX0x0, threshold
            table [_measurement=prometheus, _field=task_executor_run_duration_sum, taskID=00xx0Xx0xx00XX0x0, task_type=threshold] _time:time, _measurement:string, _field:string, _value:float, url:string, taskID:string, task_type:string
              2021-01-01T00:00:00.000000000Z, prometheus, task_executor_run_duration_sum, 2121.9758301650004, URL, 00xx0Xx0xx00XX0x0, threshold
            table [_measurement=prometheus, _field=task_executor_run_duration_count, taskID=00xx0Xx0xx00XX0x0, task_type=threshold] _time:time, _measurement:string, _field:string, _value:float, url:string, taskID:string, task_type:string
              2021-01-01T00:00:00.000000000Z, prometheus, task_executor_run_duration_count, 570, URL, 00xx0Xx0xx00XX0x0, threshold
            """;

    static String scrape(String url) {
        return run("import \"experimental/prometheus\"\nprometheus.scrape(url: \"" + url + "\")");
    }

    @Test
    void seed000QueryPrometheusExample() throws Exception {
        String url = resource("seed000.prom");
        assertEquals(SEED000.replace("URL", url), scrape(url));
    }

    @Test
    void seed001ScrapeMetricsExampleWithHistogramAndSummary() throws Exception {
        String url = resource("seed001.prom");
        assertEquals(SEED001.replace("URL", url), scrape(url));
    }

    /** A server on a free local port answering every request with {@code status} and {@code body}. */
    static HttpServer serve(int status, byte[] body, boolean gzip, AtomicReference<String> auth) throws Exception {
        return serve(status, body, gzip, auth, "text/plain; version=0.0.4");
    }

    static HttpServer serve(int status, byte[] body, boolean gzip, AtomicReference<String> auth, String type)
            throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            auth.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] out = body;
            if (gzip) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                try (GZIPOutputStream z = new GZIPOutputStream(buf)) {
                    z.write(body);
                }
                out = buf.toByteArray();
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            }
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
        return server;
    }

    static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics";
    }

    @Test
    void scrapesAnHttpEndpointWithHeadersAndGzip() throws Exception {
        byte[] body = Files.readAllBytes(Path.of(resource("seed000.prom").substring("file:".length())));
        AtomicReference<String> auth = new AtomicReference<>();
        for (boolean gzip : new boolean[] {false, true}) {
            HttpServer server = serve(200, body, gzip, auth);
            try {
                String url = url(server);
                assertEquals(SEED000.replace("URL", url), run("import \"experimental/prometheus\"\n"
                        + "prometheus.scrape(url: \"" + url + "\", headers: {Authorization: \"Bearer t0k\"},"
                        + " timeout: 5s)"));
                assertEquals("Bearer t0k", auth.get());
            } finally {
                server.stop(0);
            }
        }
    }

    @Test
    void aNon2xxStatusIsAnErrorNamingTheUrlAndStatus() throws Exception {
        HttpServer server = serve(500, "boom".getBytes(StandardCharsets.UTF_8), false, new AtomicReference<>());
        try {
            String url = url(server);
            FluxException e = assertThrows(FluxException.class, () -> scrape(url));
            assertEquals("prometheus.scrape: " + url + ": HTTP status 500 (boom)", e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRefusedConnectionIsAnError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/metrics";
        FluxException e = assertThrows(FluxException.class, () -> scrape(url));
        assertTrue(e.getMessage().startsWith("prometheus.scrape: " + url + ": cannot connect"), e.getMessage());
    }

    @Test
    void fileUrlsMayBeRelativeToTheWorkingDirectory() throws Exception {
        String url = "file:src/test/resources/prometheus/seed000.prom";
        assertEquals(SEED000.replace("URL", url), scrape(url));
    }

    @Test
    void scrapingWaitsUntilTheStreamIsRead() {
        assertEquals("", run("import \"experimental/prometheus\"\nx = prometheus.scrape(url: \"file:nope.prom\")"));
        FluxException e = assertThrows(FluxException.class, () -> scrape("file:nope.prom"));
        assertEquals("prometheus.scrape: file:nope.prom: cannot read file \"nope.prom\": no such file", e.getMessage());
    }

    @Test
    void badArgumentsAreErrorsAtTheCall() {
        assertTrue(assertThrows(FluxException.class, () -> scrape("ftp://x/metrics")).getMessage()
                .contains("must start with http://, https:// or file:"));
        assertTrue(assertThrows(FluxException.class, () -> run("import \"experimental/prometheus\"\n"
                + "prometheus.scrape(url: \"file:x\", timeout: 0s)")).getMessage().contains("timeout"));
    }

    @Test
    void malformedExpositionErrorsNameTheUrlAndLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.prom");
        Files.writeString(f, "ok 1\nbad{ 1\n");
        String url = f.toUri().toString();
        FluxException e = assertThrows(FluxException.class, () -> scrape(url));
        assertEquals("prometheus.scrape: " + url + ": exposition line 2: invalid label name: bad{ 1", e.getMessage());
    }

    @Test
    void theContentTypeChoosesOpenMetrics() throws Exception {
        byte[] body = "a 1 1609459200.5 # {trace_id=\"x\"} 1\n".getBytes(StandardCharsets.UTF_8);
        HttpServer server = serve(200, body, false, new AtomicReference<>(),
                "application/openmetrics-text; version=1.0.0; charset=utf-8");
        try {
            String url = url(server);
            assertEquals("result _result\ntable [_measurement=prometheus, _field=a] _time:time, _measurement:string,"
                    + " _field:string, _value:float, url:string\n  2021-01-01T00:00:00.500000000Z, prometheus, a, 1, "
                    + url + "\n", scrape(url));
        } finally {
            server.stop(0);
        }
    }
}
