package io.jflux.eval;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.syntax.Expression.DurationPart;
import io.jflux.syntax.Span;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Duration arithmetic, parsing and formatting with Flux's month/nanosecond split. */
public final class Durations {

    private Durations() {}

    public static final long NS = 1L;
    public static final long US = 1_000L;
    public static final long MS = 1_000_000L;
    public static final long S = 1_000_000_000L;
    public static final long M = 60 * S;
    public static final long H = 60 * M;
    public static final long D = 24 * H;
    public static final long W = 7 * D;
    /** The length Flux gives a month when a month must become nanoseconds: a twelfth of 365.25 days. */
    public static final long MONTH_APPROX = 2_629_800L * S;

    /** The value of a literal's parts; every unit adds to months ({@code y}, {@code mo}) or nanoseconds. */
    public static DurationValue fromParts(List<DurationPart> parts, Span span) {
        long months = 0;
        long nanos = 0;
        try {
            for (DurationPart p : parts) {
                long m = p.magnitude();
                switch (p.unit()) {
                    case "y": months = Math.addExact(months, Math.multiplyExact(m, 12)); break;
                    case "mo": months = Math.addExact(months, m); break;
                    case "w": nanos = Math.addExact(nanos, Math.multiplyExact(m, W)); break;
                    case "d": nanos = Math.addExact(nanos, Math.multiplyExact(m, D)); break;
                    case "h": nanos = Math.addExact(nanos, Math.multiplyExact(m, H)); break;
                    case "m": nanos = Math.addExact(nanos, Math.multiplyExact(m, M)); break;
                    case "s": nanos = Math.addExact(nanos, Math.multiplyExact(m, S)); break;
                    case "ms": nanos = Math.addExact(nanos, Math.multiplyExact(m, MS)); break;
                    case "us": case "\u00B5s": case "\u03BCs": nanos = Math.addExact(nanos, Math.multiplyExact(m, US)); break;
                    case "ns": nanos = Math.addExact(nanos, m); break;
                    default: throw new FluxException(ErrorCode.INVALID, "unknown duration unit " + p.unit(), span);
                }
            }
        } catch (ArithmeticException e) {
            throw new FluxException(ErrorCode.INVALID, "duration is out of range", span);
        }
        return new DurationValue(months, nanos);
    }

    /** Parses {@code 1h30m}, {@code -5m}, {@code 1mo}: the duration literal syntax with an optional sign. */
    public static DurationValue parse(String text, Span span) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("-")) {
            negative = true;
            s = s.substring(1);
        } else if (s.startsWith("+")) {
            s = s.substring(1);
        }
        List<DurationPart> parts = new ArrayList<>();
        int i = 0;
        if (s.isEmpty()) {
            throw bad(text, span);
        }
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw bad(text, span);
            }
            long mag;
            try {
                mag = Long.parseLong(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw bad(text, span);
            }
            int u = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i))) {
                i++;
            }
            String unit = s.substring(u, i);
            switch (unit) {
                case "y": case "mo": case "w": case "d": case "h": case "m": case "s": case "ms": case "us":
                case "\u00B5s": case "\u03BCs": case "ns":
                    parts.add(new DurationPart(mag, unit));
                    break;
                default:
                    throw bad(text, span);
            }
        }
        DurationValue d = fromParts(parts, span);
        return negative ? d.negate() : d;
    }

    private static FluxException bad(String text, Span span) {
        return new FluxException(ErrorCode.INVALID, "cannot convert string \"" + text
                + "\" to duration: expected a duration literal such as 1h30m or -5m", span);
    }

    public static DurationValue add(DurationValue a, DurationValue b, Span span) {
        long months = a.months() + b.months();
        long nanos = a.nanos() + b.nanos();
        if ((months < 0 && nanos > 0) || (months > 0 && nanos < 0)) {
            throw new FluxException(ErrorCode.INVALID, "duration magnitudes must be the same sign", span);
        }
        return new DurationValue(months, nanos);
    }

    /**
     * Adds a duration to a time: months first (a day past the end of the new month becomes its last day), then
     * nanoseconds.
     */
    public static long addTo(long timeNanos, DurationValue d, Span span) {
        long t = timeNanos;
        try {
            if (d.months() != 0) {
                long secs = Math.floorDiv(t, S);
                long frac = Math.floorMod(t, S);
                LocalDateTime dt = LocalDateTime.ofEpochSecond(secs, 0, ZoneOffset.UTC).plusMonths(d.months());
                t = Math.addExact(Math.multiplyExact(dt.toEpochSecond(ZoneOffset.UTC), S), frac);
            }
            return Math.addExact(t, d.nanos());
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new FluxException(ErrorCode.INVALID, "time is out of range", span);
        }
    }

    /** Nanoseconds, counting a month as a twelfth of 365.25 days. */
    public static long approxNanos(DurationValue d) {
        return d.months() * MONTH_APPROX + d.nanos();
    }

    public static int compare(DurationValue a, DurationValue b) {
        return Long.compare(approxNanos(a), approxNanos(b));
    }

    /** Flux's text of a duration: {@code 1y2mo}, {@code 1w1d}, {@code 1h30m}, {@code -5m}, {@code 0ns}. */
    public static String format(DurationValue d) {
        if (d.isZero()) {
            return "0ns";
        }
        StringBuilder sb = new StringBuilder();
        long months = d.months();
        long nanos = d.nanos();
        if (d.isNegative()) {
            sb.append('-');
            months = -months;
            nanos = -nanos;
        }
        if (months / 12 != 0) {
            sb.append(months / 12).append('y');
        }
        if (months % 12 != 0) {
            sb.append(months % 12).append("mo");
        }
        long[] sizes = {W, D, H, M, S, MS, US, NS};
        String[] units = {"w", "d", "h", "m", "s", "ms", "us", "ns"};
        // Long.MIN_VALUE nanoseconds cannot be negated; it does not arise from literals.
        for (int i = 0; i < sizes.length; i++) {
            long n = nanos / sizes[i];
            if (n != 0) {
                sb.append(n).append(units[i]);
                nanos -= n * sizes[i];
            }
        }
        return sb.toString();
    }
}
