package io.jflux.table;

import java.util.Arrays;
import org.apache.arrow.memory.AllocationManager;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Arrow memory for one execution that keeps large blocks it is given back, up to a bound, for the next request of
 * the same size. Batches of tables are made and released at a high rate (a scrape makes a thousand batches of a
 * few dozen buffers each); from the C heap, each large buffer is fresh pages the kernel must map and zero on
 * first touch, and each free may hand them back. Blocks of a power-of-two size from {@link #MIN_POOLED} to
 * {@link #MAX_POOLED} bytes (Arrow rounds its requests to powers of two) are kept instead, at most
 * {@code bound} bytes in all; smaller and other blocks come from and go back to the C heap. {@link #close} frees
 * what is kept. Thread-safe: a batch made on a parse thread is often released on the script's thread.
 */
final class RecyclingMemory implements AllocationManager.Factory, AutoCloseable {

    static final long MIN_POOLED = 4 << 10;
    static final long MAX_POOLED = 32 << 20;

    private final long bound;
    /** Free blocks by size class (log2 of the size), each a stack of addresses. */
    private final long[][] free = new long[64][];
    private final int[] count = new int[64];
    private long kept;
    private boolean closed;

    RecyclingMemory(long bound) {
        this.bound = bound;
    }

    private static int sizeClass(long size) {
        return size >= MIN_POOLED && size <= MAX_POOLED && Long.bitCount(size) == 1
                ? Long.numberOfTrailingZeros(size) : -1;
    }

    private long take(long size) {
        int c = sizeClass(size);
        if (c >= 0) {
            synchronized (this) {
                if (count[c] > 0) {
                    kept -= size;
                    return free[c][--count[c]];
                }
            }
        }
        return MemoryUtil.allocateMemory(size);
    }

    private void give(long address, long size) {
        int c = sizeClass(size);
        if (c >= 0) {
            synchronized (this) {
                if (!closed && kept + size <= bound) {
                    long[] stack = free[c];
                    if (stack == null || count[c] == stack.length) {
                        free[c] = stack = stack == null ? new long[8] : Arrays.copyOf(stack, stack.length * 2);
                    }
                    stack[count[c]++] = address;
                    kept += size;
                    return;
                }
            }
        }
        MemoryUtil.freeMemory(address);
    }

    /** Bytes kept for reuse now. */
    synchronized long kept() {
        return kept;
    }

    @Override
    public AllocationManager create(BufferAllocator accountingAllocator, long size) {
        return new Block(accountingAllocator, size);
    }

    @Override
    public ArrowBuf empty() {
        return UnsafeAllocationManager.FACTORY.empty();
    }

    /** Frees every block kept; blocks given back later are freed at once. */
    @Override
    public synchronized void close() {
        closed = true;
        for (int c = 0; c < free.length; c++) {
            for (int i = 0; i < count[c]; i++) {
                MemoryUtil.freeMemory(free[c][i]);
            }
            count[c] = 0;
            free[c] = null;
        }
        kept = 0;
    }

    private final class Block extends AllocationManager {
        private final long address;
        private final long size;

        Block(BufferAllocator accountingAllocator, long size) {
            super(accountingAllocator);
            this.size = size;
            this.address = take(size);
        }

        @Override
        public long getSize() {
            return size;
        }

        @Override
        protected long memoryAddress() {
            return address;
        }

        @Override
        protected void release0() {
            give(address, size);
        }
    }
}
