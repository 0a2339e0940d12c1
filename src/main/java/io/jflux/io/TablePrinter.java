package io.jflux.io;

import io.jflux.eval.Values;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.TableStream;
import io.jflux.table.Validity;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Writes tables for people, as {@code influx query} prints them: {@code Result: name}, then per table
 * {@code Table: keys: [k1, k2]}, a header of {@code label:type} cells, a rule of dashes and the rows. The group
 * key columns come first, in key order, then the other columns in table order. Every column is right-aligned
 * to the widest of its header, its cells and a minimum width per type (bool 12, int 26, uint 27, float 28,
 * string 22, time 30, duration 26), and columns are two spaces apart. Times have nine fraction digits, floats
 * their shortest decimal without exponent, nulls are blank.
 *
 * <p>Unlike the influx CLI, a result without tables still prints its {@code Result:} line, a table without rows
 * prints its header and rule, widths count characters rather than UTF-8 bytes, and no cell is cut short (the
 * influx CLI sizes columns by the first row only and cuts longer cells with {@code ...}).
 */
public final class TablePrinter {

    private TablePrinter() {}

    /** Prints every table of a result, closing each. */
    public static void print(String resultName, TableStream tables, PrintStream out) {
        out.println("Result: " + resultName);
        Layout layout = new Layout();
        try {
            FluxTable t;
            while ((t = tables.next()) != null) {
                try (FluxTable table = t) {
                    layout.print(table, out);
                }
            }
        } finally {
            // the tables before a failure are printed before its message
            layout.flush(out);
        }
    }

    /** The type name in a header: Flux's, except {@code boolean} as the influx CLI writes it. */
    static String typeName(ColumnType type) {
        return type == ColumnType.BOOL ? "boolean" : type.fluxName();
    }

    static int minWidth(ColumnType type) {
        switch (type) {
            case BOOL: return 12;
            case INT: return 26;
            case UINT: return 27;
            case FLOAT: return 28;
            case STRING: return 22;
            case TIME: return 30;
            default: return 26;
        }
    }

    static void print(FluxTable t, PrintStream out) {
        Layout layout = new Layout();
        layout.print(t, out);
        layout.flush(out);
    }

    /**
     * Prints tables one after another as UTF-8 bytes, remembering the last table's key line, header and widths:
     * a stream of many small tables of one schema (a scrape) formats those once, not per table. String cells are
     * copied from the Arrow buffers without making Strings.
     */
    private static final class Layout {
        /** What is known of one schema (key columns and columns, compared as list objects). */
        private static final class Shape {
            List<ColumnMeta> keyColumns;
            List<ColumnMeta> columns;
            byte[] keyLine;
            int[] order;
            /** The type of each column, in print order. */
            ColumnType[] types;
            String[] header;
            int[] headerWidth;
            int[] width;
            byte[] headerLines;
            /**
             * The widths and header of the table before the last change of widths: tables of one schema often
             * alternate between two (most cells at the minimum width, now and then a longer one).
             */
            int[] otherWidth;
            byte[] otherHeaderLines;
            /**
             * The header lines made for other widths, by widths (an IntBuffer compares by content): a column of
             * values of many lengths now and then (escaped label values) keeps coming back to a few dozen.
             */
            final java.util.Map<java.nio.IntBuffer, byte[]> byWidths = new java.util.HashMap<>();
        }

        private static final int MAX_WIDTHS = 256;

        /**
         * The shapes of the schemas seen, by their column list (compared as objects): a scrape's tables alternate
         * between a few dozen. Forgotten all at once when there get to be many.
         */
        private final java.util.IdentityHashMap<List<ColumnMeta>, Shape> shapes = new java.util.IdentityHashMap<>();
        private static final int MAX_SHAPES = 1024;
        private Shape last;
        /** The cells of the table being printed: bytes in {@code cellBytes}, ends and widths per cell. */
        private byte[] cellBytes = new byte[1024];
        private int[] cellEnd = new int[64];
        private int[] cellWidth = new int[64];
        private int cellCount;
        /** The text of the last time printed in each column (by its index, modulo {@link #TIMES}). */
        private static final int TIMES = 16;
        private final long[] timeNanos = new long[TIMES];
        private final byte[][] timeBytes = new byte[TIMES][];
        /** The widths of the table being printed. */
        private int[] widths = new int[16];
        private byte[] buf = new byte[4096];
        private int len;

        private Shape shape(FluxTable t) {
            List<ColumnMeta> keyColumns = t.key().columns();
            List<ColumnMeta> columns = t.columns();
            if (last != null && last.columns == columns && last.keyColumns == keyColumns) {
                return last;
            }
            Shape known = shapes.get(columns);
            if (known != null && known.keyColumns == keyColumns) {
                last = known;
                return known;
            }
            Shape sh = new Shape();
            sh.keyColumns = keyColumns;
            sh.columns = columns;
            List<String> keys = new ArrayList<>();
            for (ColumnMeta c : keyColumns) {
                keys.add(c.label());
            }
            sh.keyLine = ("Table: keys: [" + String.join(", ", keys) + "]\n").getBytes(StandardCharsets.UTF_8);
            int n = t.columnCount();
            sh.order = order(t);
            sh.header = new String[n];
            sh.headerWidth = new int[n];
            sh.types = new ColumnType[n];
            for (int i = 0; i < n; i++) {
                ColumnMeta m = t.column(sh.order[i]);
                sh.types[i] = m.type();
                sh.header[i] = m.label() + ":" + typeName(m.type());
                sh.headerWidth[i] = Math.max(sh.header[i].codePointCount(0, sh.header[i].length()),
                        minWidth(m.type()));
            }
            sh.width = new int[n];
            sh.otherWidth = new int[n];
            if (shapes.size() >= MAX_SHAPES) {
                shapes.clear();
            }
            shapes.put(columns, sh);
            last = sh;
            return sh;
        }

        void print(FluxTable t, PrintStream out) {
            Shape sh = shape(t);
            int n = t.columnCount();
            int[] order = sh.order;
            int rows = t.rowCount();
            cellCount = 0;
            if (widths.length < n) {
                widths = new int[n];
            }
            int[] now = widths;
            // cells column by column: cell (r, i) is number i * rows + r
            int offset = t.offset();
            for (int i = 0; i < n; i++) {
                int w = sh.headerWidth[i];
                FieldVector v = t.vector(order[i]);
                ColumnType type = sh.types[i];
                if (type == ColumnType.STRING) {
                    w = Math.max(w, stringCells((BaseVariableWidthVector) v, offset, rows));
                } else if (type == ColumnType.INT) {
                    w = Math.max(w, intCells((BaseFixedWidthVector) v, offset, rows));
                } else {
                    boolean nulls = Validity.anyNull(v, offset, rows);
                    for (int r = 0; r < rows; r++) {
                        w = Math.max(w, cell(t, order[i], r, v, type, nulls));
                    }
                }
                now[i] = w;
            }
            if (sh.headerLines == null || !Arrays.equals(now, 0, n, sh.width, 0, n)) {
                int[] w = sh.width;
                byte[] lines = sh.headerLines;
                sh.width = sh.otherWidth;
                sh.headerLines = sh.otherHeaderLines;
                sh.otherWidth = w;
                sh.otherHeaderLines = lines;
                if (sh.headerLines == null || !Arrays.equals(now, 0, n, sh.width, 0, n)) {
                    System.arraycopy(now, 0, sh.width, 0, n);
                    sh.headerLines = sh.byWidths.computeIfAbsent(
                            java.nio.IntBuffer.wrap(Arrays.copyOf(now, n)), k -> headerLines(sh, n));
                    if (sh.byWidths.size() > MAX_WIDTHS) {
                        sh.byWidths.clear();
                    }
                }
            }
            int[] width = sh.width;
            put(sh.keyLine, 0, sh.keyLine.length);
            put(sh.headerLines, 0, sh.headerLines.length);
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < n; i++) {
                    int c = i * rows + r;
                    int from = c == 0 ? 0 : cellEnd[c - 1];
                    spaces((i > 0 ? 2 : 0) + width[i] - cellWidth[c]);
                    put(cellBytes, from, cellEnd[c] - from);
                }
                room(1);
                buf[len++] = '\n';
            }
            if (len >= FLUSH_AT) {
                flush(out);
            }
        }

        /** The header line and the rule of dashes for the widths {@code sh.width}. */
        private static byte[] headerLines(Shape sh, int n) {
            int[] width = sh.width;
            StringBuilder h = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    h.append("  ");
                }
                String text = sh.header[i];
                h.append(" ".repeat(width[i] - text.codePointCount(0, text.length()))).append(text);
            }
            h.append('\n');
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    h.append("  ");
                }
                h.append("-".repeat(width[i]));
            }
            h.append('\n');
            return h.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** Output is written in pieces of at least this many bytes (a large write skips the stream's buffer). */
        private static final int FLUSH_AT = 1 << 16;

        /** Writes what the tables printed so far left in the buffer. */
        void flush(PrintStream out) {
            if (len > 0) {
                out.write(buf, 0, len);
                len = 0;
            }
        }

        /** Formats cell {@code (c, r)} of {@code t} (a column neither string nor int) as the next cell; its width. */
        private int cell(FluxTable t, int c, int r, FieldVector v, ColumnType type, boolean nulls) {
            int at = cellStart();
            int w;
            int i = t.offset() + r;
            if (nulls && v.isNull(i)) {
                w = 0;
            } else if (type == ColumnType.TIME) {
                // a time is often the one the cell before it in this column had (the bounds of a range)
                long nanos = v.getDataBuffer().getLong((long) i * 8);
                int k = c & (TIMES - 1);
                byte[] b = timeBytes[k];
                if (b == null || timeNanos[k] != nanos) {
                    b = Values.formatTime(nanos).getBytes(StandardCharsets.US_ASCII);
                    timeBytes[k] = b;
                    timeNanos[k] = nanos;
                }
                cellRoom(at + b.length);
                System.arraycopy(b, 0, cellBytes, at, b.length);
                at += b.length;
                w = b.length;
            } else {
                String s;
                switch (type) {
                    case FLOAT: s = Values.formatFloat(t.getDouble(c, r)); break;
                    case UINT: s = Long.toUnsignedString(t.getLong(c, r)); break;
                    case BOOL: s = t.getBool(c, r) ? "true" : "false"; break;
                    default: s = Values.toFluxString(t.value(c, r)); break;
                }
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                cellRoom(at + b.length);
                System.arraycopy(b, 0, cellBytes, at, b.length);
                at += b.length;
                w = s.codePointCount(0, s.length());
            }
            return endCell(at, w);
        }

        /** Ends the next cell at {@code at} of the cell bytes, {@code w} characters wide; returns {@code w}. */
        private int endCell(int at, int w) {
            if (cellCount == cellEnd.length) {
                cellEnd = Arrays.copyOf(cellEnd, cellCount * 2);
                cellWidth = Arrays.copyOf(cellWidth, cellCount * 2);
            }
            cellEnd[cellCount] = at;
            cellWidth[cellCount] = w;
            cellCount++;
            return w;
        }

        /** Where the next cell starts in the cell bytes. */
        private int cellStart() {
            return cellCount == 0 ? 0 : cellEnd[cellCount - 1];
        }

        /**
         * Rows {@code [from, from + rows)} of a string column as the next cells, read from the vector's memory
         * (its buffers' addresses taken once); returns the widest one's width.
         */
        private int stringCells(BaseVariableWidthVector v, int from, int rows) {
            long valid = v.getValidityBuffer().memoryAddress();
            long offsets = v.getOffsetBuffer().memoryAddress();
            long data = v.getDataBuffer().memoryAddress();
            int widest = 0;
            for (int i = from; i < from + rows; i++) {
                int at = cellStart();
                int w = 0;
                if ((MemoryUtil.getByte(valid + (i >> 3)) & 1 << (i & 7)) != 0) {
                    int start = MemoryUtil.getInt(offsets + 4L * i);
                    int n = MemoryUtil.getInt(offsets + 4L * i + 4) - start;
                    w = utf8(data + start, n, at);
                    at += n;
                }
                widest = Math.max(widest, endCell(at, w));
            }
            return widest;
        }

        /** The same for a column of 64-bit integers. */
        private int intCells(BaseFixedWidthVector v, int from, int rows) {
            long valid = v.getValidityBuffer().memoryAddress();
            long data = v.getDataBuffer().memoryAddress();
            int widest = 0;
            for (int i = from; i < from + rows; i++) {
                int at = cellStart();
                int end = at;
                if ((MemoryUtil.getByte(valid + (i >> 3)) & 1 << (i & 7)) != 0) {
                    end = digits(MemoryUtil.getLong(data + 8L * i), at);
                }
                widest = Math.max(widest, endCell(end, end - at));
            }
            return widest;
        }

        /**
         * Copies the {@code n} UTF-8 bytes at address {@code from} to the cell bytes at {@code at}; returns how many
         * characters they are.
         */
        private int utf8(long from, int n, int at) {
            cellRoom(at + n);
            byte[] b = cellBytes;
            if (n >= 64) {
                MemoryUtil.copyFromMemory(from, b, at, n);
                return characters(b, at, n);
            }
            // eight bytes at a time; only words with a non-ASCII byte are looked at byte by byte
            int w = n;
            int k = 0;
            for (; k + 8 <= n; k += 8) {
                long word = MemoryUtil.getLong(from + k);
                LONGS.set(b, at + k, word);
                if ((word & 0x8080808080808080L) != 0) {
                    w -= 8 - characters(b, at + k, 8);
                }
            }
            for (; k < n; k++) {
                byte c = MemoryUtil.getByte(from + k);
                b[at + k] = c;
                if ((c & 0xC0) == 0x80) {
                    w--;
                }
            }
            return w;
        }

        /** How many characters the UTF-8 bytes {@code b[at, at + n)} are (the bytes that are not continuations). */
        private static int characters(byte[] b, int at, int n) {
            int w = 0;
            for (int k = at; k < at + n; k++) {
                if ((b[k] & 0xC0) != 0x80) {
                    w++;
                }
            }
            return w;
        }

        private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
                .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.nativeOrder());

        /** Writes {@code value} in decimal at {@code at} of the cell bytes; returns where it ends. */
        private int digits(long value, int at) {
            cellRoom(at + 20);
            if (value == Long.MIN_VALUE) {
                byte[] b = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(b, 0, cellBytes, at, b.length);
                return at + b.length;
            }
            if (value < 0) {
                cellBytes[at++] = '-';
                value = -value;
            }
            int end = at;
            long rest = value;
            do {
                end++;
                rest /= 10;
            } while (rest != 0);
            for (int k = end - 1; k >= at; k--) {
                cellBytes[k] = (byte) ('0' + value % 10);
                value /= 10;
            }
            return end;
        }

        private void cellRoom(int n) {
            if (n > cellBytes.length) {
                cellBytes = Arrays.copyOf(cellBytes, Math.max(n, cellBytes.length * 2));
            }
        }

        private void room(int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
            }
        }

        private void put(byte[] b, int from, int n) {
            room(n);
            System.arraycopy(b, from, buf, len, n);
            len += n;
        }

        private void spaces(int n) {
            room(n);
            if (n <= SPACES.length) {
                System.arraycopy(SPACES, 0, buf, len, n);
            } else {
                Arrays.fill(buf, len, len + n, (byte) ' ');
            }
            len += n;
        }

        private static final byte[] SPACES = " ".repeat(64).getBytes(StandardCharsets.US_ASCII);
    }

    /** Column indexes in print order: group key columns in key order, then the others in table order. */
    private static int[] order(FluxTable t) {
        int n = t.columnCount();
        int[] order = new int[n];
        int k = 0;
        for (ColumnMeta c : t.key().columns()) {
            int i = t.columnIndex(c.label());
            if (i >= 0) {
                order[k++] = i;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!t.key().has(t.column(i).label())) {
                order[k++] = i;
            }
        }
        return order;
    }
}
