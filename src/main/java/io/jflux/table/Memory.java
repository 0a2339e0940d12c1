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

    private Memory(long limit) {
        this.allocator = new RootAllocator(limit <= 0 ? Long.MAX_VALUE : limit);
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
    public static FluxException exhausted(OutOfMemoryException e, long limit) {
        return new FluxException(ErrorCode.RESOURCE_EXHAUSTED, "memory limit of " + limit
                + " bytes reached (" + e.getMessage() + ")");
    }

    /**
     * Releases the allocator.
     *
     * @throws IllegalStateException when tables were not all closed (a defect: memory would leak)
     */
    @Override
    public void close() {
        long leaked = allocator.getAllocatedMemory();
        allocator.close();
        if (leaked != 0) {
            throw new IllegalStateException(leaked + " bytes of table memory were not released");
        }
    }
}
