package io.jflux.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.UInt8Vector;

/**
 * Builds many consecutive small tables of one schema into shared Arrow vectors and hands them out as slices of
 * that batch, so a million one-row tables cost about what one table of a million rows costs. Tables are written
 * one at a time: {@link #startTable} gives the builder of the current batch, whose columns are the table's (in
 * that order; the caller appends to them and must not add others), and {@link #endTable} pads the table's
 * columns to its longest one and records it. A batch is sealed, and its tables become ready for {@link #poll},
 * when it reaches {@code maxRows} rows or {@code maxBytes} bytes, when a table of another schema starts, or on
 * {@link #flush}; a table larger than the budget still goes whole into one batch.
 *
 * <p>Each table handed out by {@link #poll} belongs to the caller; the batch's memory is released when the
 * last of its tables is closed. Closing the batcher releases what it has not handed out.
 */
public final class TableBatcher implements AutoCloseable {

    /** Rows a batch takes before it is sealed. */
    public static final int DEFAULT_MAX_ROWS = 65_536;
    /** Bytes a batch's values may take before it is sealed. */
    public static final long DEFAULT_MAX_BYTES = 8L << 20;

    private final BufferAllocator allocator;
    private final int maxRows;
    private final long maxBytes;

    private final int maxOpen;
    /** The room a new batch's vectors start with: grows while batches fill, so small streams stay small. */
    private int firstCapacity = 64;

    /**
     * What the batcher knows of a schema: one unmodifiable list object for the tables of all its batches (so
     * consumers that remember what they worked out for a schema by its list object, the table printer and the
     * aggregates' output columns, find it again in the next batch), and the rows and string bytes per value a new
     * batch of it starts with (none until a batch of it has been sealed).
     */
    private static final class Schema {
        final List<ColumnMeta> columns;
        int rows;
        int[] bytesPerValue;

        Schema(List<ColumnMeta> columns) {
            this.columns = columns;
        }
    }

    private final java.util.Map<List<ColumnMeta>, Schema> schemas = new java.util.HashMap<>();

    /** A batch being filled: one schema, the tables ended in it, and their views once it is sealed. */
    private static final class Batch {
        TableBuilder builder;
        List<ColumnMeta> schema;
        Schema known;
        final List<GroupKey> keys = new ArrayList<>();
        int[] bounds = new int[16];
        int bytesCheckedAt = -1;
        FluxTable[] views;
        long lastUsed;
        /** The rows its vectors were sized for: reaching them seals it, rather than growing them all. */
        int capacity;
    }

    /**
     * The tables ended and not yet handed out, in the order they were ended: a ring of (batch, index in it) pairs
     * from {@code head} (inclusive) to {@code tail} (exclusive), kept in two arrays to save an object per table.
     */
    /** Per slot: the batch of a table ended here, or a table handed over whole ({@link #offer}). */
    private Object[] slotBatch = new Object[64];
    private int[] slotIndex = new int[64];
    private int head;
    private int tail;

    private final List<Batch> open = new ArrayList<>();
    private Batch current;
    private GroupKey tableKey;
    private int tableStart = -1;
    private long tick;

    public TableBatcher(BufferAllocator allocator) {
        this(allocator, DEFAULT_MAX_ROWS, DEFAULT_MAX_BYTES);
    }

    public TableBatcher(BufferAllocator allocator, int maxRows, long maxBytes) {
        this(allocator, maxRows, maxBytes, 1);
    }

    /**
     * A batcher that keeps up to {@code maxOpen} batches of different schemas open at once (the least recently
     * used is sealed to make room), so tables of a few schemas that alternate (a histogram's buckets and its sum
     * and count) still share batches. Tables are handed out in the order they were ended; a table waits until
     * its batch is sealed and every earlier table has been handed out.
     */
    public TableBatcher(BufferAllocator allocator, int maxRows, long maxBytes, int maxOpen) {
        this.allocator = allocator;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.maxOpen = Math.max(1, maxOpen);
    }

    /** A new, empty batcher with this one's allocator, budget and number of open batches. */
    public TableBatcher sibling() {
        return new TableBatcher(allocator, maxRows, maxBytes, maxOpen);
    }

    /**
     * Starts a table with group key {@code key} and columns {@code columns} (sealing a batch first when its
     * schema differs or it is full) and returns the builder to append its rows to: column {@code i} of the
     * builder is {@code columns.get(i)}; its {@code rowCount} and {@code size} count the batch's earlier rows too.
     */
    public TableBuilder startTable(GroupKey key, List<ColumnMeta> columns) {
        if (tableStart >= 0) {
            throw new IllegalStateException("the previous table was not ended");
        }
        Batch b = current != null && current.schema == columns ? current : find(columns);
        if (b != null && full(b)) {
            seal(b);
            b = null;
        }
        if (b == null) {
            if (open.size() >= maxOpen) {
                Batch lru = open.get(0);
                for (Batch o : open) {
                    if (o.lastUsed < lru.lastUsed) {
                        lru = o;
                    }
                }
                seal(lru);
            }
            b = new Batch();
            // a batch usually fills: start its vectors at a fraction of the budget rather than doubling from 8
            Schema known = schemas.get(columns);
            if (known == null) {
                known = new Schema(List.copyOf(columns));
                schemas.put(known.columns, known);
            }
            b.known = known;
            b.capacity = known.bytesPerValue == null ? Math.min(maxRows, firstCapacity) : known.rows;
            b.builder = new TableBuilder(allocator, GroupKey.EMPTY, b.capacity, known.bytesPerValue);
            for (ColumnMeta c : columns) {
                b.builder.addColumn(c);
            }
            b.schema = columns;
            if (b.builder.columns().size() != columns.size()) {
                b.builder.close();
                throw new IllegalArgumentException("duplicate column labels in " + columns);
            }
            open.add(b);
        }
        b.lastUsed = ++tick;
        current = b;
        tableKey = key;
        tableStart = b.builder.rowCount();
        return b.builder;
    }

    private Batch find(List<ColumnMeta> columns) {
        for (Batch b : open) {
            if (b.schema == columns) {
                return b;
            }
        }
        for (Batch b : open) {
            if (b.schema.equals(columns)) {
                return b;
            }
        }
        return null;
    }

    /** Ends the current table: its rows are those appended since {@link #startTable}. */
    public void endTable() {
        if (tableStart < 0) {
            throw new IllegalStateException("no table was started");
        }
        Batch b = current;
        TableBuilder builder = b.builder;
        if (builder.columns().size() != b.schema.size()) {
            throw new IllegalStateException("a column was added to a batched table: " + builder.columns());
        }
        int end = builder.rowCount();
        builder.padTo(end);
        int n = b.keys.size();
        if (2 * n + 2 > b.bounds.length) {
            b.bounds = Arrays.copyOf(b.bounds, b.bounds.length * 2);
        }
        b.bounds[2 * n] = tableStart;
        b.bounds[2 * n + 1] = end - tableStart;
        b.keys.add(tableKey);
        addSlot(b, n);
        tableKey = null;
        tableStart = -1;
        if (full(b)) {
            seal(b);
        }
    }

    /** Drops the current table, if one was started (after a failure): its rows stay unused in the batch. */
    public void abortTable() {
        if (tableStart >= 0) {
            current.builder.padTo(current.builder.rowCount());
            tableStart = -1;
            tableKey = null;
        }
    }

    /**
     * Hands out {@code table}, made elsewhere, after the tables ended before it: from now on it is the batcher's
     * until {@link #poll} gives it back (closing the batcher closes it). Not while a table is being written.
     */
    public void offer(FluxTable table) {
        if (tableStart >= 0) {
            throw new IllegalStateException("a table is still being written");
        }
        addSlot(table, 0);
    }

    /**
     * For one-row tables over other tables' cells ({@link #keyRow}): per batch those tables are slices of, the
     * batch with a vector of values added (one row for every row of the batch). The tables read may come from a
     * few batches in turn (a scrape's schemas alternate), so the last few are kept, most recent first.
     */
    private static final class KeySource {
        io.jflux.table.Batch source;
        io.jflux.table.Batch extended;
        FieldVector values;
        ColumnType type;
        /** The offset of the last row written: rows are written once, in increasing order. */
        int lastRow;
    }

    private static final int KEY_SOURCES = 8;
    private final KeySource[] keySources = new KeySource[KEY_SOURCES];
    private int keySourceCount;
    private final KeyRow keyRow = new KeyRow();
    /**
     * Where the columns asked for are among a table's own, for the last few pairs (columns asked for, the table's
     * columns) met, the last one used first: tables often alternate between a few schemas.
     */
    private final RecentShapes<int[]> keyRowShapes = new RecentShapes<>(4);
    private int[] keyRowCols;
    /** The vector indexes of the last key row's table, with what they were made from (see firstRowWith). */
    private final int[][] keyRowIndex = new int[3][];

    /**
     * The one-row table being made by {@link #keyRow}: its value goes in through this sink, then
     * {@link #endKeyRow} hands it over.
     */
    public final class KeyRow implements ValueSink {
        private KeySource source;
        private FluxTable in;
        private List<ColumnMeta> columns;
        private int row;
        private boolean set;

        @Override
        public void setLong(long value) {
            source.values.getDataBuffer().setLong((long) row * 8, value);
            BitVectorHelper.setBit(source.values.getValidityBuffer(), row);
            set = true;
        }

        @Override
        public void setDouble(double value) {
            setLong(Double.doubleToRawLongBits(value));
        }

        @Override
        public void setNull() {
            set = true;
        }
    }

    /**
     * Starts a one-row table of {@code in}'s first row in the columns {@code columns} but the last (columns of
     * {@code in} by label and type), followed by a new value of type {@code valueType}, an 8-byte type, labelled
     * as the last of {@code columns}: the caller sets the value through the returned sink and calls
     * {@link #endKeyRow}. The cells of {@code in} are not copied: the table looks at {@code in}'s vectors (and a
     * vector of values shared by the tables made from one batch). Null when {@code in} has no rows or lacks one
     * of the columns; then make the table with {@link #startTable}.
     */
    public KeyRow keyRow(FluxTable in, List<ColumnMeta> columns, ColumnType valueType) {
        if (tableStart >= 0) {
            throw new IllegalStateException("a table is still being written");
        }
        if (in.rowCount() == 0) {
            return null;
        }
        int[] cols = keyRowCols(in, columns);
        if (cols == null) {
            return null;
        }
        keyRowCols = cols;
        KeySource k = keySource(in.batch(), valueType, in.offset());
        if (k == null) {
            return null;
        }
        k.lastRow = in.offset();
        keyRow.source = k;
        keyRow.in = in;
        keyRow.columns = columns;
        keyRow.row = in.offset();
        keyRow.set = false;
        return keyRow;
    }

    /**
     * Where each of {@code columns} but the last is among {@code in}'s columns (by label, of the same type), or
     * null when one is not there.
     */
    private int[] keyRowCols(FluxTable in, List<ColumnMeta> columns) {
        int[] known = keyRowShapes.get(columns, in.columns());
        if (known != null) {
            return known;
        }
        int[] cols = new int[columns.size() - 1];
        for (int i = 0; i < cols.length; i++) {
            ColumnMeta c = columns.get(i);
            int at = in.columnIndex(c.label());
            if (at < 0 || in.column(at).type() != c.type()) {
                return null;
            }
            cols[i] = at;
        }
        return keyRowShapes.put(columns, in.columns(), cols);
    }

    /**
     * The values of {@code source}'s batch for row {@code row} of type {@code type}: a kept one (moved to the
     * front), or a new one; null when the batch has no such row.
     */
    private KeySource keySource(io.jflux.table.Batch source, ColumnType type, int row) {
        for (int i = 0; i < keySourceCount; i++) {
            KeySource k = keySources[i];
            if (k.source == source && k.type == type && row > k.lastRow) {
                System.arraycopy(keySources, 0, keySources, 1, i);
                keySources[0] = k;
                return k;
            }
            if (k.source.references() == 1) {
                // only its extension holds it: no table of it is left to come, so its memory need not wait here
                k.extended.release();
                System.arraycopy(keySources, i + 1, keySources, i, keySourceCount - i - 1);
                keySources[--keySourceCount] = null;
                i--;
            }
        }
        int rows = source.size() == 0 ? 0 : source.vector(0).getValueCount();
        if (row >= rows) {
            return null;
        }
        KeySource k = new KeySource();
        FieldVector values = type == ColumnType.FLOAT ? new Float8Vector("", allocator)
                : type == ColumnType.UINT ? new UInt8Vector("", allocator) : new BigIntVector("", allocator);
        try {
            ((BaseFixedWidthVector) values).allocateNew(rows);
            values.setValueCount(rows);
            k.extended = new io.jflux.table.Batch(source, values);
        } catch (RuntimeException e) {
            values.close();
            throw e;
        }
        k.source = source;
        k.values = values;
        k.type = type;
        k.lastRow = -1;
        if (keySourceCount == KEY_SOURCES) {
            keySources[--keySourceCount].extended.release();
        }
        System.arraycopy(keySources, 0, keySources, 1, keySourceCount);
        keySources[0] = k;
        keySourceCount++;
        return k;
    }

    /** Hands over the table {@link #keyRow} started, after the tables ended before it. */
    public void endKeyRow() {
        KeyRow r = keyRow;
        if (r.in == null || !r.set) {
            throw new IllegalStateException("no key row with its value set");
        }
        io.jflux.table.Batch extended = r.source.extended;
        FluxTable t = r.in.firstRowWith(r.in.key(), r.columns, keyRowCols, extended, extended.size() - 1,
                keyRowIndex);
        r.in = null;
        offer(t);
    }

    private void releaseKeyRows() {
        for (int i = 0; i < keySourceCount; i++) {
            keySources[i].extended.release();
            keySources[i] = null;
        }
        keySourceCount = 0;
    }

    /** Seals every open batch: every ended table becomes ready. */
    public void flush() {
        if (tableStart >= 0) {
            throw new IllegalStateException("a table is still being written");
        }
        while (!open.isEmpty()) {
            seal(open.get(0));
        }
    }

    private void addSlot(Object b, int index) {
        int mask = slotBatch.length - 1;
        if (tail - head == slotBatch.length) {
            Object[] bs = new Object[slotBatch.length * 2];
            int[] is = new int[bs.length];
            for (int k = head; k < tail; k++) {
                bs[k - head] = slotBatch[k & mask];
                is[k - head] = slotIndex[k & mask];
            }
            tail -= head;
            head = 0;
            slotBatch = bs;
            slotIndex = is;
            mask = bs.length - 1;
        }
        slotBatch[tail & mask] = b;
        slotIndex[tail & mask] = index;
        tail++;
    }

    /** The next ready table (the caller owns it), or null. */
    public FluxTable poll() {
        if (head == tail) {
            return null;
        }
        int at = head & (slotBatch.length - 1);
        Object o = slotBatch[at];
        if (o instanceof FluxTable whole) {
            slotBatch[at] = null;
            head++;
            return whole;
        }
        Batch b = (Batch) o;
        if (b.views == null) {
            return null;
        }
        slotBatch[at] = null;
        head++;
        FluxTable t = b.views[slotIndex[at]];
        b.views[slotIndex[at]] = null;
        return t;
    }

    /** Whether tables were ended that no {@link #flush} or full batch has made ready yet. */
    public boolean hasPending() {
        for (Batch b : open) {
            if (!b.keys.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Rows between two looks at the bytes reserved (summing buffer sizes per one-row table would show up). */
    private static final int BYTES_CHECK_ROWS = 256;

    private boolean full(Batch b) {
        int rows = b.builder.rowCount();
        if (rows >= maxRows || rows >= b.capacity) {
            return true;
        }
        if (rows - b.bytesCheckedAt < BYTES_CHECK_ROWS && b.bytesCheckedAt >= 0) {
            return false;
        }
        b.bytesCheckedAt = rows;
        return b.builder.usedBytes() >= maxBytes;
    }

    /** Batches smaller than this say little about the next one of their schema. */
    private static final int MIN_SIZED_ROWS = 64;

    private void seal(Batch b) {
        open.remove(b);
        if (current == b) {
            current = null;
        }
        TableBuilder builder = b.builder;
        b.builder = null;
        FluxTable[] views = new FluxTable[b.keys.size()];
        int rows = builder.rowCount();
        if (rows >= firstCapacity && firstCapacity < 8192) {
            firstCapacity *= 4;
        }
        if (rows >= MIN_SIZED_ROWS) {
            // the next batch of this schema starts as large as this one ended (a little more), whether this one
            // filled or was sealed to make room for another schema: batches of a schema tend to end alike, and
            // growing a batch's vectors by doubling allocates and copies them several times over
            int[] perValue = builder.stringBytesPerValue();
            for (int c = 0; c < perValue.length; c++) {
                perValue[c] += perValue[c] / 8;
            }
            // one that reached the rows it was sized for: the next has room for twice as many
            int next = rows >= b.capacity ? 2 * rows : rows + rows / 8;
            b.known.rows = Math.min(maxRows, next);
            b.known.bytesPerValue = perValue;
        }
        if (b.keys.isEmpty()) {
            builder.close();
        } else {
            try (FluxTable whole = builder.build(b.known.columns)) {
                whole.views(b.keys, b.bounds, views);
            }
        }
        b.keys.clear();
        b.views = views;
    }

    @Override
    public void close() {
        releaseKeyRows();
        tableStart = -1;
        for (Batch b : open) {
            b.keys.clear();
            b.builder.close();
        }
        open.clear();
        current = null;
        for (; head < tail; head++) {
            int at = head & (slotBatch.length - 1);
            Object o = slotBatch[at];
            slotBatch[at] = null;
            if (o instanceof FluxTable whole) {
                whole.close();
                continue;
            }
            FluxTable[] views = ((Batch) o).views;
            if (views != null && views[slotIndex[at]] != null) {
                views[slotIndex[at]].close();
                views[slotIndex[at]] = null;
            }
        }
    }
}
