package io.jflux.stdlib.math;

import static io.jflux.stdlib.math.GoMath.poly;

/**
 * The error function and its inverse, and the Gamma function, computed with the algorithms of Go's
 * {@code math} package: fdlibm's rational approximations for erf/erfc and log-Gamma, Cephes' for Gamma, and
 * Wichura's AS 241 for the inverse error function. Coefficients are those published with the algorithms.
 */
public final class SpecialFunctions {

    private SpecialFunctions() {}

    // ------------------------------------------------------------------ erf, erfc

    /** 1/0.35 rounded once, as Go's constant arithmetic does. */
    private static final double ONE_OVER_0_35 = 20.0 / 7.0;
    private static final double ERX = 8.45062911510467529297e-01;
    private static final double EFX = 1.28379167095512586316e-01;
    private static final double EFX8 = 1.02703333676410069053e+00;
    /** erf on [0, 0.84375]: x + x·PP(x²)/QQ(x²). */
    private static final double[] PP = {
        1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02,
        -5.77027029648944159157e-03, -2.37630166566501626084e-05,
    };
    private static final double[] QQ = {
        1, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03,
        1.32494738004321644526e-04, -3.96022827877536812320e-06,
    };
    /** erf on [0.84375, 1.25]: erx + PA(s)/QA(s) with s = |x| - 1. */
    private static final double[] PA = {
        -2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01,
        3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02,
        -2.16637559486879084300e-03,
    };
    private static final double[] QA = {
        1, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02,
        1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02,
    };
    /** erfc on [1.25, 1/0.35]. */
    private static final double[] RA = {
        -9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01,
        -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02,
        -8.12874355063065934246e+01, -9.81432934416914548592e+00,
    };
    private static final double[] SA = {
        1, 1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02,
        6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02,
        6.57024977031928170135e+00, -6.04244152148580987438e-02,
    };
    /** erfc on [1/0.35, 28]. */
    private static final double[] RB = {
        -9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01,
        -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03,
        -4.83519191608651397019e+02,
    };
    private static final double[] SB = {
        1, 3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03,
        3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02,
        -2.24409524465858183362e+01,
    };

    /** exp(-x² - 0.5625 + R/S) / x for the tail ranges, where x² is split to keep it exact. */
    private static double tail(double x) {
        double s = 1 / (x * x);
        double r;
        double q;
        if (x < ONE_OVER_0_35) {
            r = poly(s, RA);
            q = poly(s, SA);
        } else {
            r = poly(s, RB);
            q = poly(s, SB);
        }
        double z = GoMath.fromBits(GoMath.bits(x) & 0xffffffff00000000L); // x with its low 32 bits cleared
        return GoMath.exp(-z * z - 0.5625) * GoMath.exp((z - x) * (z + x) + r / q) / x;
    }

    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? 1 : -1;
        }
        boolean sign = false;
        if (x < 0) {
            x = -x;
            sign = true;
        }
        if (x < 0.84375) {
            double temp;
            if (x < 0x1p-28) {
                temp = x < 2.848094538889218e-306 ? 0.125 * (8.0 * x + EFX8 * x) : x + EFX * x;
            } else {
                double z = x * x;
                temp = x + x * (poly(z, PP) / poly(z, QQ));
            }
            return sign ? -temp : temp;
        }
        if (x < 1.25) {
            double s = x - 1;
            double pq = poly(s, PA) / poly(s, QA);
            return sign ? -ERX - pq : ERX + pq;
        }
        if (x >= 6) {
            return sign ? -1 : 1;
        }
        double r = tail(x);
        return sign ? r - 1 : 1 - r;
    }

    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? 0 : 2;
        }
        boolean sign = false;
        if (x < 0) {
            x = -x;
            sign = true;
        }
        if (x < 0.84375) {
            double temp;
            if (x < 0x1p-56) {
                temp = x;
            } else {
                double z = x * x;
                double y = poly(z, PP) / poly(z, QQ);
                temp = x < 0.25 ? x + x * y : 0.5 + (x * y + (x - 0.5));
            }
            return sign ? 1 + temp : 1 - temp;
        }
        if (x < 1.25) {
            double s = x - 1;
            double pq = poly(s, PA) / poly(s, QA);
            return sign ? 1 + ERX + pq : 1 - ERX - pq;
        }
        if (x < 28) {
            if (sign && x > 6) { // x < -6
                return 2;
            }
            double r = tail(x);
            return sign ? 2 - r : r;
        }
        return sign ? 2 : 0;
    }

    // ------------------------------------------------------------------ inverse error function (AS 241)

    private static final double[] ERFINV_A = { // |x| <= 0.85, highest degree first
        8.8709406962545514830200e2, 1.1819493347062294404278e4, 2.3782041382114385731252e4,
        1.6235862515167575384252e4, 4.8548868893843886794648e3, 6.9706266534389598238465e2,
        4.7072688112383978012285e1, 1.1975323115670912564578e0,
    };
    private static final double[] ERFINV_B = {
        5.2264952788528545610e3, 2.8729085735721942674e4, 3.9307895800092710610e4,
        2.1213794301586595867e4, 5.3941960214247511077e3, 6.8718700749205790830e2,
        4.2313330701600911252e1, 1.0000000000000000000e0,
    };
    private static final double[] ERFINV_C = { // 0.85 < |x| <= 1 - 2·exp(-25)
        7.74545014278341407640e-4, 2.27238449892691845833e-2, 2.41780725177450611770e-1,
        1.27045825245236838258e0, 3.64784832476320460504e0, 5.76949722146069140550e0,
        4.63033784615654529590e0, 1.42343711074968357734e0,
    };
    private static final double[] ERFINV_D = {
        1.4859850019840355905497876e-9, 7.7441459065157709165577218e-4, 2.1494160384252876777097297e-2,
        2.0945065210512749128288442e-1, 9.7547832001787427186894837e-1, 2.3707661626024532365971225e0,
        2.9036514445419946173133295e0, 1.4142135623730950488016887e0,
    };
    private static final double[] ERFINV_E = { // 1 - 2·exp(-25) < |x| < 1
        2.01033439929228813265e-7, 2.71155556874348757815e-5, 1.24266094738807843860e-3,
        2.65321895265761230930e-2, 2.96560571828504891230e-1, 1.78482653991729133580e0,
        5.46378491116411436990e0, 6.65790464350110377720e0,
    };
    private static final double[] ERFINV_F = {
        2.891024605872965461538222e-15, 2.010321207683943062279931e-7, 2.611088405080593625138020e-5,
        1.112800997078859844711555e-3, 2.103693768272068968719679e-2, 1.936480946950659106176712e-1,
        8.482908416595164588112026e-1, 1.414213562373095048801689e0,
    };

    /** ((((c0·r + c1)·r + c2)·r ...) + cn): coefficients listed from the highest degree. */
    private static double highFirst(double r, double[] c) {
        double acc = c[0];
        for (int i = 1; i < c.length; i++) {
            acc = acc * r + c[i];
        }
        return acc;
    }

    public static double erfinv(double x) {
        if (Double.isNaN(x) || x <= -1 || x >= 1) {
            if (x == -1 || x == 1) {
                return x > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
            return Double.NaN;
        }
        boolean sign = false;
        if (x < 0) {
            x = -x;
            sign = true;
        }
        double ans;
        if (x <= 0.85) {
            double r = 0.180625 - 0.25 * x * x;
            ans = (x * highFirst(r, ERFINV_A)) / highFirst(r, ERFINV_B);
        } else {
            double r = Math.sqrt(GoMath.LN2 - GoMath.log(1.0 - x));
            if (r <= 5.0) {
                r -= 1.6;
                ans = highFirst(r, ERFINV_C) / highFirst(r, ERFINV_D);
            } else {
                r -= 5.0;
                ans = highFirst(r, ERFINV_E) / highFirst(r, ERFINV_F);
            }
        }
        return sign ? -ans : ans;
    }

    public static double erfcinv(double x) {
        return erfinv(1 - x);
    }

    // ------------------------------------------------------------------ Gamma (Cephes)

    private static final double[] GAM_P = {
        1.60119522476751861407e-04, 1.19135147006586384913e-03, 1.04213797561761569935e-02,
        4.76367800457137231464e-02, 2.07448227648435975150e-01, 4.94214826801497100753e-01,
        9.99999999999999996796e-01,
    };
    private static final double[] GAM_Q = {
        -2.31581873324120129819e-05, 5.39605580493303397842e-04, -4.45641913851797240494e-03,
        1.18139785222060435552e-02, 3.58236398605498653373e-02, -2.34591795718243348568e-01,
        7.14304917030273074085e-02, 1.00000000000000000320e+00,
    };
    private static final double[] GAM_S = {
        7.87311395793093628397e-04, -2.29549961613378126380e-04, -2.68132617805781232825e-03,
        3.47222221605458667310e-03, 8.33333333333482257126e-02,
    };

    /** Stirling's formula as two factors whose product is Γ(x), so that callers can avoid overflow. */
    private static double[] stirling(double x) {
        if (x > 200) {
            return new double[] {Double.POSITIVE_INFINITY, 1};
        }
        final double sqrtTwoPi = 2.506628274631000502417;
        final double maxStirling = 143.01608;
        double w = 1 / x;
        w = 1 + w * highFirst(w, GAM_S);
        double y1 = GoMath.exp(x);
        double y2 = 1.0;
        if (x > maxStirling) { // avoid overflow in pow
            double v = GoMath.pow(x, 0.5 * x - 0.25);
            y2 = v / y1;
            y1 = v;
        } else {
            y1 = GoMath.pow(x, x - 0.5) / y1;
        }
        return new double[] {y1, sqrtTwoPi * w * y2};
    }

    private static boolean isNegativeInteger(double x) {
        return x < 0 && GoMath.modf(x)[1] == 0;
    }

    public static double gamma(double x) {
        final double euler = 0.57721566490153286060651209008240243104215933593992;
        if (isNegativeInteger(x) || x == Double.NEGATIVE_INFINITY || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == 0) {
            return GoMath.signbit(x) ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double q = GoMath.abs(x);
        double p = Math.floor(q);
        if (q > 33) {
            if (x >= 0) {
                double[] s = stirling(x);
                return s[0] * s[1];
            }
            // x is negative but not an integer, so |x| < 2^63
            int signgam = (((long) p) & 1) == 0 ? -1 : 1;
            double z = q - p;
            if (z > 0.5) {
                p = p + 1;
                z = q - p;
            }
            z = q * GoMath.sin(Math.PI * z);
            if (z == 0) {
                return signgam > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
            double[] s = stirling(q);
            double absz = GoMath.abs(z);
            double d = absz * s[0] * s[1];
            z = Double.isInfinite(d) ? Math.PI / absz / s[0] / s[1] : Math.PI / d;
            return signgam * z;
        }
        // reduce the argument into [2, 3)
        double z = 1.0;
        while (x >= 3) {
            x = x - 1;
            z = z * x;
        }
        while (x < 0) {
            if (x > -1e-09) {
                return small(x, z, euler);
            }
            z = z / x;
            x = x + 1;
        }
        while (x < 2) {
            if (x < 1e-09) {
                return small(x, z, euler);
            }
            z = z / x;
            x = x + 1;
        }
        if (x == 2) {
            return z;
        }
        x = x - 2;
        return z * highFirst(x, GAM_P) / highFirst(x, GAM_Q);
    }

    private static double small(double x, double z, double euler) {
        if (x == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return z / ((1 + euler * x) * x);
    }

    // ------------------------------------------------------------------ log-Gamma (fdlibm)

    private static final double[] LGAM_A = {
        7.72156649015328655494e-02, 3.22467033424113591611e-01, 6.73523010531292681824e-02,
        2.05808084325167332806e-02, 7.38555086081402883957e-03, 2.89051383673415629091e-03,
        1.19270763183362067845e-03, 5.10069792153511336608e-04, 2.20862790713908385557e-04,
        1.08011567247583939954e-04, 2.52144565451257326939e-05, 4.48640949618915160150e-05,
    };
    private static final double[] LGAM_R = {
        1.0, 1.39200533467621045958e+00, 7.21935547567138069525e-01, 1.71933865632803078993e-01,
        1.86459191715652901344e-02, 7.77942496381893596434e-04, 7.32668430744625636189e-06,
    };
    private static final double[] LGAM_S = {
        -7.72156649015328655494e-02, 2.14982415960608852501e-01, 3.25778796408930981787e-01,
        1.46350472652464452805e-01, 2.66422703033638609560e-02, 1.84028451407337715652e-03,
        3.19475326584100867617e-05,
    };
    private static final double[] LGAM_T = {
        4.83836122723810047042e-01, -1.47587722994593911752e-01, 6.46249402391333854778e-02,
        -3.27885410759859649565e-02, 1.79706750811820387126e-02, -1.03142241298341437450e-02,
        6.10053870246291332635e-03, -3.68452016781138256760e-03, 2.25964780900612472250e-03,
        -1.40346469989232843813e-03, 8.81081882437654011382e-04, -5.38595305356740546715e-04,
        3.15632070903625950361e-04, -3.12754168375120860518e-04, 3.35529192635519073543e-04,
    };
    private static final double[] LGAM_U = {
        -7.72156649015328655494e-02, 6.32827064025093366517e-01, 1.45492250137234768737e+00,
        9.77717527963372745603e-01, 2.28963728064692451092e-01, 1.33810918536787660377e-02,
    };
    private static final double[] LGAM_V = {
        1.0, 2.45597793713041134822e+00, 2.12848976379893395361e+00, 7.69285150456672783825e-01,
        1.04222645593369134254e-01, 3.21709242282423911810e-03,
    };
    private static final double[] LGAM_W = {
        4.18938533204672725052e-01, 8.33333333333329678849e-02, -2.77777777728775536470e-03,
        7.93650558643019558500e-04, -5.95187557450339963135e-04, 8.36339918996282139126e-04,
        -1.63092934096575273989e-03,
    };

    /** The coefficients c[from], c[from + step], c[from + 2·step], ... */
    private static double[] every(double[] c, int from, int step) {
        double[] out = new double[(c.length - from + step - 1) / step];
        for (int i = 0; i < out.length; i++) {
            out[i] = c[from + i * step];
        }
        return out;
    }

    private static final double[] LGAM_A_EVEN = every(LGAM_A, 0, 2);
    private static final double[] LGAM_A_ODD = every(LGAM_A, 1, 2);
    private static final double[] LGAM_T0 = every(LGAM_T, 0, 3);
    private static final double[] LGAM_T1 = every(LGAM_T, 1, 3);
    private static final double[] LGAM_T2 = every(LGAM_T, 2, 3);
    private static final double[] LGAM_W_TAIL = every(LGAM_W, 1, 1);

    /** log|Γ(x)| and the sign of Γ(x). */
    public record Lgamma(double value, int sign) {}

    public static Lgamma lgamma(double x) {
        final double ymin = 1.461632144968362245;
        final double tc = 1.46163214496836224576e+00;
        final double tf = -1.21486290535849611461e-01;
        final double tt = -3.63867699703950536541e-18; // -(tail of tf)
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return new Lgamma(x, 1);
        }
        if (x == 0) {
            return new Lgamma(Double.POSITIVE_INFINITY, 1);
        }
        int sign = 1;
        boolean neg = false;
        if (x < 0) {
            x = -x;
            neg = true;
        }
        if (x < 0x1p-70) { // lgamma(x) ~ -log|x|
            return new Lgamma(-GoMath.log(x), neg ? -1 : 1);
        }
        double nadj = 0;
        if (neg) {
            if (x >= 0x1p52) { // a negative integer
                return new Lgamma(Double.POSITIVE_INFINITY, 1);
            }
            double t = sinPi(x);
            if (t == 0) {
                return new Lgamma(Double.POSITIVE_INFINITY, 1);
            }
            nadj = GoMath.log(Math.PI / GoMath.abs(t * x));
            if (t < 0) {
                sign = -1;
            }
        }
        double lgamma;
        if (x == 1 || x == 2) {
            return new Lgamma(0, sign);
        } else if (x < 2) {
            double y;
            int i;
            if (x <= 0.9) {
                lgamma = -GoMath.log(x);
                if (x >= ymin - 1 + 0.27) {
                    y = 1 - x;
                    i = 0;
                } else if (x >= ymin - 1 - 0.27) {
                    y = x - (tc - 1);
                    i = 1;
                } else {
                    y = x;
                    i = 2;
                }
            } else {
                lgamma = 0;
                if (x >= ymin + 0.27) {
                    y = 2 - x;
                    i = 0;
                } else if (x >= ymin - 0.27) {
                    y = x - tc;
                    i = 1;
                } else {
                    y = x - 1;
                    i = 2;
                }
            }
            if (i == 0) {
                double z = y * y;
                double p1 = poly(z, LGAM_A_EVEN);
                double p2 = z * poly(z, LGAM_A_ODD);
                double p = y * p1 + p2;
                lgamma += p - 0.5 * y;
            } else if (i == 1) {
                double z = y * y;
                double w = z * y;
                double p1 = poly(w, LGAM_T0);
                double p2 = poly(w, LGAM_T1);
                double p3 = poly(w, LGAM_T2);
                double p = z * p1 - (tt - w * (p2 + y * p3));
                lgamma += tf + p;
            } else {
                double p1 = y * poly(y, LGAM_U);
                double p2 = poly(y, LGAM_V);
                lgamma += -0.5 * y + p1 / p2;
            }
        } else if (x < 8) {
            int i = (int) x;
            double y = x - i;
            double p = y * poly(y, LGAM_S);
            double q = poly(y, LGAM_R);
            lgamma = 0.5 * y + p / q;
            double z = 1.0; // lgamma(1 + s) = log(s) + lgamma(s)
            for (int k = i - 1; k >= 2; k--) {
                z *= y + k;
            }
            if (i >= 3) {
                lgamma += GoMath.log(z);
            }
        } else if (x < 0x1p58) {
            double t = GoMath.log(x);
            double z = 1 / x;
            double y = z * z;
            double w = LGAM_W[0] + z * poly(y, LGAM_W_TAIL);
            lgamma = (x - 0.5) * (t - 1) + w;
        } else {
            lgamma = x * (GoMath.log(x) - 1);
        }
        if (neg) {
            lgamma = nadj - lgamma;
        }
        return new Lgamma(lgamma, sign);
    }

    /** -sin(πx) for x > 0, reduced so that the product π·x stays exact. */
    private static double sinPi(double x) {
        if (x < 0.25) {
            return -GoMath.sin(Math.PI * x);
        }
        double z = Math.floor(x);
        int n;
        if (z != x) { // not an integer
            x = x % 2;
            n = (int) (x * 4);
        } else {
            if (x >= 0x1p53) { // an even integer
                x = 0;
                n = 0;
            } else {
                if (x < 0x1p52) {
                    z = x + 0x1p52; // exact
                }
                n = (int) (1 & GoMath.bits(z));
                x = n;
                n <<= 2;
            }
        }
        switch (n) {
            case 0:
                x = GoMath.sin(Math.PI * x);
                break;
            case 1: case 2:
                x = GoMath.cos(Math.PI * (0.5 - x));
                break;
            case 3: case 4:
                x = GoMath.sin(Math.PI * (1 - x));
                break;
            case 5: case 6:
                x = -GoMath.cos(Math.PI * (x - 1.5));
                break;
            default:
                x = GoMath.sin(Math.PI * (x - 2));
                break;
        }
        return -x;
    }
}
