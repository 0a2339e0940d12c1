package io.jflux.stdlib.experimental.prometheus;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.table.FluxTable;

/**
 * An exposition parse running on threads of its own, its tables read in the order of the text: {@link #next}
 * gives them (and rethrows the parse's failure after the tables before it), {@link #confirm} lets tables held
 * back through, {@link #close} stops the parse and releases every table not read.
 */
interface ParseThread extends AutoCloseable {

    /** The next table, or null after the last. */
    FluxTable next();

    /** Lets the tables held back so far, and all later ones, through to {@link #next}. */
    void confirm();

    @Override
    void close();

    /** Closes the tables of {@code chunk} not handed out (null entries are). */
    static void release(FluxTable[] chunk) {
        for (int i = 0; i < chunk.length; i++) {
            if (chunk[i] != null) {
                chunk[i].close();
                chunk[i] = null;
            }
        }
    }

    /** The next chunk of tables of {@code queue}, waiting for it; an interrupt stops the read as a Flux error. */
    static FluxTable[] take(java.util.concurrent.BlockingQueue<FluxTable[]> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FluxException(ErrorCode.ABORTED, "interrupted while reading the exposition");
        }
    }

    /** Waits for {@code thread} to end, through interrupts; returns whether the caller was interrupted. */
    static boolean join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    /** The parse's failure {@code f}, to be thrown on the reader's thread as it is (a checked one wrapped). */
    static RuntimeException rethrow(Throwable f) {
        if (f instanceof Error e) {
            throw e;
        }
        return f instanceof RuntimeException r ? r : new IllegalStateException(f);
    }
}
