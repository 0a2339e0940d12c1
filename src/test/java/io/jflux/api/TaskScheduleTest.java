package io.jflux.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jflux.diag.FluxException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When task runs are scheduled, on a clock the test moves, and how {@code option task} is read and checked. */
class TaskScheduleTest {

    static final long S = 1_000_000_000L;

    static long at(String rfc3339) {
        Instant t = Instant.parse(rfc3339);
        return t.getEpochSecond() * S + t.getNano();
    }

    static TaskOptions task(String source) {
        return Engine.create().compile("t.flux", source).taskOptions();
    }

    @Test
    void firstRunIsTheNextMultipleOfEverySinceTheEpoch() {
        // the docs' example: saved at 2:30 with every: 1h, the task first executes at 3:00
        AtomicLong clock = new AtomicLong(at("2024-05-01T14:30:00Z"));
        TaskSchedule s = new TaskSchedule(new TaskOptions("t", 3600 * S, 0), clock::get);
        assertEquals(at("2024-05-01T15:00:00Z"), s.first().getAsLong());
        assertEquals(at("2024-05-01T15:00:00Z"), s.runAt(s.first().getAsLong()));
        assertEquals(30 * 60 * S, s.delayUntil(s.first().getAsLong()));
        // exactly on a schedule point: that point has passed, the next one is first
        clock.set(at("2024-05-01T15:00:00Z"));
        assertEquals(at("2024-05-01T16:00:00Z"), s.first().getAsLong());
        // every: 7s aligns on the epoch, not on the minute
        TaskSchedule seven = new TaskSchedule(new TaskOptions("t", 7 * S, 0), () -> 100 * S + 1);
        assertEquals(105 * S, seven.first().getAsLong());
    }

    @Test
    void offsetDelaysTheRunButNotItsScheduledTime() {
        // every: 1h, offset: 10m: the run for 3:00 starts at 3:10, and its now() is 3:00
        AtomicLong clock = new AtomicLong(at("2024-05-01T14:30:00Z"));
        TaskSchedule s = new TaskSchedule(new TaskOptions("t", 3600 * S, 600 * S), clock::get);
        long first = s.first().getAsLong();
        assertEquals(at("2024-05-01T15:00:00Z"), first);
        assertEquals(at("2024-05-01T15:10:00Z"), s.runAt(first));
        assertEquals(40 * 60 * S, s.delayUntil(first));
        clock.set(at("2024-05-01T15:10:00.050Z"));
        assertEquals(0, s.delayUntil(first));
        assertEquals(at("2024-05-01T16:00:00Z"), s.next(first).getAsLong());
        // a negative offset (InfluxDB allows it) starts runs early
        TaskSchedule early = new TaskSchedule(new TaskOptions("t", 60 * S, -5 * S), () -> 0);
        assertEquals(55 * S, early.runAt(early.first().getAsLong()));
    }

    @Test
    void nowOfEachRunIsTheScheduledTimeAndSlowRunsSkipMissedPoints() {
        AtomicLong clock = new AtomicLong(at("2024-05-01T00:00:00.400Z"));
        TaskSchedule s = new TaskSchedule(new TaskOptions("t", 10 * S, 0), clock::get);
        long run = s.first().getAsLong();
        assertEquals(at("2024-05-01T00:00:10Z"), run);
        clock.set(at("2024-05-01T00:00:10.020Z")); // a quick run
        run = s.next(run).getAsLong();
        assertEquals(at("2024-05-01T00:00:20Z"), run);
        clock.set(at("2024-05-01T00:00:55Z")); // a run that took 35s: 30s and 40s are skipped, 50s runs now
        run = s.next(run).getAsLong();
        assertEquals(at("2024-05-01T00:00:50Z"), run);
        assertEquals(0, s.delayUntil(run));
    }

    @Test
    void cronRunsAtTheTimesItNamesStrictlyAfterTheStartAndOffsetDelaysThem() {
        AtomicLong clock = new AtomicLong(at("2024-05-01T14:32:10.300Z"));
        TaskSchedule s = new TaskSchedule(new TaskOptions("t", Cron.parse("*/5 * * * *"), 30 * S), clock::get);
        long run = s.first().getAsLong();
        assertEquals(at("2024-05-01T14:35:00Z"), run); // now() of that run
        assertEquals(at("2024-05-01T14:35:30Z"), s.runAt(run));
        assertEquals(at("2024-05-01T14:35:30Z") - at("2024-05-01T14:32:10.300Z"), s.delayUntil(run));
        clock.set(at("2024-05-01T14:35:30.020Z")); // a quick run
        assertEquals(0, s.delayUntil(run));
        run = s.next(run).getAsLong();
        assertEquals(at("2024-05-01T14:40:00Z"), run);
        assertEquals(5 * 60 * S - 20_000_000L, s.delayUntil(run));
        // a run (of 14:40, started 14:40:30) that ended at 14:52:10: 14:45 is skipped, 14:50 (due 14:50:30) runs now
        clock.set(at("2024-05-01T14:52:10Z"));
        run = s.next(run).getAsLong();
        assertEquals(at("2024-05-01T14:50:00Z"), run);
        assertEquals(0, s.delayUntil(run));
        // started exactly on a scheduled time: that one has passed
        clock.set(at("2024-05-01T15:00:00Z"));
        assertEquals(at("2024-05-01T15:05:00Z"), s.first().getAsLong());
        // a negative offset starts runs early; now() is still the scheduled time
        TaskSchedule early = new TaskSchedule(new TaskOptions("t", Cron.parse("@hourly"), -5 * S),
                () -> at("2024-05-01T14:32:00Z"));
        assertEquals(at("2024-05-01T15:00:00Z"), early.first().getAsLong());
        assertEquals(at("2024-05-01T14:59:55Z"), early.runAt(early.first().getAsLong()));
    }

    @Test
    void cronOnMonthEndsAndWeekdaysFollowsTheCalendar() {
        AtomicLong clock = new AtomicLong(at("2024-01-31T00:00:00Z"));
        TaskSchedule s = new TaskSchedule(new TaskOptions("t", Cron.parse("0 0 31 * *"), 0), clock::get);
        long run = s.first().getAsLong();
        assertEquals(at("2024-03-31T00:00:00Z"), run); // February has no 31st
        clock.set(at("2024-03-31T00:00:01Z"));
        assertEquals(at("2024-05-31T00:00:00Z"), s.next(run).getAsLong()); // nor April
        TaskSchedule fridays = new TaskSchedule(new TaskOptions("t", Cron.parse("0 0 13 * FRI"), 0),
                () -> at("2024-01-01T00:00:00Z"));
        assertEquals(at("2024-09-13T00:00:00Z"), fridays.first().getAsLong());
    }

    @Test
    void everyInACronRunsThatLongAfterThePreviousRunWithoutAlignment() {
        AtomicLong clock = new AtomicLong(at("2024-05-01T10:17:03.500Z"));
        TaskSchedule s = new TaskSchedule(new TaskOptions("t", Cron.parse("@every 1h30m"), 0), clock::get);
        long run = s.first().getAsLong();
        assertEquals(at("2024-05-01T11:47:03Z"), run);
        clock.set(at("2024-05-01T15:00:00Z")); // a run that took over 3 hours: 13:17:03 is skipped
        assertEquals(at("2024-05-01T14:47:03Z"), s.next(run).getAsLong());
    }

    @Test
    void aCronScheduleThatEndsHasNoNextTime() {
        AtomicLong clock = new AtomicLong(at("2029-12-31T23:00:00Z"));
        TaskSchedule s = new TaskSchedule(new TaskOptions("t", Cron.parse("0 0 0 1 1 * 2030"), 0), clock::get);
        long run = s.first().getAsLong();
        assertEquals(at("2030-01-01T00:00:00Z"), run);
        clock.set(at("2030-01-01T00:00:00.200Z"));
        assertTrue(s.next(run).isEmpty());
        clock.set(at("2031-01-01T00:00:00Z"));
        assertTrue(s.first().isEmpty());
    }

    @Test
    void readsTheTaskOptionByEvaluatingTheScriptsOptions() {
        assertEquals(new TaskOptions("scrape", 10 * S, 0), task("option task = {name: \"scrape\", every: 10s}\n1\n"));
        assertEquals(new TaskOptions("t", 90 * S, 5 * S),
                task("interval = 1m30s\noption task = {name: \"t\", every: interval, offset: 5s}\n"));
        assertEquals(new TaskOptions("d", 86400 * S, 0), task("option task = {name: \"d\", every: 1d}\n"));
        assertEquals(new TaskOptions("c", Cron.parse("*/5 * * * *"), 30 * S),
                task("option task = {name: \"c\", cron: \"*/5 * * * *\", offset: 30s}\n"));
        assertEquals("cron \"*/5 * * * *\", offset 30s",
                task("option task = {name: \"c\", cron: \"*/5 * * * *\", offset: 30s}\n").describe());
        assertEquals("every 10s", task("option task = {name: \"c\", every: 10s}\n").describe());
        assertNull(task("x = 1\nx + 1\n"));
        // expression statements are not run to read the options
        assertEquals(new TaskOptions("t", S, 0), task("option task = {name: \"t\", every: 1s}\ndie(msg: \"boom\")\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{name: \"t\", every: 1mo}|task option every cannot use months or years (they have no fixed length)",
        "{name: \"t\", every: 500ms}|task option every must be at least 1s",
        "{name: \"t\", every: 1s500ms}|task option every must be a whole number of seconds",
        "{name: \"t\", every: 1s, offset: 10ms}|task option offset must be a whole number of seconds",
        "{name: \"t\", every: \"1s\"}|task option every must be a duration, not a string",
        "{every: 1s}|option task needs a name (a non-empty string)",
        "{name: \"t\"}|option task needs every (a duration such as 10s) or cron (a string such as \"0 * * * *\")",
        "{name: \"t\", cron: \"0 * * * *\", every: 1h}|task options cron and every cannot be used together; give one of them",
        "{name: \"t\", cron: 5}|task option cron must be a string such as \"0 * * * *\", not a int",
        "{name: \"t\", cron: \"61 * * * *\"}|task option cron \"61 * * * *\" is invalid: minute 61 is out of range 0-59",
        "{name: \"t\", cron: \"0 0 * * MON\", offset: 1ms}|task option offset must be a whole number of seconds",
        "{name: \"t\", every: 1s, when: 1}|unknown task option when; valid options are name, cron, every, offset, concurrency, retry",
        "5|option task must be a record such as {name: \"t\", every: 1h}, not a int",
    })
    void rejectsInvalidTaskOptions(String record, String message) {
        FluxException e = assertThrows(FluxException.class, () -> task("option task = " + record + "\n"));
        assertEquals(message, e.getMessage());
        assertEquals(1, e.span().startLine());
    }
}
