package io.jflux.eval;

import java.io.PrintStream;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What one execution may touch outside itself: packages, the clock, the time {@code now()} returns, and standard
 * output. Nothing in the interpreter reaches for globals; tests and embedders pass their own.
 */
public final class ExecutionContext implements AutoCloseable {

    private final PackageLoader loader;
    private final LongSupplier clock;
    private final long now;
    private final PrintStream out;
    private long memoryLimit;
    private PrintStream notes;
    private final java.util.Map<Class<?>, Object> resources = new java.util.LinkedHashMap<>();

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

    /** Where notes about the run go (rows a sink skipped, warnings): standard error unless the runner says. */
    public PrintStream notes() {
        return notes == null ? out : notes;
    }

    public ExecutionContext withNotes(PrintStream notes) {
        this.notes = notes;
        return this;
    }

    public PrintStream out() {
        return out;
    }

    /** The most bytes of table memory the execution may hold; 0 for no limit. */
    public long memoryLimit() {
        return memoryLimit;
    }

    public ExecutionContext withMemoryLimit(long bytes) {
        this.memoryLimit = bytes;
        return this;
    }

    /**
     * The execution's one instance of {@code type}, made by {@code create} on first use (table memory, yields,
     * HTTP clients). Resources that are {@link AutoCloseable} are closed, newest first, when the execution ends.
     */
    public synchronized <T> T resource(Class<T> type, java.util.function.Supplier<T> create) {
        Object r = resources.get(type);
        if (r == null) {
            r = create.get();
            resources.put(type, r);
        }
        return type.cast(r);
    }

    /** The resource of {@code type} if one was made, else null. */
    public synchronized <T> T existing(Class<T> type) {
        return type.cast(resources.get(type));
    }

    /** Ends the execution: closes its resources, newest first; the first failure is rethrown after all close. */
    @Override
    public synchronized void close() {
        RuntimeException first = null;
        java.util.List<Object> all = new java.util.ArrayList<>(resources.values());
        java.util.Collections.reverse(all);
        resources.clear();
        for (Object r : all) {
            if (r instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    if (first == null) {
                        first = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Nanoseconds since the epoch from the system clock, with the best resolution the JVM gives. */
    public static long systemNanos() {
        java.time.Instant i = java.time.Instant.now();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
