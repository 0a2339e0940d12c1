package io.jflux.stdlib.universe.rows;

import io.jflux.table.FluxTable;
import io.jflux.table.TableStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/** Streams of tables that the transformations of rows and columns are made of. */
public final class RowStreams {

    private RowStreams() {}

    /**
     * Each input table becomes zero or more output tables, in order. {@code fn} must not close its input (the
     * stream does, after {@code fn} returns); the tables it returns belong to the stream until handed out.
     */
    public static TableStream flatMap(TableStream upstream, Function<FluxTable, List<FluxTable>> fn) {
        return new TableStream() {
            private final Deque<FluxTable> ready = new ArrayDeque<>();

            @Override
            public FluxTable next() {
                while (ready.isEmpty()) {
                    FluxTable in = upstream.next();
                    if (in == null) {
                        return null;
                    }
                    try (FluxTable t = in) {
                        ready.addAll(fn.apply(t));
                    }
                }
                return ready.pollFirst();
            }

            @Override
            public void close() {
                FluxTable t;
                while ((t = ready.pollFirst()) != null) {
                    t.close();
                }
                upstream.close();
            }
        };
    }

    /**
     * {@code stream}, running {@code end} once: when it has given its last table, or when it is closed before
     * that (what {@code end} releases must not be needed by the tables already handed out).
     */
    public static TableStream onEnd(TableStream stream, Runnable end) {
        return new TableStream() {
            private boolean ended;

            private void end() {
                if (!ended) {
                    ended = true;
                    end.run();
                }
            }

            @Override
            public FluxTable next() {
                FluxTable t = stream.next();
                if (t == null) {
                    end();
                }
                return t;
            }

            @Override
            public void close() {
                try {
                    stream.close();
                } finally {
                    end();
                }
            }
        };
    }

    /**
     * Reads the input streams one after the other, handing each table to {@code feed} (which may pass tables on
     * at once with {@code emit} or keep rows in the merger): the tables passed on come out as they are made, in
     * order, and once every input has ended, the merged ones in key order. {@code feed} must not close its table.
     */
    public static TableStream merging(Supplier<List<TableStream>> inputs, BufferAllocator allocator,
                                      Feed feed) {
        return new TableStream() {
            private List<TableStream> upstreams;
            private int current;
            private TableMerger merger;
            private final Deque<FluxTable> ready = new ArrayDeque<>();
            private TableStream merged;

            @Override
            public FluxTable next() {
                if (upstreams == null) {
                    upstreams = inputs.get();
                    merger = new TableMerger();
                }
                while (true) {
                    FluxTable t = ready.pollFirst();
                    if (t != null) {
                        return t;
                    }
                    if (merged != null) {
                        return merged.next();
                    }
                    if (current < upstreams.size()) {
                        FluxTable in = upstreams.get(current).next();
                        if (in == null) {
                            current++;
                        } else {
                            try (FluxTable table = in) {
                                feed.accept(table, merger, ready::addLast);
                            }
                        }
                        continue;
                    }
                    try (TableMerger m = merger) {
                        merger = null;
                        merged = m.finish(allocator);
                    }
                }
            }

            @Override
            public void close() {
                FluxTable t;
                while ((t = ready.pollFirst()) != null) {
                    t.close();
                }
                if (merger != null) {
                    merger.close();
                    merger = null;
                }
                if (merged != null) {
                    merged.close();
                }
                if (upstreams != null) {
                    for (TableStream s : upstreams) {
                        s.close();
                    }
                }
            }
        };
    }

    public interface Feed {
        void accept(FluxTable table, TableMerger merger, java.util.function.Consumer<FluxTable> emit);
    }
}
