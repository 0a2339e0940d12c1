package io.jflux.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jflux.diag.FluxException;
import io.jflux.eval.FloatValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.UIntValue;
import io.jflux.eval.Value;
import io.jflux.eval.Values;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code import "math"}. Float results are compared bit for bit (so -0 differs from +0); the expected values
 * of ordinary arguments are the examples of the reference documentation, which were computed by Go's math
 * package; the rest are the special cases Go documents.
 */
class MathPackageTest {

    private static final String PRELUDE = "nan = math.NaN()\ninf = math.mInf(sign: 1)\nnothing = {}.missing";

    /** {expression, expected float: a Java literal, NaN, +Inf or -Inf}. */
    private static final String[][] FLOATS = {
        {"math.pi", "3.141592653589793"},
        {"math.e", "2.718281828459045"},
        {"math.phi", "1.618033988749895"},
        {"math.sqrt2", "1.4142135623730951"},
        {"math.sqrte", "1.6487212707001282"},
        {"math.sqrtpi", "1.772453850905516"},
        {"math.sqrtphi", "1.272019649514069"},
        {"math.ln2", "0.6931471805599453"},
        {"math.log2e", "1.4426950408889634"},
        {"math.ln10", "2.302585092994046"},
        {"math.log10e", "0.4342944819032518"},
        {"math.maxfloat", "1.7976931348623157e308"},
        {"math.smallestNonzeroFloat", "4.9e-324"},

        {"math.abs(x: -1.22)", "1.22"},
        {"math.abs(x: -inf)", "+Inf"},
        {"math.abs(x: nan)", "NaN"},
        {"math.acos(x: 0.22)", "1.3489818562981022"},
        {"math.acos(x: 1.5)", "NaN"},
        {"math.acos(x: -1.5)", "NaN"},
        {"math.acosh(x: 1.0)", "0.0"},
        {"math.acosh(x: 0.5)", "NaN"},
        {"math.acosh(x: inf)", "+Inf"},
        {"math.asin(x: -0.0)", "-0.0"},
        {"math.asin(x: 2.0)", "NaN"},
        {"math.asinh(x: 3.14)", "1.8618125572133835"},
        {"math.asinh(x: -0.0)", "-0.0"},
        {"math.asinh(x: -inf)", "-Inf"},
        {"math.atan(x: 3.14)", "1.262480664599468"},
        {"math.atan(x: inf)", "1.5707963267948966"},
        {"math.atan(x: -0.0)", "-0.0"},
        {"math.atan2(y: 1.22, x: 3.14)", "0.3705838802763881"},
        {"math.atan2(y: 4.0, x: 3.0)", "0.9272952180016122"},
        {"math.atan2(y: math.sqrt(x: 3.0), x: 1.0)", "1.0471975511965976"},
        {"math.atan2(y: 0.0, x: -1.0)", "3.141592653589793"},
        {"math.atan2(y: -0.0, x: -1.0)", "-3.141592653589793"},
        {"math.atan2(y: -0.0, x: 1.0)", "-0.0"},
        {"math.atan2(y: 1.0, x: 0.0)", "1.5707963267948966"},
        {"math.atan2(y: inf, x: -inf)", "2.356194490192345"},
        {"math.atan2(y: -inf, x: inf)", "-0.7853981633974483"},
        {"math.atan2(y: nan, x: 1.0)", "NaN"},
        {"math.atanh(x: 0.22)", "0.22365610902183242"},
        {"math.atanh(x: 1.0)", "+Inf"},
        {"math.atanh(x: -1.0)", "-Inf"},
        {"math.atanh(x: 2.0)", "NaN"},
        {"math.cbrt(x: 1728.0)", "12.0"},
        {"math.cbrt(x: -8.0)", "-2.0"},
        {"math.cbrt(x: -0.0)", "-0.0"},
        {"math.ceil(x: 3.14)", "4.0"},
        {"math.ceil(x: -0.5)", "-0.0"},
        {"math.copysign(x: 1.0, y: -2.0)", "-1.0"},
        {"math.copysign(x: 3.0, y: -0.0)", "-3.0"},
        {"math.cos(x: 3.14)", "-0.9999987317275396"},
        {"math.cos(x: inf)", "NaN"},
        {"math.cosh(x: 1.22)", "1.8412089502726745"},
        {"math.cosh(x: -0.0)", "1.0"},
        {"math.cosh(x: -inf)", "+Inf"},
        {"math.dim(x: 10.0, y: 5.0)", "5.0"},
        {"math.dim(x: 10.0, y: 15.0)", "0.0"},
        {"math.dim(x: inf, y: inf)", "NaN"},
        {"math.dim(x: -inf, y: -inf)", "NaN"},
        {"math.dim(x: nan, y: 1.0)", "NaN"},
        {"math.erf(x: 22.6)", "1.0"},
        {"math.erf(x: 0.5)", "0.5204998778130465"},
        {"math.erf(x: inf)", "1.0"},
        {"math.erf(x: -inf)", "-1.0"},
        {"math.erf(x: nan)", "NaN"},
        {"math.erfc(x: 22.6)", "3.772618913849058e-224"},
        {"math.erfc(x: inf)", "0.0"},
        {"math.erfc(x: -inf)", "2.0"},
        {"math.erfcinv(x: 0.42345)", "0.5660037715858239"},
        {"math.erfcinv(x: 0.0)", "+Inf"},
        {"math.erfcinv(x: 2.0)", "-Inf"},
        {"math.erfcinv(x: 3.0)", "NaN"},
        {"math.erfinv(x: 0.22)", "0.19750838337227364"},
        {"math.erfinv(x: 1.0)", "+Inf"},
        {"math.erfinv(x: -1.0)", "-Inf"},
        {"math.erfinv(x: 1.5)", "NaN"},
        {"math.exp(x: 21.0)", "1.3188157344832146e9"},
        {"math.exp(x: 1.0)", "2.718281828459045"},
        {"math.exp(x: 0.0)", "1.0"},
        {"math.exp(x: inf)", "+Inf"},
        {"math.exp(x: -inf)", "0.0"},
        {"math.exp(x: 710.0)", "+Inf"},
        {"math.exp(x: -746.0)", "0.0"},
        {"math.exp2(x: 21.0)", "2097152.0"},
        {"math.exp2(x: -1.0)", "0.5"},
        {"math.exp2(x: 1024.0)", "+Inf"},
        {"math.expm1(x: 0.022)", "0.022243784470438233"},
        {"math.expm1(x: -inf)", "-1.0"},
        {"math.float64frombits(b: uint(v: 4))", "2e-323"},
        {"math.float64frombits(b: uint(v: 4607182418800017408))", "1.0"},
        {"math.floor(x: 1.22)", "1.0"},
        {"math.floor(x: -0.5)", "-1.0"},
        {"math.floor(x: -0.0)", "-0.0"},
        {"math.gamma(x: 2.12)", "1.056821007887572"},
        {"math.gamma(x: 5.0)", "24.0"},
        {"math.gamma(x: inf)", "+Inf"},
        {"math.gamma(x: 0.0)", "+Inf"},
        {"math.gamma(x: -0.0)", "-Inf"},
        {"math.gamma(x: -1.0)", "NaN"},
        {"math.gamma(x: -inf)", "NaN"},
        {"math.hypot(p: 2.0, q: 5.0)", "5.385164807134505"},
        {"math.hypot(p: nan, q: -inf)", "+Inf"},
        {"math.hypot(p: nan, q: 1.0)", "NaN"},
        {"math.j0(x: 1.23)", "0.656070571706025"},
        {"math.j0(x: 0.0)", "1.0"},
        {"math.j0(x: inf)", "0.0"},
        {"math.j0(x: nan)", "NaN"},
        {"math.j1(x: 1.23)", "0.5058005726280961"},
        {"math.j1(x: -inf)", "0.0"},
        {"math.jn(n: 2, x: 1.23)", "0.16636938378681407"},
        {"math.jn(n: 0, x: 1.23)", "0.656070571706025"},
        {"math.jn(n: -1, x: 1.23)", "-0.5058005726280961"},
        {"math.jn(n: 3, x: inf)", "0.0"},
        {"math.ldexp(frac: 0.5, exp: 6)", "32.0"},
        {"math.ldexp(frac: -0.0, exp: 3)", "-0.0"},
        {"math.ldexp(frac: 1.0, exp: -1074)", "4.9e-324"},
        {"math.ldexp(frac: 1.0, exp: -1076)", "0.0"},
        {"math.ldexp(frac: -1.0, exp: 1024)", "-Inf"},
        {"math.log(x: 3.14)", "1.144222799920162"},
        {"math.log(x: 0.0)", "-Inf"},
        {"math.log(x: -1.0)", "NaN"},
        {"math.log(x: inf)", "+Inf"},
        {"math.log10(x: 3.14)", "0.4969296480732149"},
        {"math.log10(x: 100.0)", "2.0"},
        {"math.log1p(x: 0.56)", "0.44468582126144574"},
        {"math.log1p(x: -1.0)", "-Inf"},
        {"math.log1p(x: -2.0)", "NaN"},
        {"math.log2(x: 3.14)", "1.6507645591169022"},
        {"math.log2(x: 8.0)", "3.0"},
        {"math.log2(x: 0.0)", "-Inf"},
        {"math.logb(x: 3.14)", "1.0"},
        {"math.logb(x: 0.0)", "-Inf"},
        {"math.logb(x: -inf)", "+Inf"},
        {"math.logb(x: nan)", "NaN"},
        {"math.mInf(sign: 1)", "+Inf"},
        {"math.mInf(sign: 0)", "+Inf"},
        {"math.mInf(sign: -1)", "-Inf"},
        {"math.mMax(x: 1.23, y: 4.56)", "4.56"},
        {"math.mMax(x: nan, y: inf)", "+Inf"},
        {"math.mMax(x: nan, y: 1.0)", "NaN"},
        {"math.mMax(x: -0.0, y: 0.0)", "0.0"},
        {"math.mMax(x: -0.0, y: -0.0)", "-0.0"},
        {"math.mMin(x: 1.23, y: 4.56)", "1.23"},
        {"math.mMin(x: nan, y: -inf)", "-Inf"},
        {"math.mMin(x: 0.0, y: -0.0)", "-0.0"},
        {"math.mod(x: 4.56, y: 1.23)", "0.8699999999999997"},
        {"math.mod(x: -7.0, y: 3.0)", "-1.0"},
        {"math.mod(x: inf, y: 1.0)", "NaN"},
        {"math.mod(x: 1.0, y: 0.0)", "NaN"},
        {"math.mod(x: 5.0, y: inf)", "5.0"},
        {"math.NaN()", "NaN"},
        {"math.nextafter(x: 1.23, y: 4.56)", "1.2300000000000002"},
        {"math.nextafter(x: 0.0, y: -1.0)", "-4.9e-324"},
        {"math.nextafter(x: 0.0, y: -0.0)", "0.0"},
        {"math.nextafter(x: nan, y: 1.0)", "NaN"},
        {"math.pow(x: 2.0, y: 3.0)", "8.0"},
        {"math.pow(x: 2.0, y: 0.5)", "1.4142135623730951"},
        {"math.pow(x: 2.0, y: -1074.0)", "4.9e-324"},
        {"math.pow(x: nan, y: 0.0)", "1.0"},
        {"math.pow(x: 1.0, y: nan)", "1.0"},
        {"math.pow(x: -1.0, y: inf)", "1.0"},
        {"math.pow(x: 0.0, y: -1.0)", "+Inf"},
        {"math.pow(x: -0.0, y: -1.0)", "-Inf"},
        {"math.pow(x: -0.0, y: 3.0)", "-0.0"},
        {"math.pow(x: -0.0, y: 2.0)", "0.0"},
        {"math.pow(x: -8.0, y: 0.5)", "NaN"},
        {"math.pow(x: -inf, y: 3.0)", "-Inf"},
        {"math.pow(x: inf, y: -1.0)", "0.0"},
        {"math.pow(x: 0.5, y: inf)", "0.0"},
        {"math.pow(x: 2.0, y: -inf)", "0.0"},
        {"math.pow10(n: 3)", "1000.0"},
        {"math.pow10(n: 308)", "1e308"},
        {"math.pow10(n: 309)", "+Inf"},
        {"math.pow10(n: -323)", "1e-323"},
        {"math.pow10(n: -324)", "0.0"},
        {"math.remainder(x: 21.0, y: 4.0)", "1.0"},
        {"math.remainder(x: 7.0, y: 2.0)", "-1.0"},
        {"math.remainder(x: inf, y: 1.0)", "NaN"},
        {"math.remainder(x: 5.0, y: inf)", "5.0"},
        {"math.round(x: 2.12)", "2.0"},
        {"math.round(x: 2.5)", "3.0"},
        {"math.round(x: -2.5)", "-3.0"},
        {"math.round(x: 0.5)", "1.0"},
        {"math.round(x: -0.4)", "-0.0"},
        {"math.round(x: 0.49999999999999994)", "0.0"},
        {"math.round(x: 4503599627370495.5)", "4503599627370496.0"},
        {"math.round(x: -inf)", "-Inf"},
        {"math.round(x: nan)", "NaN"},
        {"math.roundtoeven(x: 3.14)", "3.0"},
        {"math.roundtoeven(x: 3.5)", "4.0"},
        {"math.roundtoeven(x: 2.5)", "2.0"},
        {"math.roundtoeven(x: -0.4)", "-0.0"},
        {"math.sin(x: 3.14)", "0.0015926529164868282"},
        {"math.sin(x: -0.0)", "-0.0"},
        {"math.sin(x: inf)", "NaN"},
        {"math.sinh(x: 1.23)", "1.564468479304407"},
        {"math.sinh(x: -0.0)", "-0.0"},
        {"math.sinh(x: -inf)", "-Inf"},
        {"math.sqrt(x: 4.0)", "2.0"},
        {"math.sqrt(x: -1.0)", "NaN"},
        {"math.sqrt(x: -0.0)", "-0.0"},
        {"math.tan(x: 3.14)", "-0.001592654936407223"},
        {"math.tan(x: -0.0)", "-0.0"},
        {"math.tan(x: inf)", "NaN"},
        {"math.tanh(x: 1.23)", "0.8425793256589296"},
        {"math.tanh(x: inf)", "1.0"},
        {"math.tanh(x: -inf)", "-1.0"},
        {"math.tanh(x: -0.0)", "-0.0"},
        {"math.trunc(x: 3.14)", "3.0"},
        {"math.trunc(x: -3.99)", "-3.0"},
        {"math.trunc(x: -0.5)", "-0.0"},
        {"math.trunc(x: inf)", "+Inf"},
        {"math.y0(x: 3.14)", "0.3289375969127807"},
        {"math.y0(x: 0.0)", "-Inf"},
        {"math.y0(x: -1.0)", "NaN"},
        {"math.y0(x: inf)", "0.0"},
        {"math.y1(x: 3.14)", "0.35853138083924085"},
        {"math.y1(x: 0.0)", "-Inf"},
        {"math.yn(n: 3, x: 3.14)", "-0.4866506930335083"},
        {"math.yn(n: 1, x: 0.0)", "-Inf"},
        {"math.yn(n: -1, x: 0.0)", "+Inf"},
        {"math.yn(n: -2, x: 0.0)", "-Inf"},
        {"math.yn(n: 2, x: -1.0)", "NaN"},
        {"math.yn(n: 2, x: inf)", "0.0"},
    };

    static Stream<Arguments> floats() {
        return Arrays.stream(FLOATS).map(c -> Arguments.of(c[0], c[1]));
    }

    private static double parse(String expected) {
        switch (expected) {
            case "NaN": return Double.NaN;
            case "+Inf": return Double.POSITIVE_INFINITY;
            case "-Inf": return Double.NEGATIVE_INFINITY;
            default: return Double.parseDouble(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("floats")
    void computesFloats(String expression, String expected) {
        Value v = FluxEval.eval("math", PRELUDE, expression);
        FloatValue f = assertInstanceOf(FloatValue.class, v, expression);
        double want = parse(expected);
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(f.value()),
                () -> expression + ": expected " + want + " but was " + f.value());
    }

    /** {expression, expected display}: ints, uints, bools, records and nulls. */
    private static final String[][] OTHERS = {
        {"math.maxint", "9223372036854775807"},
        {"math.minint", "-9223372036854775808"},
        {"math.maxuint", "18446744073709551615"},
        {"math.float64bits(f: 1234.56)", "4653144467747100426"},
        {"math.float64bits(f: -0.0)", "9223372036854775808"},
        {"math.frexp(f: 22.0)", "{exp: 5, frac: 0.6875}"},
        {"math.frexp(f: 0.0)", "{exp: 0, frac: 0}"},
        {"math.frexp(f: -inf)", "{exp: 0, frac: -Inf}"},
        {"math.frexp(f: math.smallestNonzeroFloat)", "{exp: -1073, frac: 0.5}"},
        {"math.ilogb(x: 123.45)", "6"},
        {"math.ilogb(x: 0.0)", "-2147483648"},
        {"math.ilogb(x: inf)", "2147483647"},
        {"math.ilogb(x: nan)", "2147483647"},
        {"math.ilogb(x: math.smallestNonzeroFloat)", "-1074"},
        {"math.isInf(f: 2.12, sign: 3)", "false"},
        {"math.isInf(f: inf, sign: 1)", "true"},
        {"math.isInf(f: -inf, sign: 1)", "false"},
        {"math.isInf(f: -inf, sign: 0)", "true"},
        {"math.isInf(f: -inf, sign: -1)", "true"},
        {"math.isNaN(f: 12.345)", "false"},
        {"math.isNaN(f: nan)", "true"},
        {"math.lgamma(x: 3.14)", "{lgamma: 0.8261387047770286, sign: 1}"},
        {"math.lgamma(x: -0.5)", "{lgamma: 1.2655121234846454, sign: -1}"},
        {"math.lgamma(x: 0.0)", "{lgamma: +Inf, sign: 1}"},
        {"math.lgamma(x: -2.0)", "{lgamma: +Inf, sign: 1}"},
        {"math.lgamma(x: -inf)", "{lgamma: -Inf, sign: 1}"},
        {"math.modf(f: 3.14)", "{frac: 0.14000000000000012, int: 3}"},
        {"math.modf(f: -2.0)", "{frac: -0, int: -2}"},
        {"math.modf(f: -inf)", "{frac: NaN, int: -Inf}"},
        {"math.sincos(x: 1.23)", "{cos: 0.3342377271245026, sin: 0.9424888019316975}"},
        {"math.sincos(x: -0.0)", "{cos: 1, sin: -0}"},
        {"math.sincos(x: inf)", "{cos: NaN, sin: NaN}"},
        {"math.signbit(x: -1.2)", "true"},
        {"math.signbit(x: -0.0)", "true"},
        {"math.signbit(x: 0.0)", "false"},
        // null in, null out (except the functions returning records)
        {"math.abs(x: nothing)", "<null>"},
        {"math.atan2(y: 1.0, x: nothing)", "<null>"},
        {"math.hypot(p: nothing, q: 1.0)", "<null>"},
        {"math.float64bits(f: nothing)", "<null>"},
        {"math.float64frombits(b: nothing)", "<null>"},
        {"math.ilogb(x: nothing)", "<null>"},
        {"math.isInf(f: nothing, sign: 1)", "<null>"},
        {"math.isInf(f: 1.0, sign: nothing)", "<null>"},
        {"math.isNaN(f: nothing)", "<null>"},
        {"math.signbit(x: nothing)", "<null>"},
        {"math.mInf(sign: nothing)", "<null>"},
        {"math.jn(n: nothing, x: 1.0)", "<null>"},
        {"math.yn(n: 1, x: nothing)", "<null>"},
        {"math.ldexp(frac: 1.0, exp: nothing)", "<null>"},
        {"math.pow10(n: nothing)", "<null>"},
    };

    static Stream<Arguments> others() {
        return Arrays.stream(OTHERS).map(c -> Arguments.of(c[0], c[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("others")
    void computesOthers(String expression, String expected) {
        assertEquals(expected, Values.display(FluxEval.eval("math", PRELUDE, expression)));
    }

    @Test
    void integerConstantsHaveTheirTypes() {
        assertInstanceOf(IntValue.class, FluxEval.eval("math", "", "math.maxint"));
        assertInstanceOf(IntValue.class, FluxEval.eval("math", "", "math.minint"));
        assertInstanceOf(UIntValue.class, FluxEval.eval("math", "", "math.maxuint"));
        assertInstanceOf(UIntValue.class, FluxEval.eval("math", "", "math.float64bits(f: 1.0)"));
        assertInstanceOf(IntValue.class, FluxEval.eval("math", "", "math.ilogb(x: 1.0)"));
    }

    /** {expression, a part of the error message}. */
    private static final String[][] ERRORS = {
        {"math.frexp(f: nothing)", "frexp does not support null values"},
        {"math.lgamma(x: nothing)", "lgamma does not support null values"},
        {"math.modf(f: nothing)", "modf does not support null values"},
        {"math.sincos(x: nothing)", "sincos does not support null values"},
        {"math.abs(x: -1)", "argument x of abs: expected float but found int"},
        {"math.pow10(n: 1.0)", "argument n of pow10: expected int but found float"},
        {"math.float64frombits(b: 4)", "argument b of float64frombits: expected uint but found int"},
        {"math.atan2(x: 1.0)", "missing required argument y"},
        {"math.hypot(x: 1.0, y: 2.0)", "found unexpected argument x"},
    };

    static Stream<Arguments> errors() {
        return Arrays.stream(ERRORS).map(c -> Arguments.of(c[0], c[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void fails(String expression, String message) {
        FluxException e = assertThrows(FluxException.class, () -> FluxEval.eval("math", PRELUDE, expression));
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    }
}
