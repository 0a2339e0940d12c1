package io.jflux.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jflux.eval.IntValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.Value;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.Test;

/** Views with constant columns in front: their cells, their batches' extensions made once, and memory given back. */
class BatchExtensionTest {

    private static final ColumnMeta K = new ColumnMeta("k", ColumnType.STRING);
    private static final ColumnMeta V = new ColumnMeta("v", ColumnType.INT);
    private static final ColumnMeta C0 = new ColumnMeta("c0", ColumnType.INT);
    private static final ColumnMeta C1 = new ColumnMeta("c1", ColumnType.INT);

    @Test
    void slicesOfSeveralBatchesGetTheConstantsInFront() {
        try (BufferAllocator allocator = new RootAllocator()) {
            int[] made = {0};
            List<FluxTable> in = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                try (TableBuilder builder = new TableBuilder(allocator, GroupKey.EMPTY)) {
                    builder.addColumn(K);
                    builder.addColumn(V);
                    for (int r = 0; r < 10; r++) {
                        builder.appendString(0, "b" + b + "r" + r);
                        builder.appendLong(1, 100L * b + r);
                    }
                    try (FluxTable whole = builder.build()) {
                        for (int r = 0; r < 10; r += 2) {
                            in.add(whole.slice(r, 2));
                        }
                    }
                }
            }
            List<ColumnMeta> columns = List.of(C0, C1, K, V);
            List<FluxTable> out = new ArrayList<>();
            try (BatchExtension prefix = new BatchExtension(2, (i, rows) -> {
                made[0]++;
                BigIntVector v = new BigIntVector(i == 0 ? "c0" : "c1", allocator);
                v.allocateNew(rows);
                for (int r = 0; r < rows; r++) {
                    v.set(r, i == 0 ? -1 : -2);
                }
                v.setValueCount(rows);
                return v;
            })) {
                for (FluxTable t : in) {
                    GroupKey key = new GroupKey(List.of(K), List.of(t.key().size() == 0 ? new StringValue("x")
                            : t.key().values().get(0)));
                    out.add(prefix.prepend(t, key, columns));
                    t.close();
                }
            }
            assertEquals(6, made[0]); // two vectors for each of the three batches, however many slices
            for (int j = 0; j < out.size(); j++) {
                try (FluxTable t = out.get(j)) {
                    assertSame(columns, t.columns());
                    int b = j / 5;
                    for (int r = 0; r < 2; r++) {
                        int row = (j % 5) * 2 + r;
                        List<Value> expected = List.of(new IntValue(-1), new IntValue(-2),
                                new StringValue("b" + b + "r" + row), new IntValue(100L * b + row));
                        assertEquals(expected, t.row(r));
                    }
                }
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }
}
