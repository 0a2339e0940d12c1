package io.jflux.stdlib.experimental.prometheus;

import io.jflux.io.ExpositionParser;
import io.jflux.table.FluxTable;
import io.jflux.table.TableBatcher;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs an exposition parser on a thread of its own and hands its tables to the reader in order. Tables travel
 * in chunks (a queue operation per table would cost more than making the table), through a small bounded queue,
 * so the parser runs at most a few chunks ahead of the reader and memory stays bounded. A failure of the parser
 * reaches the reader after the tables made before it, as it would without the thread. {@link #close} stops the
 * parser, waits for it and releases every table the reader did not take.
 */
final class BackgroundParse implements ParseThread {

    /** Tables per chunk. */
    private static final int CHUNK = 1024;

    /** The marker after the last chunk; {@link #failure} is set before it when the parse failed. */
    private static final FluxTable[] END = new FluxTable[0];

    private final BlockingQueue<FluxTable[]> queue = new ArrayBlockingQueue<>(8);
    private final Thread thread;
    private final TableBatcher batcher;
    private volatile boolean cancelled;
    private volatile Throwable failure;

    private FluxTable[] chunk;
    private int next;
    private boolean ended;

    /**
     * While held, chunks wait here, unbounded, instead of in {@link #queue}: the parse runs ahead at full speed
     * while the reader decides whether to keep it ({@link #confirm}) or drop it ({@link #close}). Guarded by
     * itself until confirmed; from then on only the reader touches it.
     */
    private final java.util.ArrayDeque<FluxTable[]> held = new java.util.ArrayDeque<>();
    private boolean holding;

    /** Starts a thread that makes the parser with {@code parser} (a failure there is the parse's) and runs it. */
    BackgroundParse(java.util.function.Supplier<ExpositionParser> parser, TableBatcher batcher, String url) {
        this(parser, batcher, url, false);
    }

    /**
     * Like {@link #BackgroundParse(java.util.function.Supplier, TableBatcher, String)}; when {@code hold}, its
     * tables are held back, however many, until {@link #confirm}.
     */
    BackgroundParse(java.util.function.Supplier<ExpositionParser> parser, TableBatcher batcher, String url,
            boolean hold) {
        this.holding = hold;
        this.batcher = batcher;
        this.thread = new Thread(() -> run(parser), "jflux-scrape " + url);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(java.util.function.Supplier<ExpositionParser> make) {
        FluxTable[] out = new FluxTable[CHUNK];
        int n = 0;
        try {
            ExpositionParser parser = make.get();
            boolean more = true;
            while (more && !cancelled) {
                more = parser.step();
                FluxTable t;
                while ((t = batcher.poll()) != null) {
                    out[n++] = t;
                    if (n == CHUNK) {
                        put(out);
                        out = new FluxTable[CHUNK];
                        n = 0;
                    }
                }
            }
        } catch (Throwable e) {
            failure = e;
        }
        if (n > 0) {
            put(java.util.Arrays.copyOf(out, n));
        }
        put(END);
    }

    /** Queues a chunk, waiting while the queue is full; once cancelled, releases it instead. */
    private void put(FluxTable[] c) {
        synchronized (held) {
            if (holding) {
                held.add(c);
                return;
            }
        }
        try {
            while (!cancelled) {
                if (queue.offer(c, 50, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ParseThread.release(c);
    }

    /** The next table in exposition order, or null after the last; rethrows the parser's failure. */
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
            if (ended) {
                return null;
            }
            chunk = held.isEmpty() ? ParseThread.take(queue) : held.poll();
            next = 0;
            if (chunk == END) {
                ended = true;
                Throwable f = failure;
                if (f != null) {
                    failure = null;
                    throw ParseThread.rethrow(f);
                }
            }
        }
    }

    /** Lets the tables held back so far, and all later ones, through to {@link #next}. */
    @Override
    public void confirm() {
        synchronized (held) {
            holding = false;
        }
    }

    @Override
    public void close() {
        cancelled = true;
        boolean interrupted = ParseThread.join(thread);
        if (chunk != null) {
            ParseThread.release(chunk);
            chunk = null;
        }
        FluxTable[] c;
        while ((c = queue.poll()) != null) {
            ParseThread.release(c);
        }
        synchronized (held) {
            while ((c = held.poll()) != null) {
                ParseThread.release(c);
            }
        }
        batcher.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

}
