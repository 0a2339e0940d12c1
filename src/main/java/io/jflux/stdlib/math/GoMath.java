package io.jflux.stdlib.math;

/**
 * Floating-point functions that give the results of Go's {@code math} package, which the reference Flux runtime
 * uses. Where Go's algorithm is the fdlibm one that {@link StrictMath} also implements (log1p, expm1, cbrt)
 * StrictMath is used; elsewhere (exp and log, the Cephes-based trigonometry, the hyperbolic functions, pow,
 * hypot, rounding and the bit-level helpers) Go's algorithms are implemented here, so that results agree to the
 * last bit with Go on amd64 and every special case (NaN, ±Inf, ±0) comes out as Go documents it.
 */
public final class GoMath {

    private GoMath() {}

    static final long SIGN_MASK = 0x8000_0000_0000_0000L;
    static final int SHIFT = 52;
    static final int MASK = 0x7FF;
    static final int BIAS = 1023;
    static final long FRAC_MASK = (1L << SHIFT) - 1;
    static final double SMALLEST_NORMAL = 0x1p-1022;

    /** Go's compile-time constants, rounded once from their exact values. */
    static final double FOUR_OVER_PI = 0x1.45f306dc9c883p+0;
    static final double TWO_OVER_PI = 0x1.45f306dc9c883p-1;
    static final double ONE_OVER_SQRT_PI = 0x1.20dd750429b6dp-1;
    static final double ONE_OVER_LN10 = 0x1.bcb7b1526e50ep-2;
    static final double ONE_OVER_LN2 = 0x1.71547652b82fep+0;
    static final double PI = Math.PI;
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;

    static long bits(double x) {
        return Double.doubleToRawLongBits(x);
    }

    static double fromBits(long b) {
        return Double.longBitsToDouble(b);
    }

    /** c[0] + z*(c[1] + z*(c[2] + ...)), evaluated innermost first (Horner's rule). */
    static double poly(double z, double[] c) {
        double acc = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) {
            acc = c[i] + z * acc;
        }
        return acc;
    }

    // ------------------------------------------------------------------ bits, signs, rounding

    public static double abs(double x) {
        return fromBits(bits(x) & ~SIGN_MASK);
    }

    /** The magnitude of x with the sign bit of y (also when y is NaN). */
    public static double copysign(double x, double y) {
        return fromBits(bits(x) & ~SIGN_MASK | bits(y) & SIGN_MASK);
    }

    public static boolean signbit(double x) {
        return bits(x) < 0;
    }

    public static double trunc(double x) {
        if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return modf(x)[0];
    }

    /** Nearest integer, halves away from zero, done on the bits as Go does. */
    public static double round(double x) {
        long b = bits(x);
        int e = (int) (b >>> SHIFT) & MASK;
        if (e < BIAS) {
            b &= SIGN_MASK; // |x| < 1 rounds to ±0 ...
            if (e == BIAS - 1) {
                b |= bits(1.0); // ... or to ±1 from one half up
            }
        } else if (e < BIAS + SHIFT) {
            e -= BIAS;
            long half = 1L << (SHIFT - 1);
            b += half >>> e;
            b &= ~(FRAC_MASK >>> e);
        }
        return fromBits(b);
    }

    public static double roundToEven(double x) {
        return Math.rint(x);
    }

    /** x scaled into the normal range: {normal x, exponent adjustment}. */
    private static double[] normalize(double x) {
        if (abs(x) < SMALLEST_NORMAL) {
            return new double[] {x * 0x1p52, -52};
        }
        return new double[] {x, 0};
    }

    /** The fraction in [0.5, 1) and the power of two of f; ±0, ±Inf and NaN come back with exponent 0. */
    public record Frexp(double frac, int exp) {}

    public static Frexp frexp(double f) {
        if (f == 0 || Double.isInfinite(f) || Double.isNaN(f)) {
            return new Frexp(f, 0);
        }
        double[] n = normalize(f);
        long x = bits(n[0]);
        int exp = (int) n[1] + ((int) (x >>> SHIFT) & MASK) - (BIAS - 1);
        x &= ~((long) MASK << SHIFT);
        x |= (long) (BIAS - 1) << SHIFT;
        return new Frexp(fromBits(x), exp);
    }

    /** frac * 2^exp with a single rounding (into the subnormal range too). */
    public static double ldexp(double frac, long exp) {
        if (frac == 0 || Double.isInfinite(frac) || Double.isNaN(frac)) {
            return frac;
        }
        double[] n = normalize(frac);
        long e = Math.max(-10_000, Math.min(10_000, exp)) + (long) n[1];
        long x = bits(n[0]);
        e += ((x >>> SHIFT) & MASK) - BIAS;
        if (e < -1075) {
            return copysign(0, frac);
        }
        if (e > 1023) {
            return frac < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double m = 1;
        if (e < -1022) {
            e += 53;
            m = 0x1p-53;
        }
        x &= ~((long) MASK << SHIFT);
        x |= (e + BIAS) << SHIFT;
        return m * fromBits(x);
    }

    /** The binary exponent; 0 gives MinInt32, NaN and ±Inf give MaxInt32. */
    public static int ilogb(double x) {
        if (x == 0) {
            return Integer.MIN_VALUE;
        }
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Integer.MAX_VALUE;
        }
        double[] n = normalize(x);
        return (int) ((bits(n[0]) >>> SHIFT) & MASK) - BIAS + (int) n[1];
    }

    public static double logb(double x) {
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (Double.isInfinite(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isNaN(x)) {
            return x;
        }
        return ilogb(x);
    }

    /** {integer part, fractional part}, both with the sign of f. */
    public static double[] modf(double f) {
        if (f < 1) {
            if (f < 0) {
                double[] r = modf(-f);
                return new double[] {-r[0], -r[1]};
            }
            if (f == 0) {
                return new double[] {f, f};
            }
            return new double[] {0, f};
        }
        long x = bits(f);
        int e = (int) ((x >>> SHIFT) & MASK) - BIAS;
        if (e < 64 - 12) {
            x &= ~((1L << (64 - 12 - e)) - 1);
        }
        double i = fromBits(x);
        return new double[] {i, f - i};
    }

    public static double dim(double x, double y) {
        double v = x - y; // NaN for NaN operands and for Inf - Inf
        if (v <= 0) {
            return 0;
        }
        return v;
    }

    /** Go's Max: +Inf wins over NaN, NaN over the rest, and +0 over -0. */
    public static double max(double x, double y) {
        if (x == Double.POSITIVE_INFINITY || y == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        if (x == 0 && x == y) {
            return signbit(x) ? y : x;
        }
        return x > y ? x : y;
    }

    /** Go's Min: -Inf wins over NaN, NaN over the rest, and -0 over +0. */
    public static double min(double x, double y) {
        if (x == Double.NEGATIVE_INFINITY || y == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        if (x == 0 && x == y) {
            return signbit(x) ? x : y;
        }
        return x < y ? x : y;
    }

    /** The float next to x towards y; x itself when they are equal (so +0 towards -0 stays +0). */
    public static double nextafter(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        if (x == y) {
            return x;
        }
        if (x == 0) {
            return copysign(Double.MIN_VALUE, y);
        }
        return (y > x) == (x > 0) ? fromBits(bits(x) + 1) : fromBits(bits(x) - 1);
    }

    public static double mod(double x, double y) {
        return x % y; // fmod: exact, with the sign of x; NaN for y = 0 or infinite x; x for infinite y
    }

    // ------------------------------------------------------------------ powers and logarithms

    private static final double LOG2E = 1.4426950408889634073599246810018920;
    private static final double LN2U = 0.69314718055966295651160180568695068359375;
    private static final double LN2L = 0.28235290563031577122588448175013436025525412068e-12;
    /** 1/n! for n = 8 down to 2: the Taylor series of e^r - 1 after its linear term. */
    private static final double[] EXP_TAYLOR = {
        2.4801587301587301587e-5, 1.9841269841269841270e-4, 1.3888888888888888889e-3, 8.3333333333333333333e-3,
        4.1666666666666666667e-2, 1.6666666666666666667e-1, 0.5,
    };

    /**
     * e^x as Go computes it on amd64 with FMA (Shibata's method, from SLEEF): x = k·ln2 + r, e^(r/16) - 1 from
     * a Taylor series, squared four times as y(y + 2), then scaled by 2^k. The range limits are those of
     * Go's documentation: overflow above 709.78, underflow (through the subnormals) below -745.13.
     */
    public static double exp(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == Double.NEGATIVE_INFINITY || x < -7.45133219101941108420e+02) {
            return 0;
        }
        if (x > 7.09782712893383973096e+02) {
            return Double.POSITIVE_INFINITY;
        }
        int k = (int) Math.rint(x * LOG2E);
        double kd = k;
        double r = Math.fma(-kd, LN2U, x);
        r = Math.fma(-kd, LN2L, r);
        r *= 0.0625;
        double p = EXP_TAYLOR[0];
        for (int i = 1; i < EXP_TAYLOR.length; i++) {
            p = Math.fma(p, r, EXP_TAYLOR[i]);
        }
        p = Math.fma(p, r, 1.0);
        r = r * p; // e^(r/16) - 1
        for (int i = 0; i < 3; i++) {
            r = r * (r + 2);
        }
        r = Math.fma(r, r + 2, 1.0);
        return ldexp(r, k);
    }

    private static final double[] LOG_ODD = {
        6.666666666666735130e-01, 2.857142874366239149e-01, 1.818357216161805012e-01, 1.479819860511658591e-01,
    };
    private static final double[] LOG_EVEN = {
        3.999999999940941908e-01, 2.222219843214978396e-01, 1.531383769920937332e-01,
    };
    private static final double HALF_SQRT2 = 7.07106781186547524401e-01;

    /**
     * The natural logarithm by Go's (simplified fdlibm) method: x = 2^k·(1 + f) with 1 + f in [√2/2, √2),
     * log(1 + f) = f - s·(f - R) with s = f/(2 + f) and R a polynomial in s².
     */
    public static double log(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x < 0) {
            return Double.NaN;
        }
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        Frexp fr = frexp(x);
        double f1 = fr.frac();
        int ki = fr.exp();
        if (f1 <= HALF_SQRT2) {
            f1 *= 2;
            ki--;
        }
        double f = f1 - 1;
        double k = ki;
        double s = f / (2 + f);
        double s2 = s * s;
        double s4 = s2 * s2;
        double t1 = s2 * poly(s4, LOG_ODD);
        double t2 = s4 * poly(s4, LOG_EVEN);
        double r = t1 + t2;
        double hfsq = 0.5 * f * f;
        return k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
    }

    private static final double[] POW10 = {
        1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09,
        1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29,
        1e30, 1e31,
    };
    private static final double[] POW10_POS32 = {
        1e00, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288,
    };
    private static final double[] POW10_NEG32 = {
        1e-00, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288, 1e-320,
    };

    /** 10^n from two table entries, as Go computes it: 0 below -323, +Inf above 308. */
    public static double pow10(long n) {
        if (n >= 0 && n <= 308) {
            return POW10_POS32[(int) n / 32] * POW10[(int) n % 32];
        }
        if (n >= -323 && n <= 0) {
            return POW10_NEG32[(int) -n / 32] / POW10[(int) -n % 32];
        }
        return n > 0 ? Double.POSITIVE_INFINITY : 0;
    }

    private static boolean isOddInt(double x) {
        double[] m = modf(x);
        return m[1] == 0 && (((long) m[0]) & 1) == 1;
    }

    /** Go's Pow: its special cases in its order, then repeated squaring for the integer part of y. */
    public static double pow(double x, double y) {
        if (y == 0 || x == 1) {
            return 1;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        if (x == 0) {
            if (y < 0) {
                return isOddInt(y) ? copysign(Double.POSITIVE_INFINITY, x) : Double.POSITIVE_INFINITY;
            }
            return isOddInt(y) ? x : 0; // y > 0 here
        }
        if (Double.isInfinite(y)) {
            if (x == -1) {
                return 1;
            }
            return (abs(x) < 1) == (y > 0) ? 0 : Double.POSITIVE_INFINITY;
        }
        if (Double.isInfinite(x)) {
            if (x < 0) {
                return pow(1 / x, -y); // pow(-0, -y)
            }
            return y < 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        if (y == 0.5) {
            return Math.sqrt(x);
        }
        if (y == -0.5) {
            return 1 / Math.sqrt(x);
        }
        if ((double) (byte) y == y) {
            return smallIntegerPower(x, (int) y);
        }
        double[] yParts = modf(abs(y));
        double yi = yParts[0];
        double yf = yParts[1];
        if (yf != 0 && x < 0) {
            return Double.NaN;
        }
        if (yi >= 0x1p63) {
            // an even integer so large that the result over- or underflows for every x but -1
            if (x == -1) {
                return 1;
            }
            return (abs(x) < 1) == (y > 0) ? 0 : Double.POSITIVE_INFINITY;
        }
        double a1 = 1.0;
        long ae = 0;
        if (yf != 0) {
            if (yf > 0.5) {
                yf--;
                yi++;
            }
            a1 = exp(yf * log(x));
        }
        Frexp fx = frexp(x);
        double x1 = fx.frac();
        long xe = fx.exp();
        for (long i = (long) yi; i != 0; i >>= 1) {
            if (xe < -(1 << 12) || (1 << 12) < xe) {
                ae += xe; // the final ldexp will over- or underflow anyway
                break;
            }
            if ((i & 1) == 1) {
                a1 *= x1;
                ae += xe;
            }
            x1 *= x1;
            xe <<= 1;
            if (x1 < .5) {
                x1 += x1;
                xe--;
            }
        }
        if (y < 0) {
            a1 = 1 / a1;
            ae = -ae;
        }
        return ldexp(a1, ae);
    }

    /** x^n for |n| < 128 by squaring, as Go's fast path does it. */
    private static double smallIntegerPower(double x, int y) {
        boolean negative = y < 0;
        int n = Math.abs(y);
        double r = 1.0;
        while (n > 1) {
            double tmp = x;
            int c = 1;
            while (c <= n / 2) {
                tmp *= tmp;
                c *= 2;
            }
            n -= c;
            r *= tmp;
        }
        for (int i = 0; i < n; i++) {
            r *= x;
        }
        return negative ? 1 / r : r;
    }


    /** 2^x by fdlibm's reduction (x = k + r·log2(e)) and rational approximation. */
    public static double exp2(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        if (x > 1.0239999999999999e+03) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < -1.0740e+03) {
            return 0;
        }
        long k = x > 0 ? (long) (x + 0.5) : x < 0 ? (long) (x - 0.5) : 0;
        double t = x - k;
        double hi = t * LN2_HI;
        double lo = -t * LN2_LO;
        return expmulti(hi, lo, k);
    }

    private static final double[] EXP_P = {
        1.66666666666666657415e-01, -2.77777777770155933842e-03, 6.61375632143793436117e-05,
        -1.65339022054652515390e-06, 4.13813679705723846039e-08,
    };

    /** e^r · 2^k where r = hi - lo and |r| <= ln(2)/2. */
    private static double expmulti(double hi, double lo, long k) {
        double r = hi - lo;
        double t = r * r;
        double c = r - t * poly(t, EXP_P);
        double y = 1 - ((lo - (r * c) / (2 - c)) - hi);
        return ldexp(y, k);
    }

    public static double log10(double x) {
        return log(x) * ONE_OVER_LN10;
    }

    public static double log2(double x) {
        Frexp f = frexp(x);
        return log(f.frac()) * ONE_OVER_LN2 + f.exp();
    }

    /** sqrt(p² + q²) as Go computes it: the larger magnitude times sqrt(1 + ratio²). */
    public static double hypot(double p, double q) {
        if (Double.isInfinite(p) || Double.isInfinite(q)) {
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isNaN(p) || Double.isNaN(q)) {
            return Double.NaN;
        }
        p = abs(p);
        q = abs(q);
        if (p < q) {
            double t = p;
            p = q;
            q = t;
        }
        if (p == 0) {
            return 0;
        }
        q = q / p;
        return p * Math.sqrt(1 + q * q);
    }

    // ------------------------------------------------------------------ trigonometry (Cephes)

    private static final double PI4A = 7.85398125648498535156e-1;
    private static final double PI4B = 3.77489470793079817668e-8;
    private static final double PI4C = 2.69515142907905952645e-15;
    private static final double REDUCE_THRESHOLD = 1 << 29;

    private static final double[] SIN = { // highest degree first
        1.58962301576546568060e-10, -2.50507477628578072866e-8, 2.75573136213857245213e-6,
        -1.98412698295895385996e-4, 8.33333333332211858878e-3, -1.66666666666666307295e-1,
    };
    private static final double[] COS = {
        -1.13585365213876817300e-11, 2.08757008419747316778e-9, -2.75573141792967388112e-7,
        2.48015872888517045348e-5, -1.38888888888730564116e-3, 4.16666666666665929218e-2,
    };

    /** ((((c0*z + c1)*z + c2)*z ...)*z + cn): coefficients listed from the highest degree. */
    private static double polyHighFirst(double z, double[] c) {
        double acc = c[0];
        for (int i = 1; i < c.length; i++) {
            acc = acc * z + c[i];
        }
        return acc;
    }

    private static double sinKernel(double z, double zz) {
        return z + z * zz * polyHighFirst(zz, SIN);
    }

    private static double cosKernel(double zz) {
        return 1.0 - 0.5 * zz + zz * zz * polyHighFirst(zz, COS);
    }

    /**
     * Reduces x >= 0 by multiples of π/4: {octant j (0..7, even), remainder z}. Small arguments use π/4 split
     * into three parts, huge ones Payne-Hanek reduction.
     */
    private static double[] reduce(double x) {
        if (x >= REDUCE_THRESHOLD) {
            return trigReduce(x);
        }
        long j = (long) (x * FOUR_OVER_PI);
        double y = j;
        if ((j & 1) == 1) { // map zeros to origin
            j++;
            y++;
        }
        j &= 7;
        double z = ((x - y * PI4A) - y * PI4B) - y * PI4C;
        return new double[] {j, z};
    }

    /** Sine and cosine of x: {sin, cos}. */
    public static double[] sincos(double x) {
        if (x == 0) {
            return new double[] {x, 1};
        }
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        boolean sinSign = false;
        boolean cosSign = false;
        if (x < 0) {
            x = -x;
            sinSign = true;
        }
        double[] r = reduce(x);
        int j = (int) r[0];
        double z = r[1];
        if (j > 3) {
            j -= 4;
            sinSign = !sinSign;
            cosSign = !cosSign;
        }
        if (j > 1) {
            cosSign = !cosSign;
        }
        double zz = z * z;
        double cos = cosKernel(zz);
        double sin = sinKernel(z, zz);
        if (j == 1 || j == 2) {
            double t = sin;
            sin = cos;
            cos = t;
        }
        return new double[] {sinSign ? -sin : sin, cosSign ? -cos : cos};
    }

    public static double sin(double x) {
        return sincos(x)[0];
    }

    public static double cos(double x) {
        return sincos(x)[1];
    }

    private static final double[] TAN_P = {
        -1.30936939181383777646e4, 1.15351664838587416140e6, -1.79565251976484877988e7,
    };
    private static final double[] TAN_Q = {
        1.0, 1.36812963470692954678e4, -1.32089234440210967447e6, 2.50083801823357915839e7,
        -5.38695755929454629881e7,
    };

    public static double tan(double x) {
        if (x == 0 || Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x)) {
            return Double.NaN;
        }
        boolean sign = false;
        if (x < 0) {
            x = -x;
            sign = true;
        }
        double[] r;
        if (x >= REDUCE_THRESHOLD) {
            r = trigReduce(x);
        } else {
            long j = (long) (x * FOUR_OVER_PI);
            double y = j;
            if ((j & 1) == 1) {
                j++;
                y++;
            }
            r = new double[] {j, ((x - y * PI4A) - y * PI4B) - y * PI4C};
        }
        long j = (long) r[0];
        double z = r[1];
        double zz = z * z;
        double y;
        if (zz > 1e-14) {
            y = z + z * (zz * polyHighFirst(zz, TAN_P) / polyHighFirst(zz, TAN_Q));
        } else {
            y = z;
        }
        if ((j & 2) == 2) {
            y = -1 / y;
        }
        return sign ? -y : y;
    }

    /** The binary digits of 4/π: 4/π = Σ M_PI4[i]·2^(-64i). */
    private static final long[] M_PI4 = {
        0x0000000000000001L, 0x45f306dc9c882a53L, 0xf84eafa3ea69bb81L, 0xb6c52b3278872083L,
        0xfca2c757bd778ac3L, 0x6e48dc74849ba5c0L, 0x0c925dd413a32439L, 0xfc3bd63962534e7dL,
        0xd1046bea5d768909L, 0xd338e04d68befc82L, 0x7323ac7306a673e9L, 0x3908bf177bf25076L,
        0x3ff12fffbc0b301fL, 0xde5e2316b414da3eL, 0xda6cfd9e4f96136eL, 0x9e8c7ecd3cbfd45aL,
        0xea4f758fd7cbe2f6L, 0x7a0e73ef14a525d4L, 0xd7f6bf623f1aba10L, 0xac06608df8f6d757L,
    };

    private static long shl(long x, int n) {
        return n >= 64 ? 0 : x << n;
    }

    private static long shr(long x, int n) {
        return n >= 64 ? 0 : x >>> n;
    }

    private static long mulHighUnsigned(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /**
     * Payne-Hanek reduction of a huge x > 0 by π/4 ("Argument reduction for huge arguments: good to the last
     * bit", K. C. Ng): multiplies the mantissa by the bits of 4/π that matter, in 64-bit integer arithmetic.
     */
    private static double[] trigReduce(double x) {
        if (x < PI / 4) {
            return new double[] {0, x};
        }
        long ix = bits(x);
        int exp = (int) ((ix >>> SHIFT) & MASK) - BIAS - SHIFT;
        ix &= ~((long) MASK << SHIFT);
        ix |= 1L << SHIFT;
        int digit = (exp + 61) / 64;
        int bitshift = (exp + 61) % 64;
        long z0 = shl(M_PI4[digit], bitshift) | shr(M_PI4[digit + 1], 64 - bitshift);
        long z1 = shl(M_PI4[digit + 1], bitshift) | shr(M_PI4[digit + 2], 64 - bitshift);
        long z2 = shl(M_PI4[digit + 2], bitshift) | shr(M_PI4[digit + 3], 64 - bitshift);
        long z2hi = mulHighUnsigned(z2, ix);
        long z1hi = mulHighUnsigned(z1, ix);
        long z1lo = z1 * ix;
        long z0lo = z0 * ix;
        long lo = z1lo + z2hi;
        long carry = Long.compareUnsigned(lo, z1lo) < 0 ? 1 : 0;
        long hi = z0lo + z1hi + carry;
        long j = hi >>> 61;
        hi = hi << 3 | lo >>> 61;
        int lz = Long.numberOfLeadingZeros(hi);
        long e = BIAS - (lz + 1);
        hi = shl(hi, lz + 1) | shr(lo, 64 - (lz + 1));
        hi >>>= 64 - SHIFT;
        hi |= e << SHIFT;
        double z = fromBits(hi);
        if ((j & 1) == 1) {
            j++;
            j &= 7;
            z--;
        }
        return new double[] {j, z * (PI / 4)};
    }

    // ------------------------------------------------------------------ inverse trigonometry (Cephes)

    private static final double[] ATAN_P = {
        -8.750608600031904122785e-01, -1.615753718733365076637e+01, -7.500855792314704667340e+01,
        -1.228866684490136173410e+02, -6.485021904942025371773e+01,
    };
    private static final double[] ATAN_Q = {
        1.0, 2.485846490142306297962e+01, 1.650270098316988542046e+02, 4.328810604912902668951e+02,
        4.853903996359136964868e+02, 1.945506571482613964425e+02,
    };

    /** atan on [0, 0.66]. */
    private static double xatan(double x) {
        double z = x * x;
        z = z * polyHighFirst(z, ATAN_P) / polyHighFirst(z, ATAN_Q);
        return x * z + x;
    }

    /** atan of x >= 0, reduced into [0, 0.66]. */
    private static double satan(double x) {
        final double morebits = 6.123233995736765886130e-17; // π/2 = PIO2 + morebits
        final double tan3pio8 = 2.41421356237309504880;
        if (x <= 0.66) {
            return xatan(x);
        }
        if (x > tan3pio8) {
            return PI / 2 - xatan(1 / x) + morebits;
        }
        return PI / 4 + xatan((x - 1) / (x + 1)) + 0.5 * morebits;
    }

    public static double atan(double x) {
        if (x == 0) {
            return x;
        }
        return x > 0 ? satan(x) : -satan(-x);
    }

    public static double asin(double x) {
        if (x == 0) {
            return x;
        }
        boolean sign = false;
        if (x < 0) {
            x = -x;
            sign = true;
        }
        if (x > 1) {
            return Double.NaN;
        }
        double temp = Math.sqrt(1 - x * x);
        temp = x > 0.7 ? PI / 2 - satan(temp / x) : satan(x / temp);
        return sign ? -temp : temp;
    }

    public static double acos(double x) {
        return PI / 2 - asin(x);
    }

    public static double atan2(double y, double x) {
        if (Double.isNaN(y) || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (y == 0) {
            return x >= 0 && !signbit(x) ? copysign(0, y) : copysign(PI, y);
        }
        if (x == 0) {
            return copysign(PI / 2, y);
        }
        if (Double.isInfinite(x)) {
            if (x > 0) {
                return Double.isInfinite(y) ? copysign(PI / 4, y) : copysign(0, y);
            }
            return Double.isInfinite(y) ? copysign(3 * PI / 4, y) : copysign(PI, y);
        }
        if (Double.isInfinite(y)) {
            return copysign(PI / 2, y);
        }
        double q = atan(y / x);
        if (x < 0) {
            return q <= 0 ? q + PI : q - PI;
        }
        return q;
    }

    // ------------------------------------------------------------------ hyperbolic functions

    private static final double[] SINH_P = {
        -0.2630563213397497062819489e+2, -0.2894211355989563807284660366e+4,
        -0.8991272022039509355398013511e+5, -0.6307673640497716991184787251e+6,
    };
    private static final double[] SINH_Q = {
        1.0, -0.173678953558233699533450911e+3, 0.1521517378790019070696485176e+5,
        -0.6307673640497716991212077277e+6,
    };

    public static double sinh(double x) {
        boolean sign = false;
        if (x < 0) {
            x = -x;
            sign = true;
        }
        double temp;
        if (x > 21) {
            temp = exp(x) / 2;
        } else if (x > 0.5) {
            temp = (exp(x) - exp(-x)) / 2;
        } else {
            double sq = x * x;
            temp = polyHighFirst(sq, SINH_P) * x;
            temp = temp / polyHighFirst(sq, SINH_Q);
        }
        return sign ? -temp : temp;
    }

    public static double cosh(double x) {
        x = abs(x);
        if (x > 21) {
            return exp(x) / 2;
        }
        return (exp(x) + exp(-x)) / 2;
    }

    private static final double[] TANH_P = {
        -9.64399179425052238628E-1, -9.92877231001918586564E1, -1.61468768441708447952E3,
    };
    private static final double[] TANH_Q = {
        1.0, 1.12811678491632931402E2, 2.23548839060100448583E3, 4.84406305325125486048E3,
    };

    public static double tanh(double x) {
        final double maxlog = 8.8029691931113054295988e+01; // log(2^127)
        double z = abs(x);
        if (z > 0.5 * maxlog) {
            return x < 0 ? -1 : 1;
        }
        if (z >= 0.625) {
            double s = exp(2 * z);
            z = 1 - 2 / (s + 1);
            return x < 0 ? -z : z;
        }
        if (x == 0) {
            return x;
        }
        double s = x * x;
        return x + x * s * polyHighFirst(s, TANH_P) / polyHighFirst(s, TANH_Q);
    }

    static final double LN2 = 6.93147180559945286227e-01;

    public static double asinh(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        boolean sign = false;
        if (x < 0) {
            x = -x;
            sign = true;
        }
        double temp;
        if (x > 0x1p28) {
            temp = log(x) + LN2;
        } else if (x > 2) {
            temp = log(2 * x + 1 / (Math.sqrt(x * x + 1) + x));
        } else if (x < 0x1p-28) {
            temp = x;
        } else {
            temp = StrictMath.log1p(x + x * x / (1 + Math.sqrt(1 + x * x)));
        }
        return sign ? -temp : temp;
    }

    public static double acosh(double x) {
        if (x < 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == 1) {
            return 0;
        }
        if (x >= 0x1p28) {
            return log(x) + LN2;
        }
        if (x > 2) {
            return log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
        }
        double t = x - 1;
        return StrictMath.log1p(t + Math.sqrt(2 * t + t * t));
    }

    public static double atanh(double x) {
        if (x < -1 || x > 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (x == -1) {
            return Double.NEGATIVE_INFINITY;
        }
        boolean sign = false;
        if (x < 0) {
            x = -x;
            sign = true;
        }
        double temp;
        if (x < 0x1p-28) {
            temp = x;
        } else if (x < 0.5) {
            temp = x + x;
            temp = 0.5 * StrictMath.log1p(temp + temp * x / (1 - x));
        } else {
            temp = 0.5 * StrictMath.log1p((x + x) / (1 - x));
        }
        return sign ? -temp : temp;
    }
}
