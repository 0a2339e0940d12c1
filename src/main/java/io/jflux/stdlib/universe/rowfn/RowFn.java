package io.jflux.stdlib.universe.rowfn;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.BoolValue;
import io.jflux.eval.Closure;
import io.jflux.eval.FunctionValue;
import io.jflux.eval.Interpreter;
import io.jflux.eval.Operators;
import io.jflux.eval.RecordValue;
import io.jflux.eval.Value;
import io.jflux.stdlib.universe.rowfn.Vec.Frame;
import io.jflux.stdlib.universe.rows.Vectors;
import io.jflux.syntax.Expression;
import io.jflux.table.BatchExtension;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.RecentShapes;
import io.jflux.table.TableBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;

/**
 * A row function ({@code fn: (r) => ...}) of one transformation, compiled once per table schema: column at a
 * time over the Arrow vectors where the {@link Compiler} knows the shape, else row by row with one reused
 * record. Both ways give the same values and errors. Not thread-safe: one per opened stream.
 */
public final class RowFn {

    /** The rows of a table where a predicate holds. */
    public interface Selector {
        /** Writes into {@code sel} (at least as long as the table) the rows where the function is true; returns how many. */
        int select(FluxTable t, int[] sel);

        /** Whether this runs column at a time. */
        boolean vectorized();
    }

    /** The records a function makes of the rows of a table, as a table. */
    public interface Mapper {
        /**
         * A table of the records, columns in label order, under {@code t}'s group key (the caller decides the
         * output key); null when {@code t} has no rows.
         */
        FluxTable map(FluxTable t, BufferAllocator allocator);

        boolean vectorized();

        /** Gives back what the mapper keeps between tables (the tables it made hold their own references). */
        default void close() {
        }
    }

    /** Closes the mappers made so far; call when the stream they map ends. */
    public void close() {
        for (Mapper m : mappers.values()) {
            m.close();
        }
    }

    private static volatile boolean vectorize = true;

    /** Turns the column-at-a-time path on or off (tests compare both ways). */
    public static void vectorize(boolean on) {
        vectorize = on;
    }

    private final FunctionValue fn;
    private final Interpreter interpreter;
    private final String function;
    private final Map<List<ColumnMeta>, Selector> selectors = new HashMap<>();
    private final Map<List<ColumnMeta>, Mapper> mappers = new HashMap<>();

    /** {@code function} names the transformation, for messages. */
    public RowFn(FunctionValue fn, Interpreter interpreter, String function) {
        this.fn = fn;
        this.interpreter = interpreter;
        this.function = function;
    }

    private Compiler compiler(List<ColumnMeta> schema) {
        if (vectorize && fn instanceof Closure c && c.node().params().size() == 1
                && c.node().params().get(0).key().key().equals("r") && c.node().body() instanceof Expression) {
            return new Compiler("r", c.scope(), schema);
        }
        return null;
    }

    private static Expression body(FunctionValue fn) {
        return fn instanceof Closure c && c.node().body() instanceof Expression e ? e : null;
    }

    // ------------------------------------------------------------------ predicates

    public Selector selector(List<ColumnMeta> schema) {
        Selector known = recent.get(schema, null);
        return known != null ? known
                : recent.put(schema, null, selectors.computeIfAbsent(schema, this::newSelector));
    }

    /** The selectors and mappers of the last few schemas, found by the list object before the maps by content. */
    private final RecentShapes<Selector> recent = new RecentShapes<>(4);
    private final RecentShapes<Mapper> recentMappers = new RecentShapes<>(4);

    private Selector newSelector(List<ColumnMeta> schema) {
        Compiler c = compiler(schema);
        Vec root = c == null ? null : c.operand(body(fn));
        if (root != null && (root.type == null || root.type == ColumnType.BOOL)) {
            return new VectorSelector(root);
        }
        return new RowSelector(new RowCall(fn, interpreter, schema), function);
    }

    private static final class VectorSelector implements Selector {
        private final Vec root;
        private final Frame frame = new Frame();

        VectorSelector(Vec root) {
            this.root = root;
        }

        @Override
        public int select(FluxTable t, int[] sel) {
            frame.table = t;
            int count = 0;
            try {
                for (int from = 0; from < t.rowCount(); from += Vec.CHUNK) {
                    frame.from = from;
                    frame.n = Math.min(Vec.CHUNK, t.rowCount() - from);
                    count = root.select(frame, sel, count);
                }
            } finally {
                frame.table = null;
            }
            return count;
        }

        @Override
        public boolean vectorized() {
            return true;
        }
    }

    private static final class RowSelector implements Selector {
        private final RowCall call;
        private final String function;

        RowSelector(RowCall call, String function) {
            this.call = call;
            this.function = function;
        }

        @Override
        public int select(FluxTable t, int[] sel) {
            call.table(t);
            int count = 0;
            try {
                for (int r = 0; r < t.rowCount(); r++) {
                    Value v = call.call(r);
                    if (v instanceof BoolValue b) {
                        if (b.value()) {
                            sel[count++] = r;
                        }
                    } else if (!v.isNull()) {
                        throw new FluxException(ErrorCode.INVALID, function + ": fn must return a bool, got "
                                + v.kind().fluxName());
                    }
                }
            } finally {
                call.table(null);
            }
            return count;
        }

        @Override
        public boolean vectorized() {
            return false;
        }
    }

    // ------------------------------------------------------------------ records

    public Mapper mapper(List<ColumnMeta> schema) {
        Mapper known = recentMappers.get(schema, null);
        return known != null ? known
                : recentMappers.put(schema, null, mappers.computeIfAbsent(schema, this::newMapper));
    }

    private Mapper newMapper(List<ColumnMeta> schema) {
        Compiler c = compiler(schema);
        Map<String, Object> fields = c == null ? null : c.record(body(fn));
        if (fields != null) {
            return new VectorMapper(schema, fields);
        }
        Compiler typer = fn instanceof Closure cl && RowCall.takesRowAlone(cl) && body(fn) != null
                ? new Compiler("r", cl.scope(), schema) : null;
        Map<String, Object> hints = typer == null ? Map.of() : typer.recordTypes(body(fn));
        return new RowMapper(new RowCall(fn, interpreter, schema), hints, function);
    }

    /** The labels of a record in the order map gives its columns: by their UTF-8 bytes. */
    static List<String> sortedLabels(Iterable<String> labels) {
        List<String> out = new ArrayList<>();
        for (String l : labels) {
            out.add(l);
        }
        out.sort(Operators::compareUtf8);
        return out;
    }

    private static final class VectorMapper implements Mapper {
        private final List<ColumnMeta> metas = new ArrayList<>();
        private final List<Object> sources = new ArrayList<>();
        private final List<Vec> computed = new ArrayList<>();
        private final Frame frame = new Frame();
        /** The output columns, one list for every table (so what follows knows the schema by it). */
        private final List<ColumnMeta> columns;
        /** Per output column: the input column it is, or {@code -1 - k} for computed value {@code k}. */
        private final int[] from;
        /** Whether every computed column has fixed-width values, which can be written at any row. */
        private final boolean fixedWidth;
        /** The computed columns, one vector per batch of the input (see {@link #map}); made when first needed. */
        private BatchExtension extension;

        VectorMapper(List<ColumnMeta> schema, Map<String, Object> fields) {
            List<Integer> order = new ArrayList<>();
            boolean fixed = true;
            for (String label : sortedLabels(fields.keySet())) {
                Object src = fields.get(label);
                if (src instanceof Integer col) {
                    metas.add(new ColumnMeta(label, schema.get(col).type()));
                    sources.add(src);
                    order.add(col);
                } else {
                    Vec v = (Vec) src;
                    if (v.type == null) {
                        continue; // null in every row: no column, as Flux does
                    }
                    metas.add(new ColumnMeta(label, v.type));
                    sources.add(v);
                    order.add(-1 - computed.size());
                    computed.add(v);
                    fixed &= v.type != ColumnType.STRING;
                }
            }
            columns = List.copyOf(metas);
            from = order.stream().mapToInt(Integer::intValue).toArray();
            fixedWidth = fixed;
        }

        @Override
        public FluxTable map(FluxTable t, BufferAllocator allocator) {
            int n = t.rowCount();
            if (n == 0) {
                return null;
            }
            if (computed.isEmpty()) {
                return t.project(t.key(), columns, from);
            }
            if (fixedWidth) {
                return mapInPlace(t, allocator);
            }
            if (n <= Vec.CHUNK) {
                FluxTable in = mapWithStringsInPlace(t, allocator);
                if (in != null) {
                    return in;
                }
            }
            List<FieldVector> vectors = new ArrayList<>(metas.size());
            FieldVector[] outs = new FieldVector[computed.size()];
            try {
                int k = 0;
                for (int i = 0; i < metas.size(); i++) {
                    Object src = sources.get(i);
                    String label = metas.get(i).label();
                    if (src instanceof Integer col) {
                        vectors.add(Vectors.share(t, col, label, allocator));
                    } else {
                        FieldVector v = Vectors.newVector(metas.get(i).type(), label, allocator);
                        vectors.add(v);
                        Vectors.allocate(v, n);
                        outs[k++] = v;
                    }
                }
                compute(t, outs, 0);
                for (FieldVector v : outs) {
                    v.setValueCount(n);
                }
            } catch (RuntimeException e) {
                for (FieldVector v : vectors) {
                    v.close();
                }
                throw e;
            }
            return FluxTable.ofVectors(t.key(), columns, vectors, n);
        }

        /** Computes the values of {@code t}'s rows into {@code outs} (one per computed column) from row {@code at}. */
        private void compute(FluxTable t, FieldVector[] outs, int at) {
            int n = t.rowCount();
            frame.table = t;
            try {
                for (int from = 0; from < n; from += Vec.CHUNK) {
                    frame.from = from;
                    frame.n = Math.min(Vec.CHUNK, n - from);
                    for (int j = 0; j < outs.length; j++) {
                        Vec v = computed.get(j);
                        v.eval(frame, null);
                        write(v, outs[j], at + from, frame.n);
                    }
                }
            } finally {
                frame.table = null;
            }
        }

        /**
         * Computes the values of {@code t}'s rows into the rows {@code t} has in its batch of vectors as long as the
         * batch, one per computed column, shared by the tables of that batch, and gives a view of the batch's
         * vectors and those: a stream of many small tables of a few batches then makes a few vectors, not a new
         * table's worth of vectors per table. Only the rows of the tables given are computed, each once.
         */
        private FluxTable mapInPlace(FluxTable t, BufferAllocator allocator) {
            if (extension == null) {
                extension = new BatchExtension(computed.size(), (k, rows) -> {
                    FieldVector v = Vectors.newVector(computed.get(k).type, "", allocator);
                    try {
                        Vectors.allocate(v, rows);
                        v.setValueCount(rows);
                    } catch (RuntimeException e) {
                        v.close();
                        throw e;
                    }
                    return v;
                });
            }
            FieldVector[] outs = new FieldVector[computed.size()];
            for (int k = 0; k < outs.length; k++) {
                outs[k] = extension.vector(t, k);
            }
            compute(t, outs, t.offset());
            return extension.view(t, t.key(), columns, from);
        }

        /**
         * Per string extension vector: the next row to write and where its bytes go (the data end). A vector's
         * rows are written in order, a table after another, never moved: its buffers are sized when it is made
         * and never grown, since views of the tables written already may be read meanwhile (on another thread).
         */
        private final Map<FieldVector, int[]> stringState = new java.util.IdentityHashMap<>();
        /** For the string columns' vectors about to be made: bytes a row, from the table that makes them. */
        private int[] stringBytesPerRow;
        /** Per computed string column: the table's values as UTF-8, and their bytes in all. */
        private byte[][][] stringBytes;
        private long[] stringTotals;

        /**
         * {@link #mapInPlace} for a mapper with string results, for a table of at most one chunk: its computed
         * strings go into string vectors per batch as well, after the rows of the batch's tables computed
         * before (rows skipped in between are empty strings no view shows), when they come in row order and fit
         * the room the vector was made with; else null (the caller copies the table).
         */
        private FluxTable mapWithStringsInPlace(FluxTable t, BufferAllocator allocator) {
            int n = t.rowCount();
            frame.table = t;
            frame.from = 0;
            frame.n = n;
            try {
                for (Vec v : computed) {
                    v.eval(frame, null);
                }
            } finally {
                frame.table = null;
            }
            int k = computed.size();
            if (stringBytes == null) {
                stringBytes = new byte[k][][];
                stringBytesPerRow = new int[k];
                stringTotals = new long[k];
            }
            for (int j = 0; j < k; j++) {
                Vec v = computed.get(j);
                if (v.type != ColumnType.STRING) {
                    continue;
                }
                byte[][] bytes = stringBytes[j] == null ? (stringBytes[j] = new byte[Vec.CHUNK][]) : stringBytes[j];
                long total = 0;
                for (int i = 0; i < n; i++) {
                    bytes[i] = v.nulls[i] ? null : v.strings[i].getBytes(StandardCharsets.UTF_8);
                    total += bytes[i] == null ? 0 : bytes[i].length;
                }
                stringTotals[j] = total;
                // room for twice the bytes a row of this table has, at least 16
                stringBytesPerRow[j] = (int) Math.min(1 << 16, Math.max(16, 2 * ((total + n - 1) / n)));
            }
            if (extension == null) {
                extension = new BatchExtension(k, (c, rows) -> {
                    Vec v = computed.get(c);
                    FieldVector out = Vectors.newVector(v.type, "", allocator);
                    try {
                        if (v.type == ColumnType.STRING) {
                            ((VarCharVector) out).allocateNew((long) Math.max(rows, 1) * stringBytesPerRow[c],
                                    Math.max(rows, 1));
                        } else {
                            Vectors.allocate(out, rows);
                        }
                        out.setValueCount(rows);
                    } catch (RuntimeException e) {
                        out.close();
                        throw e;
                    }
                    if (v.type == ColumnType.STRING) {
                        if (stringState.size() > 64) {
                            stringState.clear(); // those vectors' tables are copied from now on
                        }
                        stringState.put(out, new int[] {0, 0});
                    }
                    return out;
                });
            }
            FieldVector[] outs = new FieldVector[k];
            int at = t.offset();
            for (int j = 0; j < k; j++) {
                outs[j] = extension.vector(t, j);
                if (computed.get(j).type == ColumnType.STRING) {
                    int[] state = stringState.get(outs[j]);
                    if (state == null || at < state[0]) {
                        return null; // rows out of order, or a vector whose state was let go
                    }
                    if (state[1] + stringTotals[j] > ((VarCharVector) outs[j]).getDataBuffer().capacity()) {
                        return null; // no room left: never grown (see stringState)
                    }
                }
            }
            for (int j = 0; j < k; j++) {
                Vec v = computed.get(j);
                if (v.type != ColumnType.STRING) {
                    write(v, outs[j], at, n);
                    continue;
                }
                VarCharVector out = (VarCharVector) outs[j];
                int[] state = stringState.get(out);
                org.apache.arrow.memory.ArrowBuf offsets = out.getOffsetBuffer();
                org.apache.arrow.memory.ArrowBuf data = out.getDataBuffer();
                org.apache.arrow.memory.ArrowBuf validity = out.getValidityBuffer();
                int end = state[1];
                // rows skipped since the last table written are empty strings (no view shows them)
                for (int r = state[0]; r <= at; r++) {
                    offsets.setInt((long) r * 4, end);
                }
                for (int i = 0; i < n; i++) {
                    byte[] b = stringBytes[j][i];
                    if (b != null) {
                        data.setBytes(end, b, 0, b.length);
                        end += b.length;
                        org.apache.arrow.vector.BitVectorHelper.setBit(validity, at + i);
                    }
                    offsets.setInt((long) (at + i + 1) * 4, end);
                    stringBytes[j][i] = null;
                }
                state[0] = at + n;
                state[1] = end;
            }
            return extension.view(t, t.key(), columns, from);
        }

        @Override
        public boolean vectorized() {
            return true;
        }

        @Override
        public void close() {
            stringState.clear();
            if (extension != null) {
                extension.close();
                extension = null;
            }
        }
    }

    /** Writes a computed chunk into rows {@code [from, from + n)} of {@code out} (nulls stay unset). */
    static void write(Vec v, FieldVector out, int from, int n) {
        boolean[] nulls = v.nulls;
        switch (v.type) {
            case FLOAT: {
                Float8Vector f = (Float8Vector) out;
                for (int i = 0; i < n; i++) {
                    if (!nulls[i]) {
                        f.set(from + i, v.doubles[i]);
                    }
                }
                break;
            }
            case BOOL: {
                BitVector b = (BitVector) out;
                for (int i = 0; i < n; i++) {
                    if (!nulls[i]) {
                        b.set(from + i, v.bools[i] ? 1 : 0);
                    }
                }
                break;
            }
            case STRING: {
                VarCharVector s = (VarCharVector) out;
                for (int i = 0; i < n; i++) {
                    if (!nulls[i]) {
                        s.setSafe(from + i, v.strings[i].getBytes(StandardCharsets.UTF_8));
                    }
                }
                break;
            }
            case UINT: {
                UInt8Vector u = (UInt8Vector) out;
                for (int i = 0; i < n; i++) {
                    if (!nulls[i]) {
                        u.set(from + i, v.longs[i]);
                    }
                }
                break;
            }
            default: {
                BigIntVector b = (BigIntVector) out;
                for (int i = 0; i < n; i++) {
                    if (!nulls[i]) {
                        b.set(from + i, v.longs[i]);
                    }
                }
                break;
            }
        }
    }

    /**
     * Row by row: the first row's record gives the columns (its labels, in label order); each column's type is
     * what can be known of the property without running it, else that of its first non-null value. A column
     * null in every row, of no known type, is left out.
     */
    private static final class RowMapper implements Mapper {
        private final RowCall call;
        private final Map<String, Object> hints;
        private final String function;

        RowMapper(RowCall call, Map<String, Object> hints, String function) {
            this.call = call;
            this.hints = hints;
            this.function = function;
        }

        @Override
        public FluxTable map(FluxTable t, BufferAllocator allocator) {
            int n = t.rowCount();
            if (n == 0) {
                return null;
            }
            call.table(t);
            try (TableBuilder b = new TableBuilder(allocator, t.key())) {
                RecordValue first = record(call.call(0));
                List<String> labels = sortedLabels(first.fields().keySet());
                int[] col = new int[labels.size()];
                int[] leadingNulls = new int[labels.size()];
                boolean[] dropped = new boolean[labels.size()];
                for (int i = 0; i < labels.size(); i++) {
                    Object hint = hints.get(labels.get(i));
                    col[i] = -1;
                    if (hint instanceof ColumnType type) {
                        col[i] = b.addColumn(new ColumnMeta(labels.get(i), type));
                    } else if (hint == Compiler.ALWAYS_NULL) {
                        dropped[i] = true;
                    }
                }
                for (int r = 0; r < n; r++) {
                    RecordValue rec = r == 0 ? first : record(call.call(r));
                    for (int i = 0; i < labels.size(); i++) {
                        if (dropped[i]) {
                            continue;
                        }
                        Value v = rec.get(labels.get(i));
                        if (v == null || v.isNull()) {
                            if (col[i] < 0) {
                                leadingNulls[i]++;
                            } else {
                                b.appendNull(col[i]);
                            }
                            continue;
                        }
                        if (col[i] < 0) {
                            col[i] = b.addColumn(new ColumnMeta(labels.get(i), typeOf(labels.get(i), v)));
                            for (int k = 0; k < leadingNulls[i]; k++) {
                                b.appendNull(col[i]);
                            }
                        }
                        if (ColumnType.of(v.kind()) == null) {
                            typeOf(labels.get(i), v);
                        }
                        try {
                            b.appendValue(col[i], v);
                        } catch (FluxException e) {
                            throw new FluxException(ErrorCode.INVALID, function + ": " + e.getMessage());
                        }
                    }
                }
                try (FluxTable built = b.build()) {
                    List<ColumnMeta> metas = new ArrayList<>();
                    List<Integer> select = new ArrayList<>();
                    for (int i = 0; i < labels.size(); i++) {
                        if (col[i] >= 0) {
                            metas.add(built.column(col[i]));
                            select.add(col[i]);
                        }
                    }
                    int[] sel = new int[select.size()];
                    for (int i = 0; i < sel.length; i++) {
                        sel[i] = select.get(i);
                    }
                    return built.project(t.key(), metas, sel);
                }
            } finally {
                call.table(null);
            }
        }

        private RecordValue record(Value v) {
            if (v instanceof RecordValue r) {
                return r;
            }
            throw new FluxException(ErrorCode.INVALID, function + ": fn must return a record, got "
                    + v.kind().fluxName());
        }

        private ColumnType typeOf(String label, Value v) {
            ColumnType t = ColumnType.of(v.kind());
            if (t == null) {
                throw new FluxException(ErrorCode.INVALID, function + ": column " + label + " would hold a value of"
                        + " type " + v.kind().fluxName() + "; table columns hold bool, int, uint, float, string,"
                        + " time or duration values");
            }
            return t;
        }

        @Override
        public boolean vectorized() {
            return false;
        }
    }
}
