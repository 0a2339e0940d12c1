package io.jflux.stdlib.universe.rowfn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jflux.diag.FluxException;
import io.jflux.eval.ExecutionContext;
import io.jflux.eval.FunctionValue;
import io.jflux.eval.Interpreter;
import io.jflux.eval.Value;
import io.jflux.stdlib.Registry;
import io.jflux.syntax.Parser;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.TableBuilder;
import io.jflux.table.Tables;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Row functions compiled column at a time against the same functions evaluated row by row, on tables of several
 * chunks with nulls, and on a slice of a table (rows not starting at a byte of the validity bitmap).
 */
class RowFnTest {

    private BufferAllocator allocator;
    private Interpreter interpreter;
    private FluxTable table;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        interpreter = new Interpreter(new ExecutionContext(Registry.standard(), () -> 0L, 0L, System.out));
        Random random = new Random(42);
        try (TableBuilder b = new TableBuilder(allocator, GroupKey.EMPTY)) {
            int t = b.addColumn(new ColumnMeta("_time", ColumnType.TIME));
            int v = b.addColumn(new ColumnMeta("_value", ColumnType.FLOAT));
            int n = b.addColumn(new ColumnMeta("n", ColumnType.INT));
            int u = b.addColumn(new ColumnMeta("u", ColumnType.UINT));
            int s = b.addColumn(new ColumnMeta("host", ColumnType.STRING));
            int ok = b.addColumn(new ColumnMeta("ok", ColumnType.BOOL));
            int d = b.addColumn(new ColumnMeta("d", ColumnType.DURATION));
            String[] hosts = {"a", "b", "server-1", "server-22", "ü"};
            for (int i = 0; i < 2500; i++) {
                maybeNull(b, t, random, () -> b.appendLong(t, 1_600_000_000_000_000_000L + random.nextInt(1000) * 1_000_000_000L));
                maybeNull(b, v, random, () -> b.appendDouble(v, random.nextInt(7) == 0 ? Double.NaN : random.nextGaussian() * 10));
                maybeNull(b, n, random, () -> b.appendLong(n, random.nextInt(21) - 10));
                maybeNull(b, u, random, () -> b.appendLong(u, random.nextInt(5) == 0 ? -1L : random.nextInt(100)));
                maybeNull(b, s, random, () -> b.appendString(s, hosts[random.nextInt(hosts.length)]));
                maybeNull(b, ok, random, () -> b.appendBool(ok, random.nextBoolean()));
                maybeNull(b, d, random, () -> b.appendLong(d, random.nextInt(120) * 1_000_000_000L));
            }
            table = b.build();
        }
    }

    private static void maybeNull(TableBuilder b, int col, Random random, Runnable append) {
        if (random.nextInt(10) == 0) {
            b.appendNull(col);
        } else {
            append.run();
        }
    }

    @AfterEach
    void tearDown() {
        table.close();
        interpreter.context().close();
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    private FunctionValue fn(String source) {
        List<Interpreter.Result> results = interpreter.run(Parser.parse("test.flux",
                "limit = 3.5\nparams = {host: \"b\", n: 2}\n" + source), interpreter.newMainScope());
        Value v = results.get(results.size() - 1).value();
        return (FunctionValue) v;
    }

    private int[] select(String source, boolean vectorize, FluxTable t) {
        RowFn.vectorize(vectorize);
        try {
            RowFn.Selector s = new RowFn(fn(source), interpreter, "filter").selector(t.columns());
            assertEquals(vectorize, s.vectorized(), "vectorized: " + source);
            int[] sel = new int[t.rowCount()];
            int count = s.select(t, sel);
            return Arrays.copyOf(sel, count);
        } finally {
            RowFn.vectorize(true);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(r) => r._value > 1.0",
        "(r) => r._value > limit",
        "(r) => r._value <= 0",
        "(r) => r._value == r._value",
        "(r) => r._value != r._value",
        "(r) => r.n > 2 and r.n < 8",
        "(r) => r.n == params.n or r.host == params.host",
        "(r) => not (r.n >= 0)",
        "(r) => exists r.n and not exists r.host",
        "(r) => exists r.missing or r.missing == 1",
        "(r) => r[\"host\"] =~ /^server-\\d$/",
        "(r) => r.host !~ /b/",
        "(r) => r.host > \"b\"",
        "(r) => r.host == \"ü\"",
        "(r) => r.u > r.n",
        "(r) => r.u < 50 and r.u >= 1.0",
        "(r) => r.u == 18446744073709551615.0 or r.n < -5",
        "(r) => r.ok",
        "(r) => r.ok == false or r.ok != true",
        "(r) => r._time < 2020-09-13T12:33:20Z + 5m",
        "(r) => r._time - 1h >= 2020-09-13T11:30:00Z",
        "(r) => r.d > 1m and r.d <= 90s",
        "(r) => r.d != 1mo",
        "(r) => r.n * 3 + 1 > 10 or r.n % 4 == 1",
        "(r) => r.n != 0 and 100 / r.n > 20",
        "(r) => r._value * 2.0 - 1.5 > r._value / 3.0",
        "(r) => -r.n > 3",
        "(r) => (if r.n > 0 then r._value else -r._value) > 2.0",
        "(r) => (if r.ok then r.host else \"none\") == \"a\"",
        "(r) => exists r.host and exists r.n and \"${r.host}:${r.n}\" == \"a:3\"",
        "(r) => r.host + \"x\" == \"bx\"",
        "(r) => r.missing + 1 > 0",
        "(r) => true",
        "(r) => 1 < 2 and r.n > 0",
    })
    void compiledPredicatesSelectWhatTheInterpreterSelects(String source) {
        int[] row = select(source, false, table);
        int[] vec = select(source, true, table);
        assertArrayEquals(row, vec, source);
        try (FluxTable slice = table.slice(13, 2000)) {
            assertArrayEquals(select(source, false, slice), select(source, true, slice), source + " (slice)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(r) => { return r.n > 0 }",
        "(r) => float(v: r.n) > 1.0",
        "(r) => r.host == 1",
        "(r, x=1) => r.n > x",
        "(r) => r.ok and r.n",
    })
    void otherShapesRunRowByRow(String source) {
        RowFn.Selector s = new RowFn(fn(source), interpreter, "filter").selector(table.columns());
        assertTrue(!s.vectorized(), source);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(r) => 100 / r.n > 20",
        "(r) => \"${r.host}\" == \"a\"",
        "(r) => r.n % 0 == 1",
    })
    void errorsAreTheSameBothWays(String source) {
        FluxException row = assertThrows(FluxException.class, () -> select(source, false, table));
        FluxException vec = assertThrows(FluxException.class, () -> select(source, true, table));
        assertEquals(row.getMessage(), vec.getMessage());
    }

    private String map(String source, boolean vectorize, FluxTable t) {
        RowFn.vectorize(vectorize);
        try {
            RowFn rows = new RowFn(fn(source), interpreter, "map");
            RowFn.Mapper m = rows.mapper(t.columns());
            assertEquals(vectorize, m.vectorized(), "vectorized: " + source);
            try (FluxTable out = m.map(t, allocator)) {
                StringBuilder sb = new StringBuilder();
                Tables.render(out, sb);
                return sb.toString();
            } finally {
                rows.close(); // what the mapper keeps between tables; the table holds its own
            }
        } finally {
            RowFn.vectorize(true);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(r) => ({r with _value: r._value * 2.0})",
        "(r) => ({r with n: r.n + 1, big: r.u > 10, label: if exists r.host and exists r.n then \"${r.host}-${r.n}\" else \"?\"})",
        "(r) => ({time: r._time, v: r._value, gone: r.missing})",
        "(r) => ({r with host: if r.ok then r.host else \"-\", ok: not r.ok})",
        "(r) => ({x: r.d, t: r._time + 1mo, z: r.missing + 1.0})",
        "(r) => ({r with n: r.n * params.n, limit})",
    })
    void compiledMapsMakeWhatTheInterpreterMakes(String source) {
        assertEquals(map(source, false, table), map(source, true, table), source);
        try (FluxTable slice = table.slice(13, 2000)) {
            assertEquals(map(source, false, slice), map(source, true, slice), source + " (slice)");
        }
    }
}
