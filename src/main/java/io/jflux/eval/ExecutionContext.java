package io.jflux.eval;

import java.io.PrintStream;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What one execution may touch outside itself: packages, the clock, the time {@code now()} returns, and standard
 * output. Nothing in the interpreter reaches for globals; tests and embedders pass their own.
 */
public final class ExecutionContext {

    private final PackageLoader loader;
    private final LongSupplier clock;
    private final long now;
    private final PrintStream out;

    /**
     * @param loader where packages come from
     * @param clock the wall clock in nanoseconds since the epoch ({@code system.time()})
     * @param now the instant {@code now()} returns unless the script sets {@code option now}
     * @param out where {@code display}-like output goes
     */
    public ExecutionContext(PackageLoader loader, LongSupplier clock, long now, PrintStream out) {
        this.loader = Objects.requireNonNull(loader);
        this.clock = Objects.requireNonNull(clock);
        this.now = now;
        this.out = Objects.requireNonNull(out);
    }

    public PackageLoader loader() {
        return loader;
    }

    public long wallClock() {
        return clock.getAsLong();
    }

    public long now() {
        return now;
    }

    public PrintStream out() {
        return out;
    }

    /** Nanoseconds since the epoch from the system clock, with the best resolution the JVM gives. */
    public static long systemNanos() {
        java.time.Instant i = java.time.Instant.now();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
