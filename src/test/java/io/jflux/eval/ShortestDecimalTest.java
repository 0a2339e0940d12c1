package io.jflux.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ShortestDecimal} against an exact reference written with {@link BigDecimal}: the fewest significant
 * digits of any decimal inside the double's rounding interval (closed for an even significand), the closest of
 * those to the exact value, ties to an even last digit.
 */
class ShortestDecimalTest {

    /** The reference: {@code digits * 10^exponent} as a stripped BigDecimal. */
    static BigDecimal reference(double v) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & ((1L << 52) - 1);
        int bq = (int) (bits >>> 52) & 0x7FF;
        long c = bq == 0 ? t : (1L << 52) | t;
        int q = bq == 0 ? -1074 : bq - 1075;
        BigDecimal ulp = q >= 0 ? new BigDecimal(BigInteger.ONE.shiftLeft(q))
                : BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-q)));
        BigDecimal exact = new BigDecimal(v);
        BigDecimal half = ulp.divide(BigDecimal.valueOf(2));
        BigDecimal upper = exact.add(half);
        BigDecimal lower = c == (1L << 52) && bq > 1 ? exact.subtract(half.divide(BigDecimal.valueOf(2)))
                : exact.subtract(half);
        boolean closed = (c & 1) == 0;
        for (int p = 1; p <= 17; p++) {
            BigDecimal best = null;
            for (RoundingMode m : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal d = exact.round(new MathContext(p, m));
                int lo = d.compareTo(lower);
                int hi = d.compareTo(upper);
                boolean in = closed ? lo >= 0 && hi <= 0 : lo > 0 && hi < 0;
                if (!in) {
                    continue;
                }
                if (best == null) {
                    best = d;
                } else {
                    int cmp = d.subtract(exact).abs().compareTo(best.subtract(exact).abs());
                    if (cmp < 0 || cmp == 0 && d.unscaledValue().testBit(0) == false) {
                        best = d;
                    }
                }
            }
            if (best != null) {
                return best.stripTrailingZeros();
            }
        }
        throw new AssertionError("no decimal of 17 digits for " + v);
    }

    static void check(double v) {
        BigDecimal want = reference(Math.abs(v));
        ShortestDecimal g = new ShortestDecimal().set(v);
        BigDecimal got = BigDecimal.valueOf(g.digits()).scaleByPowerOfTen(g.exponent());
        if (want.compareTo(got) != 0 || g.digits() % 10 == 0) {
            assertEquals(want.toString(), got.toString(), "shortest decimal of " + v + " (bits "
                    + Long.toHexString(Double.doubleToRawLongBits(v)) + ")");
        }
        byte[] b = new byte[ShortestDecimal.MAX_PLAIN_LENGTH];
        String plain = new String(b, 0, new ShortestDecimal().writePlain(v, b, 0), StandardCharsets.US_ASCII);
        assertEquals((v < 0 ? "-" : "") + want.toPlainString(), plain, "plain form of " + v);
    }

    @Test
    void randomBitPatterns() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 30_000; i++) {
            double v = Double.longBitsToDouble(r.nextLong());
            if (Double.isFinite(v) && v != 0) {
                check(v);
            }
        }
    }

    @Test
    void randomValuesOfMetricsSize() {
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 30_000; i++) {
            check(r.nextDouble() * Math.pow(10, r.nextInt(-6, 12)));
        }
    }

    @Test
    void powersOfTwoAndTheirNeighbours() {
        for (int e = -1074; e <= 1023; e++) {
            double p = Math.scalb(1.0, e);
            check(p);
            check(Math.nextUp(p));
            if (Math.nextDown(p) > 0) {
                check(Math.nextDown(p));
            }
        }
    }

    @Test
    void smallSubnormalsAndLargeNumbers() {
        for (long c = 1; c <= 3000; c++) {
            check(Double.longBitsToDouble(c));
        }
        check(Double.MIN_NORMAL);
        check(Math.nextDown(Double.MIN_NORMAL));
        check(Double.MAX_VALUE);
        for (int e = -330; e <= 308; e++) {
            double p = Double.parseDouble("1e" + e);
            if (p != 0) {
                check(p);
                check(Math.nextUp(p));
                check(Math.nextDown(p));
            }
        }
    }

    /** Go's {@code strconv.FormatFloat(v, 'f', -1, 64)} of each value (Go 1.21). */
    @ParameterizedTest
    @CsvSource({
        "0.1, 0.1", "0.3, 0.3", "2.5, 2.5", "-1.5, -1.5", "123456789, 123456789", "1e21, 1000000000000000000000",
        "1e23, 100000000000000000000000", "0.000001, 0.000001", "9007199254740993, 9007199254740992",
        "0.30000000000000004, 0.30000000000000004", "5e-5, 0.00005", "123.456, 123.456",
    })
    void asGoWritesThem(String in, String want) {
        assertEquals(want, Values.formatFloat(Double.parseDouble(in)));
        check(Double.parseDouble(in));
    }

    @Test
    void extremes() {
        assertEquals("0." + "0".repeat(323) + "5", Values.formatFloat(Double.MIN_VALUE));
        assertEquals("0." + "0".repeat(307) + "22250738585072014", Values.formatFloat(Double.MIN_NORMAL));
        assertEquals("17976931348623157" + "0".repeat(292), Values.formatFloat(Double.MAX_VALUE));
        assertEquals("-" + "17976931348623157" + "0".repeat(292), Values.formatFloat(-Double.MAX_VALUE));
    }

    @Test
    void zerosAndNonFiniteValues() {
        byte[] b = new byte[ShortestDecimal.MAX_PLAIN_LENGTH];
        ShortestDecimal g = new ShortestDecimal();
        assertEquals("-0", new String(b, 0, g.writePlain(-0.0, b, 0), StandardCharsets.US_ASCII));
        assertEquals("0", new String(b, 0, g.writePlain(0.0, b, 0), StandardCharsets.US_ASCII));
        assertThrows(IllegalArgumentException.class, () -> g.set(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> g.set(0.0));
        assertEquals("+Inf", Values.formatFloat(Double.POSITIVE_INFINITY));
        assertEquals("1e-07", Values.displayFloat(1e-7));
        assertEquals("1.5e+21", Values.displayFloat(1.5e21));
    }

    @Test
    void digitsOfLongs() {
        byte[] b = new byte[20];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            long v = i < 100 ? i : i < 120 ? Long.MAX_VALUE - (i - 100) : r.nextLong(Long.MAX_VALUE >>> r.nextInt(63));
            String want = Long.toString(v);
            assertEquals(want.length(), ShortestDecimal.digitCount(v), "digits of " + v);
            int end = ShortestDecimal.writeDigits(v, want.length(), b, 1);
            assertEquals(want, new String(b, 1, end - 1, StandardCharsets.US_ASCII));
        }
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
            assertEquals(Long.toString(p).length(), ShortestDecimal.digitCount(p));
            assertEquals(Long.toString(p - 1).length(), ShortestDecimal.digitCount(p - 1));
        }
    }

    @Test
    void eightDigitsAtOnce() {
        byte[] b = new byte[8];
        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < 200_000; i++) {
            int x = i < 100_000 ? i * 1000 + i % 1000 : r.nextInt(100_000_000);
            long v = ShortestDecimal.eightDigits(x);
            for (int k = 0; k < 8; k++) {
                b[k] = (byte) (v >>> (8 * k));
            }
            assertEquals(String.format("%08d", x), new String(b, StandardCharsets.US_ASCII));
        }
        assertEquals(0x3939_3939_3939_3939L, ShortestDecimal.eightDigits(99_999_999));
    }

    /** The fixed-point logarithms agree with exact ones over every exponent a double can have. */
    @Test
    void logarithmsAreExact() {
        for (int q = -1100; q <= 1100; q++) {
            BigDecimal p2 = q >= 0 ? new BigDecimal(BigInteger.ONE.shiftLeft(q))
                    : BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-q)));
            assertEquals(floorLog10(p2), ShortestDecimal.floorLog10Pow2(q), "log10(2^" + q + ")");
            BigDecimal p34 = p2.multiply(new BigDecimal("0.75"));
            assertEquals(floorLog10(p34), ShortestDecimal.floorLog10ThreeQuartersPow2(q), "log10(3/4 2^" + q + ")");
        }
    }

    private static int floorLog10(BigDecimal x) {
        // x = unscaled * 10^-scale; floor(log10(x)) = digits(unscaled) - 1 - scale
        return x.unscaledValue().toString().length() - 1 - x.scale();
    }
}
