package io.jflux.table;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A stream of tables, read once. Each table {@link #next} returns belongs to the caller, who must close it;
 * closing the stream releases what it has not handed out (and closes the streams it reads from).
 */
public interface TableStream extends AutoCloseable {

    /** The next table, or null at the end. */
    FluxTable next();

    @Override
    void close();

    /** A stream of the given tables, which it owns until it hands them out. */
    static TableStream of(List<FluxTable> tables) {
        Deque<FluxTable> queue = new ArrayDeque<>(tables);
        return new TableStream() {
            @Override
            public FluxTable next() {
                return queue.pollFirst();
            }

            @Override
            public void close() {
                FluxTable t;
                while ((t = queue.pollFirst()) != null) {
                    t.close();
                }
            }
        };
    }

    static TableStream empty() {
        return of(List.of());
    }
}
