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
 * A script's {@code option task = {name: ..., every: ..., offset: ...}}, checked as InfluxDB checks it:
 * {@code name} is required, {@code every} is at least one second and a whole number of seconds, {@code offset}
 * (default 0) is a whole number of seconds. Durations with months or years are rejected (they have no fixed
 * length). {@code cron} is not supported yet.
 *
 * @param everyNanos the interval between scheduled times
 * @param offsetNanos how long after its scheduled time a run starts; {@code now()} stays the scheduled time
 */
public record TaskOptions(String name, long everyNanos, long offsetNanos) {

    private static final long SECOND = 1_000_000_000L;
    private static final List<String> KNOWN = List.of("name", "cron", "every", "offset", "concurrency", "retry");

    public TaskOptions {
        Objects.requireNonNull(name);
        if (everyNanos < SECOND || everyNanos % SECOND != 0) {
            throw new IllegalArgumentException("every must be a whole number of seconds, at least 1s");
        }
        if (offsetNanos % SECOND != 0) {
            throw new IllegalArgumentException("offset must be a whole number of seconds");
        }
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
        if (r.get("cron") != null) {
            throw invalid("task option cron is not supported yet; use every (and offset)");
        }
        if (r.get("every") == null) {
            throw invalid("option task needs every (a duration such as 10s)");
        }
        long every = nanos(r.get("every"), "every");
        if (every < SECOND) {
            throw invalid("task option every must be at least 1s");
        }
        if (every % SECOND != 0) {
            throw invalid("task option every must be a whole number of seconds");
        }
        long offset = r.get("offset") == null ? 0 : nanos(r.get("offset"), "offset");
        if (offset % SECOND != 0) {
            throw invalid("task option offset must be a whole number of seconds");
        }
        return new TaskOptions(name.value(), every, offset);
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
