package io.jflux.stdlib.math;

import static io.jflux.stdlib.math.GoMath.ONE_OVER_SQRT_PI;
import static io.jflux.stdlib.math.GoMath.TWO_OVER_PI;
import static io.jflux.stdlib.math.GoMath.poly;

/**
 * Bessel functions of the first (J) and second (Y) kind, with fdlibm's method as Go's {@code math} package has
 * it: rational approximations below 2, the asymptotic form sqrt(2/(πx))·(P·cos - Q·sin) above, where P and Q
 * are rational approximations on four intervals, and recurrences for order n.
 */
public final class Bessel {

    private Bessel() {}

    private static final double TWO_129 = 0x1p129;

    // ------------------------------------------------------------------ order zero

    private static final double[] J0_R = { // times z: R02..R05
        1.56249999999999947958e-02, -1.89979294238854721751e-04, 1.82954049532700665670e-06,
        -4.61832688532103189199e-09,
    };
    private static final double[] J0_S = {
        1, 1.56191029464890010492e-02, 1.16926784663337450260e-04, 5.13546550207318111446e-07,
        1.16614003333790000205e-09,
    };
    private static final double[] Y0_U = {
        -7.38042951086872317523e-02, 1.76666452509181115538e-01, -1.38185671945596898896e-02,
        3.47453432093683650238e-04, -3.81407053724364161125e-06, 1.95590137035022920206e-08,
        -3.98205194132103398453e-11,
    };
    private static final double[] Y0_V = {
        1, 1.27304834834123699328e-02, 7.60068627350353253702e-05, 2.59150851840457805467e-07,
        4.41110311332675467403e-10,
    };

    public static double j0(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x)) {
            return 0;
        }
        if (x == 0) {
            return 1;
        }
        x = GoMath.abs(x);
        if (x >= 2) {
            double[] sc = GoMath.sincos(x);
            double s = sc[0];
            double c = sc[1];
            double ss = s - c;
            double cc = s + c;
            if (x < Double.MAX_VALUE / 2) { // x + x does not overflow
                double z = -GoMath.cos(x + x);
                if (s * c < 0) {
                    cc = z / ss;
                } else {
                    ss = z / cc;
                }
            }
            if (x > TWO_129) {
                return ONE_OVER_SQRT_PI * cc / Math.sqrt(x);
            }
            return ONE_OVER_SQRT_PI * (p(x, P0) * cc - q(x, Q0) * ss) / Math.sqrt(x);
        }
        if (x < 0x1p-13) {
            return x < 0x1p-27 ? 1 : 1 - 0.25 * x * x;
        }
        double z = x * x;
        double r = z * poly(z, J0_R);
        double s = poly(z, J0_S);
        if (x < 1) {
            return 1 + z * (-0.25 + (r / s));
        }
        double u = 0.5 * x;
        return (1 + u) * (1 - u) + z * (r / s);
    }

    public static double y0(double x) {
        if (x < 0 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0;
        }
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x >= 2) {
            double[] sc = GoMath.sincos(x);
            double s = sc[0];
            double c = sc[1];
            double ss = s - c;
            double cc = s + c;
            if (x < Double.MAX_VALUE / 2) {
                double z = -GoMath.cos(x + x);
                if (s * c < 0) {
                    cc = z / ss;
                } else {
                    ss = z / cc;
                }
            }
            if (x > TWO_129) {
                return ONE_OVER_SQRT_PI * ss / Math.sqrt(x);
            }
            return ONE_OVER_SQRT_PI * (p(x, P0) * ss + q(x, Q0) * cc) / Math.sqrt(x);
        }
        if (x <= 0x1p-27) {
            return Y0_U[0] + TWO_OVER_PI * GoMath.log(x);
        }
        double z = x * x;
        double u = poly(z, Y0_U);
        double v = poly(z, Y0_V);
        return u / v + TWO_OVER_PI * j0(x) * GoMath.log(x);
    }

    // ------------------------------------------------------------------ order one

    private static final double[] J1_R = {
        -6.25000000000000000000e-02, 1.40705666955189706048e-03, -1.59955631084035597520e-05,
        4.96727999609584448412e-08,
    };
    private static final double[] J1_S = {
        1, 1.91537599538363460805e-02, 1.85946785588630915560e-04, 1.17718464042623683263e-06,
        5.04636257076217042715e-09, 1.23542274426137913908e-11,
    };
    private static final double[] Y1_U = {
        -1.96057090646238940668e-01, 5.04438716639811282616e-02, -1.91256895875763547298e-03,
        2.35252600561610495928e-05, -9.19099158039878874504e-08,
    };
    private static final double[] Y1_V = {
        1, 1.99167318236649903973e-02, 2.02552581025135171496e-04, 1.35608801097516229404e-06,
        6.22741452364621501295e-09, 1.66559246207992079114e-11,
    };

    public static double j1(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x) || x == 0) {
            return 0;
        }
        boolean sign = false;
        if (x < 0) {
            x = -x;
            sign = true;
        }
        double z;
        if (x >= 2) {
            double[] sc = GoMath.sincos(x);
            double s = sc[0];
            double c = sc[1];
            double ss = -s - c;
            double cc = s - c;
            if (x < Double.MAX_VALUE / 2) {
                double zz = GoMath.cos(x + x);
                if (s * c > 0) {
                    cc = zz / ss;
                } else {
                    ss = zz / cc;
                }
            }
            if (x > TWO_129) {
                z = ONE_OVER_SQRT_PI * cc / Math.sqrt(x);
            } else {
                z = ONE_OVER_SQRT_PI * (p(x, P1) * cc - q(x, Q1) * ss) / Math.sqrt(x);
            }
        } else if (x < 0x1p-27) {
            z = 0.5 * x;
        } else {
            double zz = x * x;
            double r = zz * poly(zz, J1_R);
            double s = poly(zz, J1_S);
            r *= x;
            z = 0.5 * x + r / s;
        }
        return sign ? -z : z;
    }

    public static double y1(double x) {
        if (x < 0 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0;
        }
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x >= 2) {
            double[] sc = GoMath.sincos(x);
            double s = sc[0];
            double c = sc[1];
            double ss = -s - c;
            double cc = s - c;
            if (x < Double.MAX_VALUE / 2) {
                double z = GoMath.cos(x + x);
                if (s * c > 0) {
                    cc = z / ss;
                } else {
                    ss = z / cc;
                }
            }
            if (x > TWO_129) {
                return ONE_OVER_SQRT_PI * ss / Math.sqrt(x);
            }
            return ONE_OVER_SQRT_PI * (p(x, P1) * ss + q(x, Q1) * cc) / Math.sqrt(x);
        }
        if (x <= 0x1p-54) {
            return -TWO_OVER_PI / x;
        }
        double z = x * x;
        double u = poly(z, Y1_U);
        double v = poly(z, Y1_V);
        return x * (u / v) + TWO_OVER_PI * (j1(x) * GoMath.log(x) - 1 / x);
    }

    // ------------------------------------------------------------------ asymptotic P and Q (x >= 2)

    /** Coefficient tables for one of P0, Q0, P1, Q1: R and S for x in [8, inf), [4.5454, 8), [2.8571, 4.5454), [2, 2.8571). */
    private record Tables(double[][] r, double[][] s, double base) {}

    private static final Tables P0 = new Tables(new double[][] {
        {0.00000000000000000000e+00, -7.03124999999900357484e-02, -8.08167041275349795626e+00,
            -2.57063105679704847262e+02, -2.48521641009428822144e+03, -5.25304380490729545272e+03},
        {-1.14125464691894502584e-11, -7.03124940873599280078e-02, -4.15961064470587782438e+00,
            -6.76747652265167261021e+01, -3.31231299649172967747e+02, -3.46433388365604912451e+02},
        {-2.54704601771951915620e-09, -7.03119616381481654654e-02, -2.40903221549529611423e+00,
            -2.19659774734883086467e+01, -5.80791704701737572236e+01, -3.14479470594888503854e+01},
        {-8.87534333032526411254e-08, -7.03030995483624743247e-02, -1.45073846780952986357e+00,
            -7.63569613823527770791e+00, -1.11931668860356747786e+01, -3.23364579351335335033e+00},
    }, new double[][] {
        {1, 1.16534364619668181717e+02, 3.83374475364121826715e+03, 4.05978572648472545552e+04,
            1.16752972564375915681e+05, 4.76277284146730962675e+04},
        {1, 6.07539382692300335975e+01, 1.05125230595704579173e+03, 5.97897094333855784498e+03,
            9.62544514357774460223e+03, 2.40605815922939109441e+03},
        {1, 3.58560338055209726349e+01, 3.61513983050303863820e+02, 1.19360783792111533330e+03,
            1.12799679856907414432e+03, 1.73580930813335754692e+02},
        {1, 2.22202997532088808441e+01, 1.36206794218215208048e+02, 2.70470278658083486789e+02,
            1.53875394208320329881e+02, 1.46576176948256193810e+01},
    }, 1);

    private static final Tables Q0 = new Tables(new double[][] {
        {0.00000000000000000000e+00, 7.32421874999935051953e-02, 1.17682064682252693899e+01,
            5.57673380256401856059e+02, 8.85919720756468632317e+03, 3.70146267776887834771e+04},
        {1.84085963594515531381e-11, 7.32421766612684765896e-02, 5.83563508962056953777e+00,
            1.35111577286449829671e+02, 1.02724376596164097464e+03, 1.98997785864605384631e+03},
        {4.37741014089738620906e-09, 7.32411180042911447163e-02, 3.34423137516170720929e+00,
            4.26218440745412650017e+01, 1.70808091340565596283e+02, 1.66733948696651168575e+02},
        {1.50444444886983272379e-07, 7.32234265963079278272e-02, 1.99819174093815998816e+00,
            1.44956029347885735348e+01, 3.16662317504781540833e+01, 1.62527075710929267416e+01},
    }, new double[][] {
        {1, 1.63776026895689824414e+02, 8.09834494656449805916e+03, 1.42538291419120476348e+05,
            8.03309257119514397345e+05, 8.40501579819060512818e+05, -3.43899293537866615225e+05},
        {1, 8.27766102236537761883e+01, 2.07781416421392987104e+03, 1.88472887785718085070e+04,
            5.67511122894947329769e+04, 3.59767538425114471465e+04, -5.35434275601944773371e+03},
        {1, 4.87588729724587182091e+01, 7.09689221056606015736e+02, 3.70414822620111362994e+03,
            6.46042516752568917582e+03, 2.51633368920368957333e+03, -1.49247451836156386662e+02},
        {1, 3.03655848355219184498e+01, 2.69348118608049844624e+02, 8.44783757595320139444e+02,
            8.82935845112488550512e+02, 2.12666388511798828631e+02, -5.31095493882666946917e+00},
    }, -0.125);

    private static final Tables P1 = new Tables(new double[][] {
        {0.00000000000000000000e+00, 1.17187499999988647970e-01, 1.32394806593073575129e+01,
            4.12051854307378562225e+02, 3.87474538913960532227e+03, 7.91447954031891731574e+03},
        {1.31990519556243522749e-11, 1.17187493190614097638e-01, 6.80275127868432871736e+00,
            1.08308182990189109773e+02, 5.17636139533199752805e+02, 5.28715201363337541807e+02},
        {3.02503916137373618024e-09, 1.17186865567253592491e-01, 3.93297750033315640650e+00,
            3.51194035591636932736e+01, 9.10550110750781271918e+01, 4.85590685197364919645e+01},
        {1.07710830106873743082e-07, 1.17176219462683348094e-01, 2.36851496667608785174e+00,
            1.22426109148261232917e+01, 1.76939711271687727390e+01, 5.07352312588818499250e+00},
    }, new double[][] {
        {1, 1.14207370375678408436e+02, 3.65093083420853463394e+03, 3.69562060269033463555e+04,
            9.76027935934950801311e+04, 3.08042720627888811578e+04},
        {1, 5.92805987221131331921e+01, 9.91401418733614377743e+02, 5.35326695291487976647e+03,
            7.84469031749551231769e+03, 1.50404688810361062679e+03},
        {1, 3.47913095001251519989e+01, 3.36762458747825746741e+02, 1.04687139975775130551e+03,
            8.90811346398256432622e+02, 1.03787932439639277504e+02},
        {1, 2.14364859363821409488e+01, 1.25290227168402751090e+02, 2.32276469057162813669e+02,
            1.17679373287147100768e+02, 8.36463893371618283368e+00},
    }, 1);

    private static final Tables Q1 = new Tables(new double[][] {
        {0.00000000000000000000e+00, -1.02539062499992714161e-01, -1.62717534544589987888e+01,
            -7.59601722513950107896e+02, -1.18498066702429587167e+04, -4.84385124285750353010e+04},
        {-2.08979931141764104297e-11, -1.02539050241375426231e-01, -8.05644828123936029840e+00,
            -1.83669607474888380239e+02, -1.37319376065508163265e+03, -2.61244440453215656817e+03},
        {-5.07831226461766561369e-09, -1.02537829820837089745e-01, -4.61011581139473403113e+00,
            -5.78472216562783643212e+01, -2.28244540737631695038e+02, -2.19210128478909325622e+02},
        {-1.78381727510958865572e-07, -1.02517042607985553460e-01, -2.75220568278187460720e+00,
            -1.96636162643703720221e+01, -4.23253133372830490089e+01, -2.13719211703704061733e+01},
    }, new double[][] {
        {1, 1.61395369700722909556e+02, 7.82538599923348465381e+03, 1.33875336287249578163e+05,
            7.19657723683240939863e+05, 6.66601232617776375264e+05, -2.94490264303834643215e+05},
        {1, 8.12765501384335777857e+01, 1.99179873460485964642e+03, 1.74684851924908907677e+04,
            4.98514270910352279316e+04, 2.79480751638918118260e+04, -4.71918354795128470869e+03},
        {1, 4.76651550323729509273e+01, 6.73865112676699709482e+02, 3.38015286679526343505e+03,
            5.54772909720722782367e+03, 1.90311919338810798763e+03, -1.35201191444307340817e+02},
        {1, 2.95333629060523854548e+01, 2.52981549982190529136e+02, 7.57502834868645436472e+02,
            7.39393205320467245656e+02, 1.55949003336666123687e+02, -4.95949898822628210127e+00},
    }, 0.375);

    private static int interval(double x) {
        if (x >= 8) {
            return 0;
        }
        if (x >= 4.5454) {
            return 1;
        }
        return x >= 2.8571 ? 2 : 3;
    }

    /** P(x) = 1 + R/S of 1/x². */
    private static double p(double x, Tables t) {
        int k = interval(x);
        double z = 1 / (x * x);
        return 1 + poly(z, t.r()[k]) / poly(z, t.s()[k]);
    }

    /** Q(x) = (base + R/S of 1/x²) / x. */
    private static double q(double x, Tables t) {
        int k = interval(x);
        double z = 1 / (x * x);
        return (t.base() + poly(z, t.r()[k]) / poly(z, t.s()[k])) / x;
    }

    // ------------------------------------------------------------------ order n

    public static double jn(long order, double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x)) {
            return 0;
        }
        // J(-n, x) = (-1)^n·J(n, x) and J(n, -x) = (-1)^n·J(n, x), so J(-n, x) = J(n, -x)
        int n = clampOrder(order);
        if (n == 0) {
            return j0(x);
        }
        if (x == 0) {
            return 0;
        }
        if (n < 0) {
            n = -n;
            x = -x;
        }
        if (n == 1) {
            return j1(x);
        }
        boolean sign = false;
        if (x < 0) {
            x = -x;
            sign = (n & 1) == 1; // odd n and negative x
        }
        double b;
        if (n <= x) {
            if (x >= 0x1p302) {
                b = ONE_OVER_SQRT_PI * bigArgument(n, x, true) / Math.sqrt(x);
            } else { // forward recurrence J(k+1) = 2k/x·J(k) - J(k-1)
                b = j1(x);
                double a = j0(x);
                for (int i = 1; i < n; i++) {
                    double next = b * ((double) (2L * i) / x) - a;
                    a = b;
                    b = next;
                }
            }
        } else if (x < 0x1p-29) {
            // first term of the Taylor series: (x/2)^n / n!
            if (n > 33) {
                b = 0;
            } else {
                double temp = x * 0.5;
                b = temp;
                double a = 1.0;
                for (int i = 2; i <= n; i++) {
                    a *= i;
                    b *= temp;
                }
                b /= a;
            }
        } else {
            b = backwardRecurrence(n, x);
        }
        return sign ? -b : b;
    }

    /**
     * J(n, x) for x < n: a continued fraction gives J(n)/J(n-1), backward recurrence from it gives a multiple
     * of J(0), and the true J(0) scales the result.
     */
    private static double backwardRecurrence(int n, double x) {
        double w = (double) (2L * n) / x;
        double h = 2 / x;
        double q0 = w;
        double z = w + h;
        double q1 = w * z - 1;
        int k = 1;
        while (q1 < 1e9) {
            k++;
            z += h;
            double next = z * q1 - q0;
            q0 = q1;
            q1 = next;
        }
        long m = n + (long) n;
        double t = 0.0;
        for (long i = 2L * (n + (long) k); i >= m; i -= 2) {
            t = 1 / ((double) i / x - t);
        }
        double a = t;
        double b = 1;
        double tmp = n;
        double v = 2 / x;
        tmp = tmp * GoMath.log(GoMath.abs(v * tmp));
        if (tmp < 7.09782712893383973096e+02) {
            for (int i = n - 1; i > 0; i--) {
                double di = 2.0 * i;
                double next = b * di / x - a;
                a = b;
                b = next;
            }
        } else {
            for (int i = n - 1; i > 0; i--) {
                double di = 2.0 * i;
                double next = b * di / x - a;
                a = b;
                b = next;
                if (b > 1e100) { // rescale to avoid spurious overflow
                    a /= b;
                    t /= b;
                    b = 1;
                }
            }
        }
        return t * j0(x) / b;
    }

    /** sqrt(2)·cos (first kind) or sin (second kind) of x - (2n+1)π/4, for x > 2^302. */
    private static double bigArgument(int n, double x, boolean firstKind) {
        double[] sc = GoMath.sincos(x);
        double s = sc[0];
        double c = sc[1];
        switch (n & 3) {
            case 0: return firstKind ? c + s : s - c;
            case 1: return firstKind ? -c + s : -s - c;
            case 2: return firstKind ? -c - s : -s + c;
            default: return firstKind ? c - s : s + c;
        }
    }

    public static double yn(long order, double x) {
        if (x < 0 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0;
        }
        int n = clampOrder(order);
        if (n == 0) {
            return y0(x);
        }
        if (x == 0) {
            return n < 0 && (n & 1) == 1 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        boolean sign = false;
        if (n < 0) {
            n = -n;
            sign = (n & 1) == 1; // negative odd order
        }
        if (n == 1) {
            return sign ? -y1(x) : y1(x);
        }
        double b;
        if (x >= 0x1p302) {
            b = ONE_OVER_SQRT_PI * bigArgument(n, x, false) / Math.sqrt(x);
        } else {
            double a = y0(x);
            b = y1(x);
            for (int i = 1; i < n && b != Double.NEGATIVE_INFINITY; i++) { // stop once b is -Inf
                double next = ((double) (2L * i) / x) * b - a;
                a = b;
                b = next;
            }
        }
        return sign ? -b : b;
    }

    /**
     * Orders beyond ±2^30 are cut to that size: the results have long since underflowed to ±0 or overflowed
     * to ±Inf, and loops over the order stay finite. Parity is kept because it decides signs.
     */
    private static int clampOrder(long n) {
        final long limit = 1L << 30;
        if (n > limit) {
            return (int) (limit | (n & 1));
        }
        if (n < -limit) {
            return (int) -(limit | (-n & 1));
        }
        return (int) n;
    }
}
