package io.jflux.table;

/**
 * What was worked out for the last few schemas, found by objects that stand for a schema (its column list, its
 * key's column list), compared as objects before anything is compared by content: the tables of one source and
 * schema share their lists, and a stream of many small tables alternates between a few schemas (a histogram's
 * buckets, then its sum and count). The entry found last comes first. Two threads using one may lose each
 * other's entries, never mix them up: an entry is found only by the objects it was kept under.
 */
public final class RecentShapes<V> {

    /** Triples: the two objects an entry was kept under (the second may be null), and its value. */
    private final Object[] kept;

    /** Keeps the last {@code size} entries. */
    public RecentShapes(int size) {
        this.kept = new Object[3 * size];
    }

    /** The value kept under {@code a} and {@code b}, or null. */
    @SuppressWarnings("unchecked")
    public V get(Object a, Object b) {
        Object[] k = kept;
        for (int i = 0; i < k.length && k[i] != null; i += 3) {
            if (k[i] == a && k[i + 1] == b) {
                Object v = k[i + 2];
                if (i > 0) {
                    System.arraycopy(k, 0, k, 3, i);
                    k[0] = a;
                    k[1] = b;
                    k[2] = v;
                }
                return (V) v;
            }
        }
        return null;
    }

    /** Keeps {@code value} under {@code a} and {@code b} (first, forgetting the oldest); returns it. */
    public V put(Object a, Object b, V value) {
        System.arraycopy(kept, 0, kept, 3, kept.length - 3);
        kept[0] = a;
        kept[1] = b;
        kept[2] = value;
        return value;
    }
}
