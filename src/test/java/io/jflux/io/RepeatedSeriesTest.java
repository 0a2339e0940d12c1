package io.jflux.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pre-pass that sends an exposition to the parser's slow path only when a series appears in two places. */
class RepeatedSeriesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            every series once | a 1;b 2;a{x="1"} 3;a{x="2"} 4;# TYPE h histogram;h_bucket{le="1"} 5;h_sum 6 | false
            consecutive lines written alike | a{x="1"} 1 1;a{x="1"} 2 2;b 3;b 4 | false
            alike but for a comment between | a 1;# HELP a x;a 2 | false
            met again after another | a 1;b 2;a 3 | true
            labels in another order | a{x="1",y="2"} 1;a{y="2",x="1"} 2 | true
            other spacing, consecutive | a{x="1"} 1;a { x = "1" , } 2 | true
            empty braces are no labels | a 1;a{} 2 | true
            a bucket named like its family | h_bucket{le="1"} 1;h{le="1"} 2 | true
            a histogram family named x_bucket | x_bucket_bucket{le="1"} 1;y 2;x_bucket{le="1"} 3 | true
            a family met a third time | a{x="1"} 1;b 2;a{x="2"} 3;b{y="1"} 4;a_sum 5;a{x="1"} 6 | true
            three pieces, each series once | a{x="1"} 1;b 2;a{x="2"} 3;b{y="1"} 4;a_sum 5;a{x="3"} 6 | false
            a histogram in pieces | h_bucket{le="1"} 1;h_sum 2;g 3;h_count 4;h_bucket{le="2"} 5;h_sum 6 | true
            long names in another order | m{long_label_name_x="1",b="2"} 1;m{b="2",long_label_name_x="1"} 2 | true
            long names, other values | m{long_label_name_x="1",b="2"} 1;m{long_label_name_x="2",b="2"} 2 | false
            a label name that grows by a letter | m{job="1",x="2"} 1;m{jobs="1",x="2"} 2;n 3;m{jobs="1",x="2"} 4 | true
            another value | a{x="1"} 1;b 2;a{x="1 "} 3 | false
            another label | a{x="1"} 1;b 2;a{y="1"} 3 | false
            a value holding a comma and brace | 'a{x="1,y=\\"2\\"}"} 1;b 2;a{y="2",x="1"} 3' | false
            the same escaped value | 'a{x="q\\"\\\\"} 1;b 2;a{x="q\\"\\\\"} 3' | true
            a name that only starts alike | ab 1;b 2;abc 3 | false
            rejected lines | a{x 1;{ 2; 9 3;a{x="1"} 4;b 5;a{x="1"} 6;a{x="1 7;c{x="1"} 8 | true
            rejected lines, no repeat | a{x 1;{ 2; 9 3;a{x="1"} 4;b 5;a{x="2"} 6;a{x="1 7;c{x="1"} 8 | false
            """)
    void findsSeriesInMoreThanOnePlace(String name, String lines, boolean expected) {
        byte[] text = (lines.replace(';', '\n') + "\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(expected, RepeatedSeries.find(text, text.length));
        byte[] crlf = (lines.replace(";", "\r\n")).getBytes(StandardCharsets.UTF_8);
        assertEquals(expected, RepeatedSeries.find(crlf, crlf.length), "with CR LF and no final newline");
    }

    /**
     * Small random texts against a plain reading of the rule: a line written exactly like the sample line before it
     * is in that line's table; any other line whose name (less any _bucket at its end) and label pairs were met
     * before is a series in a second place.
     */
    @Test
    void agreesWithAPlainReadingOnRandomTexts() {
        Random random = new Random(7);
        String[] names = {"a", "a_bucket", "b"};
        String[] labels = {"x", "le", "long_label_name_x"};
        String[] values = {"1", "12", "1 ", "q\\\""};
        int found = 0;
        int onlyInsideParts = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            Set<String> seen = new HashSet<>();
            String prevId = null;
            boolean expected = false;
            int lines = 2 + random.nextInt(10);
            for (int line = 0; line < lines; line++) {
                String name = names[random.nextInt(names.length)];
                Map<String, String> pairs = new TreeMap<>();
                List<String> written = new ArrayList<>();
                for (String label : labels) {
                    if (random.nextBoolean()) {
                        String value = values[random.nextInt(values.length)];
                        pairs.put(label, value);
                        String sp = random.nextInt(4) == 0 ? " " : "";
                        written.add(label + sp + "=" + sp + "\"" + value + "\"");
                    }
                }
                if (random.nextBoolean()) {
                    Collections.shuffle(written, random);
                }
                String id = name + (pairs.isEmpty() && random.nextBoolean() ? ""
                        : "{" + String.join(random.nextInt(4) == 0 ? " , " : ",", written) + "}");
                text.append(id).append(' ').append(line).append('\n');
                if (!id.equals(prevId) && !seen.add(name.replaceAll("(_bucket)+$", "") + pairs)) {
                    expected = true;
                }
                prevId = id;
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            assertEquals(expected, RepeatedSeries.find(bytes, bytes.length), text.toString());
            // the same text cut at random line starts into parts read on their own
            List<Integer> cuts = new ArrayList<>(List.of(0));
            for (int i = 1; i < bytes.length; i++) {
                if (bytes[i - 1] == '\n' && random.nextInt(3) == 0) {
                    cuts.add(i);
                }
            }
            cuts.add(bytes.length);
            RepeatedSeries.PartCheck[] families = new RepeatedSeries.PartCheck[cuts.size() - 1];
            boolean inAPart = false;
            for (int k = 0; k < families.length; k++) {
                families[k] = RepeatedSeries.families(bytes, bytes.length, cuts.get(k), cuts.get(k + 1));
                byte[] part = Arrays.copyOfRange(bytes, cuts.get(k), cuts.get(k + 1));
                inAPart |= RepeatedSeries.find(part, part.length);
            }
            // from the parts' families alone: the whole text is read when a family is in two parts; else the
            // repeats are those inside a part, which its parser sees
            boolean byFamilies = RepeatedSeries.find(bytes, bytes.length, families);
            assertEquals(expected, byFamilies || inAPart, "cut at " + cuts + ":\n" + text);
            onlyInsideParts += inAPart && !byFamilies ? 1 : 0;
            found += expected ? 1 : 0;
        }
        assertEquals(true, found > 600 && found < 2400, found + " of 3000 texts with a repeat");
        assertEquals(true, onlyInsideParts > 30, onlyInsideParts + " texts whose repeats only a part's parser sees");
    }

    @ParameterizedTest(name = "{0} labels")
    @CsvSource({"3", "17", "40"})
    void manyLabelsInAnotherOrder(int n) {
        StringBuilder a = new StringBuilder("m{");
        StringBuilder b = new StringBuilder("m{");
        for (int i = 0; i < n; i++) {
            a.append(i == 0 ? "" : ",").append("l").append(i).append("=\"v").append(i).append('"');
            b.append(i == 0 ? "" : ",").append("l").append(n - 1 - i).append("=\"v").append(n - 1 - i).append('"');
        }
        byte[] text = (a + "} 1\nother 2\n" + b + "} 3\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(true, RepeatedSeries.find(text, text.length));
        byte[] other = (a + "} 1\nother 2\n" + b.toString().replace("=\"v0\"", "=\"w0\"") + "} 3\n")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(false, RepeatedSeries.find(other, other.length));
    }

    @ParameterizedTest(name = "{0} series")
    @CsvSource({"10", "5000"})
    void manySeriesOnceAndOneMetAgain(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("m{i=\"").append(i).append("\",j=\"").append(i % 7).append("\"} 1\n");
        }
        byte[] once = sb.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(false, RepeatedSeries.find(once, once.length));
        sb.append("m{j=\"").append((n / 2) % 7).append("\",i=\"").append(n / 2).append("\"} 2\n");
        byte[] again = sb.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(true, RepeatedSeries.find(again, again.length));
    }
}
