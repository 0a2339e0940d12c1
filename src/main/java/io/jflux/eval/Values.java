package io.jflux.eval;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Text forms of values: {@code string(v:)} for basic values and {@code display(v:)} for any value. */
public final class Values {

    private Values() {}

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** A time as Flux writes it: RFC3339 in UTC with nine fractional digits. */
    public static String formatTime(long nanos) {
        Instant i = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        return TIME.format(i);
    }

    /** The shortest decimal that reads back as {@code d}, without an exponent ({@code string(v:)}). */
    public static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        byte[] b = new byte[ShortestDecimal.MAX_PLAIN_LENGTH];
        int n = new ShortestDecimal().writePlain(d, b, 0);
        return new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The significant digits of a number (no leading or trailing zeros) and where its decimal point goes. */
    private record Digits(String digits, int point) {}

    /** The fewest significant digits that read back as {@code |d|} (as Go's {@code 'f', -1} and {@code %v}). */
    private static Digits shortest(double d) {
        ShortestDecimal g = new ShortestDecimal().set(d);
        String digits = Long.toString(g.digits());
        return new Digits(digits, digits.length() + g.exponent());
    }

    /** Go's {@code %v} of a float: shortest digits, exponent form below 1e-4 and from 1e21 ({@code display}). */
    public static String displayFloat(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
            return formatFloat(d);
        }
        Digits g = shortest(d);
        int exp = g.point - 1;
        if (exp < -4 || exp >= 21) {
            StringBuilder sb = new StringBuilder();
            if (d < 0) {
                sb.append('-');
            }
            sb.append(g.digits.charAt(0));
            if (g.digits.length() > 1) {
                sb.append('.').append(g.digits, 1, g.digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
            return sb.toString();
        }
        return formatFloat(d);
    }

    /** {@code string(v:)} of a basic value; null for values that have no string form. */
    public static String toFluxString(Value v) {
        if (v instanceof StringValue s) {
            return s.value();
        }
        if (v instanceof IntValue i) {
            return Long.toString(i.value());
        }
        if (v instanceof UIntValue u) {
            return Long.toUnsignedString(u.value());
        }
        if (v instanceof FloatValue f) {
            return formatFloat(f.value());
        }
        if (v instanceof BoolValue b) {
            return b.value() ? "true" : "false";
        }
        if (v instanceof TimeValue t) {
            return formatTime(t.nanos());
        }
        if (v instanceof DurationValue d) {
            return Durations.format(d);
        }
        return null;
    }

    /** {@code display(v:)}: a readable form of any value. */
    public static String display(Value v) {
        StringBuilder sb = new StringBuilder();
        display(sb, v, 0);
        return sb.toString();
    }

    private static void display(StringBuilder sb, Value v, int indent) {
        if (v.isNull()) {
            sb.append("<null>");
        } else if (v instanceof FloatValue f) {
            sb.append(displayFloat(f.value()));
        } else if (v instanceof BytesValue b) {
            sb.append("0x");
            for (byte x : b.bytes()) {
                sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
            }
        } else if (v instanceof RegexValue r) {
            sb.append(r.source());
        } else if (v instanceof ArrayValue a) {
            List<String> items = new ArrayList<>();
            for (Value e : a.elements()) {
                StringBuilder inner = new StringBuilder();
                display(inner, e, indent + 1);
                items.add(inner.toString());
            }
            collection(sb, "[", "]", items, indent);
        } else if (v instanceof RecordValue r) {
            Map<String, Value> sorted = new TreeMap<>(Operators::compareUtf8);
            sorted.putAll(r.fields());
            List<String> items = new ArrayList<>();
            for (Map.Entry<String, Value> e : sorted.entrySet()) {
                StringBuilder inner = new StringBuilder(e.getKey()).append(": ");
                display(inner, e.getValue(), indent + 1);
                items.add(inner.toString());
            }
            collection(sb, "{", "}", items, indent);
        } else if (v instanceof DictValue d) {
            if (d.entries().isEmpty()) {
                sb.append("[:]");
                return;
            }
            List<String> items = new ArrayList<>();
            for (Map.Entry<Value, Value> e : d.entries().entrySet()) {
                StringBuilder inner = new StringBuilder();
                display(inner, e.getKey(), indent + 1);
                inner.append(": ");
                display(inner, e.getValue(), indent + 1);
                items.add(inner.toString());
            }
            collection(sb, "[", "]", items, indent);
        } else if (v instanceof FunctionValue f) {
            sb.append(f.toString());
        } else {
            String s = toFluxString(v);
            sb.append(s != null ? s : v.toString());
        }
    }

    private static void collection(StringBuilder sb, String open, String close, List<String> items, int indent) {
        if (items.size() <= 3) {
            sb.append(open).append(String.join(", ", items)).append(close);
            return;
        }
        String pad = "    ".repeat(indent + 1);
        sb.append(open).append('\n');
        for (String item : items) {
            sb.append(pad).append(item).append(",\n");
        }
        sb.append("    ".repeat(indent)).append(close);
    }
}
