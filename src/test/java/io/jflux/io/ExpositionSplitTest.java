package io.jflux.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jflux.diag.FluxException;
import io.jflux.table.TableBatcher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * Prometheus text cut in two ({@link ExpositionParser#splitPoint}) and parsed by two parsers
 * ({@link ExpositionParser#part} for the second half) gives the tables, and the errors, of one parser of the whole.
 */
class ExpositionSplitTest {

    private static final long CLOCK = 1_609_459_200_000_000_000L;

    /** The tables of the first part then of the second, rendered. */
    private static String inTwo(String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        int cut = ExpositionParser.splitPoint(data, data.length);
        assertTrue(cut > 0, "no cut found");
        StringBuilder sb = new StringBuilder();
        try (BufferAllocator allocator = new RootAllocator();
                TableBatcher first = new TableBatcher(allocator, 4, 1L << 20);
                TableBatcher second = new TableBatcher(allocator, 4, 1L << 20)) {
            // the second part is read first here: what it learns of the first must not depend on that parser
            String tail = drain(ExpositionParser.part(data, cut, data.length, "u", CLOCK, second), second);
            ExpositionParserTest.drain(new ExpositionParser(data, cut, "u", CLOCK, first, false, false), first, sb);
            sb.append(tail);
        }
        return sb.toString();
    }

    private static String drain(ExpositionParser p, TableBatcher batcher) {
        StringBuilder sb = new StringBuilder();
        ExpositionParserTest.drain(p, batcher, sb);
        return sb.toString();
    }

    private static String families(int n) {
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < n; f++) {
            sb.append("# HELP c").append(f).append("_total A counter.\n# TYPE c").append(f).append("_total counter\n");
            for (int s = 0; s < 3; s++) {
                sb.append("c").append(f).append("_total{job=\"j").append(s).append("\"} ").append(f + s).append('\n');
            }
            sb.append("# TYPE h").append(f).append(" histogram\n");
            for (String le : new String[] {"0.5", "+Inf"}) {
                sb.append("h").append(f).append("_bucket{le=\"").append(le).append("\"} ").append(f).append('\n');
            }
            sb.append("h").append(f).append("_sum 2.5\nh").append(f).append("_count ").append(f).append('\n');
            sb.append("# TYPE s").append(f).append(" summary\ns").append(f).append("{quantile=\"0.9\"} 1\n");
        }
        return sb.toString();
    }

    @Test
    void twoHalvesGiveTheTablesOfTheWhole() {
        String text = families(40);
        String whole = ExpositionParserTest.parse(text);
        assertEquals(whole, inTwo(text));
        assertEquals(40 * 8, whole.lines().filter(l -> l.startsWith("table ")).count());
    }

    @Test
    void aHistogramTypedBeforeTheCutIsOneAfterIt() {
        // h's TYPE line and first buckets come before the cut, more of its series after another family
        StringBuilder sb = new StringBuilder("# TYPE h histogram\n");
        for (int i = 0; i < 50; i++) {
            sb.append("h_bucket{le=\"").append(i).append("\",pod=\"p").append(i).append("\"} ").append(i).append('\n');
        }
        sb.append("# TYPE c counter\nc_total 1\nh_bucket{le=\"+Inf\",pod=\"late\"} 9\nh_sum{pod=\"late\"} 3\n");
        String text = sb.toString();
        String whole = ExpositionParserTest.parse(text);
        assertTrue(whole.contains("table [_measurement=prometheus, _field=h, le=+Inf, pod=late]"), whole);
        assertEquals(whole, inTwo(text));
    }

    @Test
    void anErrorAfterTheCutNamesItsLineInTheWholeText() {
        String text = families(30) + "bad{ 1\n";
        String whole = ExpositionParserTest.error(text);
        assertTrue(whole.contains("exposition line " + text.lines().count()), whole);
        FluxException e = assertThrows(FluxException.class, () -> inTwo(text));
        assertEquals(whole, e.getMessage());
    }

    /**
     * The tables of {@code text} cut into parts of about {@code partBytes} bytes ({@link ExpositionParser#cuts}),
     * each part parsed with its context; the parts are parsed last first, to show that none depends on another
     * parser having run.
     */
    private static String inParts(String text, int partBytes) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        return inParts(data, ExpositionParser.cuts(data, data.length, partBytes));
    }

    /** The tables of {@code data} cut at {@code cuts}, each part parsed with its context, the last part first. */
    private static String inParts(byte[] data, int[] cuts) {
        assertEquals(0, cuts[0]);
        assertEquals(data.length, cuts[cuts.length - 1]);
        ExpositionParser.Context[] contexts = new ExpositionParser.Context[cuts.length - 1];
        contexts[0] = ExpositionParser.Context.start();
        for (int k = 1; k < contexts.length; k++) {
            contexts[k] = contexts[k - 1].advance(data, cuts[k]);
            assertEquals(cuts[k], contexts[k].at());
        }
        String[] parts = new String[contexts.length];
        try (BufferAllocator allocator = new RootAllocator()) {
            for (int k = parts.length - 1; k >= 0; k--) {
                try (TableBatcher batcher = new TableBatcher(allocator, 4, 1L << 20)) {
                    parts[k] = drain(ExpositionParser.part(data, cuts[k], cuts[k + 1], "u", CLOCK, batcher,
                            contexts[k]), batcher);
                }
            }
        }
        return String.join("", parts);
    }

    @Test
    void manyPartsGiveTheTablesOfTheWhole() {
        // families(40) is about 14 KB: parts of 300 bytes up to a single part
        String text = families(40);
        String whole = ExpositionParserTest.parse(text);
        for (int partBytes : new int[] {1, 300, 1000, 5000, 1 << 20}) {
            assertEquals(whole, inParts(text, partBytes), "parts of " + partBytes);
        }
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        assertTrue(ExpositionParser.cuts(data, data.length, 300).length > 20);
        assertEquals(2, ExpositionParser.cuts(data, data.length, 1 << 20).length);
    }

    @Test
    void cutsFoundWhileTheTextComesGiveTheTablesOfTheWhole() {
        // the text comes a line at a time: each cut is found among whole lines only, and stays
        String text = families(40);
        String whole = ExpositionParserTest.parse(text);
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        for (int partBytes : new int[] {1, 300, 1000}) {
            ExpositionParser.Cutter cutter = new ExpositionParser.Cutter(data, data.length, partBytes);
            List<Integer> cuts = new ArrayList<>(List.of(0));
            for (int limit = 1; limit <= data.length; limit++) {
                if (data[limit - 1] == '\n') {
                    int cut;
                    while ((cut = cutter.next(limit)) >= 0) {
                        assertTrue(cut < limit && cut > cuts.get(cuts.size() - 1), "cut " + cut + " at " + limit);
                        cuts.add(cut);
                    }
                }
            }
            cuts.add(data.length);
            assertTrue(cuts.size() > (partBytes == 1000 ? 5 : 20), cuts.toString());
            assertEquals(whole, inParts(data, cuts.stream().mapToInt(Integer::intValue).toArray()),
                    "parts of " + partBytes);
        }
    }

    @Test
    void aPartKnowsTheTypesOfEarlierPartsAsOfItsStart() {
        // h is a histogram until it is typed a gauge again: its x_bucket samples before that lose _bucket, the
        // ones after keep it, whatever part each is in
        StringBuilder sb = new StringBuilder("# TYPE h histogram\n");
        for (int i = 0; i < 30; i++) {
            sb.append("h_bucket{le=\"").append(i).append("\"} 1\n# TYPE c").append(i).append(" counter\nc")
                    .append(i).append(" 1\n");
        }
        sb.append("# TYPE h gauge\n");
        for (int i = 0; i < 30; i++) {
            sb.append("h_bucket{le=\"").append(i).append("\",x=\"late\"} 1\n# TYPE d").append(i)
                    .append(" counter\nd").append(i).append(" 1\n");
        }
        String text = sb.toString();
        String whole = ExpositionParserTest.parse(text);
        assertTrue(whole.contains("_field=h, le=0]"), whole);
        assertTrue(whole.contains("_field=h_bucket, le=0, x=late]"), whole);
        for (int partBytes : new int[] {1, 100, 700}) {
            assertEquals(whole, inParts(text, partBytes), "parts of " + partBytes);
        }
    }

    @Test
    void anErrorInALaterPartNamesItsLineInTheWholeText() {
        String text = families(30) + "bad{ 1\n" + families(1).replace("c0", "z0").replace("h0", "y0")
                .replace("s0", "x0");
        String whole = ExpositionParserTest.error(text);
        assertTrue(whole.contains("exposition line " + (families(30).lines().count() + 1) + ":"), whole);
        FluxException e = assertThrows(FluxException.class, () -> inParts(text, 500));
        assertEquals(whole, e.getMessage());
    }

    @Test
    void noCutWithoutACommentLineBetweenTwoMetrics() {
        byte[] noComments = "a 1\nb 2\nc 3\nd 4\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, ExpositionParser.splitPoint(noComments, noComments.length));
        // a comment line inside one metric's samples is not a cut: its samples would be two tables
        byte[] oneMetric = "m{a=\"1\"} 1\nm{a=\"2\"} 2\n# HELP m x\nm{a=\"3\"} 3\n# comment\nm 4\n"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, ExpositionParser.splitPoint(oneMetric, oneMetric.length));
        byte[] two = "# TYPE a gauge\na 1\na 2\n# TYPE b gauge\nb 1\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("# TYPE a gauge\na 1\na 2\n".length(), ExpositionParser.splitPoint(two, two.length));
    }

    @Test
    void findingEitherOfTwoBytesEightAtATime() {
        Random random = new Random(11);
        int[] bytes = {'"', '"' + 1, '"' - 1, '\\', '\\' + 1, '\\' - 1, 0, 0xFF, 'a'};
        for (int round = 0; round < 500; round++) {
            byte[] d = new byte[random.nextInt(40)];
            for (int i = 0; i < d.length; i++) {
                d[i] = (byte) (random.nextInt(3) == 0 ? bytes[random.nextInt(bytes.length)] : 'x');
            }
            int from = d.length == 0 ? 0 : random.nextInt(d.length);
            int expected = from;
            while (expected < d.length && d[expected] != '"' && d[expected] != '\\') {
                expected++;
            }
            assertEquals(expected, ByteSearch.indexOfEither(d, from, d.length, (byte) '"', (byte) '\\'));
        }
    }

    @Test
    void countingNewlinesEightBytesAtATime() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            byte[] d = new byte[random.nextInt(100)];
            for (int i = 0; i < d.length; i++) {
                // newlines next to the bytes just above and below them, where a borrow could miscount
                d[i] = (byte) (new int[] {'\n', '\n' + 1, '\n' - 1, 0, 0xFF, 'a'})[random.nextInt(6)];
            }
            int from = d.length == 0 ? 0 : random.nextInt(d.length);
            int expected = 0;
            for (int i = from; i < d.length; i++) {
                expected += d[i] == '\n' ? 1 : 0;
            }
            assertEquals(expected, ByteSearch.count(d, from, d.length, (byte) '\n'));
        }
    }
}
