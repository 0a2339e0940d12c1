package io.jflux.table;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A table stream read on a thread of its own: the thread takes the tables of the stream it wraps (computing them,
 * since a stream makes its tables as they are asked for) while the caller does something else with the tables
 * already taken, such as printing them. Tables are handed over in chunks, since a handover per table would cost
 * more than a small table: a chunk goes over when it has {@value #CHUNK} tables or {@value #CHUNK_ROWS} rows, or
 * when the caller has been waiting for one for a millisecond (so a slow stream's tables are not held back, and a
 * caller faster than the stream does not take its tables one handover at a time). The thread stays at most a few
 * chunks ahead of the caller: {@code ahead} tables and {@value #AHEAD_ROWS} rows (then a chunk), so a stream of
 * large tables is not read into memory much faster than the caller lets them go.
 *
 * <p>Only this thread calls the wrapped stream's {@link TableStream#next}, and it alone until it ends; the caller
 * gets the tables in order, then the failure that stopped the stream, if any (the same exception). {@link #close}
 * stops the thread (interrupting a wait), waits for it, closes the tables not handed out, then the wrapped
 * stream, on the caller's thread.
 */
public final class ReadAhead implements TableStream {

    private static final int CHUNK = 256;
    private static final int CHUNK_ROWS = 8192;
    private static final long AHEAD_ROWS = 65_536;
    private static final long WAIT_NANOS = 1_000_000;
    private static final FluxTable[] EMPTY = new FluxTable[0];

    private final TableStream in;
    private final int ahead;
    private final Thread thread;

    private final Object lock = new Object();
    /** Chunks handed over and not yet taken; guarded by {@link #lock}. */
    private final ArrayDeque<FluxTable[]> ready = new ArrayDeque<>();
    /** Tables and rows in {@link #ready}; guarded by {@link #lock}. */
    private int readyTables;
    private long readyRows;
    /** The thread has taken every table of the stream (or failed); guarded by {@link #lock}. */
    private boolean done;
    private Throwable failure;
    private volatile boolean waiting;
    private volatile boolean closed;

    // the caller's side
    private FluxTable[] chunk = EMPTY;
    private int next;

    /** Starts reading {@code in} on a thread named {@code name}, at most {@code ahead} tables ahead. */
    public ReadAhead(TableStream in, String name, int ahead) {
        this.in = in;
        this.ahead = Math.max(ahead, CHUNK);
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        FluxTable[] filling = new FluxTable[CHUNK];
        int n = 0;
        long rows = 0;
        long waitingSince = 0;
        Throwable failed = null;
        try {
            FluxTable t;
            while (!closed && (t = in.next()) != null) {
                filling[n++] = t;
                rows += t.rowCount();
                boolean handOver = n == CHUNK || rows >= CHUNK_ROWS;
                if (!handOver && waiting) {
                    long now = System.nanoTime();
                    if (waitingSince == 0) {
                        waitingSince = now;
                    }
                    handOver = now - waitingSince >= WAIT_NANOS;
                }
                if (handOver) {
                    if (!handOver(filling, n, rows)) {
                        return;
                    }
                    filling = new FluxTable[CHUNK];
                    n = 0;
                    rows = 0;
                    waitingSince = 0;
                }
            }
        } catch (Throwable e) {
            failed = e;
        }
        synchronized (lock) {
            if (n > 0) {
                ready.add(Arrays.copyOf(filling, n));
                readyTables += n;
                readyRows += rows;
            }
            failure = failed;
            done = true;
            lock.notifyAll();
        }
    }

    /**
     * Hands {@code filling[0, n)} ({@code rows} rows) to the caller, first waiting while the caller is too far
     * behind; false when the stream was closed.
     */
    private boolean handOver(FluxTable[] filling, int n, long rows) {
        synchronized (lock) {
            while (!ready.isEmpty() && (readyTables >= ahead || readyRows >= AHEAD_ROWS) && !closed) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    closed = true;
                }
            }
            ready.add(n == filling.length ? filling : Arrays.copyOf(filling, n));
            readyTables += n;
            readyRows += rows;
            waiting = false;
            lock.notifyAll();
            return !closed;
        }
    }

    @Override
    public FluxTable next() {
        if (next < chunk.length) {
            FluxTable t = chunk[next];
            chunk[next++] = null;
            return t;
        }
        synchronized (lock) {
            while (ready.isEmpty()) {
                if (done) {
                    Throwable f = failure;
                    failure = null;
                    if (f != null) {
                        throw rethrow(f);
                    }
                    return null;
                }
                waiting = true;
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new FluxException(ErrorCode.ABORTED, "interrupted while waiting for tables");
                }
            }
            chunk = ready.poll();
            readyTables -= chunk.length;
            for (FluxTable t : chunk) {
                readyRows -= t.rowCount();
            }
            lock.notifyAll();
        }
        next = 1;
        FluxTable t = chunk[0];
        chunk[0] = null;
        return t;
    }

    private static RuntimeException rethrow(Throwable f) {
        if (f instanceof RuntimeException r) {
            return r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(f);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(100);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            for (int i = next; i < chunk.length; i++) {
                if (chunk[i] != null) {
                    chunk[i].close();
                }
            }
            chunk = EMPTY;
            synchronized (lock) {
                FluxTable[] c;
                while ((c = ready.poll()) != null) {
                    for (FluxTable t : c) {
                        t.close();
                    }
                }
                readyTables = 0;
                readyRows = 0;
            }
        } finally {
            in.close();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
