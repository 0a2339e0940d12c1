package io.jflux.stdlib.universe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code map()} with string results over a scrape's many one-row tables, which share batches: the compiled mapper
 * writes the strings of each table into string vectors per batch, after those of the tables before it. The same
 * tables as the row-by-row mapper makes, with tables of the batch skipped (filtered out) between them, strings
 * empty, non-ASCII or null, and strings that outgrow the room their vector was made with.
 */
class MapStringsInPlaceTest {

    @TempDir
    Path dir;

    /** A script's first lines: the scrape of {@link #exposition}. */
    private String scrape() throws Exception {
        return "import \"experimental/prometheus\"\nprometheus.scrape(url: \"" + exposition().toUri() + "\")\n";
    }

    private Path exposition() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            // label j grows from empty to 299 characters, so later strings outgrow the first tables' room
            sb.append("m{i=\"").append(i).append("\",j=\"").append("x".repeat(i % 300)).append("\"} ").append(i)
                    .append(' ').append(1_700_000_000_000L + i).append('\n');
        }
        Path file = dir.resolve("m.prom");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void stringsWrittenInPlaceAreThoseOfTheRowByRowMapper() throws Exception {
        String out = RowTx.run(scrape()
                + "    |> filter(fn: (r) => r._value % 7.0 != 3.0)\n"
                + "    |> map(fn: (r) => ({r with s: r.i + \"é\", e: \"\", n: if r._value % 5.0 == 0.0 then r.j + r.j"
                + " else \"short\", v: r._value * 2.0}))\n"
                + "    |> keep(columns: [\"i\", \"s\", \"e\", \"n\", \"v\"])\n");
        assertEquals(3000 - 429, out.lines().filter(l -> l.startsWith("table ")).count());
        assertTrue(out.contains("table [i=2998] e:string, i:string, n:string, s:string, v:float\n  , 2998, short, 2998é,"
                + " 5996\n"), out.substring(out.length() - 400));
        assertTrue(out.contains("  , 2995, " + "x".repeat(295 * 2) + ", 2995é, 5990\n"));
    }

    @Test
    void aNullStringResultIsNull() throws Exception {
        String out = RowTx.run(scrape()
                + "    |> filter(fn: (r) => r._value < 40.0)\n"
                + "    |> map(fn: (r) => ({r with s: if r._value % 2.0 == 0.0 then r.j else r.nothing}))\n"
                + "    |> keep(columns: [\"i\", \"s\"])\n");
        assertTrue(out.contains("table [i=4] i:string, s:string\n  4, xxxx\n"), out);
    }
}
