package io.jflux.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cron expressions as InfluxDB's task scheduler reads them, and the times they name (UTC). */
class CronTest {

    static long sec(String rfc3339) {
        return Instant.parse(rfc3339).getEpochSecond();
    }

    static String time(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }

    /** The first {@code count} times strictly after {@code from} (fewer when the schedule ends). */
    static List<String> times(String cron, String from, int count) {
        Cron c = Cron.parse(cron);
        List<String> out = new ArrayList<>();
        long t = sec(from);
        for (int i = 0; i < count; i++) {
            OptionalLong n = c.next(t);
            if (n.isEmpty()) {
                break;
            }
            assertTrue(n.getAsLong() > t, cron + " went back from " + time(t));
            out.add(time(n.getAsLong()));
            t = n.getAsLong();
        }
        return out;
    }

    @ParameterizedTest(name = "{0} after {1}")
    @CsvSource(delimiter = '|', value = {
        // five fields: minute hour day-of-month month day-of-week, at second 0
        "*/5 * * * *|2024-05-01T14:32:10Z|2024-05-01T14:35:00Z 2024-05-01T14:40:00Z 2024-05-01T14:45:00Z",
        "0 * * * *|2024-05-01T14:00:00Z|2024-05-01T15:00:00Z 2024-05-01T16:00:00Z",
        "30 23 * * *|2024-12-31T23:30:00Z|2025-01-01T23:30:00Z",
        "59 23 31 12 *|2024-06-01T00:00:00Z|2024-12-31T23:59:00Z 2025-12-31T23:59:00Z",
        // spaces and tabs, before, between and after
        "'  0\t0   1 * *  '|2024-05-01T00:00:00Z|2024-06-01T00:00:00Z",
        // lists, ranges and steps, on ranges too
        "0,20,40 * * * *|2024-05-01T10:20:00Z|2024-05-01T10:40:00Z 2024-05-01T11:00:00Z",
        "10-30/7 9 * * *|2024-05-01T00:00:00Z|2024-05-01T09:10:00Z 2024-05-01T09:17:00Z 2024-05-01T09:24:00Z 2024-05-02T09:10:00Z",
        "5/20 0 * * *|2024-05-01T00:00:00Z|2024-05-01T00:05:00Z 2024-05-01T00:25:00Z 2024-05-01T00:45:00Z 2024-05-02T00:05:00Z",
        "0 8-18/5 * * *|2024-05-01T00:00:00Z|2024-05-01T08:00:00Z 2024-05-01T13:00:00Z 2024-05-01T18:00:00Z 2024-05-02T08:00:00Z",
        "0 0 */10 * *|2024-01-01T00:00:00Z|2024-01-11T00:00:00Z 2024-01-21T00:00:00Z 2024-01-31T00:00:00Z 2024-02-01T00:00:00Z",
        "0 0 1 */3 *|2024-01-01T00:00:00Z|2024-04-01T00:00:00Z 2024-07-01T00:00:00Z 2024-10-01T00:00:00Z 2025-01-01T00:00:00Z",
        "0 0 1-3,20 6 *|2024-01-01T00:00:00Z|2024-06-01T00:00:00Z 2024-06-02T00:00:00Z 2024-06-03T00:00:00Z 2024-06-20T00:00:00Z 2025-06-01T00:00:00Z",
        // month ends: day 31 only in the months that have one, day 30 never in February
        "0 0 31 * *|2024-01-31T00:00:00Z|2024-03-31T00:00:00Z 2024-05-31T00:00:00Z 2024-07-31T00:00:00Z 2024-08-31T00:00:00Z 2024-10-31T00:00:00Z",
        "0 0 30 * *|2024-01-30T00:00:00Z|2024-03-30T00:00:00Z 2024-04-30T00:00:00Z",
        "0 0 28-31 2 *|2023-01-01T00:00:00Z|2023-02-28T00:00:00Z 2024-02-28T00:00:00Z 2024-02-29T00:00:00Z 2025-02-28T00:00:00Z",
        // leap years: every 4, not every 100, every 400
        "0 12 29 2 *|2024-03-01T00:00:00Z|2028-02-29T12:00:00Z 2032-02-29T12:00:00Z",
        "0 0 0 29 2 * 1997-2003|1990-01-01T00:00:00Z|2000-02-29T00:00:00Z",
        "0 0 0 29 2 * 2097-2099|2090-01-01T00:00:00Z|''",
        // month names and day names, in any case; 0 and 7 are Sunday
        "0 0 1 jan,Jul *|2024-02-01T00:00:00Z|2024-07-01T00:00:00Z 2025-01-01T00:00:00Z",
        "0 0 1 FEB-apr *|2024-02-01T00:00:00Z|2024-03-01T00:00:00Z 2024-04-01T00:00:00Z 2025-02-01T00:00:00Z",
        "0 9 * * 0|2024-05-01T00:00:00Z|2024-05-05T09:00:00Z 2024-05-12T09:00:00Z",
        "0 9 * * 7|2024-05-01T00:00:00Z|2024-05-05T09:00:00Z 2024-05-12T09:00:00Z",
        "0 9 * * sun|2024-05-01T00:00:00Z|2024-05-05T09:00:00Z 2024-05-12T09:00:00Z",
        "0 0 * * 5-7|2024-05-01T00:00:00Z|2024-05-03T00:00:00Z 2024-05-04T00:00:00Z 2024-05-05T00:00:00Z 2024-05-10T00:00:00Z",
        "0 0 * * 0-7|2024-05-01T00:00:00Z|2024-05-02T00:00:00Z 2024-05-03T00:00:00Z",
        "0 0 * * MON-FRI/2|2024-05-01T00:00:00Z|2024-05-03T00:00:00Z 2024-05-06T00:00:00Z 2024-05-08T00:00:00Z",
        "0 0 * * */2|2024-05-01T00:00:00Z|2024-05-02T00:00:00Z 2024-05-04T00:00:00Z 2024-05-05T00:00:00Z 2024-05-07T00:00:00Z",
        // day of month and day of week must both match, as in InfluxDB's library (not either, as in Vixie cron)
        "0 0 13 * FRI|2024-01-01T00:00:00Z|2024-09-13T00:00:00Z 2024-12-13T00:00:00Z 2025-06-13T00:00:00Z",
        "0 0 1 * MON|2024-05-01T00:00:00Z|2024-07-01T00:00:00Z",
        "0 12 29 2 WED|2024-03-01T00:00:00Z|2040-02-29T12:00:00Z",
        // six fields: a second first
        "*/15 * * * * *|2024-05-01T10:00:07Z|2024-05-01T10:00:15Z 2024-05-01T10:00:30Z 2024-05-01T10:00:45Z 2024-05-01T10:01:00Z",
        "3 47 17 * 1 THU-SAT|2001-01-01T12:10:10Z|2001-01-04T17:47:03Z 2001-01-05T17:47:03Z 2001-01-06T17:47:03Z 2001-01-11T17:47:03Z",
        "10 * * * * *|1999-12-31T23:59:59Z|2000-01-01T00:00:10Z",
        // seven fields: and a year last (1970-2099)
        "0 0 0 1 1 * 2030,2035-2036|2024-05-01T00:00:00Z|2030-01-01T00:00:00Z 2035-01-01T00:00:00Z 2036-01-01T00:00:00Z",
        "0 0 0 1 1 * */25|1960-01-01T00:00:00Z|1970-01-01T00:00:00Z 1995-01-01T00:00:00Z 2020-01-01T00:00:00Z 2045-01-01T00:00:00Z 2070-01-01T00:00:00Z",
        "* * * * * * 2099|2099-12-31T23:59:58Z|2099-12-31T23:59:59Z",
        "0 0 0 1 1 * 2020|2024-05-01T00:00:00Z|''",
        // the @ forms
        "@yearly|2024-05-01T10:00:00Z|2025-01-01T00:00:00Z 2026-01-01T00:00:00Z",
        "@annually|2024-05-01T10:00:00Z|2025-01-01T00:00:00Z",
        "@monthly|2024-05-01T00:00:00Z|2024-06-01T00:00:00Z 2024-07-01T00:00:00Z",
        "@weekly|2024-05-01T10:00:00Z|2024-05-05T00:00:00Z 2024-05-12T00:00:00Z",
        "@daily|2024-05-01T10:00:00Z|2024-05-02T00:00:00Z 2024-05-03T00:00:00Z",
        "@midnight|2024-05-01T10:00:00Z|2024-05-02T00:00:00Z",
        "@hourly|2024-05-01T10:00:00Z|2024-05-01T11:00:00Z 2024-05-01T12:00:00Z",
        "@every_minute|2024-05-01T10:00:30Z|2024-05-01T10:01:00Z 2024-05-01T10:02:00Z",
        "@every_second|2024-05-01T10:00:30Z|2024-05-01T10:00:31Z 2024-05-01T10:00:32Z",
        // @every: that long after the previous time, with no alignment; months as Go's AddDate adds them
        "@every 1h30m|2024-05-01T10:17:03Z|2024-05-01T11:47:03Z 2024-05-01T13:17:03Z",
        "@every 90s|2024-05-01T10:00:00Z|2024-05-01T10:01:30Z",
        "@every 1d12h|2024-05-01T10:00:00Z|2024-05-02T22:00:00Z",
        "@every 1mo|2024-01-31T06:00:00Z|2024-03-02T06:00:00Z 2024-04-02T06:00:00Z",
        "@every 1y|2024-02-29T00:00:00Z|2025-03-01T00:00:00Z",
        "@every 1500ms 500ms|2024-05-01T10:00:00Z|2024-05-01T10:00:02Z",
    })
    void namesTheTimesInfluxDbRunsATaskAt(String cron, String from, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(" "));
        assertEquals(want, times(cron, from, want.isEmpty() ? 1 : want.size()));
    }

    @Test
    void aTimeWithAFractionOfASecondIsFollowedByTheNextScheduledTime() {
        assertEquals(OptionalLong.of(sec("2024-05-01T10:00:01Z")),
                Cron.parse("* * * * * *").next(sec("2024-05-01T10:00:00Z")));
        assertEquals(OptionalLong.of(sec("2024-05-01T10:05:00Z")),
                Cron.parse("*/5 * * * *").next(sec("2024-05-01T10:04:59Z")));
    }

    @ParameterizedTest(name = "{0} at or before {1}")
    @CsvSource(delimiter = '|', value = {
        "*/5 * * * *|2024-05-01T14:32:10Z|2024-05-01T14:30:00Z",
        "*/5 * * * *|2024-05-01T14:30:00Z|2024-05-01T14:30:00Z",
        "0 0 31 * *|2024-05-01T00:00:00Z|2024-03-31T00:00:00Z",
        "0 12 29 2 *|2028-02-28T00:00:00Z|2024-02-29T12:00:00Z",
        "0 0 13 * FRI|2025-06-12T23:59:59Z|2024-12-13T00:00:00Z",
        "0 9 * * 7|2024-05-11T00:00:00Z|2024-05-05T09:00:00Z",
        "59 23 31 12 *|2024-06-01T00:00:00Z|2023-12-31T23:59:00Z",
        "0 0 0 1 1 * 2030|2099-06-01T00:00:00Z|2030-01-01T00:00:00Z",
        "0 0 0 1 1 * 2030|2029-06-01T00:00:00Z|''",
        "@hourly|2024-05-01T10:59:59Z|2024-05-01T10:00:00Z",
    })
    void previousIsTheLatestTimeAtOrBefore(String cron, String at, String expected) {
        OptionalLong p = Cron.parse(cron).previous(sec(at));
        assertEquals(expected.isEmpty() ? OptionalLong.empty() : OptionalLong.of(sec(expected)), p);
    }

    @Test
    void latestIsTheLastTimeDueAfterAGivenOne() {
        Cron c = Cron.parse("*/10 * * * * *");
        long after = sec("2024-05-01T00:00:10Z");
        assertEquals(OptionalLong.of(sec("2024-05-01T00:00:50Z")), c.latest(sec("2024-05-01T00:00:55Z"), after));
        assertEquals(OptionalLong.empty(), c.latest(sec("2024-05-01T00:00:19Z"), after));
        assertEquals(OptionalLong.empty(), c.latest(after, after));
        Cron every = Cron.parse("@every 7s");
        assertEquals(OptionalLong.of(after + 21), every.latest(after + 27, after));
        assertEquals(OptionalLong.empty(), every.latest(after + 6, after));
        Cron months = Cron.parse("@every 1mo");
        assertEquals(OptionalLong.of(sec("2024-04-02T06:00:00Z")),
                months.latest(sec("2024-04-30T00:00:00Z"), sec("2024-01-31T06:00:00Z")));
    }

    @Test
    void nextAndPreviousAgreeWithAPlainSearchSecondBySecond() {
        List<String> crons = List.of("*/7 3-9 * * *", "0 0 13 * FRI", "*/13 */17 */5 * * *", "0 0 31 * *",
                "15,45 2 29 2 *", "0 0 * * 5-7", "1-6/2 * * * Feb-Oct/3 *", "0 30 0 1 1 * 2024-2026/2");
        Random random = new Random(4);
        for (String text : crons) {
            Cron c = Cron.parse(text);
            for (int i = 0; i < 20; i++) {
                long t = sec("2023-01-01T00:00:00Z") + Math.floorMod(random.nextLong(), 3L * 365 * 86_400);
                OptionalLong n = c.next(t);
                assertTrue(n.isPresent(), text);
                assertTrue(c.matches(n.getAsLong()), text + " " + time(n.getAsLong()));
                OptionalLong p = c.previous(n.getAsLong() - 1);
                assertTrue(p.isEmpty() || p.getAsLong() <= t, () -> text + " skipped " + time(p.getAsLong()));
                if (p.isPresent()) {
                    assertTrue(c.matches(p.getAsLong()), text);
                    assertEquals(n, c.next(p.getAsLong()), text);
                }
                // no scheduled time is missed in the first hour after t
                for (long s = t + 1; s < Math.min(n.getAsLong(), t + 3600); s++) {
                    assertFalse(c.matches(s), text + " missed " + time(s));
                }
            }
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''|it is empty; give 5 fields (minute hour day-of-month month day-of-week), 6 (a second first) or 7 (and a year last), or one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, @every_minute, @every_second, @every DURATION",
        "* * * *|it has 4 fields; give 5 (minute hour day-of-month month day-of-week), 6 (a second first) or 7 (and a year last)",
        "* * * * * * * *|it has 8 fields; give 5 (minute hour day-of-month month day-of-week), 6 (a second first) or 7 (and a year last)",
        "fred likes snickerdoodles|it has 3 fields; give 5 (minute hour day-of-month month day-of-week), 6 (a second first) or 7 (and a year last)",
        "60 * * * *|minute 60 is out of range 0-59",
        "* 24 * * *|hour 24 is out of range 0-23",
        "* * 0 * *|day of month 0 is out of range 1-31",
        "* * 32 * *|day of month 32 is out of range 1-31",
        "* * * 13 *|month 13 is out of range 1-12 (or JAN-DEC)",
        "* * * 0-2 *|month 0 is out of range 1-12 (or JAN-DEC)",
        "* * * * 8|day of week 8 is out of range 0-7 (or SUN-SAT; 0 and 7 are Sunday)",
        "60 * * * * *|second 60 is out of range 0-59",
        "* * * * * * 1969|year 1969 is out of range 1970-2099",
        "* * * * * * 2100|year 2100 is out of range 1970-2099",
        "99999999999 * * * *|minute 99999999999 is out of range 0-59",
        "a-7/7 1 1 1 1|minute value \"a\" is not a number",
        "* * * JANUARY *|month value \"JANUARY\" is not a number or a month name (JAN-DEC)",
        "* * * * MONDAY|day of week value \"MONDAY\" is not a number or a day name (SUN-SAT)",
        "* * MON * *|day of month value \"MON\" is not a number",
        "-5 * * * *|minute value \"-5\" is not a number",
        "1,,2 * * * *|minute field \"1,,2\" has an empty item",
        "30-10 * * * *|minute range 30-10 runs backwards",
        "* * * * FRI-MON|day of week range FRI-MON runs backwards",
        "*/0 * * * *|minute step 0 in \"*/0\" must be between 1 and 59",
        "*/60 * * * *|minute step 60 in \"*/60\" must be between 1 and 59",
        "* */x * * *|hour step \"x\" is not a number",
        "* * * * 7/2|day of week 7/2 starts after 6, the last day of week",
        "0 0 ? * MON|? is not supported (use * in the day of month field)",
        "0 0 L * *|L, W and # are not supported (in the day of month field: \"L\")",
        "0 0 15W * *|L, W and # are not supported (in the day of month field: \"15W\")",
        "0 0 * * 5#3|L, W and # are not supported (in the day of week field: \"5#3\")",
        "@notanemailaddress|@notanemailaddress is not a schedule; use one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, @every_minute, @every_second, @every DURATION (in lower case)",
        "@yearlyplusextraletters|@yearlyplusextraletters is not a schedule; use one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, @every_minute, @every_second, @every DURATION (in lower case)",
        "@Daily|@Daily is not a schedule; use one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, @every_minute, @every_second, @every DURATION (in lower case)",
        "@daily 0|@daily takes nothing after it, not \"0\"",
        "@every|@every needs a duration of at least 1s, not \"\"",
        "@every 0s|@every needs a duration of at least 1s, not \"0s\"",
        "@every 1 hour|@every needs a duration such as 1h30m (units y, mo, d, h, m, s), not \"1 hour\"",
        "@every 1w|@every needs a duration such as 1h30m (units y, mo, d, h, m, s), not \"1w\"",
        "@every 500ms|@every 500ms is not a whole number of seconds",
        "@every 99999999999999999999s|@every 99999999999999999999s is too long",
    })
    void aBadExpressionSaysWhatIsWrong(String cron, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cron.parse(cron));
        assertEquals(message, e.getMessage());
    }

    @Test
    void equalWhenWrittenTheSameWay() {
        assertEquals(Cron.parse("0 * * * *"), Cron.parse("0 * * * *"));
        assertEquals("0 * * * *", Cron.parse("0 * * * *").text());
        assertFalse(Cron.parse("0 * * * *").equals(Cron.parse("@hourly")));
    }
}
