package io.jflux.eval;

import java.math.BigInteger;

/**
 * The shortest decimal that reads back as a given double, as Go's {@code strconv.FormatFloat(v, 'f', -1, 64)}
 * chooses it: the fewest significant digits of any decimal inside the double's rounding interval (closed when the
 * significand is even, as round-half-even reading makes it), and of those the one closest to the exact value
 * (ties to an even last digit). Computed without big numbers or strings, after R. Giulietti's "Schubfach" method
 * ("The Schubfach way to render doubles", 2020): the value and its interval bounds are scaled by a power of ten
 * using a 126-bit approximation of that power rounded to odd, which the paper shows exact enough to decide every
 * comparison the choice needs; candidates are then the two multiples of {@code 10^(k+1)} and the two of {@code
 * 10^k} around the value, where {@code 10^k} is the largest power of ten no larger than the interval's width.
 *
 * <p>An instance holds the result of the last {@link #set} (digits and exponent), so a writer can reuse one and
 * allocate nothing per value. Not thread-safe.
 */
public final class ShortestDecimal {

    /** The most bytes {@link #writePlain} writes: sign, "0.", 323 zeros and 17 digits. */
    public static final int MAX_PLAIN_LENGTH = 1 + 2 + 323 + 17;

    private static final int Q_MIN = -1074;
    private static final long C_MIN = 1L << 52;
    private static final long MASK_63 = (1L << 63) - 1;
    private static final int K_MIN = -324;
    private static final int K_MAX = 292;

    /**
     * For each k in [K_MIN, K_MAX]: 10^-k = beta * 2^R, beta in [2^125, 2^126); G = floor(beta) + 1, split into its
     * high 63 bits G1 and low 63 bits G0.
     */
    private static final long[] G1 = new long[K_MAX - K_MIN + 1];
    private static final long[] G0 = new long[K_MAX - K_MIN + 1];
    private static final int[] R = new int[K_MAX - K_MIN + 1];

    static {
        BigInteger low63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        for (int k = K_MIN; k <= K_MAX; k++) {
            int e = -k;
            BigInteger beta;
            int r;
            if (e >= 0) {
                BigInteger p = BigInteger.TEN.pow(e);
                r = p.bitLength() - 126;
                beta = r >= 0 ? p.shiftRight(r) : p.shiftLeft(-r);
            } else {
                BigInteger p = BigInteger.TEN.pow(-e);
                int shift = 125 + p.bitLength();
                r = -shift;
                beta = BigInteger.ONE.shiftLeft(shift).divide(p);
            }
            BigInteger g = beta.add(BigInteger.ONE);
            G1[k - K_MIN] = g.shiftRight(63).longValueExact();
            G0[k - K_MIN] = g.and(low63).longValueExact();
            R[k - K_MIN] = r;
        }
    }

    private static final java.lang.invoke.VarHandle LONG = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * The eight ASCII digits of {@code x < 10^8} as the bytes of a little-endian long (first digit lowest), with
     * no division: the two halves of four digits go into 32-bit lanes, each is split into pairs by multiplying by
     * 10486 / 2^20 (exactly {@code /100} below 43,690), then each pair into digits by 103 / 2^10 ({@code /10}
     * below 179), all lanes at once.
     */
    static long eightDigits(int x) {
        int hi = x / 10_000;
        long v = hi | (long) (x - hi * 10_000) << 32;
        long q = (v * 10486 >>> 20) & 0x0000_007F_0000_007FL;
        v = q | (v - q * 100) << 16;
        q = (v * 103 >>> 10) & 0x000F_000F_000F_000FL;
        v = q | (v - q * 10) << 8;
        return v + 0x3030_3030_3030_3030L;
    }

    /** "00" to "99". */
    private static final byte[] PAIRS = new byte[200];
    /** 10^i for i in [0, 18]. */
    private static final long[] POW10 = new long[19];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private long digits;
    private int exponent;

    /** The significant digits of the last {@link #set} value, without trailing zeros. */
    public long digits() {
        return digits;
    }

    /** The power of ten the {@link #digits} are multiplied by. */
    public int exponent() {
        return exponent;
    }

    /** Finds the shortest decimal of {@code |v|}; {@code v} must be finite and not zero. */
    public ShortestDecimal set(double v) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & (C_MIN - 1);
        int bq = (int) (bits >>> 52) & 0x7FF;
        if (bq == 0x7FF || (bq == 0 && t == 0)) {
            throw new IllegalArgumentException("not a finite non-zero number: " + v);
        }
        long f;
        int e;
        if (bq != 0) {
            long c = C_MIN | t;
            int q = bq - 1075;
            if (q < 0 && q > -53 && (c & ((1L << -q) - 1)) == 0) {
                f = c >> -q; // an integer below 2^53: its own digits
                e = 0;
            } else {
                f = toDecimal(q, c);
                e = exponent;
            }
        } else {
            f = toDecimal(Q_MIN, t);
            e = exponent;
        }
        while (f % 10 == 0) {
            f /= 10;
            e++;
        }
        digits = f;
        exponent = e;
        return this;
    }

    /** Sets {@link #exponent} and returns the digits (trailing zeros possible) of {@code c * 2^q}. */
    private long toDecimal(int q, long c) {
        int out = (int) c & 1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = floorLog10Pow2(q);
        } else {
            cbl = cb - 1; // the lower neighbour of a power of two is half as far
            k = floorLog10ThreeQuartersPow2(q);
        }
        int i = k - K_MIN;
        int h = q + R[i] + 127;
        long g1 = G1[i];
        long g0 = G0[i];
        long vb = roundToOdd(g1, g0, cb << h);
        long vbl = roundToOdd(g1, g0, cbl << h);
        long vbr = roundToOdd(g1, g0, cbr << h);
        long s = vb >> 2;
        exponent = k;
        long sp10 = 10 * (s / 10);
        long tp10 = sp10 + 10;
        boolean upIn = vbl + out <= sp10 << 2;
        boolean wpIn = (tp10 << 2) + out <= vbr;
        if (upIn != wpIn) {
            return upIn ? sp10 : tp10;
        }
        long u = s + 1;
        boolean sIn = vbl + out <= s << 2;
        boolean uIn = (u << 2) + out <= vbr;
        if (sIn != uIn) {
            return sIn ? s : u;
        }
        long cmp = vb - ((s + u) << 1);
        return cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : u;
    }

    /** {@code g * cp / 2^127} rounded to odd (the floor, with the last bit set when inexact). */
    private static long roundToOdd(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | ((z & MASK_63) + MASK_63) >>> 63;
    }

    /** floor(q * log10(2)) for |q| within the double range (fixed point; exact there, see the tests). */
    static int floorLog10Pow2(int q) {
        return (int) (q * 661_971_961_083L >> 41);
    }

    /** floor(q * log10(2) + log10(3/4)) for |q| within the double range. */
    static int floorLog10ThreeQuartersPow2(int q) {
        return (int) (q * 661_971_961_083L - 274_743_187_321L >> 41);
    }

    /**
     * Writes {@code v} (finite) as {@code string(v:)} does: optional {@code -}, the shortest digits, no exponent
     * ({@code 0}, {@code -0}, {@code 123}, {@code 0.001}, {@code 1e21} as {@code 1000000000000000000000}).
     * {@code dst} must have {@link #MAX_PLAIN_LENGTH} bytes of room from {@code at}; returns the end.
     */
    public int writePlain(double v, byte[] dst, int at) {
        if (v < 0 || v == 0 && 1 / v < 0) {
            dst[at++] = '-';
        }
        if (v == 0) {
            dst[at++] = '0';
            return at;
        }
        set(v);
        long f = digits;
        int n = digitCount(f);
        int point = n + exponent;
        if (point <= 0) {
            dst[at++] = '0';
            dst[at++] = '.';
            for (int z = point; z < 0; z++) {
                dst[at++] = '0';
            }
            return writeDigits(f, n, dst, at);
        }
        if (point >= n) {
            at = writeDigits(f, n, dst, at);
            for (int z = n; z < point; z++) {
                dst[at++] = '0';
            }
            return at;
        }
        int end = writeDigits(f, n, dst, at);
        System.arraycopy(dst, at + point, dst, at + point + 1, n - point);
        dst[at + point] = '.';
        return end + 1;
    }

    /** The number of decimal digits of {@code v >= 0} (1 for 0). */
    public static int digitCount(long v) {
        int t = ((64 - Long.numberOfLeadingZeros(v)) * 1233) >>> 12; // floor(bits * log10(2)): n - 1 or n
        return v >= POW10[t] ? t + 1 : Math.max(t, 1);
    }

    /**
     * Writes the {@code n} ({@link #digitCount}) decimal digits of {@code v >= 0} at {@code at}: eight at a time
     * from the end while more than eight are left ({@link #eightDigits}), the rest two at a time; returns the end.
     */
    public static int writeDigits(long v, int n, byte[] dst, int at) {
        int end = at + n;
        int p = end;
        while (v >= 100_000_000L) {
            long q = v / 100_000_000L;
            p -= 8;
            LONG.set(dst, p, eightDigits((int) (v - q * 100_000_000L)));
            v = q;
        }
        int r = (int) v;
        while (r >= 100) {
            int r2 = r / 100;
            int d = (r - r2 * 100) << 1;
            dst[--p] = PAIRS[d + 1];
            dst[--p] = PAIRS[d];
            r = r2;
        }
        if (r >= 10) {
            dst[--p] = PAIRS[2 * r + 1];
            dst[--p] = PAIRS[2 * r];
        } else {
            dst[--p] = (byte) ('0' + r);
        }
        return end;
    }
}
