package io.jflux.eval;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.syntax.Operator;
import io.jflux.syntax.Span;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Flux's operators on values, with Flux's rules: no implicit int/float arithmetic (comparisons may mix numeric
 * kinds), wrapping 64-bit integers, errors for integer division by zero, IEEE floats, null in gives null out,
 * and time ± duration.
 */
public final class Operators {

    private Operators() {}

    public static Value binary(Operator op, Value l, Value r, Span span) {
        if (op == Operator.REGEX_MATCH || op == Operator.REGEX_NOT_MATCH) {
            return regexMatch(op, l, r, span);
        }
        if (l.isNull() || r.isNull()) {
            return NullValue.NULL;
        }
        switch (op) {
            case EQ:
                return BoolValue.of(equal(l, r, span));
            case NEQ:
                return BoolValue.of(!equal(l, r, span));
            case LT:
                return BoolValue.of(compare(l, r, op, span) < 0);
            case LTE:
                return BoolValue.of(compare(l, r, op, span) <= 0);
            case GT:
                return BoolValue.of(compare(l, r, op, span) > 0);
            case GTE:
                return BoolValue.of(compare(l, r, op, span) >= 0);
            default:
                return arithmetic(op, l, r, span);
        }
    }

    private static FluxException unsupported(Operator op, Value l, Value r, Span span) {
        return new FluxException(ErrorCode.INVALID, "type error: cannot apply " + op.symbol() + " to "
                + l.kind().fluxName() + " and " + r.kind().fluxName(), span);
    }

    private static Value arithmetic(Operator op, Value l, Value r, Span span) {
        if (l instanceof IntValue a && r instanceof IntValue b) {
            long x = a.value();
            long y = b.value();
            switch (op) {
                case ADD: return IntValue.of(x + y);
                case SUB: return IntValue.of(x - y);
                case MUL: return IntValue.of(x * y);
                case DIV:
                    if (y == 0) {
                        throw new FluxException(ErrorCode.INVALID, "cannot divide by zero", span);
                    }
                    return IntValue.of(x / y);
                case MOD:
                    if (y == 0) {
                        throw new FluxException(ErrorCode.INVALID, "cannot take the remainder of a division by zero", span);
                    }
                    return IntValue.of(x % y);
                case POW: return IntValue.of(intPow(x, y));
                default: break;
            }
        } else if (l instanceof UIntValue a && r instanceof UIntValue b) {
            long x = a.value();
            long y = b.value();
            switch (op) {
                case ADD: return new UIntValue(x + y);
                case SUB: return new UIntValue(x - y);
                case MUL: return new UIntValue(x * y);
                case DIV:
                    if (y == 0) {
                        throw new FluxException(ErrorCode.INVALID, "cannot divide by zero", span);
                    }
                    return new UIntValue(Long.divideUnsigned(x, y));
                case MOD:
                    if (y == 0) {
                        throw new FluxException(ErrorCode.INVALID, "cannot take the remainder of a division by zero", span);
                    }
                    return new UIntValue(Long.remainderUnsigned(x, y));
                case POW: return new UIntValue(intPow(x, y));
                default: break;
            }
        } else if (l instanceof FloatValue a && r instanceof FloatValue b) {
            double x = a.value();
            double y = b.value();
            switch (op) {
                case ADD: return new FloatValue(x + y);
                case SUB: return new FloatValue(x - y);
                case MUL: return new FloatValue(x * y);
                case DIV: return new FloatValue(x / y);
                case MOD: return new FloatValue(x % y);
                case POW: return new FloatValue(Math.pow(x, y));
                default: break;
            }
        } else if (l instanceof StringValue a && r instanceof StringValue b && op == Operator.ADD) {
            return new StringValue(a.value().concat(b.value()));
        } else if (l instanceof TimeValue t && r instanceof DurationValue d) {
            if (op == Operator.ADD) {
                return new TimeValue(Durations.addTo(t.nanos(), d, span));
            }
            if (op == Operator.SUB) {
                return new TimeValue(Durations.addTo(t.nanos(), d.negate(), span));
            }
        } else if (l instanceof DurationValue d && r instanceof TimeValue t && op == Operator.ADD) {
            return new TimeValue(Durations.addTo(t.nanos(), d, span));
        } else if (l instanceof DurationValue a && r instanceof DurationValue b) {
            if (op == Operator.ADD) {
                return Durations.add(a, b, span);
            }
            if (op == Operator.SUB) {
                return Durations.add(a, b.negate(), span);
            }
        }
        if (isNumeric(l) && isNumeric(r) && l.kind() != r.kind()) {
            throw new FluxException(ErrorCode.INVALID, "type error: cannot apply " + op.symbol() + " to "
                    + l.kind().fluxName() + " and " + r.kind().fluxName()
                    + " (convert one side with int(), uint() or float())", span);
        }
        throw unsupported(op, l, r, span);
    }

    /**
     * {@code x ^ y} for integers, as Flux documents it ({@code 2 ^ 3} is the int 8): exact, wrapping on overflow
     * like every integer operation; a negative exponent gives the truncated quotient ({@code 2 ^ -1} is 0).
     * For uints, the bits are read unsigned and the exponent is never negative.
     */
    static long intPow(long x, long y) {
        if (y < 0) {
            if (x == 1) {
                return 1;
            }
            if (x == -1) {
                return (y & 1) == 0 ? 1 : -1;
            }
            return 0;
        }
        long result = 1;
        long base = x;
        long e = y;
        while (e != 0) {
            if ((e & 1) != 0) {
                result *= base;
            }
            base *= base;
            e >>>= 1;
        }
        return result;
    }

    static double unsignedToDouble(long u) {
        double d = (double) (u >>> 1) * 2.0 + (u & 1);
        return u >= 0 ? (double) u : d;
    }

    private static boolean isNumeric(Value v) {
        return v instanceof IntValue || v instanceof UIntValue || v instanceof FloatValue;
    }

    public static Value negate(Value v, Span span) {
        if (v.isNull()) {
            return v;
        }
        if (v instanceof IntValue i) {
            return IntValue.of(-i.value());
        }
        if (v instanceof FloatValue f) {
            return new FloatValue(-f.value());
        }
        if (v instanceof UIntValue u) {
            return new UIntValue(-u.value());
        }
        if (v instanceof DurationValue d) {
            return d.negate();
        }
        throw new FluxException(ErrorCode.INVALID, "cannot negate a value of type " + v.kind().fluxName(), span);
    }

    public static Value plus(Value v, Span span) {
        if (v.isNull() || isNumeric(v) || v instanceof DurationValue) {
            return v;
        }
        throw new FluxException(ErrorCode.INVALID, "unary + needs a number or duration, got "
                + v.kind().fluxName(), span);
    }

    private static Value regexMatch(Operator op, Value l, Value r, Span span) {
        if (l.isNull() || r.isNull()) {
            return NullValue.NULL;
        }
        if (!(l instanceof StringValue s) || !(r instanceof RegexValue re)) {
            throw new FluxException(ErrorCode.INVALID, "type error: " + op.symbol() + " needs a string on the left and a regex on "
                    + "the right, got " + l.kind().fluxName() + " and " + r.kind().fluxName(), span);
        }
        boolean found = re.pattern().matcher(s.value()).find();
        return BoolValue.of(op == Operator.REGEX_MATCH ? found : !found);
    }

    /** Flux equality of two non-null values; numeric kinds compare by value. */
    public static boolean equal(Value l, Value r, Span span) {
        if (isNumeric(l) && isNumeric(r)) {
            return compareNumbers(l, r) == 0 && !(isNaN(l) || isNaN(r));
        }
        if (l.kind() != r.kind()) {
            throw new FluxException(ErrorCode.INVALID, "type error: cannot compare " + l.kind().fluxName() + " with "
                    + r.kind().fluxName(), span);
        }
        if (l instanceof ArrayValue a && r instanceof ArrayValue b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equalOrBothNull(a.get(i), b.get(i), span)) {
                    return false;
                }
            }
            return true;
        }
        if (l instanceof RecordValue a && r instanceof RecordValue b) {
            if (a.fields().size() != b.fields().size()) {
                return false;
            }
            for (Map.Entry<String, Value> e : a.fields().entrySet()) {
                Value other = b.get(e.getKey());
                if (other == null || !equalOrBothNull(e.getValue(), other, span)) {
                    return false;
                }
            }
            return true;
        }
        if (l instanceof DictValue a && r instanceof DictValue b) {
            if (a.entries().size() != b.entries().size()) {
                return false;
            }
            Iterator<Map.Entry<Value, Value>> ia = a.entries().entrySet().iterator();
            for (Map.Entry<Value, Value> e : b.entries().entrySet()) {
                Map.Entry<Value, Value> x = ia.next();
                if (!equalOrBothNull(x.getKey(), e.getKey(), span) || !equalOrBothNull(x.getValue(), e.getValue(), span)) {
                    return false;
                }
            }
            return true;
        }
        if (l instanceof FunctionValue) {
            throw new FluxException(ErrorCode.INVALID, "functions cannot be compared", span);
        }
        return l.equals(r);
    }

    private static boolean equalOrBothNull(Value a, Value b, Span span) {
        if (a.isNull() || b.isNull()) {
            return a.isNull() && b.isNull();
        }
        return equal(a, b, span);
    }

    private static boolean isNaN(Value v) {
        return v instanceof FloatValue f && Double.isNaN(f.value());
    }

    /** Orders two non-null values of comparable kinds. */
    public static int compare(Value l, Value r, Operator op, Span span) {
        if (isNumeric(l) && isNumeric(r)) {
            if (isNaN(l) || isNaN(r)) {
                return op == Operator.LT || op == Operator.LTE ? 1 : -1; // every ordering with NaN is false
            }
            return compareNumbers(l, r);
        }
        if (l instanceof StringValue a && r instanceof StringValue b) {
            return compareUtf8(a.value(), b.value());
        }
        if (l instanceof TimeValue a && r instanceof TimeValue b) {
            return Long.compare(a.nanos(), b.nanos());
        }
        if (l instanceof DurationValue a && r instanceof DurationValue b) {
            return Durations.compare(a, b);
        }
        if (l.kind() == r.kind()) {
            throw new FluxException(ErrorCode.INVALID, "type error: values of type " + l.kind().fluxName()
                    + " have no order, so " + op.symbol() + " cannot compare them", span);
        }
        throw new FluxException(ErrorCode.INVALID, "type error: cannot compare " + l.kind().fluxName() + " with "
                + r.kind().fluxName(), span);
    }

    static int compareNumbers(Value l, Value r) {
        if (l instanceof IntValue a && r instanceof IntValue b) {
            return Long.compare(a.value(), b.value());
        }
        if (l instanceof UIntValue a && r instanceof UIntValue b) {
            return Long.compareUnsigned(a.value(), b.value());
        }
        if (l instanceof IntValue a && r instanceof UIntValue b) {
            return a.value() < 0 ? -1 : Long.compareUnsigned(a.value(), b.value());
        }
        if (l instanceof UIntValue a && r instanceof IntValue b) {
            return b.value() < 0 ? 1 : Long.compareUnsigned(a.value(), b.value());
        }
        return Double.compare(toDouble(l), toDouble(r)) == 0 ? 0 : (toDouble(l) < toDouble(r) ? -1 : 1);
    }

    static double toDouble(Value v) {
        if (v instanceof IntValue i) {
            return i.value();
        }
        if (v instanceof UIntValue u) {
            return unsignedToDouble(u.value());
        }
        return ((FloatValue) v).value();
    }

    /** Strings order by their UTF-8 bytes, as Flux orders them (code point order). */
    public static int compareUtf8(String a, String b) {
        if (a == b) {
            return 0;
        }
        // UTF-16 order is code point order except where a surrogate differs: compare chars until then
        int n = Math.min(a.length(), b.length());
        for (int k = 0; k < n; k++) {
            char x = a.charAt(k);
            char y = b.charAt(k);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return compareCodePoints(a, b);
                }
                return x < y ? -1 : 1;
            }
        }
        return Integer.signum(a.length() - b.length());
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
