package io.jflux.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

/** Large released blocks are handed out again, within the bound; the allocator's accounting is Arrow's own. */
class RecyclingMemoryTest {

    private static BufferAllocator allocator(RecyclingMemory blocks) {
        return new RootAllocator(RootAllocator.configBuilder().allocationManagerFactory(blocks).build());
    }

    @Test
    void aReleasedBlockIsReusedForTheNextOfItsSize() {
        try (RecyclingMemory blocks = new RecyclingMemory(1 << 20); BufferAllocator a = allocator(blocks)) {
            ArrowBuf first = a.buffer(64 << 10);
            long address = first.memoryAddress();
            first.setLong(0, 42);
            first.close();
            assertEquals(64 << 10, blocks.kept());
            assertEquals(0, a.getAllocatedMemory());
            ArrowBuf other = a.buffer(128 << 10);
            assertNotEquals(address, other.memoryAddress());
            ArrowBuf again = a.buffer(64 << 10);
            assertEquals(address, again.memoryAddress());
            assertEquals(0, blocks.kept());
            assertEquals((64 << 10) + (128 << 10), a.getAllocatedMemory());
            again.close();
            other.close();
        }
    }

    @Test
    void smallBlocksAndBlocksPastTheBoundAreFreed() {
        try (RecyclingMemory blocks = new RecyclingMemory(100 << 10); BufferAllocator a = allocator(blocks)) {
            a.buffer(1024).close();
            assertEquals(0, blocks.kept());
            ArrowBuf x = a.buffer(64 << 10);
            ArrowBuf y = a.buffer(64 << 10);
            x.close();
            y.close();
            // only one of the two fits in 100 KB
            assertEquals(64 << 10, blocks.kept());
        }
    }

    @Test
    void vectorsBuiltOnRecycledMemoryReadBackWhatWasWritten() {
        try (RecyclingMemory blocks = new RecyclingMemory(64 << 20); BufferAllocator a = allocator(blocks)) {
            for (int round = 0; round < 3; round++) {
                try (VarCharVector v = new VarCharVector("s", a)) {
                    v.allocateNew(1 << 20, 20_000);
                    for (int i = 0; i < 20_000; i++) {
                        if (i % 7 != 0) {
                            v.setSafe(i, ("value " + round + " " + i).getBytes());
                        }
                    }
                    v.setValueCount(20_000);
                    for (int i = 0; i < 20_000; i++) {
                        if (i % 7 == 0) {
                            assertTrue(v.isNull(i), "row " + i + " of round " + round);
                        } else {
                            assertEquals("value " + round + " " + i, new String(v.get(i)));
                        }
                    }
                }
            }
            assertTrue(blocks.kept() > 0);
        }
    }
}
