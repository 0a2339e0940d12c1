package io.jflux.stdlib.influxdata.influxdb;

import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.Closure;
import io.jflux.eval.FunctionValue;
import io.jflux.eval.Interpreter;
import io.jflux.eval.RecordValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.Value;
import io.jflux.io.LineProtocolEncoder;
import io.jflux.stdlib.Streams;
import io.jflux.syntax.Expression;
import io.jflux.syntax.Span;
import io.jflux.table.FluxTable;
import io.jflux.table.StreamValue;
import io.jflux.table.TableContext;
import io.jflux.table.TableStream;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code to()}: writes its input tables to InfluxDB as line protocol while they flow through, and passes them on
 * unchanged. Rows are encoded by {@link LineProtocolEncoder} into gzipped batches of {@link #BATCH_LINES} lines
 * ({@link GzipBatch}), each posted by a {@link WriteClient} on a sender thread, up to {@link #inFlight} at once;
 * the last partial batch is posted when the input ends. Batches may reach the server out of order. Once a batch
 * has failed no further batch is sent, and the error counts the points of every batch that was written.
 */
public final class To {

    /** Lines per request. */
    static final int BATCH_LINES = 5_000;
    /** First wait before a retry when the server gives no Retry-After; doubled on each retry. */
    static volatile long backoffMillis = 1000;
    /**
     * Requests in flight at once while later batches are encoded. Two keep the server busy while the client
     * compresses: the next request is queued when one is answered (measured in {@code WriteBenchmark}).
     */
    static volatile int inFlight = 2;

    private To() {}

    /** {@code to(bucket:, bucketID:, org:, orgID:, host:, token:, timeColumn:, measurementColumn:, ...)}. */
    public static Value to(Arguments a, Interpreter in) {
        StreamValue input = Streams.stream(a, "tables");
        if (a.has("bucket") == a.has("bucketID")) {
            throw a.error("to: exactly one of bucket and bucketID must be given");
        }
        if (a.has("org") && a.has("orgID")) {
            throw a.error("to: org and orgID are mutually exclusive");
        }
        if (!a.has("host")) {
            throw a.error("to: host is required (jflux writes to an InfluxDB over HTTP; there is no local one)");
        }
        if (!a.has("token")) {
            throw a.error("to: token is required when host is given (use \"\" for a server without authentication)");
        }
        String host = a.string("host");
        URI uri = writeUri(a, host);
        String token = a.string("token");
        LineProtocolEncoder.Options options = LineProtocolEncoder.Options.defaults()
                .withColumns(a.string("timeColumn", "_time"), a.string("measurementColumn", "_measurement"));
        if (a.has("tagColumns")) {
            List<String> tags = new ArrayList<>();
            for (Value v : a.array("tagColumns").elements()) {
                if (!(v instanceof StringValue s)) {
                    throw a.error("to: tagColumns must be an array of strings", a.spanOf("tagColumns"));
                }
                tags.add(s.value());
            }
            options = options.withTagColumns(tags);
        }
        FunctionValue fieldFn = a.has("fieldFn") ? a.function("fieldFn") : null;
        Span span = a.callSite();
        LineProtocolEncoder.Options base = options;
        return new StreamValue(ctx -> {
            LineProtocolEncoder.Options o = base;
            if (fieldFn != null) {
                Interpreter interp = ctx.interpreter();
                o = o.withFieldFn(row -> {
                    Value v = interp.call(fieldFn, Map.of("r", row), span);
                    if (v instanceof RecordValue r) {
                        return r;
                    }
                    throw new FluxException(io.jflux.diag.ErrorCode.INVALID,
                            "to: fieldFn must return a record, not " + v.kind().fluxName(), span);
                }, fieldFnReads(fieldFn));
            }
            WriteClient.Shared shared = ctx.interpreter().context()
                    .resource(WriteClient.Shared.class, WriteClient.Shared::create);
            WriteClient client = new WriteClient(shared.http(), uri, token, backoffMillis);
            return new ToStream(input.open(ctx), ctx, o, client, span);
        });
    }

    private static URI writeUri(Arguments a, String host) {
        String h = host.strip();
        while (h.endsWith("/")) {
            h = h.substring(0, h.length() - 1);
        }
        StringBuilder q = new StringBuilder(h).append("/api/v2/write?");
        if (a.has("org")) {
            q.append("org=").append(enc(a.string("org"))).append('&');
        } else if (a.has("orgID")) {
            q.append("orgID=").append(enc(a.string("orgID"))).append('&');
        }
        q.append(a.has("bucket") ? "bucket=" + enc(a.string("bucket")) : "bucketID=" + enc(a.string("bucketID")));
        q.append("&precision=ns");
        try {
            URI uri = new URI(q.toString());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw a.error("to: host \"" + host + "\" must be an http:// or https:// URL", a.spanOf("host"));
            }
            return uri;
        } catch (URISyntaxException e) {
            throw a.error("to: invalid host \"" + host + "\": " + e.getReason(), a.spanOf("host"));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The columns a field function reads: every {@code r.x} and {@code r["x"]} in its body (r its parameter). */
    static Set<String> fieldFnReads(FunctionValue fn) {
        Set<String> reads = new LinkedHashSet<>();
        if (fn instanceof Closure c && !c.node().params().isEmpty()) {
            String param = "r";
            scan(c.node().body(), param, reads);
            for (Expression.Property p : c.node().params()) {
                if (p.value() != null) {
                    scan(p.value(), param, reads);
                }
            }
        }
        return reads;
    }

    private static void scan(Object node, String param, Set<String> reads) {
        if (node instanceof Expression.MemberExpression m && m.object() instanceof Expression.Identifier id
                && id.name().equals(param)) {
            reads.add(m.property() instanceof Expression.Identifier k ? k.name()
                    : ((Expression.StringLiteral) m.property()).value());
            return;
        }
        if (node instanceof Expression.IndexExpression ix && ix.array() instanceof Expression.Identifier id
                && id.name().equals(param) && ix.index() instanceof Expression.StringLiteral s) {
            reads.add(s.value());
            return;
        }
        if (node instanceof List<?> list) {
            for (Object o : list) {
                scan(o, param, reads);
            }
        } else if (node instanceof Record r && !(node instanceof Span)) {
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                try {
                    scan(rc.getAccessor().invoke(r), param, reads);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Passes each input table on after encoding its rows into the current batch. */
    private static final class ToStream implements TableStream {
        /** A batch handed to a sender thread: its body buffer (reused once written) and point count. */
        private record Pending(Future<?> sent, byte[] buffer, long points) {}

        /** A batch not sent because an earlier one had failed. */
        private static final class NotSent extends RuntimeException {
            NotSent() {
                super(null, null, false, false);
            }
        }

        private final TableStream upstream;
        private final TableContext ctx;
        private final WriteClient client;
        private final Span span;
        private final int maxInFlight = Math.max(1, inFlight);
        private final GzipBatch gzip = new GzipBatch();
        private final LineProtocolEncoder encoder;
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
        /** Set by the sender thread whose batch failed: batches not yet posted are not sent. */
        private final AtomicBoolean stopped = new AtomicBoolean();
        private ExecutorService sender;
        private long batchStart;
        private boolean done;
        private boolean failed;

        ToStream(TableStream upstream, TableContext ctx, LineProtocolEncoder.Options options, WriteClient client,
                Span span) {
            this.upstream = upstream;
            this.ctx = ctx;
            this.client = client;
            this.span = span;
            this.encoder = new LineProtocolEncoder(gzip, options);
        }

        @Override
        public FluxTable next() {
            if (done) {
                return null;
            }
            FluxTable t = upstream.next();
            try {
                if (t == null) {
                    done = true;
                    flush();
                    awaitAll();
                    stopSender();
                    note();
                    return null;
                }
                int rows = t.rowCount();
                for (int r = 0; r < rows; ) {
                    long inBatch = encoder.linesWritten() - batchStart;
                    int end = (int) Math.min(rows, r + (BATCH_LINES - inBatch));
                    encoder.write(t, r, end);
                    r = end;
                    if (encoder.linesWritten() - batchStart >= BATCH_LINES) {
                        flush();
                    }
                }
                return t;
            } catch (RuntimeException e) {
                failed = true;
                stopSender();
                if (t != null) {
                    t.close();
                }
                if (e instanceof FluxException f && f.span() == null) {
                    throw new FluxException(f.code(), f.getMessage(), span);
                }
                throw e;
            }
        }

        /**
         * Hands the batch built so far (if it has lines) to a sender thread, once fewer than {@code maxInFlight}
         * batches are in flight: requests run while the next batch is encoded and compressed. A failure of a
         * batch in flight is thrown here, and nothing more is sent.
         */
        private void flush() {
            long lines = encoder.linesWritten() - batchStart;
            if (lines == 0) {
                return;
            }
            while (pending.size() >= maxInFlight) {
                awaitOldest();
            }
            if (stopped.get()) {
                fail();
            }
            byte[] next = spare.isEmpty() ? new byte[1 << 16] : spare.pop();
            GzipBatch.Body body = gzip.finish(next);
            batchStart = encoder.linesWritten();
            Future<?> sent = sender().submit(() -> {
                if (stopped.get()) {
                    throw new NotSent();
                }
                try {
                    client.post(body.bytes(), body.length(), lines);
                } catch (RuntimeException e) {
                    stopped.set(true);
                    throw e;
                }
            });
            pending.add(new Pending(sent, body.bytes(), lines));
        }

        private void awaitAll() {
            while (!pending.isEmpty()) {
                awaitOldest();
            }
        }

        /** Waits for the oldest batch in flight; if it was not written, fails as {@link #fail} does. */
        private void awaitOldest() {
            Pending p = pending.peek();
            if (outcome(p) != null) {
                fail();
            }
            pending.poll();
            spare.push(p.buffer());
        }

        /**
         * Waits for every batch in flight, then throws the error of the first (in the order sent) that failed,
         * saying how many points were written in all: batches sent after it may have been written too.
         */
        private void fail() {
            WriteClient.Failed first = null;
            long sentAfter = 0;
            long notWritten = 0;
            while (!pending.isEmpty()) {
                Pending p = pending.poll();
                RuntimeException e = outcome(p);
                if (first == null && e instanceof WriteClient.Failed f) {
                    first = f;
                } else if (e == null) {
                    sentAfter += first == null ? 0 : p.points();
                } else {
                    notWritten += p.points();
                }
            }
            if (first == null) {
                throw new IllegalStateException("to: a write was stopped but no batch failed");
            }
            throw client.failure(first, sentAfter, notWritten);
        }

        /** Null when the batch was written, else the {@link WriteClient.Failed} or {@link NotSent} why not. */
        private RuntimeException outcome(Pending p) {
            try {
                p.sent().get();
                return null;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof WriteClient.Failed || cause instanceof NotSent) {
                    return (RuntimeException) cause;
                }
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FluxException(io.jflux.diag.ErrorCode.UNAVAILABLE, "to: interrupted while writing", span);
            }
        }

        private ExecutorService sender() {
            if (sender == null) {
                sender = Executors.newFixedThreadPool(maxInFlight, r -> {
                    Thread t = new Thread(r, "jflux-to-writer");
                    t.setDaemon(true);
                    return t;
                });
            }
            return sender;
        }

        private void stopSender() {
            if (sender != null) {
                sender.shutdownNow();
                sender = null;
            }
        }

        private void note() {
            if (encoder.skipped() > 0 && ctx.interpreter() != null && ctx.interpreter().context().out() != null) {
                ctx.interpreter().context().notes().println("note: to: " + encoder.skippedSummary());
            }
        }

        @Override
        public void close() {
            try {
                if (!done && !failed) {
                    done = true;
                    flush();
                    awaitAll();
                    note();
                }
            } finally {
                stopSender();
                upstream.close();
            }
        }
    }
}
