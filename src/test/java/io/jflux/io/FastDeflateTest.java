package io.jflux.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** {@link FastDeflate}'s streams, read back by zlib ({@link Inflater}), give back exactly the input. */
class FastDeflateTest {

    static byte[] inflate(byte[] stream, int from, int to) throws DataFormatException {
        Inflater inf = new Inflater(true);
        inf.setInput(stream, from, to - from);
        byte[] out = new byte[1024];
        int n = 0;
        while (true) {
            if (n == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            int k = inf.inflate(out, n, out.length - n);
            n += k;
            if (inf.finished()) {
                break;
            }
            if (k == 0 && inf.needsInput()) {
                throw new AssertionError("the stream ends before its final block does");
            }
        }
        assertEquals(0, inf.getRemaining(), "bytes after the final block");
        inf.end();
        return Arrays.copyOf(out, n);
    }

    /** Compresses {@code data} (behind a 3-byte prefix in the output, as gzip's header would be) and checks it. */
    static int roundTrip(FastDeflate d, byte[] data) throws DataFormatException {
        byte[] out = d.compress(data, data.length, new byte[16], 3);
        assertArrayEquals(data, inflate(out, 3, d.length()));
        return d.length() - 3;
    }

    @Test
    void shortAndEmptyInputs() throws Exception {
        FastDeflate d = new FastDeflate();
        for (int n = 0; n <= 20; n++) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) "ab =,\n".charAt(i % 6);
            }
            roundTrip(d, b);
        }
    }

    @Test
    void randomBytesAndRunsOfOneByte() throws Exception {
        FastDeflate d = new FastDeflate();
        SplittableRandom r = new SplittableRandom(4);
        for (int n : new int[] {1000, 70_000, 300_000}) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            assertTrue(roundTrip(d, b) < n * 1.01 + 1000, "random bytes grow by at most 1%");
            Arrays.fill(b, (byte) ' ');
            assertTrue(roundTrip(d, b) < n / 50, "a run of spaces is matches of 258");
        }
    }

    /** Text of separators and digits: many field starts, matches at every distance up to the window and past it. */
    @Test
    void separatorsAndDigits() throws Exception {
        FastDeflate d = new FastDeflate();
        SplittableRandom r = new SplittableRandom(5);
        byte[] alphabet = "0123456789 ,=\n".getBytes(StandardCharsets.US_ASCII);
        for (int n : new int[] {100, 40_000, 200_000}) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = alphabet[r.nextInt(alphabet.length)];
            }
            roundTrip(d, b);
        }
        // the same 5 KB line again at distances around the 32 KB window
        byte[] b = new byte[100_000];
        byte[] line = new byte[5_000];
        for (int i = 0; i < line.length; i++) {
            line[i] = alphabet[r.nextInt(alphabet.length)];
        }
        for (int at : new int[] {0, 32_768 - 1, 2 * 32_768 + 1, 90_000}) {
            System.arraycopy(line, 0, b, at, Math.min(line.length, b.length - at));
        }
        roundTrip(d, b);
    }

    /** Single bytes between field starts: a block's array fills before its symbol count does. */
    @Test
    void shortRunsBetweenSeparators() throws Exception {
        SplittableRandom r = new SplittableRandom(7);
        byte[] b = new byte[300_000];
        for (int i = 0; i < b.length; i++) {
            b[i] = i % 2 == 1 ? (byte) ' ' : (byte) (128 + r.nextInt(120));
        }
        roundTrip(new FastDeflate(), b);
    }

    /** Line protocol compresses to under a third; the reuse of one instance does not leak state between streams. */
    @Test
    void lineProtocol() throws Exception {
        SplittableRandom r = new SplittableRandom(6);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("cpu,host=host").append(i & 7).append(",region=eu\\ west usage").append(i % 3).append('=')
                    .append(r.nextDouble() * 100).append(' ').append(1_700_000_000_000_000_000L + i * 1_000_000_000L)
                    .append('\n');
        }
        byte[] lp = sb.toString().getBytes(StandardCharsets.UTF_8);
        FastDeflate d = new FastDeflate();
        int n = roundTrip(d, lp);
        assertTrue(n < lp.length / 3, n + " of " + lp.length);
        assertEquals(n, roundTrip(d, lp));
    }

    @Test
    void distanceCodes() {
        int code = 0;
        int base = 1;
        int[] extra = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
        for (int d = 1; d <= 32_768; d++) {
            if (d >= base + (1 << extra[code])) {
                base += 1 << extra[code];
                code++;
            }
            assertEquals(code, FastDeflate.distCode(d), "distance " + d);
        }
    }

    /** Code lengths stay within the limit even for counts that would make a deep tree (Fibonacci counts). */
    @Test
    void lengthsAreLimited() {
        int[] freq = new int[30];
        int a = 1;
        int b = 1;
        for (int i = 0; i < freq.length; i++) {
            freq[i] = a;
            int c = a + b;
            a = b;
            b = c;
        }
        byte[] lens = new byte[30];
        FastDeflate.lengths(freq, 30, 15, lens);
        double kraft = 0;
        for (byte l : lens) {
            assertTrue(l >= 1 && l <= 15, "length " + l);
            kraft += Math.pow(2, -l);
        }
        assertTrue(kraft <= 1.0, "a prefix code");
    }
}
