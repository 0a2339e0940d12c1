package io.jflux.table;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.FieldVector;

/**
 * Arrow vectors shared by one or more {@link FluxTable} views. Reference-counted: each table that looks at the
 * batch holds one reference; the vectors are released when the last reference goes.
 */
final class Batch {

    private final FieldVector[] vectors;
    private final AtomicInteger refs = new AtomicInteger(1);

    Batch(List<FieldVector> vectors) {
        this.vectors = vectors.toArray(new FieldVector[0]);
    }

    FieldVector vector(int i) {
        return vectors[i];
    }

    int size() {
        return vectors.length;
    }

    Batch retain() {
        if (refs.getAndIncrement() <= 0) {
            throw new IllegalStateException("batch used after release");
        }
        return this;
    }

    /** {@code n} more references at once. */
    Batch retain(int n) {
        if (refs.getAndAdd(n) <= 0) {
            throw new IllegalStateException("batch used after release");
        }
        return this;
    }

    void release() {
        int left = refs.decrementAndGet();
        if (left == 0) {
            for (FieldVector v : vectors) {
                v.close();
            }
        } else if (left < 0) {
            throw new IllegalStateException("batch released twice");
        }
    }
}
