package io.jflux.table;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

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
    /** Bytes a batch may reserve before it is sealed. */
    public static final long DEFAULT_MAX_BYTES = 8L << 20;

    private final BufferAllocator allocator;
    private final int maxRows;
    private final long maxBytes;

    private TableBuilder builder;
    private List<ColumnMeta> schema;
    private final List<GroupKey> keys = new ArrayList<>();
    private int[] bounds = new int[16];
    private GroupKey tableKey;
    private int tableStart = -1;
    private int bytesCheckedAt = -1;
    private final Deque<FluxTable> ready = new ArrayDeque<>();

    public TableBatcher(BufferAllocator allocator) {
        this(allocator, DEFAULT_MAX_ROWS, DEFAULT_MAX_BYTES);
    }

    public TableBatcher(BufferAllocator allocator, int maxRows, long maxBytes) {
        this.allocator = allocator;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
    }

    /**
     * Starts a table with group key {@code key} and columns {@code columns} (sealing the batch first when its
     * schema differs or it is full) and returns the builder to append its rows to: column {@code i} of the
     * builder is {@code columns.get(i)}; its {@code rowCount} and {@code size} count the batch's earlier rows too.
     */
    public TableBuilder startTable(GroupKey key, List<ColumnMeta> columns) {
        if (tableStart >= 0) {
            throw new IllegalStateException("the previous table was not ended");
        }
        if (builder != null && (schema != columns && !schema.equals(columns) || full())) {
            seal();
        }
        if (builder == null) {
            builder = new TableBuilder(allocator, GroupKey.EMPTY);
            for (ColumnMeta c : columns) {
                builder.addColumn(c);
            }
            schema = columns;
            if (builder.columns().size() != columns.size()) {
                builder.close();
                builder = null;
                throw new IllegalArgumentException("duplicate column labels in " + columns);
            }
        }
        tableKey = key;
        tableStart = builder.rowCount();
        return builder;
    }

    /** Ends the current table: its rows are those appended since {@link #startTable}. */
    public void endTable() {
        if (tableStart < 0) {
            throw new IllegalStateException("no table was started");
        }
        if (builder.columns().size() != schema.size()) {
            throw new IllegalStateException("a column was added to a batched table: " + builder.columns());
        }
        int end = builder.rowCount();
        builder.padTo(end);
        int n = keys.size();
        if (2 * n + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[2 * n] = tableStart;
        bounds[2 * n + 1] = end - tableStart;
        keys.add(tableKey);
        tableKey = null;
        tableStart = -1;
        if (full()) {
            seal();
        }
    }

    /** Drops the current table, if one was started (after a failure): its rows stay unused in the batch. */
    public void abortTable() {
        if (tableStart >= 0) {
            builder.padTo(builder.rowCount());
            tableStart = -1;
            tableKey = null;
        }
    }

    /** Seals the current batch: every ended table becomes ready. */
    public void flush() {
        if (tableStart >= 0) {
            throw new IllegalStateException("a table is still being written");
        }
        seal();
    }

    /** The next ready table (the caller owns it), or null. */
    public FluxTable poll() {
        return ready.pollFirst();
    }

    /** Whether tables were ended that no {@link #flush} or full batch has made ready yet. */
    public boolean hasPending() {
        return !keys.isEmpty();
    }

    /** Rows between two looks at the bytes reserved (summing buffer sizes per one-row table would show up). */
    private static final int BYTES_CHECK_ROWS = 256;

    private boolean full() {
        int rows = builder.rowCount();
        if (rows >= maxRows) {
            return true;
        }
        if (rows - bytesCheckedAt < BYTES_CHECK_ROWS && bytesCheckedAt >= 0) {
            return false;
        }
        bytesCheckedAt = rows;
        return builder.reservedBytes() >= maxBytes;
    }

    private void seal() {
        if (builder == null) {
            return;
        }
        TableBuilder b = builder;
        builder = null;
        schema = null;
        bytesCheckedAt = -1;
        if (keys.isEmpty()) {
            b.close();
            return;
        }
        try (FluxTable whole = b.build()) {
            for (int i = 0; i < keys.size(); i++) {
                ready.addLast(whole.view(keys.get(i), bounds[2 * i], bounds[2 * i + 1]));
            }
        } finally {
            keys.clear();
        }
    }

    @Override
    public void close() {
        tableStart = -1;
        keys.clear();
        if (builder != null) {
            builder.close();
            builder = null;
        }
        FluxTable t;
        while ((t = ready.pollFirst()) != null) {
            t.close();
        }
    }
}
