package io.jflux.syntax;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Literal forms shared by the parser and the conversion functions. */
public final class Literals {

    private Literals() {}

    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2}))?");

    private static final Pattern NO_OFFSET = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");

    private static final Pattern FRACTION_TOO_LONG = Pattern.compile(":\\d{2}\\.\\d{10,}");

    /**
     * Nanoseconds since the epoch of a date-time literal: RFC3339 with an offset, or a bare date (midnight UTC).
     *
     * @throws IllegalArgumentException when the text is not such a literal or names no real instant
     */
    public static long parseDateTime(String text) {
        if (!DATE_TIME.matcher(text).matches()) {
            if (NO_OFFSET.matcher(text).matches()) {
                throw new IllegalArgumentException("a time of day needs a UTC offset, such as Z or +01:00");
            }
            if (FRACTION_TOO_LONG.matcher(text).find()) {
                throw new IllegalArgumentException("at most 9 fractional digits (nanoseconds) are allowed");
            }
            throw new IllegalArgumentException("expected RFC3339, such as 2021-01-01T00:00:00Z, or a date");
        }
        try {
            if (text.length() == 10) {
                long seconds = LocalDate.parse(text).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
                return Math.multiplyExact(seconds, 1_000_000_000L);
            }
            OffsetDateTime t = OffsetDateTime.parse(text);
            long seconds = t.toEpochSecond();
            long nanos = t.getNano();
            if (seconds < 0 && nanos > 0) {
                // Borrow a second so that instants just after the earliest one (1677-09-21T00:12:43.145224192Z)
                // do not overflow on the way: their whole seconds alone lie below the range.
                seconds++;
                nanos -= 1_000_000_000L;
            }
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("no such date or time", e);
        }
    }
}
