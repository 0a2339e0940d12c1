package io.jflux.api;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * When a task runs, as InfluxDB schedules tasks. With {@code every}, scheduled times are the multiples of
 * {@code every} since the Unix epoch (a task saved at 2:30 with {@code every: 1h} first runs at 3:00); with
 * {@code cron}, they are the times the {@link Cron} expression names (UTC), the first one strictly after the task
 * starts. A run starts {@code offset} after its scheduled time, and {@code now()} in that run is the scheduled time
 * (InfluxDB's executor compiles the run with {@code Now: run.ScheduledFor}). A run that ends after the start of
 * later ones skips to the latest scheduled time whose start has come. Times are nanoseconds since the epoch, read
 * from a clock the caller gives, so tests can replace it.
 */
public final class TaskSchedule {

    private static final long SECOND = 1_000_000_000L;

    private final TaskOptions task;
    private final LongSupplier clock;

    public TaskSchedule(TaskOptions task, LongSupplier clock) {
        this.task = Objects.requireNonNull(task);
        this.clock = Objects.requireNonNull(clock);
    }

    public TaskOptions task() {
        return task;
    }

    /** The clock's current time. */
    public long now() {
        return clock.getAsLong();
    }

    /**
     * The first scheduled time strictly after the clock's current time; empty when a cron schedule names no later
     * time (its years have passed, or it names a day that does not occur before 2100).
     */
    public OptionalLong first() {
        long now = now();
        if (task.cron() == null) {
            return OptionalLong.of(alignedAtOrBefore(now) + task.everyNanos());
        }
        return nanos(task.cron().next(Math.floorDiv(now, SECOND)));
    }

    /**
     * The scheduled time of the run that should follow the one scheduled at {@code previous}: the next one, or,
     * when that run's start is already past (the previous run took too long), the latest scheduled time whose
     * start has come; the points in between are skipped. Empty when a cron schedule has no time left.
     */
    public OptionalLong next(long previous) {
        long due = now() - task.offsetNanos(); // the latest scheduled time whose run would have started by now
        if (task.cron() == null) {
            return OptionalLong.of(Math.max(previous + task.everyNanos(), alignedAtOrBefore(due)));
        }
        long after = Math.floorDiv(previous, SECOND);
        OptionalLong latest = task.cron().latest(Math.floorDiv(due, SECOND), after);
        return nanos(latest.isPresent() ? latest : task.cron().next(after));
    }

    /** When the run scheduled at {@code scheduled} starts: {@code scheduled + offset}. */
    public long runAt(long scheduled) {
        return scheduled + task.offsetNanos();
    }

    /** Nanoseconds from now until the run scheduled at {@code scheduled} starts (0 when it is due). */
    public long delayUntil(long scheduled) {
        return Math.max(0, runAt(scheduled) - now());
    }

    private long alignedAtOrBefore(long t) {
        return Math.floorDiv(t, task.everyNanos()) * task.everyNanos();
    }

    private static OptionalLong nanos(OptionalLong epochSecond) {
        return epochSecond.isPresent() ? OptionalLong.of(Math.multiplyExact(epochSecond.getAsLong(), SECOND))
                : OptionalLong.empty();
    }
}
