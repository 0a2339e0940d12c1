package io.jflux.bench;

import io.jflux.api.Engine;
import io.jflux.api.Execution;
import io.jflux.api.RunOptions;
import io.jflux.api.Script;
import io.jflux.eval.StringValue;
import io.jflux.stdlib.JavaPackage;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.StreamValue;
import io.jflux.table.TableBuilder;
import io.jflux.table.TableStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rows through Flux pipelines, against a plain Java loop over the same Arrow vectors in the same run.
 * The input is {@code rows} rows in {@code tables} tables (columns _time, host, _value; 8 hosts), made once by a
 * benchmark package and shared read-only by every run (each run reads retained views, nothing is copied).
 * Rows per second = rows / time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx8g",
        "-Darrow.enable_unsafe_memory_access=true"})
public class PipelineBenchmark {

    @Param({"10000000"})
    public int rows;

    @Param({"10"})
    public int tables;

    private BufferAllocator allocator;
    private List<FluxTable> input;
    private Script filterGroupSum;
    private Script mapScript;

    @Setup(Level.Trial)
    public void setup() {
        allocator = new RootAllocator();
        input = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        int perTable = rows / tables;
        for (int t = 0; t < tables; t++) {
            GroupKey key = new GroupKey(List.of(new ColumnMeta("_measurement", ColumnType.STRING)),
                    List.of(new StringValue("m" + t)));
            try (TableBuilder b = new TableBuilder(allocator, key)) {
                int m = b.addColumn(new ColumnMeta("_measurement", ColumnType.STRING));
                int time = b.addColumn(new ColumnMeta("_time", ColumnType.TIME));
                int host = b.addColumn(new ColumnMeta("host", ColumnType.STRING));
                int value = b.addColumn(new ColumnMeta("_value", ColumnType.FLOAT));
                for (int r = 0; r < perTable; r++) {
                    b.appendString(m, "m" + t);
                    b.appendLong(time, 1_600_000_000_000_000_000L + r * 1_000_000_000L);
                    b.appendString(host, "host" + (r & 7));
                    b.appendDouble(value, random.nextDouble());
                }
                input.add(b.build());
            }
        }
        JavaPackage rowsPackage = defs -> defs.function("rows", (a, in) -> new StreamValue(ctx -> {
            List<FluxTable> views = new ArrayList<>();
            for (FluxTable t : input) {
                views.add(t.retain());
            }
            return TableStream.of(views);
        }));
        Engine engine = Engine.create().withPackage("bench", "package bench\nbuiltin rows : () => stream[A]\n",
                rowsPackage);
        filterGroupSum = engine.compile("fgs.flux", "import \"bench\"\nbench.rows()\n"
                + "    |> filter(fn: (r) => r._value > 0.5)\n"
                + "    |> group(columns: [\"host\"])\n"
                + "    |> sum()\n");
        mapScript = engine.compile("map.flux", "import \"bench\"\nbench.rows()\n"
                + "    |> map(fn: (r) => ({r with _value: r._value * 2.0 + 1.0}))\n"
                + "    |> count()\n");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (FluxTable t : input) {
            t.close();
        }
        allocator.close();
    }

    private static long drain(Script script) {
        long cells = 0;
        try (Execution run = script.run(RunOptions.defaults())) {
            for (Execution.Result r : run.results()) {
                try (TableStream s = run.tables(r)) {
                    FluxTable t;
                    while ((t = s.next()) != null) {
                        cells += t.rowCount();
                        t.close();
                    }
                }
            }
        }
        return cells;
    }

    @Benchmark
    public long fluxFilterGroupSum() {
        return drain(filterGroupSum);
    }

    @Benchmark
    public long fluxMap() {
        return drain(mapScript);
    }

    /** The baseline: the same filter, grouping and sum as one plain loop over the Arrow vectors. */
    @Benchmark
    public Map<String, Double> javaFilterGroupSum() {
        Map<String, Double> sums = new HashMap<>();
        for (FluxTable t : input) {
            Float8Vector value = (Float8Vector) t.vector(t.columnIndex("_value"));
            VarCharVector host = (VarCharVector) t.vector(t.columnIndex("host"));
            int off = t.offset();
            for (int r = 0; r < t.rowCount(); r++) {
                double v = value.get(off + r);
                if (v > 0.5) {
                    sums.merge(new String(host.get(off + r), java.nio.charset.StandardCharsets.UTF_8), v, Double::sum);
                }
            }
        }
        return sums;
    }

    /** The baseline for map: compute the new value of every row into a new vector. */
    @Benchmark
    public long javaMap() {
        long n = 0;
        for (FluxTable t : input) {
            Float8Vector value = (Float8Vector) t.vector(t.columnIndex("_value"));
            int off = t.offset();
            try (Float8Vector out = new Float8Vector("_value", allocator)) {
                out.allocateNew(t.rowCount());
                for (int r = 0; r < t.rowCount(); r++) {
                    out.set(r, value.get(off + r) * 2.0 + 1.0);
                }
                out.setValueCount(t.rowCount());
                n += out.getValueCount();
            }
        }
        return n;
    }
}
