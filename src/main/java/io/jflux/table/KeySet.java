package io.jflux.table;

import io.jflux.eval.BoolValue;
import io.jflux.eval.DurationValue;
import io.jflux.eval.FloatValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.NullValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.TimeValue;
import io.jflux.eval.UIntValue;
import io.jflux.eval.Value;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The group keys met so far, for transformations that must fail on a second table with a key (as Flux's
 * {@code range} and {@code timeShift} do): {@link #add} answers whether an equal key (the same columns in any
 * order, equal values) was added before. A million keys held as {@link GroupKey}s are a million small object
 * graphs that every garbage collection walks; here each is a run of bytes (its columns in label order: label,
 * type, value) in one growing array, found through a table of hashes and offsets, and compared byte for byte
 * when hashes meet. A key with a value of another kind than those written here (none of Flux's key types) is
 * kept as itself.
 */
public final class KeySet {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long M = 0x9E3779B97F4A7C15L;

    private byte[] arena = new byte[1 << 12];
    private int used;
    /** Open addressing: per slot the key's hash (0: free), and its offset and length in {@link #arena}. */
    private long[] hashes = new long[64];
    private int[] offsets = new int[64];
    private int[] lengths = new int[64];
    private int size;
    private Set<GroupKey> others;

    /** The key being written, before it goes into the arena. */
    private byte[] scratch = new byte[256];
    private int at;
    /** The label order of the last column list met (compared as an object: tables of a schema share it). */
    private List<ColumnMeta> lastColumns;
    private int[] lastOrder;
    /** The UTF-8 of each label of {@link #lastColumns}. */
    private byte[][] lastLabels;
    private byte[][] asciiScratch = new byte[8][];

    /** Adds {@code key}; false when an equal key was added before. */
    public boolean add(GroupKey key) {
        List<ColumnMeta> columns = key.columns();
        int[] order = order(columns);
        byte[][] ascii = asciiScratch.length == columns.size() ? asciiScratch
                : (asciiScratch = new byte[columns.size()][]);
        Arrays.fill(ascii, null);
        boolean lazy = key.asciiStrings(ascii);
        List<Value> values = lazy ? null : key.values();
        at = 0;
        for (int i : order) {
            ColumnMeta c = columns.get(i);
            if (lazy && ascii[i] != null) {
                // a lazy key's string written as its value would be, without making the value
                bytes(lastLabels[i]);
                room(2);
                scratch[at++] = (byte) c.type().ordinal();
                scratch[at++] = 1;
                bytes(ascii[i]);
                continue;
            }
            if (!write(c, lastLabels[i], lazy ? key.value(i) : values.get(i))) {
                if (others == null) {
                    others = new HashSet<>();
                }
                return others.add(canonical(key, order));
            }
        }
        return put(scratch, at);
    }

    /** How many keys were added. */
    public int size() {
        return size + (others == null ? 0 : others.size());
    }

    private int[] order(List<ColumnMeta> columns) {
        if (columns == lastColumns) {
            return lastOrder;
        }
        Integer[] boxed = new Integer[columns.size()];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> columns.get(a).label().compareTo(columns.get(b).label()));
        int[] order = new int[boxed.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = boxed[i];
        }
        byte[][] labels = new byte[columns.size()][];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = columns.get(i).label().getBytes(StandardCharsets.UTF_8);
        }
        lastColumns = columns;
        lastOrder = order;
        lastLabels = labels;
        return order;
    }

    private static GroupKey canonical(GroupKey key, int[] order) {
        ColumnMeta[] c = new ColumnMeta[order.length];
        Value[] v = new Value[order.length];
        for (int i = 0; i < order.length; i++) {
            c[i] = key.columns().get(order[i]);
            v[i] = key.values().get(order[i]);
        }
        return new GroupKey(List.of(c), Arrays.asList(v));
    }

    /** Writes a column and its value; false for a value of a kind not written here. */
    private boolean write(ColumnMeta c, byte[] label, Value v) {
        bytes(label);
        room(2);
        scratch[at++] = (byte) c.type().ordinal();
        if (v instanceof StringValue s) {
            scratch[at++] = 1;
            bytes(s.value().getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof TimeValue t) {
            scratch[at++] = 2;
            word(t.nanos());
        } else if (v instanceof IntValue i) {
            scratch[at++] = 3;
            word(i.value());
        } else if (v instanceof UIntValue u) {
            scratch[at++] = 4;
            word(u.value());
        } else if (v instanceof FloatValue f) {
            scratch[at++] = 5;
            word(Double.doubleToLongBits(f.value())); // as FloatValue.equals compares
        } else if (v instanceof BoolValue b) {
            scratch[at++] = (byte) (b.value() ? 6 : 7);
        } else if (v instanceof NullValue) {
            scratch[at++] = 8;
        } else if (v instanceof DurationValue d) {
            scratch[at++] = 9;
            word(d.months());
            word(d.nanos());
        } else {
            return false;
        }
        return true;
    }

    private void bytes(byte[] b) {
        room(4 + b.length);
        scratch[at++] = (byte) (b.length >>> 24);
        scratch[at++] = (byte) (b.length >>> 16);
        scratch[at++] = (byte) (b.length >>> 8);
        scratch[at++] = (byte) b.length;
        System.arraycopy(b, 0, scratch, at, b.length);
        at += b.length;
    }

    private void word(long w) {
        room(8);
        LONGS.set(scratch, at, w);
        at += 8;
    }

    private void room(int n) {
        if (at + n > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(at + n, 2 * scratch.length));
        }
    }

    private static long hash(byte[] b, int n) {
        long h = n;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            h = (h ^ (long) LONGS.get(b, i)) * M;
            h ^= h >>> 29;
        }
        for (; i < n; i++) {
            h = (h ^ (b[i] & 0xff)) * M;
            h ^= h >>> 29;
        }
        h ^= h >>> 32;
        return h == 0 ? 1 : h;
    }

    private boolean put(byte[] b, int n) {
        long h = hash(b, n);
        int mask = hashes.length - 1;
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (hashes[slot] != 0) {
            if (hashes[slot] == h && lengths[slot] == n
                    && Arrays.equals(arena, offsets[slot], offsets[slot] + n, b, 0, n)) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        if (used + n > arena.length) {
            if (used + (long) n > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than 2 GB of group keys");
            }
            arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 8,
                    Math.max(used + (long) n, 2L * arena.length)));
        }
        System.arraycopy(b, 0, arena, used, n);
        hashes[slot] = h;
        offsets[slot] = used;
        lengths[slot] = n;
        used += n;
        if (++size * 2 > hashes.length) {
            grow();
        }
        return true;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldOffsets = offsets;
        int[] oldLengths = lengths;
        hashes = new long[oldHashes.length * 2];
        offsets = new int[hashes.length];
        lengths = new int[hashes.length];
        int mask = hashes.length - 1;
        for (int s = 0; s < oldHashes.length; s++) {
            long h = oldHashes[s];
            if (h == 0) {
                continue;
            }
            int slot = (int) (h ^ (h >>> 32)) & mask;
            while (hashes[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            hashes[slot] = h;
            offsets[slot] = oldOffsets[s];
            lengths[slot] = oldLengths[s];
        }
    }
}
