package io.jflux.api;

import io.jflux.eval.ExecutionContext;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How to run a script: the time {@code now()} returns (by default, the moment the run starts), the clock
 * {@code system.time()} reads, and where printed output goes.
 */
public final class RunOptions {

    private final Instant now;
    private final LongSupplier clock;
    private final PrintStream out;

    private RunOptions(Instant now, LongSupplier clock, PrintStream out) {
        this.now = now;
        this.clock = clock;
        this.out = out;
    }

    public static RunOptions defaults() {
        return new RunOptions(null, ExecutionContext::systemNanos, System.out);
    }

    /** {@code now()} returns this instant, unless the script sets {@code option now}. */
    public RunOptions withNow(Instant now) {
        return new RunOptions(Objects.requireNonNull(now), clock, out);
    }

    /** The wall clock, in nanoseconds since the epoch. */
    public RunOptions withClock(LongSupplier clock) {
        return new RunOptions(now, Objects.requireNonNull(clock), out);
    }

    public RunOptions withOutput(PrintStream out) {
        return new RunOptions(now, clock, Objects.requireNonNull(out));
    }

    /** The fixed now, or null for "when the run starts". */
    public Instant now() {
        return now;
    }

    LongSupplier clock() {
        return clock;
    }

    PrintStream out() {
        return out;
    }
}
