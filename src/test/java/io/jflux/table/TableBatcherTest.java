package io.jflux.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jflux.eval.IntValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.Value;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TableBatcherTest {

    private static final ColumnMeta ID = new ColumnMeta("id", ColumnType.STRING);
    private static final ColumnMeta V = new ColumnMeta("_value", ColumnType.INT);
    private static final ColumnMeta F = new ColumnMeta("_value", ColumnType.FLOAT);
    private static final List<ColumnMeta> SCHEMA = List.of(ID, V);

    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void noMemoryLeft() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    private static GroupKey key(String id) {
        return new GroupKey(List.of(ID), List.of(new StringValue(id)));
    }

    /** Writes a table with key id=name and values {@code values} into {@code b}. */
    private static void write(TableBatcher b, String name, long... values) {
        TableBuilder t = b.startTable(key(name), SCHEMA);
        for (long v : values) {
            t.appendString(0, name);
            t.appendLong(1, v);
        }
        b.endTable();
    }

    private static List<FluxTable> drain(TableBatcher b) {
        List<FluxTable> out = new ArrayList<>();
        FluxTable t;
        while ((t = b.poll()) != null) {
            out.add(t);
        }
        return out;
    }

    @Test
    void slicesSeeTheirOwnRowsAndKeys() {
        try (TableBatcher b = new TableBatcher(allocator)) {
            write(b, "a", 1, 2);
            write(b, "b");
            write(b, "c", 3);
            assertNull(b.poll(), "nothing is ready before the batch is sealed");
            b.flush();
            List<FluxTable> tables = drain(b);
            assertEquals(3, tables.size());
            assertEquals(key("a"), tables.get(0).key());
            assertEquals(List.of(List.<Value>of(new StringValue("a"), IntValue.of(1)),
                    List.<Value>of(new StringValue("a"), IntValue.of(2))),
                    List.of(tables.get(0).row(0), tables.get(0).row(1)));
            assertEquals(0, tables.get(1).rowCount());
            assertEquals(key("b"), tables.get(1).key());
            assertEquals(1, tables.get(2).rowCount());
            assertEquals(List.<Value>of(new StringValue("c"), IntValue.of(3)), tables.get(2).row(0));
            tables.forEach(FluxTable::close);
        }
    }

    @Test
    void anOfferedTableComesOutInItsTurnAndIsClosedWithTheBatcher() {
        try (TableBatcher other = new TableBatcher(allocator)) {
            write(other, "x", 7);
            write(other, "y", 8);
            other.flush();
            FluxTable x = other.poll();
            FluxTable y = other.poll();
            try (TableBatcher b = other.sibling()) {
                write(b, "a", 1);
                b.offer(x);
                assertNull(b.poll(), "the offered table waits for the one ended before it");
                write(b, "c", 3);
                b.flush();
                List<FluxTable> tables = drain(b);
                assertEquals(List.of(key("a"), key("x"), key("c")), tables.stream().map(FluxTable::key).toList());
                assertEquals(List.<Value>of(new StringValue("x"), IntValue.of(7)), tables.get(1).row(0));
                tables.forEach(FluxTable::close);
                b.offer(y); // never polled: closing the batcher closes it
            }
        }
    }

    @Test
    void memoryIsReleasedWhenTheLastSliceCloses() {
        try (TableBatcher b = new TableBatcher(allocator)) {
            write(b, "a", 1);
            write(b, "b", 2);
            b.flush();
            FluxTable first = b.poll();
            FluxTable second = b.poll();
            long held = allocator.getAllocatedMemory();
            first.close();
            assertEquals(held, allocator.getAllocatedMemory(), "the batch lives while one slice is open");
            assertEquals(IntValue.of(2), second.value(1, 0));
            second.close();
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void aSchemaChangeSealsTheBatch() {
        try (TableBatcher b = new TableBatcher(allocator)) {
            write(b, "a", 1);
            TableBuilder t = b.startTable(key("b"), List.of(ID, F));
            FluxTable a = b.poll();
            assertNotNull(a, "the table of the old schema is ready once another schema starts");
            assertEquals(key("a"), a.key());
            assertNull(b.poll());
            t.appendString(0, "b");
            t.appendDouble(1, 0.5);
            b.endTable();
            b.flush();
            FluxTable f = b.poll();
            assertEquals(ColumnType.FLOAT, f.column(1).type());
            assertEquals(0.5, f.getDouble(1, 0));
            a.close();
            f.close();
        }
    }

    @Test
    void aFullBatchIsSealedAndShortColumnsArePaddedWithNulls() {
        try (TableBatcher b = new TableBatcher(allocator, 2, Long.MAX_VALUE)) {
            TableBuilder t = b.startTable(key("a"), SCHEMA);
            t.appendString(0, "a");
            b.endTable();
            assertNull(b.poll());
            write(b, "b", 7);
            List<FluxTable> tables = drain(b);
            assertEquals(2, tables.size(), "two rows fill the batch");
            assertEquals(true, tables.get(0).isNull(1, 0));
            assertEquals(IntValue.of(7), tables.get(1).value(1, 0));
            tables.forEach(FluxTable::close);
        }
    }

    @Test
    void closingReleasesWhatWasNotHandedOutAndAnAbortedTableIsDropped() {
        TableBatcher b = new TableBatcher(allocator);
        write(b, "a", 1);
        TableBuilder t = b.startTable(key("x"), SCHEMA);
        t.appendString(0, "x");
        b.abortTable();
        write(b, "b", 2);
        b.flush();
        List<FluxTable> tables = drain(b);
        assertEquals(2, tables.size());
        assertEquals(key("b"), tables.get(1).key());
        assertEquals(IntValue.of(2), tables.get(1).value(1, 0));
        tables.get(0).close();
        write(b, "c", 3);
        b.close();
        tables.get(1).close();
    }

    @Test
    void consecutiveSlicesJoin() {
        try (TableBatcher b = new TableBatcher(allocator)) {
            write(b, "a", 1);
            write(b, "b", 2);
            write(b, "c", 3);
            b.flush();
            List<FluxTable> tables = drain(b);
            try (FluxTable ab = tables.get(0).joinedWith(tables.get(1))) {
                assertEquals(2, ab.rowCount());
                assertEquals(key("a"), ab.key());
                assertEquals(IntValue.of(2), ab.value(1, 1));
            }
            assertNull(tables.get(0).joinedWith(tables.get(2)), "not adjacent");
            tables.forEach(FluxTable::close);
        }
    }

    @Test
    void keyRowsLookAtTheirInputsCellsAndReleaseThemWhenClosed() {
        // inputs of two schemas whose tables alternate, so consecutive inputs are slices of different batches
        ColumnMeta host = new ColumnMeta("host", ColumnType.STRING);
        List<ColumnMeta> other = List.of(host, ID, V);
        List<ColumnMeta> otherKey = List.of(host, ID);
        List<FluxTable> inputs = new ArrayList<>();
        try (TableBatcher in = new TableBatcher(allocator, 5, 1 << 20, 2)) {
            for (int i = 0; i < 30; i++) {
                if (i % 2 == 0) {
                    write(in, "a" + i, i, i + 1, i + 2);
                } else {
                    TableBuilder t = in.startTable(new GroupKey(otherKey, List.of(new StringValue("h" + i),
                            new StringValue("b" + i))), other);
                    t.appendString(0, "h" + i);
                    t.appendString(1, "b" + i);
                    t.appendLong(2, i);
                    in.endTable();
                }
            }
            in.flush();
            inputs.addAll(drain(in));
        }
        // an empty table has no row to look at
        try (TableBuilder b = new TableBuilder(allocator, key("e"))) {
            b.addColumn(ID);
            b.addColumn(V);
            inputs.add(b.build());
        }
        List<String> rendered = new ArrayList<>();
        try (TableBatcher out = new TableBatcher(allocator)) {
            for (FluxTable t : inputs) {
                try (t) {
                    List<ColumnMeta> columns = new ArrayList<>(t.key().columns());
                    columns.add(new ColumnMeta("n", ColumnType.INT));
                    TableBatcher.KeyRow row = out.keyRow(t, List.copyOf(columns), ColumnType.INT);
                    if (t.rowCount() == 0) {
                        assertNull(row);
                        continue;
                    }
                    assertNotNull(row);
                    row.setLong(t.rowCount() * 10L);
                    out.endKeyRow();
                }
            }
            // every input is closed: the results alone keep the input batches alive
            for (FluxTable r : drain(out)) {
                try (r) {
                    assertEquals(1, r.rowCount());
                    rendered.add(text(r.key().values()) + " " + text(r.row(0)));
                }
            }
        }
        assertEquals(30, rendered.size());
        assertEquals("a0 a0,30", rendered.get(0));
        assertEquals("h1,b1 h1,b1,10", rendered.get(1));
        assertEquals("a28 a28,30", rendered.get(28));
        assertEquals("h29,b29 h29,b29,10", rendered.get(29));
    }

    private static String text(List<Value> values) {
        StringBuilder sb = new StringBuilder();
        for (Value v : values) {
            sb.append(sb.length() == 0 ? "" : ",").append(io.jflux.eval.Values.toFluxString(v));
        }
        return sb.toString();
    }

    @Test
    void tablesMustBeEndedInOrder() {
        try (TableBatcher b = new TableBatcher(allocator)) {
            b.startTable(key("a"), SCHEMA);
            assertThrows(IllegalStateException.class, () -> b.startTable(key("b"), SCHEMA));
            assertThrows(IllegalStateException.class, b::flush);
            b.endTable();
            b.flush();
            drain(b).forEach(FluxTable::close);
        }
    }
}
