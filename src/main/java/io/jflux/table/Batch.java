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
    /** The batch whose vectors come first in {@link #vectors}, holding one reference to it; or null. */
    private final Batch parent;

    Batch(List<FieldVector> vectors) {
        this.vectors = vectors.toArray(new FieldVector[0]);
        this.parent = null;
    }

    /**
     * {@code parent}'s vectors followed by {@code extra}, which this batch owns; takes a reference to
     * {@code parent} and gives it back when released.
     */
    Batch(Batch parent, FieldVector... extra) {
        this.vectors = java.util.Arrays.copyOf(parent.vectors, parent.vectors.length + extra.length);
        System.arraycopy(extra, 0, this.vectors, parent.vectors.length, extra.length);
        this.parent = parent.retain();
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

    /** The references held now. */
    int references() {
        return refs.get();
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
            if (parent == null) {
                for (FieldVector v : vectors) {
                    v.close();
                }
            } else {
                for (int i = parent.vectors.length; i < vectors.length; i++) {
                    vectors[i].close();
                }
                parent.release();
            }
        } else if (left < 0) {
            throw new IllegalStateException("batch released twice");
        }
    }
}
