package io.jflux.table;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.ExecutionContext;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;

/**
 * The Arrow memory of one execution: one allocator, with an optional limit, closed when the execution ends.
 * Created on first use, so scripts without tables never load Arrow.
 */
public final class Memory implements AutoCloseable {

    private final BufferAllocator allocator;
    private final long limit;
    /** Large blocks released by the execution's tables, kept for its next ones (see {@link RecyclingMemory}). */
    private final RecyclingMemory blocks;

    /**
     * At most this many bytes of released blocks are kept for reuse, and at most a quarter of the memory limit
     * when there is one (they are memory the execution's tables do not hold, so the limit does not count them).
     */
    private static final long KEPT_BYTES = 64L << 20;

    private Memory(long limit) {
        this.limit = limit;
        this.blocks = new RecyclingMemory(limit <= 0 ? KEPT_BYTES : Math.min(KEPT_BYTES, limit / 4));
        this.allocator = new RootAllocator(RootAllocator.configBuilder()
                .maxAllocation(limit <= 0 ? Long.MAX_VALUE : limit)
                .allocationManagerFactory(blocks)
                .build());
    }

    /** The memory of the execution {@code ctx} belongs to. */
    public static Memory of(ExecutionContext ctx) {
        return ctx.resource(Memory.class, () -> new Memory(ctx.memoryLimit()));
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    /** Bytes held now. */
    public long allocated() {
        return allocator.getAllocatedMemory();
    }

    /** Turns Arrow's out-of-memory into the Flux error a user can act on. */
    public FluxException exhausted(OutOfMemoryException e) {
        return new FluxException(ErrorCode.RESOURCE_EXHAUSTED, "the tables of this script need more than the "
                + "memory limit of " + limit + " bytes");
    }

    /**
     * The stream {@code open} opens, with Arrow's out-of-memory turned into {@link ErrorCode#RESOURCE_EXHAUSTED} Flux errors:
     * reading tables past the limit fails the script, not the JVM.
     */
    public TableStream guard(java.util.function.Supplier<TableStream> open) {
        TableStream stream;
        try {
            stream = open.get();
        } catch (OutOfMemoryException e) {
            throw exhausted(e);
        }
        return new TableStream() {
            @Override
            public FluxTable next() {
                try {
                    return stream.next();
                } catch (OutOfMemoryException e) {
                    throw exhausted(e);
                }
            }

            @Override
            public void close() {
                stream.close();
            }
        };
    }

    /**
     * Releases the allocator.
     *
     * @throws IllegalStateException when tables were not all closed (a defect: memory would leak)
     */
    @Override
    public void close() {
        long leaked = allocator.getAllocatedMemory();
        try {
            allocator.close();
        } finally {
            blocks.close();
        }
        if (leaked != 0) {
            throw new IllegalStateException(leaked + " bytes of table memory were not released");
        }
    }
}
