package io.jflux.stdlib.universe.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jflux.eval.NullValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.Value;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.TableBuilder;
import io.jflux.table.TableStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Column copies, gathers, merges and row grouping, checked cell by cell against the input's values. */
class VectorsTest {

    private BufferAllocator allocator;
    private FluxTable table;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        Random random = new Random(7);
        try (TableBuilder b = new TableBuilder(allocator, GroupKey.EMPTY)) {
            int i = b.addColumn(new ColumnMeta("i", ColumnType.INT));
            int f = b.addColumn(new ColumnMeta("f", ColumnType.FLOAT));
            int s = b.addColumn(new ColumnMeta("s", ColumnType.STRING));
            int ok = b.addColumn(new ColumnMeta("ok", ColumnType.BOOL));
            int k = b.addColumn(new ColumnMeta("k", ColumnType.STRING));
            for (int r = 0; r < 3000; r++) {
                boolean dense = r < 1500;
                if (!dense && random.nextInt(5) == 0) {
                    b.appendNull(i);
                } else {
                    b.appendLong(i, random.nextLong());
                }
                if (!dense && random.nextInt(5) == 0) {
                    b.appendNull(f);
                } else {
                    b.appendDouble(f, random.nextInt(9) == 0 ? Double.NaN : random.nextDouble());
                }
                if (!dense && random.nextInt(5) == 0) {
                    b.appendNull(s);
                } else {
                    b.appendString(s, "x".repeat(random.nextInt(40)) + r);
                }
                if (random.nextInt(5) == 0) {
                    b.appendNull(ok);
                } else {
                    b.appendBool(ok, random.nextBoolean());
                }
                if (random.nextInt(11) == 0) {
                    b.appendNull(k);
                } else {
                    b.appendString(k, random.nextInt(3) == 0 ? "" : "key-" + random.nextInt(6));
                }
            }
            table = b.build();
        }
    }

    @AfterEach
    void tearDown() {
        table.close();
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    private static int[] choose(Random random, int n, int percent) {
        int[] rows = new int[n];
        int count = 0;
        for (int r = 0; r < n; r++) {
            if (random.nextInt(100) < percent) {
                rows[count++] = r;
            }
        }
        return java.util.Arrays.copyOf(rows, count);
    }

    private static void assertRows(FluxTable in, int[] rows, FluxTable out) {
        assertEquals(rows.length, out.rowCount());
        for (int c = 0; c < in.columnCount(); c++) {
            for (int j = 0; j < rows.length; j++) {
                assertEquals(in.value(c, rows[j]), out.value(c, j), "column " + c + " row " + j);
            }
        }
    }

    @Test
    void takeGathersSelectedRows() {
        Random random = new Random(1);
        for (FluxTable t : new FluxTable[] {table, table.slice(3, 2990), table.slice(1501, 7)}) {
            try (FluxTable source = t) {
                for (int percent : new int[] {0, 3, 50, 97, 100}) {
                    int[] rows = choose(random, source.rowCount(), percent);
                    try (FluxTable out = TableViews.take(source, source.key(), rows, rows.length, allocator)) {
                        assertRows(source, rows, out);
                    }
                }
            }
        }
    }

    @Test
    void mergedPiecesKeepTheirRowsAndPadMissingColumns() {
        Random random = new Random(2);
        try (TableMerger merger = new TableMerger();
             FluxTable a = table.slice(5, 1000);
             FluxTable b = table.project(GroupKey.EMPTY, List.of(table.column(2), table.column(0)), new int[] {2, 0});
             FluxTable c = table.slice(1499, 1501)) {
            int[] ra = choose(random, a.rowCount(), 40);
            int[] rc = choose(random, c.rowCount(), 60);
            merger.add(GroupKey.EMPTY, a, ra, ra.length);
            merger.add(GroupKey.EMPTY, b, null, 0);
            merger.add(GroupKey.EMPTY, c, rc, rc.length);
            try (TableStream s = merger.finish(allocator); FluxTable out = s.next()) {
                assertEquals(ra.length + b.rowCount() + rc.length, out.rowCount());
                int at = 0;
                for (int j = 0; j < ra.length; j++, at++) {
                    for (int col = 0; col < 5; col++) {
                        assertEquals(a.value(col, ra[j]), out.value(col, at));
                    }
                }
                for (int j = 0; j < b.rowCount(); j++, at++) {
                    assertEquals(b.value(1, j), out.value(0, at));
                    assertEquals(NullValue.NULL, out.value(1, at));
                    assertEquals(b.value(0, j), out.value(2, at));
                    assertEquals(NullValue.NULL, out.value(3, at));
                    assertEquals(NullValue.NULL, out.value(4, at));
                }
                for (int j = 0; j < rc.length; j++, at++) {
                    for (int col = 0; col < 5; col++) {
                        assertEquals(c.value(col, rc[j]), out.value(col, at));
                    }
                }
            }
        }
    }

    /**
     * Whole tables merged one after another: a string column without nulls in them is copied as one range (its
     * offsets shifted), one with nulls value by value; both read back as the inputs.
     */
    @Test
    void wholePiecesCopyTheirStringRangesIntact() {
        try (TableMerger merger = new TableMerger();
             FluxTable a = table.slice(10, 200);
             FluxTable b = table.slice(700, 300);
             FluxTable c = table.slice(1400, 500)) {
            merger.add(GroupKey.EMPTY, a, null, 0);
            merger.add(GroupKey.EMPTY, b, null, 0);
            merger.add(GroupKey.EMPTY, c, null, 0);
            try (TableStream s = merger.finish(allocator); FluxTable out = s.next()) {
                assertEquals(1000, out.rowCount());
                int at = 0;
                for (FluxTable piece : new FluxTable[] {a, b, c}) {
                    for (int j = 0; j < piece.rowCount(); j++, at++) {
                        for (int col = 0; col < 5; col++) {
                            assertEquals(piece.value(col, j), out.value(col, at), "column " + col + " row " + at);
                        }
                    }
                }
            }
        }
    }

    @Test
    void rowGroupsSplitRowsByEqualValues() {
        try (FluxTable t = table.slice(11, 2900)) {
            RowGroups groups = RowGroups.of(t, new int[] {4, 3});
            int total = 0;
            List<String> seen = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                int[] rows = groups.rows(g);
                total += rows.length;
                Value k = t.value(4, rows[0]);
                Value ok = t.value(3, rows[0]);
                assertEquals(groups.firstRow(g), rows[0]);
                for (int r : rows) {
                    assertEquals(k, t.value(4, r));
                    assertEquals(ok, t.value(3, r));
                }
                String id = k + "/" + ok;
                assertTrue(!seen.contains(id), "two groups for " + id);
                seen.add(id);
            }
            assertEquals(t.rowCount(), total);
            assertTrue(seen.contains(new StringValue("") + "/" + NullValue.NULL));
        }
    }
}
