package io.jflux.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Looking for a byte in text eight bytes at a time, as the exposition readers do. */
final class ByteSearch {

    private ByteSearch() {}

    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** {@code c} in every byte of a long, for {@link #matches}. */
    static long pattern(char c) {
        return (c & 0xFF) * ONES;
    }

    /** The high bit of every byte of {@code w} equal to the byte of {@code pattern}; exact for the lowest. */
    static long matches(long w, long pattern) {
        long x = w ^ pattern;
        return (x - ONES) & ~x & HIGHS;
    }

    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

    /**
     * Whether {@code a[i, i + n)} and {@code b[j, j + n)} hold the same bytes (both in range): for the short runs
     * the readers compare (names, a series' labels), cheaper than {@code Arrays.equals} and its set-up.
     */
    static boolean same(byte[] a, int i, byte[] b, int j, int n) {
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            if ((long) LONGS.get(a, i + k) != (long) LONGS.get(b, j + k)) {
                return false;
            }
        }
        for (; k < n; k++) {
            if (a[i + k] != b[j + k]) {
                return false;
            }
        }
        return true;
    }

    /** The first {@code k < n} where {@code d[a + k]} and {@code d[b + k]} differ, or {@code n} (both in range). */
    static int mismatch(byte[] d, int a, int b, int n) {
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            long x = (long) LONGS.get(d, a + k) ^ (long) LONGS.get(d, b + k);
            if (x != 0) {
                return k + (Long.numberOfTrailingZeros(x) >>> 3);
            }
        }
        while (k < n && d[a + k] == d[b + k]) {
            k++;
        }
        return k;
    }

    /** How many bytes of {@code d[from, to)} are {@code c}. */
    static int count(byte[] d, int from, int to, byte c) {
        long pattern = (c & 0xFF) * ONES;
        int n = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(d, i) ^ pattern;
            // the high bit of each byte of x that is zero, exactly (no borrow from one byte into the next)
            n += Long.bitCount(~(((x & LOWS) + LOWS) | x | LOWS));
        }
        for (; i < to; i++) {
            if (d[i] == c) {
                n++;
            }
        }
        return n;
    }

    /**
     * The first index in {@code [i, end)} of {@code d} holding {@code a} or {@code b}, or {@code end} (or
     * {@code i} when it is past {@code end}).
     */
    static int indexOfEither(byte[] d, int i, int end, byte a, byte b) {
        long pa = (a & 0xFF) * ONES;
        long pb = (b & 0xFF) * ONES;
        for (; i + 8 <= end; i += 8) {
            long w = (long) LONGS.get(d, i);
            // the lowest bit of either is a true match: a false one only sits above a true one of its pattern
            long m = matches(w, pa) | matches(w, pb);
            if (m != 0) {
                return i + (Long.numberOfTrailingZeros(m) >>> 3);
            }
        }
        while (i < end && d[i] != a && d[i] != b) {
            i++;
        }
        return i;
    }

    /** The first index in {@code [i, end)} of {@code d} holding {@code c}, or {@code end}. */
    static int indexOf(byte[] d, int i, int end, byte c) {
        long pattern = (c & 0xFF) * ONES;
        for (; i + 8 <= end; i += 8) {
            long m = matches((long) LONGS.get(d, i), pattern);
            if (m != 0) {
                return i + (Long.numberOfTrailingZeros(m) >>> 3);
            }
        }
        while (i < end && d[i] != c) {
            i++;
        }
        return i;
    }
}
