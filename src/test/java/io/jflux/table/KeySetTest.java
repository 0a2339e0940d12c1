package io.jflux.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jflux.eval.ArrayValue;
import io.jflux.eval.BoolValue;
import io.jflux.eval.DurationValue;
import io.jflux.eval.FloatValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.NullValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.TimeValue;
import io.jflux.eval.UIntValue;
import io.jflux.eval.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The compact key set answers as a set of group keys does, keys compared with their columns in label order. */
class KeySetTest {

    private static final String[] LABELS = {"_start", "host", "ü", "region", "a", "zone"};

    private static Value randomValue(Random r, ColumnType type) {
        if (r.nextInt(10) == 0) {
            return NullValue.NULL;
        }
        return switch (type) {
            case STRING -> new StringValue(r.nextInt(4) == 0 ? "" : "v" + r.nextInt(5) + (r.nextBoolean() ? "ß" : ""));
            case INT -> new IntValue(r.nextInt(3) - 1);
            case UINT -> new UIntValue(r.nextInt(3));
            case FLOAT -> new FloatValue(switch (r.nextInt(5)) {
                case 0 -> Double.NaN;
                case 1 -> -0.0;
                case 2 -> 0.0;
                default -> r.nextInt(3) / 2.0;
            });
            case BOOL -> BoolValue.of(r.nextBoolean());
            case TIME -> new TimeValue(r.nextInt(3) * 1_000_000_000L);
            default -> new DurationValue(r.nextInt(2), r.nextInt(2));
        };
    }

    /** Canonical form, as the transformations compared keys before: columns sorted by label. */
    private static GroupKey canonical(List<ColumnMeta> columns, List<Value> values) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> columns.get(a).label().compareTo(columns.get(b).label()));
        List<ColumnMeta> c = new ArrayList<>();
        List<Value> v = new ArrayList<>();
        for (int i : order) {
            c.add(columns.get(i));
            v.add(values.get(i));
        }
        return new GroupKey(c, v);
    }

    @Test
    void answersAsASetOfCanonicalKeys() {
        Random r = new Random(11);
        ColumnType[] types = {ColumnType.STRING, ColumnType.INT, ColumnType.UINT, ColumnType.FLOAT, ColumnType.BOOL,
            ColumnType.TIME, ColumnType.DURATION};
        KeySet set = new KeySet();
        Set<GroupKey> reference = new HashSet<>();
        int repeats = 0;
        for (int k = 0; k < 20_000; k++) {
            int n = r.nextInt(4);
            List<String> labels = new ArrayList<>(List.of(LABELS));
            Collections.shuffle(labels, new Random(r.nextInt(3))); // a few column orders
            List<ColumnMeta> columns = new ArrayList<>();
            List<Value> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // mostly strings; now and then another type, also under a label that was a string before
                ColumnType type = types[r.nextInt(4) == 0 ? r.nextInt(types.length) : 0];
                columns.add(new ColumnMeta(labels.get(i), type));
                values.add(randomValue(r, type));
            }
            GroupKey key = new GroupKey(columns, values);
            boolean expected = reference.add(canonical(columns, values));
            assertEquals(expected, set.add(key), key.toString());
            if (!expected) {
                repeats++;
            }
        }
        assertTrue(repeats > 1000, "repeats: " + repeats);
        assertEquals(reference.size(), set.size());
    }

    @Test
    void aKeyWithAnotherKindOfValueIsKeptAsItself() {
        KeySet set = new KeySet();
        List<ColumnMeta> columns = List.of(new ColumnMeta("b", ColumnType.STRING),
                new ColumnMeta("a", ColumnType.STRING));
        Value array = new ArrayValue(List.of(new IntValue(1)));
        assertTrue(set.add(new GroupKey(columns, List.of(array, new StringValue("x")))));
        assertFalse(set.add(new GroupKey(List.of(columns.get(1), columns.get(0)),
                List.of(new StringValue("x"), array))));
        assertTrue(set.add(new GroupKey(columns, List.of(array, new StringValue("y")))));
        assertEquals(2, set.size());
    }
}
