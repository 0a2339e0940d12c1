package io.jflux.api;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * When a task runs, as InfluxDB schedules {@code every}/{@code offset} tasks: scheduled times are the multiples
 * of {@code every} since the Unix epoch (a task saved at 2:30 with {@code every: 1h} first runs at 3:00); a run
 * starts {@code offset} after its scheduled time, and {@code now()} in that run is the scheduled time (InfluxDB's
 * executor compiles the run with {@code Now: run.ScheduledFor}). Times are nanoseconds since the epoch, read from
 * a clock the caller gives, so tests can replace it.
 */
public final class TaskSchedule {

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

    /** The first scheduled time strictly after the clock's current time. */
    public long first() {
        return alignedAfter(now());
    }

    /**
     * The scheduled time of the run that should follow the one scheduled at {@code previous}: the next multiple
     * of {@code every}, or, when that run's start is already past (the previous run took longer than
     * {@code every}), the latest scheduled time whose start has come; the points in between are skipped.
     */
    public long next(long previous) {
        long next = previous + task.everyNanos();
        long latest = latest();
        return Math.max(next, latest);
    }

    /** The latest scheduled time whose run would have started by now ({@code runAt <= now}). */
    public long latest() {
        return alignedAtOrBefore(now() - task.offsetNanos());
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

    private long alignedAfter(long t) {
        return alignedAtOrBefore(t) + task.everyNanos();
    }
}
