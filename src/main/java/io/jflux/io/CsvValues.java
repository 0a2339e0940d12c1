package io.jflux.io;

import io.jflux.diag.FluxException;
import io.jflux.eval.DurationValue;
import io.jflux.eval.Durations;
import io.jflux.syntax.Span;
import java.nio.charset.StandardCharsets;

/**
 * Cell values of annotated CSV, parsed from UTF-8 bytes without making strings, and written back. Parsing
 * accepts what Go's {@code strconv} and {@code time.Parse(time.RFC3339, ...)} accept, since that is what Flux
 * reads annotated CSV with; writing gives what Flux's CSV encoder writes.
 */
final class CsvValues {

    private CsvValues() {}

    /** A cell that does not hold a value of its column's type. Carries no stack: it is turned into a message. */
    static final class Invalid extends RuntimeException {
        static final Invalid INSTANCE = new Invalid(null);
        static final Invalid RANGE = new Invalid("out of range");

        Invalid(String reason) {
            super(reason, null, false, false);
        }

        /** " (reason)" or "". */
        String suffix() {
            return getMessage() == null ? "" : " (" + getMessage() + ")";
        }
    }

    /** Go's {@code strconv.ParseInt(s, 10, 64)}: an optional sign, then decimal digits. */
    static long parseLong(byte[] b, int s, int e) {
        if (s == e) {
            throw Invalid.INSTANCE;
        }
        boolean neg = false;
        if (b[s] == '+' || b[s] == '-') {
            neg = b[s] == '-';
            s++;
            if (s == e) {
                throw Invalid.INSTANCE;
            }
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw Invalid.INSTANCE;
            }
            // accumulate negatively so that Long.MIN_VALUE fits
            if (v < (Long.MIN_VALUE + d) / 10) {
                throw Invalid.RANGE;
            }
            v = v * 10 - d;
        }
        if (!neg) {
            if (v == Long.MIN_VALUE) {
                throw Invalid.RANGE;
            }
            v = -v;
        }
        return v;
    }

    /** Go's {@code strconv.ParseUint(s, 10, 64)}: decimal digits only, no sign. */
    static long parseUnsigned(byte[] b, int s, int e) {
        if (s == e) {
            throw Invalid.INSTANCE;
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw Invalid.INSTANCE;
            }
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, 10)) > 0) {
                throw Invalid.RANGE;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Go's {@code strconv.ParseBool}: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False. */
    static boolean parseBool(byte[] b, int s, int e) {
        switch (ascii(b, s, e)) {
            case "1": case "t": case "T": case "TRUE": case "true": case "True":
                return true;
            case "0": case "f": case "F": case "FALSE": case "false": case "False":
                return false;
            default:
                throw Invalid.INSTANCE;
        }
    }

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22};

    /**
     * Go's {@code strconv.ParseFloat(s, 64)}: decimal with optional fraction and exponent, hexadecimal with a
     * {@code p} exponent, {@code inf}/{@code infinity} with an optional sign and {@code nan} in any case. A
     * value beyond the largest double is an error, as in Go.
     */
    static double parseDouble(byte[] b, int s, int e) {
        if (s == e) {
            throw Invalid.INSTANCE;
        }
        int i = s;
        boolean neg = false;
        if (b[i] == '+' || b[i] == '-') {
            neg = b[i] == '-';
            i++;
        }
        if (i < e && (b[i] | 0x20) == 'i' || i == s && (b[i] | 0x20) == 'n') {
            String word = ascii(b, i, e).toLowerCase(java.util.Locale.ROOT);
            if (word.equals("inf") || word.equals("infinity")) {
                return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (i == s && word.equals("nan")) {
                return Double.NaN;
            }
            throw Invalid.INSTANCE;
        }
        if (e - i > 2 && b[i] == '0' && (b[i + 1] | 0x20) == 'x') {
            return hexDouble(b, s, e);
        }
        // decimal: digits [. digits] [e [sign] digits], at least one digit in the mantissa
        long mantissa = 0;
        int significant = 0;
        int dropped = 0;
        int fraction = 0;
        int digits = 0;
        boolean exact = true;
        for (; i < e && b[i] >= '0' && b[i] <= '9'; i++, digits++) {
            if (mantissa == 0 && b[i] == '0') {
                continue;
            }
            if (significant < 18) {
                mantissa = mantissa * 10 + (b[i] - '0');
                significant++;
            } else {
                dropped++;
                exact &= b[i] == '0';
            }
        }
        if (i < e && b[i] == '.') {
            i++;
            for (; i < e && b[i] >= '0' && b[i] <= '9'; i++, digits++) {
                if (mantissa == 0 && b[i] == '0') {
                    fraction++;
                    continue;
                }
                if (significant < 18) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    significant++;
                    fraction++;
                } else {
                    exact &= b[i] == '0';
                }
            }
        }
        if (digits == 0) {
            throw Invalid.INSTANCE;
        }
        long exp = 0;
        if (i < e && (b[i] | 0x20) == 'e') {
            i++;
            boolean eneg = false;
            if (i < e && (b[i] == '+' || b[i] == '-')) {
                eneg = b[i] == '-';
                i++;
            }
            if (i == e) {
                throw Invalid.INSTANCE;
            }
            for (; i < e && b[i] >= '0' && b[i] <= '9'; i++) {
                if (exp < 100_000) {
                    exp = exp * 10 + (b[i] - '0');
                }
            }
            if (eneg) {
                exp = -exp;
            }
        }
        if (i != e) {
            throw Invalid.INSTANCE;
        }
        long scale = exp + dropped - fraction;
        if (exact && mantissa < (1L << 53) && Math.abs(scale) <= 22) {
            double m = mantissa;
            double v = scale < 0 ? m / POW10[(int) -scale] : m * POW10[(int) scale];
            return neg ? -v : v;
        }
        double v = Double.parseDouble(ascii(b, s, e));
        if (Double.isInfinite(v)) {
            throw Invalid.RANGE;
        }
        return v;
    }

    private static double hexDouble(byte[] b, int s, int e) {
        String text = ascii(b, s, e);
        if (!text.matches("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?[0-9]+")) {
            throw Invalid.INSTANCE;
        }
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v)) {
            throw Invalid.RANGE;
        }
        return v;
    }

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    /**
     * An RFC3339 time as Go's {@code time.Parse(time.RFC3339, s)} reads it: {@code YYYY-MM-DDTHH:MM:SS}, an
     * optional fraction of any number of digits (digits past the ninth are dropped), then {@code Z} or an offset
     * {@code ±HH:MM}. Returns nanoseconds since the epoch.
     */
    static long parseTime(byte[] b, int s, int e) {
        int n = e - s;
        if (n < 20 || b[s + 4] != '-' || b[s + 7] != '-' || b[s + 10] != 'T' || b[s + 13] != ':'
                || b[s + 16] != ':') {
            throw Invalid.INSTANCE;
        }
        int year = digits(b, s, 4);
        int month = digits(b, s + 5, 2);
        int day = digits(b, s + 8, 2);
        int hour = digits(b, s + 11, 2);
        int minute = digits(b, s + 14, 2);
        int second = digits(b, s + 17, 2);
        int i = s + 19;
        long nanos = 0;
        if (b[i] == '.') {
            i++;
            int start = i;
            int scale = 100_000_000;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                nanos += (b[i] - '0') * (long) scale;
                scale /= 10;
                i++;
            }
            if (i == start) {
                throw Invalid.INSTANCE;
            }
        }
        int offset;
        if (i < e && b[i] == 'Z') {
            offset = 0;
            i++;
        } else if (e - i == 6 && (b[i] == '+' || b[i] == '-') && b[i + 3] == ':') {
            int oh = digits(b, i + 1, 2);
            int om = digits(b, i + 4, 2);
            if (oh > 23 || om > 59) {
                throw new Invalid("time zone offset out of range");
            }
            offset = (oh * 60 + om) * 60 * (b[i] == '-' ? -1 : 1);
            i += 6;
        } else {
            throw Invalid.INSTANCE;
        }
        if (i != e) {
            throw Invalid.INSTANCE;
        }
        if (month < 1 || month > 12) {
            throw new Invalid("month out of range");
        }
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        int dim = month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
        if (day < 1 || day > dim) {
            throw new Invalid("day out of range");
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw new Invalid("hour, minute or second out of range");
        }
        long seconds = daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offset;
        try {
            // the earliest time's whole seconds alone do not fit: borrow one second for the fraction
            if (seconds < 0 && nanos > 0) {
                return Math.addExact(Math.multiplyExact(seconds + 1, 1_000_000_000L), nanos - 1_000_000_000L);
            }
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
        } catch (ArithmeticException x) {
            throw new Invalid("out of the range of times: 1677-09-21 to 2262-04-11");
        }
    }

    private static int digits(byte[] b, int s, int n) {
        int v = 0;
        for (int i = s; i < s + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw Invalid.INSTANCE;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Days since 1970-01-01 of a date of the proleptic Gregorian calendar. */
    static long daysFromCivil(long y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /**
     * A duration: an integer number of nanoseconds (as annotated CSV defines the type) or a Flux duration literal
     * such as {@code 1h30m} or {@code -5m}; months count as a twelfth of 365.25 days, as in every table column.
     */
    static long parseDuration(byte[] b, int s, int e) {
        int i = s;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        boolean integer = i < e;
        for (int k = i; k < e; k++) {
            integer &= b[k] >= '0' && b[k] <= '9';
        }
        if (integer) {
            return parseLong(b, s, e);
        }
        try {
            return Durations.approxNanos(Durations.parse(new String(b, s, e - s, StandardCharsets.UTF_8), Span.NONE));
        } catch (FluxException x) {
            throw Invalid.INSTANCE;
        }
    }

    private static String ascii(byte[] b, int s, int e) {
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }

    // ---- writing

    /** Flux's CSV text of a time: RFC3339 in UTC with the fewest fraction digits (none for whole seconds). */
    static void appendTime(StringBuilder sb, long nanos) {
        long secs = Math.floorDiv(nanos, 1_000_000_000L);
        int frac = (int) Math.floorMod(nanos, 1_000_000_000L);
        long days = Math.floorDiv(secs, 86_400L);
        int sod = (int) Math.floorMod(secs, 86_400L);
        // civil from days
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        if (m <= 2) {
            y++;
        }
        pad(sb, y, 4).append('-');
        pad(sb, m, 2).append('-');
        pad(sb, d, 2).append('T');
        pad(sb, sod / 3600, 2).append(':');
        pad(sb, sod / 60 % 60, 2).append(':');
        pad(sb, sod % 60, 2);
        if (frac != 0) {
            int width = 9;
            while (frac % 10 == 0) {
                frac /= 10;
                width--;
            }
            sb.append('.');
            pad(sb, frac, width);
        }
        sb.append('Z');
    }

    private static StringBuilder pad(StringBuilder sb, long v, int width) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    /** The text of a duration column's cell (nanoseconds) as a Flux duration literal: {@code 1h30m}. */
    static String formatDuration(long nanos) {
        return Durations.format(DurationValue.ofNanos(nanos));
    }
}
