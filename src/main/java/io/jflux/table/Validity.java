package io.jflux.table;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Null checks over a range of a vector. A table is often a slice of a batch shared with many other tables, and
 * Arrow's {@code getNullCount()} counts over the whole vector: asked once per one-row table of a batch of
 * 65,536 rows, it would scan the batch 65,536 times.
 */
public final class Validity {

    private Validity() {}

    /** Whether any of the values {@code [from, from + n)} of {@code v} is null. */
    public static boolean anyNull(FieldVector v, int from, int n) {
        ArrowBuf valid = v.getValidityBuffer();
        int i = from;
        int end = from + n;
        // bit by bit up to a byte boundary, then whole bytes, then the rest
        for (; i < end && (i & 7) != 0; i++) {
            if ((valid.getByte(i >> 3) & (1 << (i & 7))) == 0) {
                return true;
            }
        }
        for (; i + 8 <= end; i += 8) {
            if (valid.getByte(i >> 3) != (byte) 0xFF) {
                return true;
            }
        }
        for (; i < end; i++) {
            if ((valid.getByte(i >> 3) & (1 << (i & 7))) == 0) {
                return true;
            }
        }
        return false;
    }
}
