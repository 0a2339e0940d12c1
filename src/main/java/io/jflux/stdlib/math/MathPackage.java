package io.jflux.stdlib.math;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.BoolValue;
import io.jflux.eval.FloatValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.NullValue;
import io.jflux.eval.RecordValue;
import io.jflux.eval.UIntValue;
import io.jflux.eval.Value;
import io.jflux.stdlib.Definitions;
import io.jflux.stdlib.JavaPackage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * {@code import "math"}: Go's math constants and functions. A null argument gives a null result, except for
 * the functions returning records (frexp, lgamma, modf, sincos), for which it is an error, as upstream.
 */
public final class MathPackage implements JavaPackage {

    @Override
    public void define(Definitions defs) {
        defs.value("pi", new FloatValue(Math.PI))
            .value("e", new FloatValue(Math.E))
            .value("phi", new FloatValue(1.618033988749895))
            .value("sqrt2", new FloatValue(1.4142135623730951))
            .value("sqrte", new FloatValue(1.6487212707001282))
            .value("sqrtpi", new FloatValue(1.772453850905516))
            .value("sqrtphi", new FloatValue(1.272019649514069))
            .value("ln2", new FloatValue(0.6931471805599453))
            .value("log2e", new FloatValue(GoMath.ONE_OVER_LN2))
            .value("ln10", new FloatValue(2.302585092994046))
            .value("log10e", new FloatValue(GoMath.ONE_OVER_LN10))
            .value("maxfloat", new FloatValue(Double.MAX_VALUE))
            .value("smallestNonzeroFloat", new FloatValue(Double.MIN_VALUE))
            .value("maxint", IntValue.of(Long.MAX_VALUE))
            .value("minint", IntValue.of(Long.MIN_VALUE))
            .value("maxuint", new UIntValue(-1L));

        x(defs, "abs", GoMath::abs);
        x(defs, "acos", GoMath::acos);
        x(defs, "acosh", GoMath::acosh);
        x(defs, "asin", GoMath::asin);
        x(defs, "asinh", GoMath::asinh);
        x(defs, "atan", GoMath::atan);
        xy(defs, "atan2", "y", "x", GoMath::atan2);
        x(defs, "atanh", GoMath::atanh);
        x(defs, "cbrt", StrictMath::cbrt);
        x(defs, "ceil", Math::ceil);
        xy(defs, "copysign", "x", "y", GoMath::copysign);
        x(defs, "cos", GoMath::cos);
        x(defs, "cosh", GoMath::cosh);
        xy(defs, "dim", "x", "y", GoMath::dim);
        x(defs, "erf", SpecialFunctions::erf);
        x(defs, "erfc", SpecialFunctions::erfc);
        x(defs, "erfcinv", SpecialFunctions::erfcinv);
        x(defs, "erfinv", SpecialFunctions::erfinv);
        x(defs, "exp", GoMath::exp);
        x(defs, "exp2", GoMath::exp2);
        x(defs, "expm1", StrictMath::expm1);
        x(defs, "floor", Math::floor);
        x(defs, "gamma", SpecialFunctions::gamma);
        xy(defs, "hypot", "p", "q", GoMath::hypot);
        x(defs, "j0", Bessel::j0);
        x(defs, "j1", Bessel::j1);
        x(defs, "log", GoMath::log);
        x(defs, "log10", GoMath::log10);
        x(defs, "log1p", StrictMath::log1p);
        x(defs, "log2", GoMath::log2);
        x(defs, "logb", GoMath::logb);
        xy(defs, "mMax", "x", "y", GoMath::max);
        xy(defs, "mMin", "x", "y", GoMath::min);
        xy(defs, "mod", "x", "y", GoMath::mod);
        xy(defs, "nextafter", "x", "y", GoMath::nextafter);
        xy(defs, "pow", "x", "y", GoMath::pow);
        xy(defs, "remainder", "x", "y", Math::IEEEremainder);
        x(defs, "round", GoMath::round);
        x(defs, "roundtoeven", GoMath::roundToEven);
        x(defs, "sin", GoMath::sin);
        x(defs, "sinh", GoMath::sinh);
        x(defs, "sqrt", Math::sqrt);
        x(defs, "tan", GoMath::tan);
        x(defs, "tanh", GoMath::tanh);
        x(defs, "trunc", GoMath::trunc);
        x(defs, "y0", Bessel::y0);
        x(defs, "y1", Bessel::y1);

        defs.function("float64bits", (a, in) -> nullOr(a, "f",
                () -> new UIntValue(Double.doubleToRawLongBits(a.floating("f")))))
            .function("float64frombits", (a, in) -> nullOr(a, "b",
                () -> new FloatValue(Double.longBitsToDouble(unsigned(a, "b")))))
            .function("ilogb", (a, in) -> nullOr(a, "x", () -> IntValue.of(GoMath.ilogb(a.floating("x")))))
            .function("frexp", (a, in) -> {
                GoMath.Frexp f = GoMath.frexp(notNull(a, "f", "frexp"));
                return record("frac", new FloatValue(f.frac()), "exp", IntValue.of(f.exp()));
            })
            .function("lgamma", (a, in) -> {
                SpecialFunctions.Lgamma l = SpecialFunctions.lgamma(notNull(a, "x", "lgamma"));
                return record("lgamma", new FloatValue(l.value()), "sign", IntValue.of(l.sign()));
            })
            .function("modf", (a, in) -> {
                double[] m = GoMath.modf(notNull(a, "f", "modf"));
                return record("int", new FloatValue(m[0]), "frac", new FloatValue(m[1]));
            })
            .function("sincos", (a, in) -> {
                double x = notNull(a, "x", "sincos");
                return record("sin", new FloatValue(GoMath.sin(x)), "cos", new FloatValue(GoMath.cos(x)));
            })
            .function("isInf", (a, in) -> nullOr(a, "f", "sign", () -> {
                double f = a.floating("f");
                long sign = a.integer("sign");
                return BoolValue.of(sign >= 0 && f == Double.POSITIVE_INFINITY
                        || sign <= 0 && f == Double.NEGATIVE_INFINITY);
            }))
            .function("isNaN", (a, in) -> nullOr(a, "f", () -> BoolValue.of(Double.isNaN(a.floating("f")))))
            .function("signbit", (a, in) -> nullOr(a, "x", () -> BoolValue.of(GoMath.signbit(a.floating("x")))))
            .function("NaN", (a, in) -> new FloatValue(Double.NaN))
            .function("mInf", (a, in) -> nullOr(a, "sign", () -> new FloatValue(
                    a.integer("sign") >= 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)))
            .function("jn", (a, in) -> nullOr(a, "n", "x",
                () -> new FloatValue(Bessel.jn(a.integer("n"), a.floating("x")))))
            .function("yn", (a, in) -> nullOr(a, "n", "x",
                () -> new FloatValue(Bessel.yn(a.integer("n"), a.floating("x")))))
            .function("ldexp", (a, in) -> nullOr(a, "frac", "exp",
                () -> new FloatValue(GoMath.ldexp(a.floating("frac"), a.integer("exp")))))
            .function("pow10", (a, in) -> nullOr(a, "n", () -> new FloatValue(GoMath.pow10(a.integer("n")))));
    }

    /** A function of one float named x: null for null. */
    private static void x(Definitions defs, String name, DoubleUnaryOperator f) {
        defs.function(name, (a, in) -> nullOr(a, "x", () -> new FloatValue(f.applyAsDouble(a.floating("x")))));
    }

    /** A function of two floats: null when either is null. */
    private static void xy(Definitions defs, String name, String p, String q, DoubleBinaryOperator f) {
        defs.function(name, (a, in) -> nullOr(a, p, q,
            () -> new FloatValue(f.applyAsDouble(a.floating(p), a.floating(q)))));
    }

    private static Value nullOr(Arguments a, String p, java.util.function.Supplier<Value> result) {
        return a.require(p).isNull() ? NullValue.NULL : result.get();
    }

    private static Value nullOr(Arguments a, String p, String q, java.util.function.Supplier<Value> result) {
        return a.require(p).isNull() || a.require(q).isNull() ? NullValue.NULL : result.get();
    }

    /** A float argument of a function that cannot return null. */
    private static double notNull(Arguments a, String p, String function) {
        if (a.require(p).isNull()) {
            throw new FluxException(ErrorCode.INVALID, function + " does not support null values", a.spanOf(p));
        }
        return a.floating(p);
    }

    /** The bits of a uint argument. */
    private static long unsigned(Arguments a, String p) {
        Value v = a.require(p);
        if (v instanceof UIntValue u) {
            return u.value();
        }
        throw new FluxException(ErrorCode.INVALID, "argument " + p + ": expected uint but found "
                + v.kind().fluxName(), a.spanOf(p));
    }

    private static RecordValue record(String k1, Value v1, String k2, Value v2) {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return new RecordValue(m);
    }
}
