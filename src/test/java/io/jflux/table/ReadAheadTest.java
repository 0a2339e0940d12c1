package io.jflux.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** A table stream read on a thread of its own: order, failures, early close, latency and how far it reads ahead. */
class ReadAheadTest {

    private static final ColumnMeta V = new ColumnMeta("v", ColumnType.INT);

    /**
     * Tables numbered from 0, {@code rows} rows each (every cell its table's number), up to {@code count}; then
     * {@code failure} if not null. Counts the tables made, notes the thread that made them and whether it was
     * closed.
     */
    private static final class Numbers implements TableStream {
        final BufferAllocator allocator;
        final int count;
        final int rows;
        final RuntimeException failure;
        final AtomicInteger made = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile Thread thread;
        volatile long sleepMillis;

        Numbers(BufferAllocator allocator, int count, int rows, RuntimeException failure) {
            this.allocator = allocator;
            this.count = count;
            this.rows = rows;
            this.failure = failure;
        }

        @Override
        public FluxTable next() {
            thread = Thread.currentThread();
            if (sleepMillis > 0) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    throw new FluxException(ErrorCode.ABORTED, "interrupted");
                }
            }
            int n = made.get();
            if (n == count) {
                if (failure != null) {
                    throw failure;
                }
                return null;
            }
            try (TableBuilder b = new TableBuilder(allocator, GroupKey.EMPTY)) {
                b.addColumn(V);
                for (int r = 0; r < rows; r++) {
                    b.appendLong(0, n);
                }
                made.incrementAndGet();
                return b.build();
            }
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void givesEveryTableInOrderFromAnotherThread() {
        try (BufferAllocator allocator = new RootAllocator()) {
            Numbers in = new Numbers(allocator, 10_000, 1, null);
            int seen = 0;
            try (ReadAhead s = new ReadAhead(in, "test-read-ahead", 1000)) {
                FluxTable t;
                while ((t = s.next()) != null) {
                    try (FluxTable table = t) {
                        assertEquals(seen, table.getLong(0, 0));
                    }
                    seen++;
                }
                assertEquals(null, s.next());
            }
            assertEquals(10_000, seen);
            assertTrue(in.closed.get());
            assertTrue(in.thread != Thread.currentThread());
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void aFailureComesAfterTheTablesBeforeIt() {
        try (BufferAllocator allocator = new RootAllocator()) {
            FluxException failure = new FluxException(ErrorCode.INVALID, "bad line 7");
            Numbers in = new Numbers(allocator, 700, 1, failure);
            int seen = 0;
            try (ReadAhead s = new ReadAhead(in, "test-read-ahead", 1000)) {
                while (true) {
                    FluxTable t;
                    try {
                        t = s.next();
                    } catch (FluxException e) {
                        assertSame(failure, e);
                        break;
                    }
                    t.close();
                    seen++;
                }
            }
            assertEquals(700, seen);
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void closingEarlyStopsTheThreadAndReleasesWhatItRead() throws Exception {
        try (BufferAllocator allocator = new RootAllocator()) {
            Numbers in = new Numbers(allocator, 1_000_000, 1, null);
            try (ReadAhead s = new ReadAhead(in, "test-read-ahead", 1000)) {
                for (int i = 0; i < 3; i++) {
                    s.next().close();
                }
                Thread.sleep(50); // let it read ahead
            }
            assertTrue(in.closed.get());
            assertTrue(in.made.get() < 1_000_000, in.made + " tables made");
            assertTrue(!in.thread.isAlive());
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void closingStopsAThreadWaitingInsideTheStream() {
        try (BufferAllocator allocator = new RootAllocator()) {
            Numbers in = new Numbers(allocator, 10, 1, null);
            in.sleepMillis = 60_000;
            ReadAhead s = new ReadAhead(in, "test-read-ahead", 1000);
            while (in.thread == null) {
                Thread.onSpinWait();
            }
            long start = System.nanoTime();
            s.close();
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "close waited for the stream");
            assertTrue(in.closed.get());
            assertTrue(!in.thread.isAlive());
        }
    }

    @Test
    void aSlowStreamsTablesComeAsTheyAreMade() {
        try (BufferAllocator allocator = new RootAllocator()) {
            Numbers in = new Numbers(allocator, 12, 1, null);
            in.sleepMillis = 20;
            try (ReadAhead s = new ReadAhead(in, "test-read-ahead", 1000)) {
                // the first table is handed over once the second is made, not when the stream ends
                s.next().close();
                assertTrue(in.made.get() < 6, in.made + " tables made before the first came");
                FluxTable t;
                while ((t = s.next()) != null) {
                    t.close();
                }
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void largeTablesAreNotReadFarAhead() throws Exception {
        try (BufferAllocator allocator = new RootAllocator()) {
            Numbers in = new Numbers(allocator, 1000, 10_000, null);
            try (ReadAhead s = new ReadAhead(in, "test-read-ahead", 4096)) {
                s.next().close();
                Thread.sleep(200);
                // 65,536 rows waiting, a chunk of 8,192 being filled, the table taken: 8 + 1 + 1 tables (and
                // the one being made)
                assertTrue(in.made.get() <= 12, in.made + " tables of 10,000 rows made");
                FluxTable t;
                int seen = 1;
                while ((t = s.next()) != null) {
                    assertEquals(seen++, t.getLong(0, 9_999));
                    t.close();
                }
                assertEquals(1000, seen);
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }
}
