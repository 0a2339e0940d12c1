package io.jflux.stdlib.experimental.prometheus;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.DurationValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.Value;
import io.jflux.io.ExpositionParser;
import io.jflux.io.RepeatedSeries;
import io.jflux.stdlib.Definitions;
import io.jflux.stdlib.JavaPackage;
import io.jflux.syntax.Span;
import io.jflux.table.FluxTable;
import io.jflux.table.StreamValue;
import io.jflux.table.TableBatcher;
import io.jflux.table.TableContext;
import io.jflux.table.TableStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** {@code import "experimental/prometheus"}: {@code scrape}, metrics from a Prometheus text exposition. */
public final class PrometheusPackage implements JavaPackage {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public void define(Definitions defs) {
        defs.function("scrape", (a, in) -> scrape(a));
        defs.function("_histogramQuantile", (a, in) -> HistogramQuantile.quantile(a));
        defs.function("_keyed", (a, in) -> HistogramQuantile.keyed(a));
    }

    /** {@code scrape(url:, headers:, timeout:)}: checks the arguments now; fetches when the stream is opened. */
    static Value scrape(Arguments a) {
        String url = a.string("url");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw a.error("prometheus.scrape: invalid url \"" + url + "\": " + e.getReason(), a.spanOf("url"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
            throw a.error("prometheus.scrape: url \"" + url + "\" must start with http://, https:// or file:",
                    a.spanOf("url"));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (a.has("headers")) {
            for (Map.Entry<String, Value> h : a.record("headers").fields().entrySet()) {
                if (!(h.getValue() instanceof StringValue s)) {
                    throw a.error("prometheus.scrape: header \"" + h.getKey() + "\" must be a string, not "
                            + h.getValue().kind().toString().toLowerCase(Locale.ROOT), a.spanOf("headers"));
                }
                headers.put(h.getKey(), s.value());
            }
        }
        Duration timeout = DEFAULT_TIMEOUT;
        if (a.has("timeout")) {
            DurationValue d = a.duration("timeout");
            if (d.months() != 0 || d.nanos() <= 0) {
                throw a.error("prometheus.scrape: timeout must be a positive duration of fixed length",
                        a.spanOf("timeout"));
            }
            timeout = Duration.ofNanos(d.nanos());
        }
        Span span = a.callSite();
        Duration t = timeout;
        return new StreamValue(ctx -> new ScrapeStream(ctx, url, uri, scheme, headers, t, span));
    }

    /** Reads the exposition when first asked for a table, then hands out the parser's tables as they come. */
    private static final class ScrapeStream implements TableStream {
        private final TableContext ctx;
        private final String url;
        private final URI uri;
        private final String scheme;
        private final Map<String, String> headers;
        private final Duration timeout;
        private final Span span;
        private TableBatcher batcher;
        private ExpositionParser parser;
        /** The parse running on threads of its own, for large expositions; null otherwise. */
        private ParseThread background;
        /** From the response's Content-Type; null for a file (then text ending in "# EOF" is OpenMetrics). */
        private Boolean openMetrics;

        ScrapeStream(TableContext ctx, String url, URI uri, String scheme, Map<String, String> headers,
                Duration timeout, Span span) {
            this.ctx = ctx;
            this.url = url;
            this.uri = uri;
            this.scheme = scheme;
            this.headers = headers;
            this.timeout = timeout;
            this.span = span;
        }

        @Override
        public FluxTable next() {
            try {
                if (parser == null && background == null) {
                    long now = ctx.interpreter().context().wallClock();
                    batcher = new TableBatcher(ctx.allocator(), TableBatcher.DEFAULT_MAX_ROWS,
                            TableBatcher.DEFAULT_MAX_BYTES, ExpositionParser.OPEN_BATCHES);
                    // a large file of Prometheus text is parsed in parts while the rest of it is read
                    byte[] body = scheme.equals("file") ? readFile(now) : fetch();
                    boolean om = openMetrics != null ? openMetrics : ExpositionParser.endsWithEof(body, body.length);
                    TableBatcher out = batcher;
                    if (body.length >= backgroundBytes) {
                        // The parse starts at once, as if no series repeated, and its tables are held back while
                        // the text is read for repeats (RepeatedSeries); in the rare case there are some, that
                        // parse is dropped for one that merges them. Prometheus text is cut into parts where no
                        // family straddles a cut, parsed by several threads (ChunkedParse), which also do most of
                        // the reading for repeats.
                        if (background == null && !om && parseThreads >= 2) {
                            ChunkedParse parts = new ChunkedParse(body, body.length, partBytes, url, now,
                                    parseThreads, batchers(), true);
                            background = parts;
                            parts.supply(body.length, true);
                        } else if (background == null) {
                            background = new BackgroundParse(
                                    () -> new ExpositionParser(body, body.length, url, now, out, om, false), batcher,
                                    url, true);
                        }
                        boolean repeats = background instanceof ChunkedParse parts ? parts.repeats()
                                : RepeatedSeries.find(body, body.length);
                        if (repeats) {
                            background.close();
                            background = null;
                            batcher = batcher.sibling();
                            TableBatcher merging = batcher;
                            background = new BackgroundParse(() -> new ExpositionParser(body, body.length, url, now,
                                    merging, om, true), merging, url);
                        } else {
                            background.confirm();
                        }
                    } else {
                        parser = new ExpositionParser(body, body.length, url, now, batcher, om);
                    }
                }
                if (background != null) {
                    return background.next();
                }
                FluxTable t;
                while ((t = batcher.poll()) == null) {
                    if (!parser.step()) {
                        return batcher.poll();
                    }
                }
                return t;
            } catch (FluxException e) {
                throw new FluxException(e.code(), "prometheus.scrape: " + url + ": " + e.getMessage(), span);
            }
        }

        /** The batchers of the parse threads: {@link #batcher} for the first, siblings of it for the others. */
        private java.util.function.Supplier<TableBatcher> batchers() {
            TableBatcher first = batcher;
            boolean[] given = {false};
            return () -> {
                if (!given[0]) {
                    given[0] = true;
                    return first;
                }
                return first.sibling();
            };
        }

        /**
         * Reads the file. A large one of Prometheus text (not ending with OpenMetrics' {@code # EOF}) is read in
         * blocks while {@link ChunkedParse} cuts, checks and parses the parts already read: then
         * {@link #background} is that parse, held back, with the whole text supplied.
         */
        private byte[] readFile(long now) {
            Path path;
            String ssp = uri.getSchemeSpecificPart();
            if (uri.isOpaque()) {
                path = Path.of(ssp);
            } else if (uri.getAuthority() != null && !uri.getAuthority().isEmpty()) {
                throw new FluxException(ErrorCode.INVALID, "a file URL names a host (\"" + uri.getAuthority()
                        + "\"); write file:///absolute/path or file:relative/path");
            } else {
                path = Path.of(uri.getPath());
            }
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(path)) {
                long size = ch.size();
                if (size > Integer.MAX_VALUE - 16) {
                    throw new FluxException(ErrorCode.INVALID, "cannot read file \"" + path + "\": " + size
                            + " bytes is more than 2 GB");
                }
                byte[] body = new byte[(int) size];
                ChunkedParse parts = null;
                if (size >= backgroundBytes && parseThreads >= 2 && !tailIsEof(ch, size)) {
                    parts = new ChunkedParse(body, body.length, partBytes, url, now, parseThreads, batchers(), true);
                    background = parts;
                }
                int at = 0;
                while (at < body.length) {
                    int n = ch.read(java.nio.ByteBuffer.wrap(body, at, Math.min(readBlock, body.length - at)));
                    if (n < 0) {
                        throw new FluxException(ErrorCode.INVALID, "cannot read file \"" + path + "\": it got "
                                + "shorter while it was read (" + at + " of " + size + " bytes)");
                    }
                    at += n;
                    if (parts != null && at < body.length) {
                        parts.supply(at, false);
                    }
                }
                if (parts != null) {
                    parts.supply(at, true);
                }
                return body;
            } catch (NoSuchFileException e) {
                throw new FluxException(ErrorCode.NOT_FOUND, "cannot read file \"" + path + "\": no such file");
            } catch (IOException e) {
                throw new FluxException(ErrorCode.INVALID, "cannot read file \"" + path + "\": " + e);
            }
        }

        /** Whether the file of {@code size} bytes ends with OpenMetrics' {@code # EOF} line. */
        private static boolean tailIsEof(java.nio.channels.FileChannel ch, long size) throws IOException {
            int n = (int) Math.min(size, 256);
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(n);
            while (tail.hasRemaining()) {
                if (ch.read(tail, size - n + tail.position()) < 0) {
                    break;
                }
            }
            return ExpositionParser.endsWithEof(tail.array(), tail.position());
        }

        private byte[] fetch() {
            HttpRequest.Builder req = HttpRequest.newBuilder(uri).GET().timeout(timeout)
                    .header("Accept", "text/plain;version=0.0.4;q=1,application/openmetrics-text;version=1.0.0;q=0.5,"
                            + "*/*;q=0.1")
                    .header("Accept-Encoding", "gzip");
            try {
                headers.forEach(req::header);
            } catch (IllegalArgumentException e) {
                throw new FluxException(ErrorCode.INVALID, "invalid header: " + e.getMessage());
            }
            HttpResponse<byte[]> resp;
            try {
                resp = client().send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpTimeoutException e) {
                throw new FluxException(ErrorCode.UNAVAILABLE, "no response within " + timeout.toMillis() + " ms");
            } catch (ConnectException e) {
                throw new FluxException(ErrorCode.UNAVAILABLE, "cannot connect"
                        + (e.getMessage() == null ? " (connection refused)" : ": " + e.getMessage()));
            } catch (IOException e) {
                throw new FluxException(ErrorCode.UNAVAILABLE, "request failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FluxException(ErrorCode.UNAVAILABLE, "interrupted while scraping");
            }
            byte[] body = resp.body();
            if (resp.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                } catch (IOException e) {
                    throw new FluxException(ErrorCode.INVALID, "cannot decompress the gzip response: " + e);
                }
            }
            int status = resp.statusCode();
            if (status < 200 || status > 299) {
                String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
                throw new FluxException(ErrorCode.UNAVAILABLE, "HTTP status " + status
                        + (text.isEmpty() ? "" : " (" + text + ")"));
            }
            openMetrics = resp.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT)
                    .startsWith("application/openmetrics-text");
            return body;
        }

        @Override
        public void close() {
            if (background != null) {
                background.close();
            } else if (batcher != null) {
                batcher.close();
            }
        }
    }

    /**
     * Expositions of at least this many bytes are parsed on a thread of their own while the script consumes
     * the tables already made (a million-sample exposition takes the parser about as long as the rest of a
     * simple script). Smaller ones are parsed on the caller's thread, which costs no thread start.
     */
    static int backgroundBytes = 4 << 20;

    /**
     * How many threads parse a large Prometheus text, cut into parts of about {@link #partBytes} bytes: by default
     * as many as there are processors, at most four; system property {@code jflux.scrape.threads} decides
     * otherwise (1: one thread parses the whole text). The threads stay at most a few parts ahead of the script,
     * so a script slower than the parse gets the parts in turn from threads that mostly wait.
     */
    static int parseThreads = Integer.getInteger("jflux.scrape.threads",
            Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** The size of the parts a large Prometheus text is cut into for {@link #parseThreads} threads. */
    static int partBytes = 2 << 20;

    /** A large file is read in blocks of this size, each handed to the parse threads as it comes. */
    static int readBlock = 4 << 20;

    private static volatile HttpClient client;

    private static HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (PrometheusPackage.class) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                            .connectTimeout(DEFAULT_TIMEOUT).build();
                    client = c;
                }
            }
        }
        return c;
    }
}
