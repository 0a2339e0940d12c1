package io.jflux.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jflux.eval.StringValue;
import io.jflux.eval.Value;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A lazy key makes its values once, on first use, and then no longer holds its source. */
class GroupKeyTest {

    private static final List<ColumnMeta> COLUMNS = List.of(new ColumnMeta("host", ColumnType.STRING),
            new ColumnMeta("job", ColumnType.STRING));

    @Test
    void aLazyKeyMakesItsValuesOnceAndLetsItsSourceGo() {
        AtomicInteger made = new AtomicInteger();
        GroupKey.Source source = () -> {
            made.incrementAndGet();
            return List.<Value>of(new StringValue("a"), new StringValue("b"));
        };
        GroupKey key = GroupKey.lazy(COLUMNS, source);
        assertNotNull(key.source());
        assertEquals(0, made.get());
        GroupKey plain = new GroupKey(COLUMNS, List.of(new StringValue("a"), new StringValue("b")));
        assertEquals(plain, key);
        assertEquals(plain.hashCode(), key.hashCode());
        assertNull(key.source());
        assertEquals("b", ((StringValue) key.value("job")).value());
        assertEquals(1, made.get());
    }
}
