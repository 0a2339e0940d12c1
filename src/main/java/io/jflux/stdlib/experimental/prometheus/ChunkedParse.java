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
 * Parses Prometheus text (0.0.4) cut into parts ({@link ExpositionParser.Cutter}) on several threads and hands the
 * tables to the reader in the order of the text: part after part, each part's tables in order. A thread takes
 * the next part not yet taken, but only while it is at most {@code ahead} parts ahead of the part the reader is
 * on, so the tables made and not yet read stay few (a reader slower than the parsers keeps them waiting instead
 * of piling tables up), while a reader that keeps up gets the parts of several threads at once.
 *
 * <p>Like {@link BackgroundParse}: its tables can be held back ({@link #confirm} lets them through; until then
 * the parsers stop {@code ahead} parts in); a failure reaches the reader after the tables of the text before
 * the failing line; {@link #close} stops the threads, waits for them and releases every table not read. Before
 * parsing, the threads read each part's metric families from its lines' names ({@link RepeatedSeries#families}),
 * which {@link #repeats} gathers: when no family is in two parts, a series met again can only be so inside its
 * part, which the part's parser sees ({@link ExpositionParser.SeriesWatch}); the part is then parsed once more
 * with its runs merged. A part's tables go to the reader once the part is parsed.
 *
 * <p>The text may arrive in pieces ({@link #supply}): the parts are cut, read and parsed as their bytes come, so
 * reading a file and parsing its beginning go on at the same time.
 */
final class ChunkedParse implements ParseThread {

    /** Tables per handover (a queue operation per table would cost more than making the table). */
    private static final int CHUNK = 1024;
    private static final FluxTable[] END = new FluxTable[0];

    private final byte[] body;
    /** The length of the whole text, {@code body[0, length)}, of which {@link #supply} says how much has come. */
    private final int length;
    private final String url;
    private final long now;
    private final int ahead;
    private final Thread[] threads;

    /**
     * Guards what follows (the cuts and parts known so far, the tasks taken, the reader's part, the contexts);
     * threads wait on it for work or room.
     */
    private final Object lock = new Object();
    /** The cuts known, {@code cuts[0, cutCount)}: part {@code k} is {@code [cuts[k], cuts[k + 1])}. */
    private int[] cuts = new int[64];
    private int cutCount = 1;
    /** Whether the last cut, {@link #length}, is known: no more parts will come. */
    private boolean complete;
    /** How much of the text has been supplied, and where the last whole line of that ends. */
    private int supplied;
    private int lineEnd;
    private final ExpositionParser.Cutter cutter;
    private Part[] parts = new Part[63];
    private int nextPart;
    private int reading;
    private volatile boolean holding;
    private volatile boolean cancelled;
    /** What the parser of each part must know of the text before it; computed in order, when first needed. */
    private ExpositionParser.Context[] contexts = new ExpositionParser.Context[63];
    private int contextsKnown = 1;
    /** The parts' reading for repeated series ({@link #repeats}): the next one to take, and those done. */
    private RepeatedSeries.PartCheck[] checks = new RepeatedSeries.PartCheck[63];
    private int nextCheck;
    private int checksDone;

    // the reader's side
    /** The number of parts, once the reader has started (the text is complete by then); -1 before. */
    private int partsTotal = -1;
    private FluxTable[] chunk;
    private int next;
    private int part;

    /** The tables of one part, queued as they are made, then {@link #END}; its failure, if any, before that. */
    private static final class Part {
        final LinkedBlockingQueue<FluxTable[]> queue = new LinkedBlockingQueue<>();
        volatile Throwable failure;
    }

    /**
     * Starts {@code threads} threads parsing {@code body[0, length)} in parts of about {@code partBytes} bytes as
     * the bytes come ({@link #supply}), each thread with a batcher {@code batchers} makes; {@code hold} holds the
     * tables back until {@link #confirm}.
     */
    ChunkedParse(byte[] body, int length, int partBytes, String url, long now, int threads,
            java.util.function.Supplier<TableBatcher> batchers, boolean hold) {
        this.body = body;
        this.length = length;
        this.cutter = new ExpositionParser.Cutter(body, length, partBytes);
        this.url = url;
        this.now = now;
        this.holding = hold;
        contexts[0] = ExpositionParser.Context.start();
        this.ahead = threads + 1;
        this.threads = new Thread[Math.max(1, threads)];
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

    /**
     * Says that {@code body[0, upTo)} has come ({@code end}: all of it, and {@code upTo} is the text's length):
     * the parts it completes are cut and handed to the threads. Called by one thread, with increasing
     * {@code upTo}, the bytes written before the call.
     */
    void supply(int upTo, boolean end) {
        synchronized (lock) {
            if (complete) {
                throw new IllegalStateException("the text was complete already");
            }
            // only whole lines count until the end: a cut looks at the sample lines around it (each byte is looked
            // at once for the last line end, however long a line)
            for (int i = upTo; i > supplied; i--) {
                if (body[i - 1] == '\n') {
                    lineEnd = i;
                    break;
                }
            }
            supplied = upTo;
            int limit = end ? upTo : lineEnd;
            int cut;
            while ((cut = cutter.next(limit)) >= 0) {
                addCut(cut);
            }
            if (end) {
                addCut(length);
                complete = true;
            }
            lock.notifyAll();
        }
    }

    private void addCut(int cut) {
        if (cutCount == cuts.length) {
            cuts = Arrays.copyOf(cuts, cuts.length * 2);
            parts = Arrays.copyOf(parts, cuts.length - 1);
            contexts = Arrays.copyOf(contexts, cuts.length - 1);
            checks = Arrays.copyOf(checks, cuts.length - 1);
        }
        cuts[cutCount] = cut;
        parts[cutCount - 1] = new Part();
        cutCount++;
    }

    private void run(TableBatcher batcher) {
        ExpositionParser.SeriesWatch watch = new ExpositionParser.SeriesWatch();
        try (batcher) {
            int task;
            while ((task = nextTask()) >= 0) {
                if ((task & 1) == 0) {
                    check(task >> 1);
                } else {
                    parse(task >> 1, batcher, watch);
                }
            }
        }
    }

    /**
     * A thread's next task, waiting for one: {@code 2k} to read part {@code k} for repeats (those come first),
     * {@code 2k + 1} to parse it (once it is near enough the reader); -1 when none is left or the parse stops.
     */
    private int nextTask() {
        synchronized (lock) {
            while (!cancelled) {
                int known = cutCount - 1;
                if (nextCheck < known) {
                    return 2 * nextCheck++;
                }
                if (nextPart < known && nextPart < reading + ahead) {
                    return 2 * nextPart++ + 1;
                }
                if (complete && nextCheck >= known && nextPart >= known) {
                    return -1;
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            return -1;
        }
    }

    /** The next part known to read for repeated series, or -1 when every part known has been taken. */
    private int takeCheck() {
        synchronized (lock) {
            return cancelled || nextCheck >= cutCount - 1 ? -1 : nextCheck++;
        }
    }

    /** Part {@code k}'s start and end. */
    private int[] bounds(int k) {
        synchronized (lock) {
            return new int[] {cuts[k], cuts[k + 1]};
        }
    }

    private void check(int k) {
        int[] b = bounds(k);
        RepeatedSeries.PartCheck c;
        try {
            c = RepeatedSeries.families(body, length, b[0], b[1]);
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
     * Whether a series of the text may be in more than one part, so that the whole text must be parsed at once
     * with its runs merged ({@link RepeatedSeries#find(byte[], int, RepeatedSeries.PartCheck[])}), from the parts'
     * families: the caller reads parts too until none is left, then waits for the threads' last ones. Once the
     * whole text has been {@linkplain #supply supplied}.
     */
    boolean repeats() {
        synchronized (lock) {
            if (!complete) {
                throw new IllegalStateException("the text is not complete");
            }
        }
        int k;
        while ((k = takeCheck()) >= 0) {
            check(k);
        }
        RepeatedSeries.PartCheck[] all;
        synchronized (lock) {
            while (checksDone < cutCount - 1) {
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
            all = Arrays.copyOf(checks, cutCount - 1);
        }
        return RepeatedSeries.find(body, length, all);
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

    /**
     * Parses part {@code k}, watching for a series met again inside it, and queues its tables once the part is
     * parsed: as they are when no series came back; else they are dropped and the part is parsed again, each
     * series' runs merged into one table (no family of a part has lines in another, or {@link #repeats} had
     * the whole text parsed at once).
     */
    private void parse(int k, TableBatcher batcher, ExpositionParser.SeriesWatch watch) {
        Part p;
        synchronized (lock) {
            p = parts[k];
        }
        int[] b = bounds(k);
        java.util.ArrayList<FluxTable[]> made = new java.util.ArrayList<>();
        try {
            ExpositionParser.Context before = context(k);
            parse(ExpositionParser.part(body, b[0], b[1], url, now, batcher, before, watch, false), batcher, made);
            if (watch.repeated() && !cancelled) {
                release(made);
                parse(ExpositionParser.part(body, b[0], b[1], url, now, batcher, before, null, true), batcher, made);
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
            if (watch.repeated()) {
                release(made); // runs of a series not merged yet
            }
        }
        p.queue.addAll(made);
        p.queue.add(END);
    }

    /** Runs {@code parser} to the end of its part (or until the parse stops), adding its tables to {@code made}. */
    private void parse(ExpositionParser parser, TableBatcher batcher, java.util.List<FluxTable[]> made) {
        FluxTable[] out = new FluxTable[CHUNK];
        int n = 0;
        try {
            boolean more = true;
            while (more && !cancelled) {
                more = parser.step();
                FluxTable t;
                while ((t = batcher.poll()) != null) {
                    out[n++] = t;
                    if (n == CHUNK) {
                        made.add(out);
                        out = new FluxTable[CHUNK];
                        n = 0;
                    }
                }
            }
        } finally {
            if (n > 0) {
                made.add(Arrays.copyOf(out, n));
            }
        }
    }

    private static void release(java.util.List<FluxTable[]> made) {
        for (FluxTable[] c : made) {
            ParseThread.release(c);
        }
        made.clear();
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
            if (partsTotal < 0) {
                synchronized (lock) {
                    if (!complete) {
                        throw new IllegalStateException("tables read before the whole text was supplied");
                    }
                    partsTotal = cutCount - 1;
                }
            }
            if (part >= partsTotal) {
                return null;
            }
            Part p;
            synchronized (lock) {
                p = parts[part];
            }
            chunk = ParseThread.take(p.queue);
            next = 0;
            if (chunk == END) {
                chunk = null;
                Throwable f = p.failure;
                if (f != null) {
                    p.failure = null;
                    // nothing after the failing line is read: the parse stops here
                    part = partsTotal;
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
        Part[] made;
        int count;
        synchronized (lock) {
            made = parts;
            count = cutCount - 1;
        }
        for (int k = 0; k < count; k++) {
            FluxTable[] c;
            while ((c = made[k].queue.poll()) != null) {
                ParseThread.release(c);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

}
