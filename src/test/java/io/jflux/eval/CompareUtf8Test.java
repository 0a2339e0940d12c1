package io.jflux.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Flux orders strings by their UTF-8 bytes: {@link Operators#compareUtf8} against a comparison of the bytes. */
class CompareUtf8Test {

    @Test
    void ordersAsTheUtf8BytesDo() {
        Random random = new Random(11);
        // ASCII, Latin-1, characters above the surrogates (U+E000..U+FFFF) and pairs (U+10000 and up), which
        // UTF-16 order puts before the former while UTF-8 order puts them after
        String[] pieces = {"a", "b", "ab", "é", "ü", "\uE000", "\uFFFD", "\uD83D\uDE00", "\uD800\uDC00", "z", ""};
        for (int round = 0; round < 20_000; round++) {
            String a = random(random, pieces);
            String b = random.nextInt(4) == 0 ? a + random(random, pieces) : random(random, pieces);
            if (random.nextBoolean()) {
                String c = a;
                a = b;
                b = c;
            }
            int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, Operators.compareUtf8(a, b), a + " vs " + b);
            assertEquals(0, Operators.compareUtf8(a, new String(a)));
        }
    }

    private static String random(Random random, String[] pieces) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.append(pieces[random.nextInt(pieces.length)]);
        }
        return sb.toString();
    }
}
