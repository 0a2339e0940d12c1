package io.jflux.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LiteralsTest {

    @Test
    void earliestAndLatestInstants() {
        assertEquals(Long.MIN_VALUE, Literals.parseDateTime("1677-09-21T00:12:43.145224192Z"));
        assertEquals(Long.MIN_VALUE + 5, Literals.parseDateTime("1677-09-21T00:12:43.145224197Z"));
        assertEquals(Long.MAX_VALUE, Literals.parseDateTime("2262-04-11T23:47:16.854775807Z"));
        assertEquals(-500_000_000L, Literals.parseDateTime("1969-12-31T23:59:59.5Z"));
    }

    @Test
    void outsideTheRange() {
        assertThrows(IllegalArgumentException.class, () -> Literals.parseDateTime("1677-09-21T00:12:43.145224191Z"));
        assertThrows(IllegalArgumentException.class, () -> Literals.parseDateTime("2262-04-11T23:47:16.854775808Z"));
    }
}
