package io.jflux.api;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.DurationValue;
import io.jflux.eval.RecordValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.Value;
import java.util.List;
import java.util.Objects;

/**
 * A script's {@code option task = {name: ..., every: ..., offset: ...}} or {@code {name: ..., cron: ..., offset:
 * ...}}, checked as InfluxDB checks it: {@code name} is required, exactly one of {@code every} and {@code cron};
 * {@code every} is at least one second and a whole number of seconds, {@code cron} a valid {@link Cron} expression;
 * {@code offset} (default 0, may be negative) is a whole number of seconds. Durations with months or years are
 * rejected (they have no fixed length).
 *
 * @param everyNanos the interval between scheduled times, or 0 when the task runs on {@code cron}
 * @param offsetNanos how long after its scheduled time a run starts; {@code now()} stays the scheduled time
 * @param cron the cron schedule, or null when the task runs {@code every}
 */
public record TaskOptions(String name, long everyNanos, long offsetNanos, Cron cron) {

    private static final long SECOND = 1_000_000_000L;
    private static final List<String> KNOWN = List.of("name", "cron", "every", "offset", "concurrency", "retry");

    public TaskOptions {
        Objects.requireNonNull(name);
        if (cron != null ? everyNanos != 0 : everyNanos < SECOND || everyNanos % SECOND != 0) {
            throw new IllegalArgumentException(cron != null ? "cron and every cannot be used together"
                    : "every must be a whole number of seconds, at least 1s");
        }
        if (offsetNanos % SECOND != 0) {
            throw new IllegalArgumentException("offset must be a whole number of seconds");
        }
    }

    /** A task that runs {@code every} (nanoseconds) with an {@code offset}. */
    public TaskOptions(String name, long everyNanos, long offsetNanos) {
        this(name, everyNanos, offsetNanos, null);
    }

    /** A task that runs on a {@code cron} schedule with an {@code offset}. */
    public TaskOptions(String name, Cron cron, long offsetNanos) {
        this(name, 0, offsetNanos, Objects.requireNonNull(cron));
    }

    /** The schedule in words for a log line: {@code every 10s} or {@code cron "0 * * * *"}, and the offset. */
    public String describe() {
        return (cron != null ? "cron \"" + cron.text() + "\"" : "every " + everyNanos / SECOND + "s")
                + (offsetNanos != 0 ? ", offset " + offsetNanos / SECOND + "s" : "");
    }

    /** The options of the value bound to {@code task}; a user error when it is not a valid task record. */
    static TaskOptions of(Value task) {
        if (!(task instanceof RecordValue r)) {
            throw invalid("option task must be a record such as {name: \"t\", every: 1h}, not a "
                    + task.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        for (String key : r.fields().keySet()) {
            if (!KNOWN.contains(key)) {
                throw invalid("unknown task option " + key + "; valid options are " + String.join(", ", KNOWN));
            }
        }
        if (!(r.get("name") instanceof StringValue name) || name.value().isEmpty()) {
            throw invalid("option task needs a name (a non-empty string)");
        }
        Value cron = r.get("cron");
        Value every = r.get("every");
        if (cron != null && every != null) {
            throw invalid("task options cron and every cannot be used together; give one of them");
        }
        if (cron == null && every == null) {
            throw invalid("option task needs every (a duration such as 10s) or cron (a string such as \"0 * * * *\")");
        }
        long offset = r.get("offset") == null ? 0 : nanos(r.get("offset"), "offset");
        if (offset % SECOND != 0) {
            throw invalid("task option offset must be a whole number of seconds");
        }
        if (cron != null) {
            if (!(cron instanceof StringValue text)) {
                throw invalid("task option cron must be a string such as \"0 * * * *\", not a "
                        + cron.kind().name().toLowerCase(java.util.Locale.ROOT));
            }
            try {
                return new TaskOptions(name.value(), Cron.parse(text.value()), offset);
            } catch (IllegalArgumentException e) {
                throw invalid("task option cron \"" + text.value() + "\" is invalid: " + e.getMessage());
            }
        }
        long interval = nanos(every, "every");
        if (interval < SECOND) {
            throw invalid("task option every must be at least 1s");
        }
        if (interval % SECOND != 0) {
            throw invalid("task option every must be a whole number of seconds");
        }
        return new TaskOptions(name.value(), interval, offset);
    }

    private static long nanos(Value v, String field) {
        if (!(v instanceof DurationValue d)) {
            throw invalid("task option " + field + " must be a duration, not a "
                    + v.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (d.months() != 0) {
            throw invalid("task option " + field + " cannot use months or years (they have no fixed length)");
        }
        return d.nanos();
    }

    private static FluxException invalid(String message) {
        return new FluxException(ErrorCode.INVALID, message);
    }
}
