package io.jflux.stdlib.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jflux.diag.FluxException;
import io.jflux.eval.IntValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.Value;
import io.jflux.syntax.Span;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.TableBuilder;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group keys, which array.from cannot make: how diff matches tables and renders their differences. */
class TableDiffTest {

    private final RootAllocator allocator = new RootAllocator();
    private final List<FluxTable> open = new ArrayList<>();

    @AfterEach
    void releasesEveryByte() {
        TableDiff.closeAll(open);
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    static final ColumnMeta HOST = new ColumnMeta("host", ColumnType.STRING);
    static final ColumnMeta REGION = new ColumnMeta("region", ColumnType.STRING);
    static final ColumnMeta VALUE = new ColumnMeta("_value", ColumnType.INT);

    /** A table keyed by the given columns (each with the given value), with an int column _value. */
    private FluxTable table(List<ColumnMeta> keyCols, List<String> keyValues, long... values) {
        List<Value> vals = new ArrayList<>();
        for (String v : keyValues) {
            vals.add(new StringValue(v));
        }
        GroupKey key = new GroupKey(keyCols, vals);
        try (TableBuilder b = new TableBuilder(allocator, key)) {
            int[] cols = new int[keyCols.size()];
            for (int i = 0; i < cols.length; i++) {
                cols[i] = b.addColumn(keyCols.get(i));
            }
            int v = b.addColumn(VALUE);
            for (long x : values) {
                for (int i = 0; i < cols.length; i++) {
                    b.appendString(cols[i], keyValues.get(i));
                }
                b.appendValue(v, IntValue.of(x));
            }
            FluxTable t = b.build();
            open.add(t);
            return t;
        }
    }

    private List<String> diff(List<FluxTable> want, List<FluxTable> got) {
        List<FluxTable> d = TableDiff.diff(allocator, want, got, TableDiff.Options.DEFAULT, false, Span.NONE);
        open.addAll(d);
        List<String> out = new ArrayList<>();
        for (FluxTable t : d) {
            out.add(DiffText.render(t));
        }
        return out;
    }

    @Test
    void tablesMatchByGroupKeyWhateverTheOrderOfItsColumns() {
        FluxTable want = table(List.of(HOST, REGION), List.of("a", "eu"), 1, 2);
        FluxTable got = table(List.of(REGION, HOST), List.of("eu", "a"), 1, 2);
        assertEquals(List.of(), diff(List.of(want), List.of(got)));
    }

    @Test
    void tablesOfOneKeyAreComparedWhateverTheOrderOfTheStreams() {
        List<FluxTable> want = List.of(table(List.of(HOST), List.of("a"), 1), table(List.of(HOST), List.of("b"), 2));
        List<FluxTable> got = List.of(table(List.of(HOST), List.of("b"), 2), table(List.of(HOST), List.of("a"), 1));
        assertEquals(List.of(), diff(want, got));
    }

    @Test
    void aDiffTableShowsItsGroupKeyAndTheRowsThatDiffer() {
        FluxTable want = table(List.of(HOST), List.of("a"), 1, 2, 3);
        FluxTable got = table(List.of(HOST), List.of("a"), 1, 5, 3);
        assertEquals(List.of("table {host=a} differs (- want, + got):\n"
                + "    _diff  _value\n"
                + "    -      2\n"
                + "    +      5"), diff(List.of(want), List.of(got)));
    }

    @Test
    void aTableOnOneSideOnlyIsAllMinusOrAllPlusInTheOrderOfWantThenGot() {
        FluxTable both = table(List.of(HOST), List.of("a"), 1);
        FluxTable wantOnly = table(List.of(HOST), List.of("b"), 2);
        FluxTable gotOnly = table(List.of(HOST), List.of("c"), 3, 4);
        assertEquals(List.of(
                "table {host=b} differs (- want, + got):\n    _diff  _value\n    -      2",
                "table {host=c} differs (- want, + got):\n    _diff  _value\n    +      3\n    +      4"),
                diff(List.of(both, wantOnly), List.of(gotOnly, both)));
    }

    @Test
    void anEmptyTableEqualsAMissingOne() {
        FluxTable empty = table(List.of(HOST), List.of("a"));
        assertEquals(List.of(), diff(List.of(empty), List.of()));
        assertEquals(List.of(), diff(List.of(), List.of(empty)));
    }

    @Test
    void aKeyColumnOfAnotherTypeIsAnotherKey() {
        ColumnMeta intHost = new ColumnMeta("host", ColumnType.INT);
        FluxTable want = table(List.of(HOST), List.of("1"), 1);
        GroupKey key = new GroupKey(List.of(intHost), List.of(IntValue.of(1)));
        FluxTable got;
        try (TableBuilder b = new TableBuilder(allocator, key)) {
            b.appendValue(b.addColumn(intHost), IntValue.of(1));
            b.appendValue(b.addColumn(VALUE), IntValue.of(1));
            got = b.build();
            open.add(got);
        }
        assertEquals(2, diff(List.of(want), List.of(got)).size());
    }

    @Test
    void aValueColumnOfAnotherTypeIsAnError() {
        FluxTable want = table(List.of(HOST), List.of("a"), 1);
        GroupKey key = want.key();
        FluxTable got;
        try (TableBuilder b = new TableBuilder(allocator, key)) {
            b.appendString(b.addColumn(HOST), "a");
            b.appendString(b.addColumn(new ColumnMeta("_value", ColumnType.STRING)), "1");
            got = b.build();
            open.add(got);
        }
        FluxException e = assertThrows(FluxException.class, () -> diff(List.of(want), List.of(got)));
        assertEquals("testing.diff: column _value has type int in want but string in got (table {host=a})",
                e.getMessage());
    }

    @Test
    void longTablesAreCutShort() {
        long[] many = new long[DiffText.MAX_ROWS + 5];
        for (int i = 0; i < many.length; i++) {
            many[i] = i;
        }
        String text = DiffText.render(table(List.of(), List.of(), many));
        assertEquals("table {} has 55 rows:", text.lines().findFirst().orElseThrow());
        assertEquals("    ... and 5 more rows", text.lines().reduce((a, b) -> b).orElseThrow());
    }
}
