package io.jflux.eval;

/** A point in time: nanoseconds since the Unix epoch, UTC. */
public record TimeValue(long nanos) implements Value {
    @Override
    public Kind kind() {
        return Kind.TIME;
    }
}
