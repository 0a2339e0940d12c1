package io.jflux.eval;

/**
 * A duration as Flux keeps it: a number of months and a number of nanoseconds, which cannot be converted into
 * each other (a month has no fixed length). Both parts carry the same sign.
 */
public record DurationValue(long months, long nanos) implements Value {

    public static final DurationValue ZERO = new DurationValue(0, 0);

    public static DurationValue ofNanos(long nanos) {
        return new DurationValue(0, nanos);
    }

    @Override
    public Kind kind() {
        return Kind.DURATION;
    }

    public boolean isNegative() {
        return months < 0 || nanos < 0;
    }

    public boolean isZero() {
        return months == 0 && nanos == 0;
    }

    public DurationValue negate() {
        return new DurationValue(-months, -nanos);
    }
}
