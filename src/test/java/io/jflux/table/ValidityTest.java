package io.jflux.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.Test;

class ValidityTest {

    /** anyNull over every range of a vector with nulls at a few places agrees with a plain isNull loop. */
    @Test
    void anyNullLooksAtTheRangeOnly() {
        try (BufferAllocator a = new RootAllocator(); BigIntVector v = new BigIntVector("v", a)) {
            int n = 70;
            v.allocateNew(n);
            for (int i = 0; i < n; i++) {
                if (i == 3 || i == 17 || i == 40 || i == 64) {
                    v.setNull(i);
                } else {
                    v.set(i, i);
                }
            }
            v.setValueCount(n);
            for (int from = 0; from <= n; from++) {
                for (int len = 0; from + len <= n; len++) {
                    boolean expected = false;
                    for (int i = from; i < from + len; i++) {
                        expected |= v.isNull(i);
                    }
                    assertEquals(expected, Validity.anyNull(v, from, len), from + "+" + len);
                }
            }
        }
    }
}
