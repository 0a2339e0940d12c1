package io.jflux.stdlib.universe;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.BoolValue;
import io.jflux.eval.BytesValue;
import io.jflux.eval.DurationValue;
import io.jflux.eval.Durations;
import io.jflux.eval.FloatValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.TimeValue;
import io.jflux.eval.UIntValue;
import io.jflux.eval.Value;
import io.jflux.eval.Values;
import io.jflux.syntax.Literals;
import io.jflux.syntax.Span;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** Flux's conversion functions, with the rules of its reference runtime. A null converts to null. */
public final class Conversions {

    private Conversions() {}

    private static final Pattern DECIMAL_FLOAT =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DECIMAL_INT = Pattern.compile("[+-]?\\d+");

    private static FluxException cannot(Value v, String to, Span span) {
        return new FluxException(ErrorCode.INVALID, "cannot convert " + v.kind().fluxName() + " to " + to, span);
    }

    private static FluxException syntax(String s, String to, Span span) {
        return new FluxException(ErrorCode.INVALID, "cannot convert string \"" + s + "\" to " + to
                + ": invalid syntax", span);
    }

    public static Value toInt(Value v, Span span) {
        if (v.isNull() || v instanceof IntValue) {
            return v;
        }
        if (v instanceof StringValue s) {
            String t = s.value();
            if (!DECIMAL_INT.matcher(t).matches()) {
                throw syntax(t, "int", span);
            }
            try {
                return IntValue.of(Long.parseLong(t.startsWith("+") ? t.substring(1) : t));
            } catch (NumberFormatException e) {
                throw new FluxException(ErrorCode.INVALID, "cannot convert string \"" + t
                        + "\" to int: value out of range", span);
            }
        }
        if (v instanceof UIntValue u) {
            return IntValue.of(u.value());
        }
        if (v instanceof FloatValue f) {
            return IntValue.of((long) f.value());
        }
        if (v instanceof BoolValue b) {
            return IntValue.of(b.value() ? 1 : 0);
        }
        if (v instanceof TimeValue t) {
            return IntValue.of(t.nanos());
        }
        if (v instanceof DurationValue d) {
            return IntValue.of(Durations.approxNanos(d));
        }
        throw cannot(v, "int", span);
    }

    public static Value toUInt(Value v, Span span) {
        if (v.isNull() || v instanceof UIntValue) {
            return v;
        }
        if (v instanceof StringValue s) {
            String t = s.value();
            if (!t.matches("\\d+")) {
                throw syntax(t, "uint", span);
            }
            try {
                return new UIntValue(Long.parseUnsignedLong(t));
            } catch (NumberFormatException e) {
                throw new FluxException(ErrorCode.INVALID, "cannot convert string \"" + t
                        + "\" to uint: value out of range", span);
            }
        }
        if (v instanceof IntValue i) {
            return new UIntValue(i.value());
        }
        if (v instanceof FloatValue f) {
            double d = f.value();
            if (d >= 9.223372036854775807E18) {
                return new UIntValue(new BigDecimal(d).toBigInteger().longValue());
            }
            return new UIntValue((long) d);
        }
        if (v instanceof BoolValue b) {
            return new UIntValue(b.value() ? 1 : 0);
        }
        if (v instanceof TimeValue t) {
            return new UIntValue(t.nanos());
        }
        if (v instanceof DurationValue d) {
            return new UIntValue(Durations.approxNanos(d));
        }
        throw cannot(v, "uint", span);
    }

    public static Value toFloat(Value v, Span span) {
        if (v.isNull() || v instanceof FloatValue) {
            return v;
        }
        if (v instanceof StringValue s) {
            return new FloatValue(parseFloat(s.value(), span));
        }
        if (v instanceof IntValue i) {
            return new FloatValue(i.value());
        }
        if (v instanceof UIntValue u) {
            long x = u.value();
            return new FloatValue(x >= 0 ? (double) x : ((double) (x >>> 1)) * 2.0 + (x & 1));
        }
        if (v instanceof BoolValue b) {
            return new FloatValue(b.value() ? 1.0 : 0.0);
        }
        throw cannot(v, "float", span);
    }

    /** Go's {@code ParseFloat}: decimal with optional exponent, or NaN / Inf / Infinity in any case. */
    public static double parseFloat(String t, Span span) {
        String lower = t.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "nan": case "+nan": case "-nan": return Double.NaN;
            case "inf": case "+inf": case "infinity": case "+infinity": return Double.POSITIVE_INFINITY;
            case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
            default: break;
        }
        if (!DECIMAL_FLOAT.matcher(t).matches()) {
            throw syntax(t, "float", span);
        }
        double d = Double.parseDouble(t);
        if (Double.isInfinite(d)) {
            throw new FluxException(ErrorCode.INVALID, "cannot convert string \"" + t
                    + "\" to float: value out of range", span);
        }
        return d;
    }

    public static Value toStringValue(Value v, Span span) {
        if (v.isNull() || v instanceof StringValue) {
            return v;
        }
        if (v instanceof BytesValue b) {
            try {
                return new StringValue(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b.bytes())).toString());
            } catch (CharacterCodingException e) {
                throw new FluxException(ErrorCode.INVALID, "cannot convert bytes to string: not valid UTF-8", span);
            }
        }
        String s = Values.toFluxString(v);
        if (s == null) {
            throw cannot(v, "string", span);
        }
        return new StringValue(s);
    }

    public static Value toBool(Value v, Span span) {
        if (v.isNull() || v instanceof BoolValue) {
            return v;
        }
        if (v instanceof StringValue s) {
            switch (s.value()) {
                case "true": return BoolValue.TRUE;
                case "false": return BoolValue.FALSE;
                default: throw syntax(s.value(), "bool", span);
            }
        }
        double d;
        if (v instanceof IntValue i) {
            d = i.value();
        } else if (v instanceof UIntValue u) {
            d = u.value() == 0 ? 0 : u.value() == 1 ? 1 : 2;
        } else if (v instanceof FloatValue f) {
            d = f.value();
        } else {
            throw cannot(v, "bool", span);
        }
        if (d == 0) {
            return BoolValue.FALSE;
        }
        if (d == 1) {
            return BoolValue.TRUE;
        }
        throw new FluxException(ErrorCode.INVALID, "cannot convert " + v.kind().fluxName() + " "
                + Values.toFluxString(v) + " to bool: must be 0 or 1", span);
    }

    public static Value toTime(Value v, Span span) {
        if (v.isNull() || v instanceof TimeValue) {
            return v;
        }
        if (v instanceof StringValue s) {
            try {
                return new TimeValue(Literals.parseDateTime(s.value()));
            } catch (IllegalArgumentException e) {
                throw new FluxException(ErrorCode.INVALID, "cannot convert string \"" + s.value()
                        + "\" to time: " + e.getMessage(), span);
            }
        }
        if (v instanceof IntValue i) {
            return new TimeValue(i.value());
        }
        if (v instanceof UIntValue u) {
            return new TimeValue(u.value());
        }
        throw cannot(v, "time", span);
    }

    public static Value toDuration(Value v, Span span) {
        if (v.isNull() || v instanceof DurationValue) {
            return v;
        }
        if (v instanceof StringValue s) {
            return Durations.parse(s.value(), span);
        }
        if (v instanceof IntValue i) {
            return DurationValue.ofNanos(i.value());
        }
        if (v instanceof UIntValue u) {
            return DurationValue.ofNanos(u.value());
        }
        throw cannot(v, "duration", span);
    }

    public static Value toBytes(Value v, Span span) {
        if (v.isNull() || v instanceof BytesValue) {
            return v;
        }
        if (v instanceof StringValue s) {
            return new BytesValue(s.value().getBytes(StandardCharsets.UTF_8));
        }
        throw cannot(v, "bytes", span);
    }

}
