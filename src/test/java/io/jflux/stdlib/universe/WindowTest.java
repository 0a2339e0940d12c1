package io.jflux.stdlib.universe;

import static io.jflux.stdlib.universe.Data.RANGED;
import static io.jflux.stdlib.universe.Data.check;
import static io.jflux.stdlib.universe.Data.fails;
import static io.jflux.stdlib.universe.Data.result;
import static io.jflux.stdlib.universe.Data.t;

import org.junit.jupiter.api.Test;

/** window: bounds aligned to the epoch, clipped to the data's bounds, in the group key. */
class WindowTest {

    private static final String COLS = " _start:time, _stop:time, _time:time, _value:int";

    private static String key(String start, String stop) {
        return "table [_start=" + t(start) + ", _stop=" + t(stop) + "]" + COLS;
    }

    private static String row(String start, String stop, String time, int value) {
        return "  " + t(start) + ", " + t(stop) + ", " + t(time) + ", " + value;
    }

    /** The docs' first example: 30 second windows. */
    @Test
    void windowsOfThirtySeconds() {
        check(result("_result",
                key("00:00:00", "00:00:30"),
                row("00:00:00", "00:00:30", "00:00:00", -2),
                row("00:00:00", "00:00:30", "00:00:10", 10),
                row("00:00:00", "00:00:30", "00:00:20", 7),
                key("00:00:30", "00:01:00"),
                row("00:00:30", "00:01:00", "00:00:30", 17),
                row("00:00:30", "00:01:00", "00:00:40", 15),
                row("00:00:30", "00:01:00", "00:00:50", 4)),
                RANGED + "data |> window(every: 30s)");
    }

    /** The docs' second example: windows of 40s every 20s overlap; the ones at the edges are clipped. */
    @Test
    void overlappingWindowsAreClippedToTheBounds() {
        check(result("_result",
                key("00:00:00", "00:00:20"),
                row("00:00:00", "00:00:20", "00:00:00", -2),
                row("00:00:00", "00:00:20", "00:00:10", 10),
                key("00:00:00", "00:00:40"),
                row("00:00:00", "00:00:40", "00:00:00", -2),
                row("00:00:00", "00:00:40", "00:00:10", 10),
                row("00:00:00", "00:00:40", "00:00:20", 7),
                row("00:00:00", "00:00:40", "00:00:30", 17),
                key("00:00:20", "00:01:00"),
                row("00:00:20", "00:01:00", "00:00:20", 7),
                row("00:00:20", "00:01:00", "00:00:30", 17),
                row("00:00:20", "00:01:00", "00:00:40", 15),
                row("00:00:20", "00:01:00", "00:00:50", 4),
                key("00:00:40", "00:01:00"),
                row("00:00:40", "00:01:00", "00:00:40", 15),
                row("00:00:40", "00:01:00", "00:00:50", 4)),
                RANGED + "data |> window(every: 20s, period: 40s)");
    }

    /**
     * A period shorter than every leaves gaps (each window ends on a multiple of every): rows in them are
     * dropped. An offset shifts the windows.
     */
    @Test
    void shortPeriodsAndOffsets() {
        check(result("gaps",
                        key("00:00:20", "00:00:30"),
                        row("00:00:20", "00:00:30", "00:00:20", 7),
                        key("00:00:50", "00:01:00"),
                        row("00:00:50", "00:01:00", "00:00:50", 4))
                + result("offset",
                        key("00:00:00", "00:00:05"),
                        row("00:00:00", "00:00:05", "00:00:00", -2),
                        key("00:00:05", "00:00:35"),
                        row("00:00:05", "00:00:35", "00:00:10", 10),
                        row("00:00:05", "00:00:35", "00:00:20", 7),
                        row("00:00:05", "00:00:35", "00:00:30", 17),
                        key("00:00:35", "00:01:00"),
                        row("00:00:35", "00:01:00", "00:00:40", 15),
                        row("00:00:35", "00:01:00", "00:00:50", 4)),
                RANGED + "data |> window(every: 30s, period: 10s) |> yield(name: \"gaps\")\n"
                        + "data |> window(every: 30s, offset: -25s) |> yield(name: \"offset\")");
    }

    /** The docs' third example: calendar months. */
    @Test
    void windowsOfCalendarMonths() {
        String jan = "2021-01-01T00:00:00.000000000Z";
        String feb = "2021-02-01T00:00:00.000000000Z";
        String mar = "2021-03-01T00:00:00.000000000Z";
        String apr = "2021-04-01T00:00:00.000000000Z";
        String cols = " _start:time, _stop:time, _time:time, _value:int";
        check(result("_result",
                "table [_start=" + jan + ", _stop=" + feb + "]" + cols,
                "  " + jan + ", " + feb + ", " + jan + ", 0",
                "  " + jan + ", " + feb + ", 2021-01-16T00:00:00.000000000Z, 2",
                "  " + jan + ", " + feb + ", 2021-01-31T00:00:00.000000000Z, 4",
                "table [_start=" + feb + ", _stop=" + mar + "]" + cols,
                "  " + feb + ", " + mar + ", 2021-02-15T00:00:00.000000000Z, 6",
                "table [_start=" + mar + ", _stop=" + apr + "]" + cols,
                "  " + mar + ", " + apr + ", 2021-03-02T00:00:00.000000000Z, 8",
                "  " + mar + ", " + apr + ", 2021-03-17T00:00:00.000000000Z, 10"),
                "import \"array\"\n"
                        + "b = {_start: 2021-01-01T00:00:00Z, _stop: 2021-04-01T00:00:00Z}\n"
                        + "array.from(rows: [{b with _time: 2021-01-01T00:00:00Z, _value: 0},"
                        + " {b with _time: 2021-01-16T00:00:00Z, _value: 2}, {b with _time: 2021-01-31T00:00:00Z, _value: 4},"
                        + " {b with _time: 2021-02-15T00:00:00Z, _value: 6}, {b with _time: 2021-03-02T00:00:00Z, _value: 8},"
                        + " {b with _time: 2021-03-17T00:00:00Z, _value: 10}])\n"
                        + "    |> window(every: 1mo)");
    }

    /** Weeks are counted from the epoch, a Thursday. */
    @Test
    void weeksStartOnThursday() {
        check(result("_result",
                "table [_start=2021-12-30T00:00:00.000000000Z, _stop=2022-01-06T00:00:00.000000000Z] _time:time,"
                        + " _start:time, _stop:time",
                "  2022-01-03T00:00:00.000000000Z, 2021-12-30T00:00:00.000000000Z, 2022-01-06T00:00:00.000000000Z"),
                "import \"array\"\narray.from(rows: [{_time: 2022-01-03T00:00:00Z}]) |> window(every: 1w)");
    }

    /** createEmpty makes a table for every window within the bounds, rows or not. */
    @Test
    void createEmptyMakesEveryWindow() {
        check(result("_result",
                key("00:00:00", "00:00:25"),
                row("00:00:00", "00:00:25", "00:00:20", 7),
                key("00:00:25", "00:00:50"),
                key("00:00:50", "00:01:00")),
                "import \"array\"\narray.from(rows: [{_start: 2021-01-01T00:00:00Z, _stop: 2021-01-01T00:01:00Z,"
                        + " _time: 2021-01-01T00:00:20Z, _value: 7}]) |> window(every: 25s, createEmpty: true)");
    }

    /** every: inf puts all rows in one window spanning the bounds: this undoes a window. */
    @Test
    void infiniteWindowSpansTheBounds() {
        check(result("_result",
                key("00:00:00", "00:01:00"),
                row("00:00:00", "00:01:00", "00:00:00", -2),
                row("00:00:00", "00:01:00", "00:00:10", 10),
                row("00:00:00", "00:01:00", "00:00:20", 7),
                row("00:00:00", "00:01:00", "00:00:30", 17),
                row("00:00:00", "00:01:00", "00:00:40", 15),
                row("00:00:00", "00:01:00", "00:00:50", 4)),
                RANGED + "data |> window(every: 20s) |> window(every: inf)");
    }

    /** Other start, stop and time columns. */
    @Test
    void customColumns() {
        check(result("_result",
                "table [from=" + t("00:00:00") + ", to=" + t("00:01:00") + "] at:time, from:time, to:time",
                "  " + t("00:00:10") + ", " + t("00:00:00") + ", " + t("00:01:00")),
                "import \"array\"\narray.from(rows: [{at: 2021-01-01T00:00:10Z}])"
                        + " |> window(every: 1m, timeColumn: \"at\", startColumn: \"from\", stopColumn: \"to\")");
    }

    @Test
    void windowErrors() {
        fails("window function requires at least one of \"every\" or \"period\" to be set", RANGED + "data |> window()");
        fails("duration used as an interval cannot mix month and nanosecond units",
                RANGED + "data |> window(every: 1mo1d)");
        fails("missing time column \"t\"", RANGED + "data |> window(every: 1m, timeColumn: \"t\")");
    }

    /** period alone sets every too. */
    @Test
    void periodAloneSetsEvery() {
        check(result("_result",
                key("00:00:00", "00:01:00"),
                row("00:00:00", "00:01:00", "00:00:00", -2),
                row("00:00:00", "00:01:00", "00:00:10", 10),
                row("00:00:00", "00:01:00", "00:00:20", 7),
                row("00:00:00", "00:01:00", "00:00:30", 17),
                row("00:00:00", "00:01:00", "00:00:40", 15),
                row("00:00:00", "00:01:00", "00:00:50", 4)),
                RANGED + "data |> window(period: 1m)");
    }
}
