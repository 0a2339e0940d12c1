package io.jflux.io;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.BoolValue;
import io.jflux.eval.DurationValue;
import io.jflux.eval.FloatValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.NullValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.TimeValue;
import io.jflux.eval.UIntValue;
import io.jflux.eval.Value;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.TableBatcher;
import io.jflux.table.TableBuilder;
import io.jflux.table.TableContext;
import io.jflux.table.TableStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads annotated CSV as InfluxDB's {@code /api/v2/query} writes it and as Flux's {@code csv.from} reads it:
 * results, each a sequence of tables, parsed one table at a time straight into Arrow vectors.
 *
 * <p>The text is a sequence of blocks. A block starts with annotation rows ({@code #datatype}, {@code #group} and
 * {@code #default}, in any order, each once; other {@code #...} rows are ignored), then a header row of labels,
 * then data rows. The first cell of every row is the annotation column (empty in the header and data rows);
 * the second and third are the {@code result} and {@code table} columns, which are not columns of the tables.
 * Within a block, a row whose {@code table} cell is not empty and differs from the current table's starts a new
 * table. A block whose {@code #default} row names another result than the block before starts a new result
 * (the {@code result} cells of data rows are not read, as in Flux). An empty cell takes the column's
 * {@code #default} value, which is null when that is empty too. A table's group key is the columns whose
 * {@code #group} is {@code true}, with the values of its first row; a block without data rows is one empty table,
 * whose key values and id come from {@code #default}.
 *
 * <p>In raw mode ({@code csv.from(mode: "raw")}) there are no annotations: the first row gives the labels, every
 * column is a string, empty cells are null, and all rows make one table with an empty group key in a result
 * named {@code _result}.
 *
 * <p>Malformed text is a {@link FluxException} whose message starts with {@code csv line N:}, the line where the
 * offending row starts. The reader owns its input and closes it in {@link #close}; tables it returns belong to
 * the caller.
 */
public final class AnnotatedCsvReader implements AutoCloseable {

    /** How to read the text. */
    public enum Mode {
        /** Annotated CSV: {@code #datatype}, {@code #group}, {@code #default}, header, rows. */
        ANNOTATIONS,
        /** Plain CSV: a header row and rows, every column a string. */
        RAW
    }

    private static final String TYPES = "string, long, unsignedLong, double, boolean, dateTime:RFC3339, "
            + "dateTime:RFC3339Nano or duration";

    /** The annotations and header of one block. */
    private static final class Meta {
        String resultId;
        String tableId;
        int width;
        int firstCell;
        List<ColumnMeta> columns;
        boolean[] group;
        Value[] defaults;
        GroupKey defaultKey;
        int headerLine;
    }

    private enum State { FRESH_BLOCK, NEXT_TABLE, NEXT_BLOCK, END }

    private final CsvScanner scan;
    private final TableContext context;
    private final Mode mode;
    private final TableBatcher batcher;
    private RuntimeException failure;

    private Meta meta;
    private Meta pending;
    private State state = State.END;
    private boolean inResult;
    private String resultName;
    private int resultLine;

    /** Reads {@code in} (UTF-8), building tables in the memory of {@code context}. */
    public AnnotatedCsvReader(InputStream in, TableContext context, Mode mode) {
        this.context = context;
        this.mode = mode;
        this.scan = new CsvScanner(in);
        this.batcher = new TableBatcher(context.allocator());
    }

    public AnnotatedCsvReader(String text, TableContext context, Mode mode) {
        this(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), context, mode);
    }

    /**
     * Moves to the next result, skipping what is left of the current one.
     *
     * @return its name, or null when the text has no more results
     */
    public String nextResult() {
        while (inResult) {
            FluxTable t = nextTable();
            if (t != null) {
                t.close();
            }
        }
        Meta m = pending;
        pending = null;
        if (m == null) {
            m = readMeta();
            if (m == null) {
                return null;
            }
        }
        meta = m;
        state = State.FRESH_BLOCK;
        inResult = true;
        resultName = m.resultId;
        resultLine = m.headerLine;
        return resultName;
    }

    /** The name of the current result (its {@code #default} result cell). */
    public String resultName() {
        return resultName;
    }

    /** The line of the header row of the current result's first block. */
    public int resultLine() {
        return resultLine;
    }

    /**
     * The next table of the current result, or null when the result has no more; the caller owns it. Tables of
     * one schema are read into shared batches (see {@link TableBatcher}), so this reads ahead up to one batch.
     */
    public FluxTable nextTable() {
        while (true) {
            FluxTable t = batcher.poll();
            if (t != null) {
                return t;
            }
            if (failure != null) {
                RuntimeException e = failure;
                failure = null;
                inResult = false;
                state = State.END;
                throw e;
            }
            if (!inResult) {
                return null;
            }
            if (state == State.NEXT_BLOCK) {
                Meta m = readMeta();
                if (m == null) {
                    state = State.END;
                } else if (!m.resultId.equals(meta.resultId)) {
                    pending = m;
                    state = State.END;
                } else {
                    meta = m;
                    state = State.FRESH_BLOCK;
                }
            }
            if (state == State.END) {
                if (batcher.hasPending()) {
                    batcher.flush();
                    continue;
                }
                inResult = false;
                return null;
            }
            try {
                readTable();
            } catch (RuntimeException e) {
                // the tables before the bad one come out first, as they would without read-ahead
                batcher.abortTable();
                batcher.flush();
                failure = e;
            }
        }
    }

    /** The tables of the current result as a stream; closing the stream closes this reader. */
    public TableStream tables() {
        return new TableStream() {
            @Override
            public FluxTable next() {
                return nextTable();
            }

            @Override
            public void close() {
                AnnotatedCsvReader.this.close();
            }
        };
    }

    @Override
    public void close() {
        try {
            batcher.close();
        } finally {
            scan.close();
        }
    }

    private static FluxException error(int line, String message) {
        return new FluxException(ErrorCode.INVALID, "csv line " + line + ": " + message);
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    // ---- blocks

    /** Reads the annotations and header of the next block, or returns null at the end of the text. */
    private Meta readMeta() {
        return mode == Mode.RAW ? readRawHeader() : readAnnotations();
    }

    private Meta readRawHeader() {
        if (!scan.next()) {
            return null;
        }
        Meta m = new Meta();
        m.resultId = "_result";
        m.tableId = "0";
        m.width = scan.count();
        m.firstCell = 0;
        m.headerLine = scan.line();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < m.width; i++) {
            labels.add(scan.cell(i));
        }
        ColumnType[] types = new ColumnType[m.width];
        java.util.Arrays.fill(types, ColumnType.STRING);
        m.columns = columns(labels, types, m.headerLine);
        m.group = new boolean[m.width];
        m.defaults = new Value[m.width];
        java.util.Arrays.fill(m.defaults, NullValue.NULL);
        m.defaultKey = GroupKey.EMPTY;
        return m;
    }

    private Meta readAnnotations() {
        String[] datatypes = null;
        String[] groups = null;
        String[] defaults = null;
        int datatypeLine = 0;
        int defaultLine = 0;
        Meta m = new Meta();
        m.width = -1;
        m.firstCell = 3;
        while (datatypes == null || groups == null || defaults == null) {
            if (!scan.next()) {
                if (m.width < 0) {
                    return null;
                }
                throw error(scan.line(), "the text ends before the annotations are complete: "
                        + missing(datatypes, groups, defaults));
            }
            int line = scan.line();
            if (m.width < 0) {
                m.width = scan.count();
                if (m.width < 3) {
                    if (!scan.cell(0).startsWith("#")) {
                        throw error(line, missing(null, null, null));
                    }
                    throw error(line, "an annotation row needs at least 3 cells (the annotation, result and table"
                            + " columns), found " + m.width);
                }
            }
            if (scan.count() != m.width) {
                throw error(line, "expected " + m.width + " cells, found " + scan.count());
            }
            String first = scan.cell(0);
            String name = first.startsWith("#") ? first.substring(1) : first;
            switch (name) {
                case "datatype":
                    datatypes = rest(m.firstCell);
                    datatypeLine = line;
                    break;
                case "group":
                    groups = rest(m.firstCell);
                    break;
                case "default":
                    defaults = rest(m.firstCell);
                    m.resultId = scan.cell(1);
                    m.tableId = scan.cell(2);
                    defaultLine = line;
                    if (!m.tableId.isEmpty() && !isInteger(m.tableId)) {
                        throw error(line, "the #default table id " + quote(m.tableId) + " is not an integer");
                    }
                    break;
                default:
                    if (!first.startsWith("#")) {
                        throw error(line, missing(datatypes, groups, defaults));
                    }
                    break; // an annotation Flux does not know: ignored, as Flux does
            }
        }
        if (!scan.next()) {
            throw error(scan.line(), "the text ends after the annotations, before the header row");
        }
        int line = scan.line();
        m.headerLine = line;
        if (scan.count() != m.width) {
            throw error(line, "expected " + m.width + " cells, found " + scan.count());
        }
        if (scan.cell(1).equals("error")) {
            String message = scan.next() && scan.count() > 1 ? scan.cell(1) : "";
            throw new FluxException(ErrorCode.INVALID, "csv line " + scan.line() + ": the data holds an error: "
                    + message);
        }
        if (!scan.cell(1).equals("result") || !scan.cell(2).equals("table")) {
            throw error(line, "the header must start with the columns ,result,table; found ," + scan.cell(1) + ","
                    + scan.cell(2));
        }
        List<String> labels = new ArrayList<>();
        for (int i = m.firstCell; i < m.width; i++) {
            labels.add(scan.cell(i));
        }
        int n = labels.size();
        ColumnType[] types = new ColumnType[n];
        for (int j = 0; j < n; j++) {
            types[j] = datatype(datatypes[j], labels.get(j), datatypeLine);
        }
        m.columns = columns(labels, types, line);
        m.group = new boolean[n];
        m.defaults = new Value[n];
        List<ColumnMeta> keyCols = new ArrayList<>();
        List<Value> keyVals = new ArrayList<>();
        byte[][] raw = new byte[n][];
        for (int j = 0; j < n; j++) {
            m.group[j] = groups[j].equals("true");
            raw[j] = defaults[j].getBytes(StandardCharsets.UTF_8);
            m.defaults[j] = defaults[j].isEmpty() ? NullValue.NULL
                    : value(types[j], raw[j], 0, raw[j].length, labels.get(j), defaultLine);
            if (m.group[j]) {
                keyCols.add(m.columns.get(j));
                keyVals.add(m.defaults[j]);
            }
        }
        m.defaultKey = new GroupKey(keyCols, keyVals);
        return m;
    }

    private static String missing(String[] datatypes, String[] groups, String[] defaults) {
        String which = datatypes == null ? "#datatype" : groups == null ? "#group" : "#default";
        return "missing the " + which + " annotation (annotated CSV starts each block with #datatype, #group and"
                + " #default rows, then the header; read plain CSV with mode: \"raw\")";
    }

    private String[] rest(int from) {
        String[] out = new String[scan.count() - from];
        for (int i = from; i < scan.count(); i++) {
            out[i - from] = scan.cell(i);
        }
        return out;
    }

    private static boolean isInteger(String s) {
        try {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            CsvValues.parseLong(b, 0, b.length);
            return true;
        } catch (CsvValues.Invalid e) {
            return false;
        }
    }

    private static List<ColumnMeta> columns(List<String> labels, ColumnType[] types, int line) {
        List<ColumnMeta> out = new ArrayList<>(labels.size());
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < labels.size(); j++) {
            if (!seen.add(labels.get(j))) {
                throw error(line, "column " + quote(labels.get(j)) + " appears twice in the header");
            }
            out.add(new ColumnMeta(labels.get(j), types[j]));
        }
        return out;
    }

    private static ColumnType datatype(String name, String label, int line) {
        switch (name) {
            case "string": return ColumnType.STRING;
            case "long": return ColumnType.INT;
            case "unsignedLong": return ColumnType.UINT;
            case "double": return ColumnType.FLOAT;
            case "boolean": return ColumnType.BOOL;
            case "dateTime:RFC3339":
            case "dateTime:RFC3339Nano":
                return ColumnType.TIME;
            case "duration": return ColumnType.DURATION;
            default:
                throw error(line, "column " + quote(label) + " has the unknown datatype " + quote(name)
                        + "; the datatypes are " + TYPES);
        }
    }

    // ---- tables

    /**
     * Reads one table of the current block into the batcher: rows up to another table id, another block, or the
     * end.
     */
    private void readTable() {
        Meta m = meta;
        int n = m.columns.size();
        TableBuilder builder = null;
        byte[] tableId = null;
        try {
            while (true) {
                if (!scan.next()) {
                    state = State.END;
                    break;
                }
                int line = scan.line();
                if (mode == Mode.RAW) {
                    if (scan.count() != m.width) {
                        throw error(line, "expected " + m.width + " cells, found " + scan.count());
                    }
                } else {
                    if (scan.count() != m.width) {
                        if (scan.isEmpty(0)) {
                            throw error(line, "expected " + m.width + " cells, found " + scan.count());
                        }
                        scan.unread();
                        state = State.NEXT_BLOCK;
                        break;
                    }
                    if (!scan.isEmpty(0)) {
                        scan.unread();
                        state = State.NEXT_BLOCK;
                        break;
                    }
                }
                if (builder == null) {
                    builder = batcher.startTable(firstKey(m, line), m.columns);
                    if (mode == Mode.ANNOTATIONS) {
                        tableId = scan.cellBytes(2);
                    }
                } else if (mode == Mode.ANNOTATIONS && !scan.isEmpty(2) && !scan.cellEquals(2, tableId)) {
                    scan.unread();
                    state = State.NEXT_TABLE;
                    break;
                }
                appendRow(builder, m, n, line);
            }
            if (builder == null) {
                if (m.tableId == null || m.tableId.isEmpty()) {
                    throw error(m.headerLine, "a block without rows is an empty table, which needs its id in the"
                            + " table column of the #default row");
                }
                batcher.startTable(m.defaultKey, m.columns);
            }
            batcher.endTable();
        } finally {
            batcher.abortTable();
        }
    }

    /** The group key of a table whose first row is the current record. */
    private GroupKey firstKey(Meta m, int line) {
        if (m.defaultKey.size() == 0) {
            return GroupKey.EMPTY;
        }
        List<ColumnMeta> cols = new ArrayList<>();
        List<Value> vals = new ArrayList<>();
        byte[] b = scan.bytes();
        for (int j = 0; j < m.columns.size(); j++) {
            if (m.group[j]) {
                int cell = m.firstCell + j;
                ColumnMeta c = m.columns.get(j);
                cols.add(c);
                vals.add(scan.isEmpty(cell) ? m.defaults[j]
                        : value(c.type(), b, scan.start(cell), scan.end(cell), c.label(), line));
            }
        }
        return new GroupKey(cols, vals);
    }

    private void appendRow(TableBuilder builder, Meta m, int n, int line) {
        byte[] b = scan.bytes();
        for (int j = 0; j < n; j++) {
            int cell = m.firstCell + j;
            int s = scan.start(cell);
            int e = scan.end(cell);
            if (s == e) {
                builder.appendValue(j, m.defaults[j]);
                continue;
            }
            ColumnType type = m.columns.get(j).type();
            try {
                switch (type) {
                    case STRING: builder.appendUtf8(j, b, s, e - s); break;
                    case INT: builder.appendLong(j, CsvValues.parseLong(b, s, e)); break;
                    case UINT: builder.appendLong(j, CsvValues.parseUnsigned(b, s, e)); break;
                    case FLOAT: builder.appendDouble(j, CsvValues.parseDouble(b, s, e)); break;
                    case BOOL: builder.appendBool(j, CsvValues.parseBool(b, s, e)); break;
                    case TIME: builder.appendLong(j, CsvValues.parseTime(b, s, e)); break;
                    default: builder.appendLong(j, CsvValues.parseDuration(b, s, e)); break;
                }
            } catch (CsvValues.Invalid x) {
                throw invalid(type, b, s, e, m.columns.get(j).label(), line, x);
            }
        }
    }

    private static Value value(ColumnType type, byte[] b, int s, int e, String label, int line) {
        try {
            switch (type) {
                case STRING: return new StringValue(new String(b, s, e - s, StandardCharsets.UTF_8));
                case INT: return IntValue.of(CsvValues.parseLong(b, s, e));
                case UINT: return new UIntValue(CsvValues.parseUnsigned(b, s, e));
                case FLOAT: return new FloatValue(CsvValues.parseDouble(b, s, e));
                case BOOL: return BoolValue.of(CsvValues.parseBool(b, s, e));
                case TIME: return new TimeValue(CsvValues.parseTime(b, s, e));
                default: return DurationValue.ofNanos(CsvValues.parseDuration(b, s, e));
            }
        } catch (CsvValues.Invalid x) {
            throw invalid(type, b, s, e, label, line, x);
        }
    }

    private static FluxException invalid(ColumnType type, byte[] b, int s, int e, String label, int line,
                                         CsvValues.Invalid x) {
        return error(line, "column " + quote(label) + ": " + quote(new String(b, s, e - s, StandardCharsets.UTF_8))
                + " is not a valid " + type.csvName() + x.suffix());
    }
}
