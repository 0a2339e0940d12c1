package io.jflux.stdlib.experimental.prometheus;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.io.ExpositionParser;
import io.jflux.io.RepeatedSeries;
import io.jflux.table.FluxTable;
import io.jflux.table.TableBatcher;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Parses Prometheus text (0.0.4) cut into parts ({@link ExpositionParser#cuts}) on several threads and hands the
 * tables to the reader in the order of the text: part after part, each part's tables in order. A thread takes
 * the next part not yet taken, but only while it is at most {@code ahead} parts ahead of the part the reader is
 * on, so the tables made and not yet read stay few (a reader slower than the parsers keeps them waiting instead
 * of piling tables up), while a reader that keeps up gets the parts of several threads at once.
 *
 * <p>Like {@link BackgroundParse}: its tables can be held back ({@link #confirm} lets them through; until then
 * the parsers stop {@code ahead} parts in); a failure reaches the reader after the tables of the text before
 * the failing line; {@link #close} stops the threads, waits for them and releases every table not read. Before
 * parsing, the threads read the parts for series met in more than one place ({@link RepeatedSeries#check}),
 * which {@link #repeats} gathers: the reader need not read the whole text for that on its own.
 */
final class ChunkedParse implements ParseThread {

    /** Tables per handover (a queue operation per table would cost more than making the table). */
    private static final int CHUNK = 1024;
    private static final FluxTable[] END = new FluxTable[0];

    private final byte[] body;
    private final int[] cuts;
    private final String url;
    private final long now;
    private final int ahead;
    private final Part[] parts;
    private final Thread[] threads;

    /** Guards {@link #nextPart}, {@link #reading} and the contexts; threads wait on it for room. */
    private final Object lock = new Object();
    private int nextPart;
    private int reading;
    private volatile boolean holding;
    private volatile boolean cancelled;
    /** What the parser of each part must know of the text before it; computed in order, when first needed. */
    private final ExpositionParser.Context[] contexts;
    private int contextsKnown = 1;
    /** The parts' reading for repeated series ({@link #repeats}): the next one to take, and those done. */
    private final RepeatedSeries.PartCheck[] checks;
    private int nextCheck;
    private int checksDone;

    // the reader's side
    private FluxTable[] chunk;
    private int next;
    private int part;

    /** The tables of one part, queued as they are made, then {@link #END}; its failure, if any, before that. */
    private static final class Part {
        final LinkedBlockingQueue<FluxTable[]> queue = new LinkedBlockingQueue<>();
        volatile Throwable failure;
    }

    /**
     * Starts {@code threads} threads parsing {@code body} cut at {@code cuts} (from 0 to the text's length), each
     * with a batcher {@code batchers} makes; {@code hold} holds the tables back until {@link #confirm}.
     */
    ChunkedParse(byte[] body, int[] cuts, String url, long now, int threads,
            java.util.function.Supplier<TableBatcher> batchers, boolean hold) {
        this.body = body;
        this.cuts = cuts;
        this.url = url;
        this.now = now;
        this.holding = hold;
        int n = cuts.length - 1;
        this.parts = new Part[n];
        for (int k = 0; k < n; k++) {
            parts[k] = new Part();
        }
        this.checks = new RepeatedSeries.PartCheck[n];
        this.contexts = new ExpositionParser.Context[n];
        contexts[0] = ExpositionParser.Context.start();
        this.ahead = threads + 1;
        this.threads = new Thread[Math.min(threads, n)];
        for (int t = 0; t < this.threads.length; t++) {
            TableBatcher batcher = batchers.get();
            Thread thread = new Thread(() -> run(batcher), "jflux-scrape-" + (t + 1) + " " + url);
            thread.setDaemon(true);
            this.threads[t] = thread;
        }
        for (Thread t : this.threads) {
            t.start();
        }
    }

    /** The parts this text was cut into. */
    int parts() {
        return parts.length;
    }

    private void run(TableBatcher batcher) {
        try (batcher) {
            int k;
            while ((k = takeCheck()) >= 0) {
                check(k);
            }
            while ((k = take()) >= 0) {
                parse(k, batcher);
            }
        }
    }

    /** The next part to read for repeated series, or -1 when every part has been taken. */
    private int takeCheck() {
        synchronized (lock) {
            return cancelled || nextCheck >= parts.length ? -1 : nextCheck++;
        }
    }

    private void check(int k) {
        RepeatedSeries.PartCheck c;
        try {
            c = RepeatedSeries.check(body, body.length, cuts[k], cuts[k + 1]);
        } catch (RuntimeException | StackOverflowError e) {
            // a defect of the check must not leave the reader waiting: the merging parse reads the text instead
            c = RepeatedSeries.PartCheck.UNKNOWN;
        }
        synchronized (lock) {
            checks[k] = c;
            checksDone++;
            lock.notifyAll();
        }
    }

    /**
     * Whether a series of the text may be in more than one place ({@link RepeatedSeries#find}), from the parts'
     * readings: the caller reads parts too until none is left, then waits for the threads' last ones.
     */
    boolean repeats() {
        int k;
        while ((k = takeCheck()) >= 0) {
            check(k);
        }
        synchronized (lock) {
            while (checksDone < parts.length) {
                if (cancelled) {
                    throw new IllegalStateException("the parse was stopped");
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new FluxException(ErrorCode.ABORTED, "interrupted while reading the exposition");
                }
            }
        }
        return RepeatedSeries.find(body, body.length, checks);
    }

    /** The next part to parse, once it is near enough the reader; -1 when none is left or the parse stops. */
    private int take() {
        synchronized (lock) {
            while (!cancelled && nextPart < parts.length && nextPart >= reading + ahead) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            return cancelled || nextPart >= parts.length ? -1 : nextPart++;
        }
    }

    private ExpositionParser.Context context(int k) {
        synchronized (lock) {
            while (contextsKnown <= k) {
                contexts[contextsKnown] = contexts[contextsKnown - 1].advance(body, cuts[contextsKnown]);
                contextsKnown++;
            }
            return contexts[k];
        }
    }

    private void parse(int k, TableBatcher batcher) {
        Part p = parts[k];
        FluxTable[] out = new FluxTable[CHUNK];
        int n = 0;
        try {
            ExpositionParser parser = ExpositionParser.part(body, cuts[k], cuts[k + 1], url, now, batcher,
                    context(k));
            boolean more = true;
            while (more && !cancelled) {
                more = parser.step();
                FluxTable t;
                while ((t = batcher.poll()) != null) {
                    out[n++] = t;
                    if (n == CHUNK) {
                        p.queue.add(out);
                        out = new FluxTable[CHUNK];
                        n = 0;
                    }
                }
            }
        } catch (Throwable e) {
            p.failure = e;
            // what the failed parse left in the batcher (a table begun, batches not sealed) is not for anyone
            batcher.abortTable();
            batcher.flush();
            FluxTable t;
            while ((t = batcher.poll()) != null) {
                t.close();
            }
        }
        if (n > 0) {
            p.queue.add(Arrays.copyOf(out, n));
        }
        p.queue.add(END);
    }

    @Override
    public FluxTable next() {
        if (holding) {
            throw new IllegalStateException("tables read before the parse was confirmed");
        }
        while (true) {
            if (chunk != null && next < chunk.length) {
                FluxTable t = chunk[next];
                chunk[next++] = null;
                return t;
            }
            if (part >= parts.length) {
                return null;
            }
            Part p = parts[part];
            try {
                chunk = p.queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FluxException(ErrorCode.ABORTED, "interrupted while reading the exposition");
            }
            next = 0;
            if (chunk == END) {
                chunk = null;
                Throwable f = p.failure;
                if (f != null) {
                    p.failure = null;
                    // nothing after the failing line is read: the parse stops here
                    part = parts.length;
                    stop();
                    throw ParseThread.rethrow(f);
                }
                part++;
                synchronized (lock) {
                    reading = part;
                    lock.notifyAll();
                }
            }
        }
    }

    @Override
    public void confirm() {
        holding = false;
    }

    private void stop() {
        synchronized (lock) {
            cancelled = true;
            lock.notifyAll();
        }
    }

    @Override
    public void close() {
        stop();
        boolean interrupted = false;
        for (Thread t : threads) {
            interrupted |= ParseThread.join(t);
        }
        if (chunk != null) {
            ParseThread.release(chunk);
            chunk = null;
        }
        for (Part p : parts) {
            FluxTable[] c;
            while ((c = p.queue.poll()) != null) {
                ParseThread.release(c);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

}
