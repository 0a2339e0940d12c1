package io.jflux.cli;

import io.jflux.api.Engine;
import io.jflux.api.Execution;
import io.jflux.api.RunOptions;
import io.jflux.api.Script;
import io.jflux.api.TaskOptions;
import io.jflux.api.TaskSchedule;
import io.jflux.eval.ExecutionContext;
import io.jflux.diag.DiagnosticPrinter;
import io.jflux.diag.FluxException;
import io.jflux.eval.Value;
import io.jflux.io.AnnotatedCsvWriter;
import io.jflux.io.ExpositionWriter;
import io.jflux.io.JsonLinesWriter;
import io.jflux.io.LineProtocolEncoder;
import io.jflux.io.TablePrinter;
import io.jflux.table.FluxTable;
import io.jflux.table.ReadAhead;
import io.jflux.table.TableStream;
import io.jflux.eval.Values;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code jflux run}: runs a script and prints what it produces. */
final class RunCommand {

    static final String USAGE = String.join("\n",
            "Usage: jflux run [OPTIONS] (FILE | - | -e SCRIPT)",
            "",
            "Runs a Flux script. Prints the tables of every result (each expression statement whose",
            "value is a stream of tables); a script without results prints the value of its last",
            "expression statement.",
            "",
            "Arguments:",
            "  FILE                 The script to run; - reads it from standard input",
            "",
            "Options:",
            "  -e, --execute SCRIPT Runs SCRIPT given as text",
            "      --format FORMAT  How to print tables: table (the default; as the influx CLI prints",
            "                       them), csv (annotated CSV, as InfluxDB's query API returns it) or",
            "                       json (one JSON object per row, with its result and table index)",
            "                       or lp (InfluxDB line protocol, as to() writes it with its default",
            "                       rules; rows it cannot write are counted in a note on stderr)",
            "                       or prometheus (Prometheus text exposition: metric from _field,",
            "                       value from _value, labels from the other string columns but",
            "                       _measurement and url, timestamp from _time in ms; histograms",
            "                       rebuilt from le, summaries from quantile; # TYPE and # HELP from",
            "                       optional _type and _help columns)",
            "      --memory-limit SIZE",
            "                       The most memory the script's tables may hold, in bytes or with",
            "                       a suffix k, m or g (e.g. 512m); past it the script fails",
            "      --now TIME       The time now() returns, RFC3339 (e.g. 2030-01-01T00:00:00Z);",
            "                       a script's own `option now` still wins",
            "      --once           Runs a task script (one with `option task`) one time, now, instead",
            "                       of on its schedule",
            "  -h, --help           Shows this help and exits",
            "",
            "A script with `option task = {name: \"...\", every: 10s, offset: 0s}` runs as a task: at",
            "each multiple of `every` since the Unix epoch (plus `offset`), with now() the scheduled",
            "time, until SIGINT or SIGTERM, which let the running execution finish (exit status 0).",
            "With `cron: \"*/5 * * * *\"` instead of `every`, it runs at the times the cron expression",
            "names, in UTC (as InfluxDB: 5 fields, 6 with seconds first, 7 with a year last; day of",
            "month and day of week must both match; @hourly, @daily, @weekly, @every 1h...).",
            "Each execution prints its results and logs one line to stderr; a failed execution does",
            "not stop the task.",
            "",
            "Exit status: 0 on success, 1 when the script fails, 2 when the command line is wrong.",
            "");

    private final Main.Io io;
    /** Tables and rows printed since the last {@link #resetCounts}, for a task run's log line. */
    private long tablesPrinted;
    private long rowsPrinted;

    /**
     * The result's tables computed on a thread of their own while this one prints those before them: printing a
     * million small tables takes about as long as making them.
     */
    private static TableStream readAhead(TableStream in) {
        return new ReadAhead(in, "jflux-results", 4096);
    }

    /** A stream that counts the tables and rows it hands out. */
    private TableStream counted(TableStream in) {
        return new TableStream() {
            @Override
            public FluxTable next() {
                FluxTable t = in.next();
                if (t != null) {
                    tablesPrinted++;
                    rowsPrinted += t.rowCount();
                }
                return t;
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    RunCommand(Main.Io io) {
        this.io = io;
    }

    /** Prints every result's tables in {@code format}; output written before a failure stays written. */
    private void printResults(Execution run, String format) {
        if (format.equals("lp")) {
            printLineProtocol(run);
            return;
        }
        if (format.equals("prometheus")) {
            printExposition(run);
            return;
        }
        Writer text = new BufferedWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8));
        AnnotatedCsvWriter csv = new AnnotatedCsvWriter(text);
        JsonLinesWriter json = new JsonLinesWriter(text);
        try {
            for (Execution.Result r : run.results()) {
                try (TableStream tables = counted(readAhead(run.tables(r)))) {
                    switch (format) {
                        case "csv": csv.writeResult(r.name(), tables); break;
                        case "json": json.writeResult(r.name(), tables); break;
                        default: TablePrinter.print(r.name(), tables, io.out()); break;
                    }
                } finally {
                    text.flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Receives tables one at a time; the caller closes each after it returns. */
    private interface TableSink {
        void accept(FluxTable table) throws IOException;
    }

    /** Hands every table of every result, in order, to {@code sink}, counting and closing each. */
    private void forEachTable(Execution run, TableSink sink) throws IOException {
        for (Execution.Result r : run.results()) {
            try (TableStream tables = counted(readAhead(run.tables(r)))) {
                FluxTable t;
                while ((t = tables.next()) != null) {
                    try (FluxTable table = t) {
                        sink.accept(table);
                    }
                }
            }
        }
    }

    /** Every result's tables as one Prometheus text exposition (families are written once all tables are read). */
    private void printExposition(Execution run) {
        Writer text = new BufferedWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8));
        ExpositionWriter exposition = new ExpositionWriter(text);
        try {
            forEachTable(run, exposition::add);
            exposition.finish();
            text.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every result's tables as line protocol, with {@code to()}'s default rules; skipped rows noted on stderr. */
    private void printLineProtocol(Execution run) {
        LineProtocolEncoder lp = new LineProtocolEncoder(io.out(), LineProtocolEncoder.Options.defaults());
        try {
            forEachTable(run, lp::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            io.out().flush();
            if (lp.skipped() > 0) {
                io.err().println("note: " + lp.skippedSummary());
            }
        }
    }

    int execute(List<String> args) {
        CommandLine cl = CommandLine.parse(args, Set.of("--execute", "--now", "--format", "--memory-limit"), Set.of("--help", "--once"),
                Map.of("-e", "--execute", "-h", "--help"));
        if (cl.has("--help")) {
            io.out().print(USAGE);
            return 0;
        }
        String inline = cl.value("--execute");
        List<String> files = cl.positionals();
        if (files.size() > 1) {
            throw new CommandLine.UsageException("give one script, not " + files.size());
        }
        if (files.isEmpty() == (inline == null)) {
            throw new CommandLine.UsageException("give exactly one of FILE, - or -e SCRIPT");
        }
        String format = cl.has("--format") ? cl.value("--format") : "table";
        if (!List.of("table", "csv", "json", "lp", "prometheus").contains(format)) {
            throw new CommandLine.UsageException("--format: '" + format
                    + "' is not one of table, csv, json, lp, prometheus");
        }
        RunOptions options = RunOptions.defaults().withOutput(io.out()).withNotes(io.err());
        String limit = cl.value("--memory-limit");
        if (limit != null) {
            options = options.withMemoryLimit(parseSize(limit));
        }
        Instant now = cl.time("--now");
        if (now != null) {
            options = options.withNow(now);
        }
        String name = inline != null ? "<expr>" : Sources.displayName(files.get(0));
        String source = inline != null ? inline : Sources.read(files.get(0), io.in());
        Script script;
        try {
            script = Engine.create().compile(name, source);
        } catch (FluxException e) {
            io.err().print(DiagnosticPrinter.render(e, source));
            return Main.SCRIPT_ERROR;
        }
        TaskOptions task;
        try {
            task = script.taskOptions();
        } catch (FluxException e) {
            io.err().print(script.render(e));
            return Main.SCRIPT_ERROR;
        }
        if (task == null) {
            return runOnce(script, options, format);
        }
        if (cl.has("--once")) {
            // as InfluxDB's manual run: now() is the given time or the current time, not a schedule point
            return runTask(script, options, format, task, options.now() != null ? nanos(options.now())
                    : ExecutionContext.systemNanos());
        }
        return new TaskLoop(script, options, format, new TaskSchedule(task, ExecutionContext::systemNanos)).run();
    }

    /** Runs the script once and prints what it produces; returns the exit status. */
    private int runOnce(Script script, RunOptions options, String format) {
        try (Execution run = script.run(options)) {
            printOutcome(run, format);
            return 0;
        } catch (FluxException e) {
            io.out().flush();
            io.err().print(script.render(e));
            return Main.SCRIPT_ERROR;
        }
    }

    private void printOutcome(Execution run, String format) {
        if (run.results().isEmpty()) {
            Value last = run.last();
            if (last != null) {
                io.out().println(Values.display(last));
            }
        } else {
            printResults(run, format);
        }
        io.out().flush();
    }

    /**
     * One execution of a task scheduled at {@code scheduled} (its now()); prints its results and logs one line
     * to stderr. Returns the exit status it would have alone.
     */
    private int runTask(Script script, RunOptions options, String format, TaskOptions task, long scheduled) {
        long start = System.nanoTime();
        tablesPrinted = 0;
        rowsPrinted = 0;
        String at = Values.formatTime(scheduled);
        try (Execution run = script.run(options.withNow(instant(scheduled)))) {
            printOutcome(run, format);
            io.err().println("task " + task.name() + ": run scheduled " + at + " succeeded in " + millis(start)
                    + (run.results().isEmpty() ? "" : ": " + plural(run.results().size(), "result") + ", "
                    + plural(tablesPrinted, "table") + ", " + plural(rowsPrinted, "row")));
            return 0;
        } catch (FluxException e) {
            io.out().flush();
            io.err().println("task " + task.name() + ": run scheduled " + at + " failed in " + millis(start)
                    + ": " + e.headline());
            return Main.SCRIPT_ERROR;
        }
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000 + "ms";
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /**
     * Runs a task on its schedule until the JVM is asked to stop (SIGINT, SIGTERM): a shutdown hook wakes the
     * loop, waits for the running execution to finish, and ends the process with status 0.
     */
    private final class TaskLoop {
        private final Script script;
        private final RunOptions options;
        private final String format;
        private final TaskSchedule schedule;
        private final CountDownLatch stop = new CountDownLatch(1);
        private final CountDownLatch stopped = new CountDownLatch(1);

        TaskLoop(Script script, RunOptions options, String format, TaskSchedule schedule) {
            this.script = script;
            this.options = options;
            this.format = format;
            this.schedule = schedule;
        }

        int run() {
            TaskOptions task = schedule.task();
            OptionalLong next = schedule.first();
            if (next.isEmpty()) {
                io.err().println("task " + task.name() + ": " + task.describe() + " names no time after "
                        + Values.formatTime(schedule.now()) + " (cron schedules end with 2099)");
                return Main.SCRIPT_ERROR;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                io.out().flush();
                io.err().flush();
                Runtime.getRuntime().halt(0);
            }, "jflux-task-stop"));
            io.err().println("task " + task.name() + ": " + task.describe() + ", first run scheduled "
                    + Values.formatTime(next.getAsLong()));
            try {
                while (!waitUntil(next.getAsLong())) {
                    runTask(script, options, format, task, next.getAsLong());
                    next = schedule.next(next.getAsLong());
                    if (next.isEmpty()) {
                        io.err().println("task " + task.name() + ": " + task.describe() + " names no later time; "
                                + "the task is done");
                        break;
                    }
                }
                return 0;
            } finally {
                stopped.countDown();
            }
        }

        /** Sleeps until the run scheduled at {@code scheduled} is due; true when asked to stop instead. */
        private boolean waitUntil(long scheduled) {
            try {
                long delay;
                while ((delay = schedule.delayUntil(scheduled)) > 0) {
                    if (stop.await(delay, TimeUnit.NANOSECONDS)) {
                        return true;
                    }
                }
                return stop.getCount() == 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
    }

    /** {@code 1048576}, {@code 512k}, {@code 64m}, {@code 2g}: a size in bytes. */
    static long parseSize(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        long unit = 1;
        if (t.endsWith("k") || t.endsWith("m") || t.endsWith("g")) {
            unit = t.endsWith("k") ? 1L << 10 : t.endsWith("m") ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CommandLine.UsageException("--memory-limit: '" + text
                    + "' is not a size such as 1048576, 512k, 64m or 2g");
        }
    }
}
