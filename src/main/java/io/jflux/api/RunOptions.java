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
    private final long memoryLimit;
    private final PrintStream notes;

    private RunOptions(Instant now, LongSupplier clock, PrintStream out, long memoryLimit, PrintStream notes) {
        this.now = now;
        this.clock = clock;
        this.out = out;
        this.memoryLimit = memoryLimit;
        this.notes = notes;
    }

    public static RunOptions defaults() {
        return new RunOptions(null, ExecutionContext::systemNanos, System.out, 0, System.err);
    }

    /** Where notes about a run go (e.g. rows {@code to()} could not write); standard error by default. */
    public RunOptions withNotes(PrintStream notes) {
        return new RunOptions(now, clock, out, memoryLimit, Objects.requireNonNull(notes));
    }

    PrintStream notes() {
        return notes;
    }

    /** {@code now()} returns this instant, unless the script sets {@code option now}. */
    public RunOptions withNow(Instant now) {
        return new RunOptions(Objects.requireNonNull(now), clock, out, memoryLimit, notes);
    }

    /** The wall clock, in nanoseconds since the epoch. */
    public RunOptions withClock(LongSupplier clock) {
        return new RunOptions(now, Objects.requireNonNull(clock), out, memoryLimit, notes);
    }

    public RunOptions withOutput(PrintStream out) {
        return new RunOptions(now, clock, Objects.requireNonNull(out), memoryLimit, notes);
    }

    /**
     * The most bytes of table memory one run may hold (0: no limit). Going past it fails the script with a
     * {@code RESOURCE_EXHAUSTED} error instead of exhausting the JVM.
     */
    public RunOptions withMemoryLimit(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("memory limit must not be negative");
        }
        return new RunOptions(now, clock, out, bytes, notes);
    }

    public long memoryLimit() {
        return memoryLimit;
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
