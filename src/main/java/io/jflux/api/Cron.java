package io.jflux.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's {@code cron} schedule, read and evaluated as InfluxDB 2 reads it (its scheduler uses the
 * {@code github.com/influxdata/cron} library). Times are UTC and whole seconds.
 *
 * <ul>
 *   <li>5 fields: {@code minute hour day-of-month month day-of-week} (at second 0); 6 fields: a {@code second}
 *       first; 7 fields: and a {@code year} (1970-2099) last. Fields are separated by spaces or tabs.</li>
 *   <li>Each field is a comma-separated list of {@code *}, {@code N}, {@code A-B}, <code>&#42;/S</code> (every S
 *       from the field's first value), {@code A/S} (every S from A to the field's last value) or {@code A-B/S}.
 *       Months may be named {@code JAN}-{@code DEC} and days of the week {@code SUN}-{@code SAT}, in any case;
 *       0 and 7 are both Sunday.</li>
 *   <li>Day of month and day of week must <em>both</em> match (InfluxDB's library intersects them; Vixie cron
 *       would run when either matches), so {@code 0 0 13 * FRI} runs on Fridays the 13th only.</li>
 *   <li>{@code @yearly} (= {@code @annually}), {@code @monthly}, {@code @weekly} (Sundays), {@code @daily}
 *       (= {@code @midnight}), {@code @hourly}, {@code @every_minute}, {@code @every_second}, and
 *       {@code @every DURATION} (units {@code y mo d h m s}, e.g. {@code @every 1h30m}), which runs that long
 *       after the previous run (the first one that long after the task starts), with no alignment.</li>
 *   <li>Not supported, as in InfluxDB: {@code ?}, {@code L}, {@code W} and {@code #}.</li>
 * </ul>
 *
 * Where the library misbehaves this class does what its documentation says instead: a lone {@code 7} in the day
 * of week is Sunday, and a schedule that moves to a later month starts at that month's first matching day.
 * {@code @every} durations must be whole seconds.
 */
public final class Cron {

    static final int MIN_YEAR = 1970;
    static final int MAX_YEAR = 2099;
    private static final long FIRST_SECOND = LocalDateTime.of(MIN_YEAR, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_SECOND = LocalDateTime.of(MAX_YEAR, 12, 31, 23, 59, 59)
            .toEpochSecond(ZoneOffset.UTC);

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> WEEKDAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final List<String> MACROS = List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily",
            "@midnight", "@hourly", "@every_minute", "@every_second", "@every DURATION");

    /** A field of the expression: its name in messages and its range of values. */
    private enum Field {
        SECOND("second", 0, 59),
        MINUTE("minute", 0, 59),
        HOUR("hour", 0, 23),
        DAY("day of month", 1, 31),
        MONTH("month", 1, 12),
        WEEKDAY("day of week", 0, 7),
        YEAR("year", MIN_YEAR, MAX_YEAR);

        final String label;
        final int min;
        final int max;

        Field(String label, int min, int max) {
            this.label = label;
            this.min = min;
            this.max = max;
        }

        /** The last value of {@code *} and of {@code A/S}: Saturday for the day of week, else {@link #max}. */
        int last() {
            return this == WEEKDAY ? 6 : max;
        }

        String range() {
            switch (this) {
                case MONTH: return "1-12 (or JAN-DEC)";
                case WEEKDAY: return "0-7 (or SUN-SAT; 0 and 7 are Sunday)";
                default: return min + "-" + max;
            }
        }
    }

    /** {@code @every}: calendar parts added as Go's {@code AddDate} adds them, then a whole number of seconds. */
    private record Every(int years, int months, int days, long seconds) {
        boolean fixed() {
            return years == 0 && months == 0;
        }

        long fixedSeconds() {
            return days * 86_400L + seconds;
        }
    }

    private final String text;
    private final BitSet seconds;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final BitSet years;
    private final Every every;

    private Cron(String text, BitSet[] fields, Every every) {
        this.text = text;
        this.every = every;
        if (fields == null) {
            seconds = minutes = hours = days = months = weekdays = years = null;
        } else {
            seconds = fields[0];
            minutes = fields[1];
            hours = fields[2];
            days = fields[3];
            months = fields[4];
            weekdays = fields[5];
            years = fields[6];
        }
    }

    /**
     * Reads a cron expression.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static Cron parse(String text) {
        Objects.requireNonNull(text);
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("it is empty; give 5 fields (minute hour day-of-month month "
                    + "day-of-week), 6 (a second first) or 7 (and a year last), or one of "
                    + String.join(", ", MACROS));
        }
        if (t.startsWith("@")) {
            return macro(text, t);
        }
        String[] parts = t.split("[ \\t]+");
        if (parts.length < 5 || parts.length > 7) {
            throw new IllegalArgumentException("it has " + parts.length + " field" + (parts.length == 1 ? "" : "s")
                    + "; give 5 (minute hour day-of-month month day-of-week), 6 (a second first) "
                    + "or 7 (and a year last)");
        }
        BitSet[] fields = new BitSet[7];
        int i = 0;
        if (parts.length == 5) {
            fields[0] = only(0);
        } else {
            fields[0] = field(Field.SECOND, parts[i++]);
        }
        fields[1] = field(Field.MINUTE, parts[i++]);
        fields[2] = field(Field.HOUR, parts[i++]);
        fields[3] = field(Field.DAY, parts[i++]);
        fields[4] = field(Field.MONTH, parts[i++]);
        fields[5] = field(Field.WEEKDAY, parts[i++]);
        fields[6] = parts.length == 7 ? field(Field.YEAR, parts[i]) : field(Field.YEAR, "*");
        return new Cron(text, fields, null);
    }

    private static Cron macro(String text, String t) {
        String fields;
        switch (t) {
            case "@yearly": case "@annually": fields = "0 0 0 1 1 *"; break;
            case "@monthly": fields = "0 0 0 1 * *"; break;
            case "@weekly": fields = "0 0 0 * * 0"; break;
            case "@daily": case "@midnight": fields = "0 0 0 * * *"; break;
            case "@hourly": fields = "0 0 * * * *"; break;
            case "@every_minute": fields = "0 * * * * *"; break;
            case "@every_second": fields = "* * * * * *"; break;
            default:
                if (t.equals("@every") || t.startsWith("@every ") || t.startsWith("@every\t")) {
                    return new Cron(text, null, every(t.substring("@every".length()).strip()));
                }
                String word = t.split("[ \\t]")[0];
                if (MACROS.contains(word)) {
                    throw new IllegalArgumentException(word + " takes nothing after it, not \""
                            + t.substring(word.length()).strip() + "\"");
                }
                throw new IllegalArgumentException(word + " is not a schedule; use one of "
                        + String.join(", ", MACROS) + " (in lower case)");
        }
        Cron c = parse(fields);
        return new Cron(text, new BitSet[] {c.seconds, c.minutes, c.hours, c.days, c.months, c.weekdays, c.years},
                null);
    }

    private static final Pattern DURATION_PART = Pattern.compile(
            "(\\d+)(y|mo|ms|us|µs|u|µ|ns|hr|h|m|s|d)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static Every every(String d) {
        String compact = d.replaceAll("[ \\t]+", "");
        Matcher m = DURATION_PART.matcher(compact);
        int at = 0;
        long years = 0;
        long months = 0;
        long days = 0;
        long nanos = 0;
        try {
            while (at < compact.length()) {
                if (!m.find(at) || m.start() != at) {
                    throw new IllegalArgumentException("@every needs a duration such as 1h30m "
                            + "(units y, mo, d, h, m, s), not \"" + d + "\"");
                }
                long n = Long.parseLong(m.group(1));
                switch (m.group(2).toLowerCase(Locale.ROOT)) {
                    case "y": years = Math.addExact(years, n); break;
                    case "mo": months = Math.addExact(months, n); break;
                    case "d": days = Math.addExact(days, n); break;
                    case "hr": case "h":
                        nanos = Math.addExact(nanos, Math.multiplyExact(n, 3_600_000_000_000L));
                        break;
                    case "m": nanos = Math.addExact(nanos, Math.multiplyExact(n, 60_000_000_000L)); break;
                    case "s": nanos = Math.addExact(nanos, Math.multiplyExact(n, 1_000_000_000L)); break;
                    case "ms": nanos = Math.addExact(nanos, Math.multiplyExact(n, 1_000_000L)); break;
                    case "ns": nanos = Math.addExact(nanos, n); break;
                    default: nanos = Math.addExact(nanos, Math.multiplyExact(n, 1_000L)); break; // us, µs, u, µ
                }
                at = m.end();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("@every " + d + " is too long");
        }
        if (nanos % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("@every " + d + " is not a whole number of seconds");
        }
        if (years + months + days + nanos == 0) {
            throw new IllegalArgumentException("@every needs a duration of at least 1s, not \"" + d + "\"");
        }
        long span = MAX_YEAR - MIN_YEAR;
        if (years > span || months > 12 * span || days > 366 * span) {
            throw new IllegalArgumentException("@every " + d + " is too long");
        }
        return new Every((int) years, (int) months, (int) days, nanos / 1_000_000_000L);
    }

    private static BitSet only(int value) {
        BitSet b = new BitSet();
        b.set(value);
        return b;
    }

    /** The values a field allows (day of week 7 folded into 0). */
    private static BitSet field(Field f, String text) {
        BitSet values = new BitSet();
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                throw new IllegalArgumentException(f.label + " field \"" + text + "\" has an empty item");
            }
            item(f, item, values);
        }
        if (f == Field.WEEKDAY && values.get(7)) {
            values.clear(7);
            values.set(0);
        }
        return values;
    }

    private static void item(Field f, String item, BitSet values) {
        int slash = item.indexOf('/');
        String base = slash < 0 ? item : item.substring(0, slash);
        int step = 1;
        if (slash >= 0) {
            String stepText = item.substring(slash + 1);
            step = number(f, stepText, "step");
            int span = f.last() - f.min;
            if (step < 1 || step > span) {
                throw new IllegalArgumentException(f.label + " step " + stepText + " in \"" + item
                        + "\" must be between 1 and " + span);
            }
        }
        int from;
        int to;
        if (base.equals("*")) {
            from = f.min;
            to = f.last();
        } else {
            int dash = base.indexOf('-', 1);
            from = value(f, dash < 0 ? base : base.substring(0, dash));
            if (dash >= 0) {
                to = value(f, base.substring(dash + 1));
                if (to < from) {
                    throw new IllegalArgumentException(f.label + " range " + base + " runs backwards");
                }
            } else if (slash >= 0) {
                to = f.last();
                if (from > to) {
                    throw new IllegalArgumentException(f.label + " " + item + " starts after " + to
                            + ", the last " + f.label);
                }
            } else {
                to = from;
            }
        }
        for (int v = from; v <= to; v += step) {
            values.set(v);
        }
    }

    /** One value of a field: a number in range, or a month or weekday name where the field takes names. */
    private static int value(Field f, String token) {
        List<String> names = f == Field.MONTH ? MONTHS : f == Field.WEEKDAY ? WEEKDAYS : null;
        if (names != null) {
            int i = names.indexOf(token.toUpperCase(Locale.ROOT));
            if (i >= 0) {
                return f == Field.MONTH ? i + 1 : i;
            }
        }
        int v = number(f, token, "value");
        if (v < f.min || v > f.max) {
            throw new IllegalArgumentException(f.label + " " + token + " is out of range " + f.range());
        }
        return v;
    }

    private static int number(Field f, String token, String what) {
        if (token.equals("?")) {
            throw new IllegalArgumentException("? is not supported (use * in the " + f.label + " field)");
        }
        if (!token.isEmpty() && token.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return token.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(token);
        }
        if (token.matches("(?i)\\d*[LW]|.*#.*|L")) {
            throw new IllegalArgumentException("L, W and # are not supported (in the " + f.label + " field: \""
                    + token + "\")");
        }
        String names = f == Field.MONTH ? " or a month name (JAN-DEC)"
                : f == Field.WEEKDAY && what.equals("value") ? " or a day name (SUN-SAT)" : "";
        throw new IllegalArgumentException(f.label + " " + what + " \"" + token + "\" is not a number" + names);
    }

    /** The expression as given. */
    public String text() {
        return text;
    }

    /**
     * The first scheduled time strictly after {@code epochSecond}, in seconds since the epoch; empty when there
     * is none before 2100 (the library's limit). For {@code @every}, {@code epochSecond} plus the duration.
     */
    public OptionalLong next(long epochSecond) {
        if (every != null) {
            return OptionalLong.of(add(epochSecond));
        }
        if (epochSecond >= LAST_SECOND) {
            return OptionalLong.empty();
        }
        LocalDateTime c = epochSecond < FIRST_SECOND ? LocalDateTime.of(MIN_YEAR, 1, 1, 0, 0)
                : LocalDateTime.ofEpochSecond(epochSecond + 1, 0, ZoneOffset.UTC);
        while (c.getYear() <= MAX_YEAR) {
            if (!years.get(c.getYear())) {
                c = LocalDateTime.of(c.getYear() + 1, 1, 1, 0, 0);
            } else if (!months.get(c.getMonthValue())) {
                c = c.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
            } else if (!dayMatches(c.toLocalDate())) {
                c = c.toLocalDate().plusDays(1).atStartOfDay();
            } else if (!hours.get(c.getHour())) {
                c = c.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(c.getMinute())) {
                c = c.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            } else if (!seconds.get(c.getSecond())) {
                c = c.plusSeconds(1);
            } else {
                return OptionalLong.of(c.toEpochSecond(ZoneOffset.UTC));
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The latest scheduled time at or before {@code atOrBefore} and strictly after {@code after} (a scheduled
     * time), or empty when there is none. For {@code @every}, times are {@code after} plus whole durations.
     */
    public OptionalLong latest(long atOrBefore, long after) {
        if (atOrBefore <= after) {
            return OptionalLong.empty();
        }
        if (every != null) {
            if (every.fixed()) {
                long step = every.fixedSeconds();
                long k = (atOrBefore - after) / step;
                return k == 0 ? OptionalLong.empty() : OptionalLong.of(after + k * step);
            }
            long t = after;
            for (long n = add(t); n <= atOrBefore; n = add(n)) {
                t = n;
            }
            return t == after ? OptionalLong.empty() : OptionalLong.of(t);
        }
        OptionalLong p = previous(atOrBefore);
        return p.isPresent() && p.getAsLong() > after ? p : OptionalLong.empty();
    }

    /** The latest scheduled time at or before {@code epochSecond}. */
    OptionalLong previous(long epochSecond) {
        if (epochSecond < FIRST_SECOND) {
            return OptionalLong.empty();
        }
        LocalDateTime c = epochSecond > LAST_SECOND ? LocalDateTime.of(MAX_YEAR, 12, 31, 23, 59, 59)
                : LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        while (c.getYear() >= MIN_YEAR) {
            if (!years.get(c.getYear())) {
                c = LocalDateTime.of(c.getYear() - 1, 12, 31, 23, 59, 59);
            } else if (!months.get(c.getMonthValue())) {
                c = c.toLocalDate().withDayOfMonth(1).minusDays(1).atTime(23, 59, 59);
            } else if (!dayMatches(c.toLocalDate())) {
                c = c.toLocalDate().minusDays(1).atTime(23, 59, 59);
            } else if (!hours.get(c.getHour())) {
                c = c.truncatedTo(ChronoUnit.HOURS).minusSeconds(1);
            } else if (!minutes.get(c.getMinute())) {
                c = c.truncatedTo(ChronoUnit.MINUTES).minusSeconds(1);
            } else if (!seconds.get(c.getSecond())) {
                c = c.minusSeconds(1);
            } else {
                return OptionalLong.of(c.toEpochSecond(ZoneOffset.UTC));
            }
        }
        return OptionalLong.empty();
    }

    /** Whether {@code epochSecond} is one of the schedule's times (false for {@code @every}, which has none fixed). */
    boolean matches(long epochSecond) {
        if (every != null || epochSecond < FIRST_SECOND || epochSecond > LAST_SECOND) {
            return false;
        }
        LocalDateTime c = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        return years.get(c.getYear()) && months.get(c.getMonthValue()) && dayMatches(c.toLocalDate())
                && hours.get(c.getHour()) && minutes.get(c.getMinute()) && seconds.get(c.getSecond());
    }

    /** Day of month and day of week both match (as InfluxDB's cron library intersects them). */
    private boolean dayMatches(LocalDate d) {
        return days.get(d.getDayOfMonth()) && weekdays.get(d.getDayOfWeek().getValue() % 7);
    }

    /** {@code t} plus the {@code @every} duration: years, months and days as Go's {@code AddDate}, then seconds. */
    private long add(long t) {
        if (every.fixed()) {
            return t + every.fixedSeconds();
        }
        LocalDateTime from = LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC);
        // Go normalises out-of-range dates forward (Jan 31 + 1 month is Mar 3 or Mar 2), unlike plusMonths
        LocalDate date = LocalDate.of(from.getYear() + every.years(), 1, 1)
                .plusMonths(from.getMonthValue() - 1 + every.months())
                .plusDays(from.getDayOfMonth() - 1 + every.days());
        return date.atTime(from.toLocalTime()).toEpochSecond(ZoneOffset.UTC) + every.seconds();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cron c && c.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
