package io.jflux.io;

import io.jflux.eval.BoolValue;
import io.jflux.eval.DurationValue;
import io.jflux.eval.Durations;
import io.jflux.eval.TimeValue;
import io.jflux.eval.Value;
import io.jflux.eval.Values;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.TableStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes results as annotated CSV, byte for byte as InfluxDB's {@code /api/v2/query} answers the influx CLI and
 * the documentation's examples (annotations {@code group}, {@code datatype}, {@code default}, in that order):
 *
 * <ul>
 *   <li>every line ends with CRLF; cells are quoted as Go's {@code encoding/csv} writer quotes them (a cell with
 *       a comma, a quote, CR or LF, one that starts with a space, and {@code \.}); inside quotes a quote is
 *       doubled, LF is written as CRLF and CR is dropped;</li>
 *   <li>each table is numbered from 0 within its result, in the {@code table} column of its rows; the
 *       {@code result} cells of rows are empty, the name is in the {@code #default} row;</li>
 *   <li>a table starts a new block (annotations and header) when it is the first of its result, when its columns
 *       or its group key columns differ from the table before, and when it or the table before has no rows; an
 *       empty line precedes every block but the result's first. An empty table's {@code #default} row holds its
 *       id and group key values;</li>
 *   <li>values: {@code dateTime:RFC3339} columns hold RFC3339 times in UTC with the fewest fraction digits;
 *       floats the shortest decimal that reads back the same, without exponent ({@code NaN}, {@code +Inf},
 *       {@code -Inf}); {@code duration} columns (which InfluxDB never returns) Flux duration literals; nulls are
 *       empty cells;</li>
 *   <li>an empty line (CRLF) ends every result, the last one too.</li>
 * </ul>
 *
 * <p>InfluxDB starts a new block only when the columns change; this writer also starts one when only the group
 * key columns change, since otherwise the {@code #group} row would be wrong for the later tables.
 */
public final class AnnotatedCsvWriter {

    private static final String EOL = "\r\n";

    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    /** Writes to {@code out}, which the caller flushes and closes. */
    public AnnotatedCsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes every table of a result (closing each) and the empty line that ends it. */
    public void writeResult(String name, TableStream tables) {
        try {
            int id = 0;
            List<ColumnMeta> lastColumns = null;
            boolean[] lastInKey = null;
            boolean lastEmpty = false;
            FluxTable t;
            while ((t = tables.next()) != null) {
                try (FluxTable table = t) {
                    boolean[] inKey = inKey(table);
                    if (lastColumns == null || lastEmpty || table.isEmpty() || !lastColumns.equals(table.columns())
                            || !java.util.Arrays.equals(lastInKey, inKey)) {
                        if (lastColumns != null) {
                            out.write(EOL);
                        }
                        writeBlockHead(name, id, table);
                    }
                    writeRows(id, table);
                    lastColumns = table.columns();
                    lastInKey = inKey;
                    lastEmpty = table.isEmpty();
                }
                id++;
            }
            out.write(EOL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For each column, whether it is in the group key. */
    private static boolean[] inKey(FluxTable t) {
        boolean[] in = new boolean[t.columnCount()];
        for (int c = 0; c < in.length; c++) {
            in[c] = t.key().has(t.column(c).label());
        }
        return in;
    }

    private void writeBlockHead(String result, int id, FluxTable t) throws IOException {
        List<ColumnMeta> cols = t.columns();
        GroupKey key = t.key();
        line.setLength(0);
        line.append("#group,false,false");
        for (ColumnMeta c : cols) {
            line.append(',').append(key.has(c.label()));
        }
        flushLine();
        line.append("#datatype,string,long");
        for (ColumnMeta c : cols) {
            line.append(',').append(c.type().csvName());
        }
        flushLine();
        line.append("#default,");
        cell(result);
        line.append(',');
        boolean empty = t.isEmpty();
        if (empty) {
            line.append(id);
        }
        for (ColumnMeta c : cols) {
            line.append(',');
            Value v = empty ? key.value(c.label()) : null;
            if (v != null && !v.isNull()) {
                cell(text(v));
            }
        }
        flushLine();
        line.append(",result,table");
        for (ColumnMeta c : cols) {
            line.append(',');
            cell(c.label());
        }
        flushLine();
    }

    private void writeRows(int id, FluxTable t) throws IOException {
        int n = t.columnCount();
        ColumnType[] types = new ColumnType[n];
        for (int c = 0; c < n; c++) {
            types[c] = t.column(c).type();
        }
        String prefix = ",," + id;
        for (int r = 0; r < t.rowCount(); r++) {
            line.setLength(0);
            line.append(prefix);
            for (int c = 0; c < n; c++) {
                line.append(',');
                if (t.isNull(c, r)) {
                    continue;
                }
                switch (types[c]) {
                    case BOOL: line.append(t.getBool(c, r)); break;
                    case INT: line.append(t.getLong(c, r)); break;
                    case UINT: line.append(Long.toUnsignedString(t.getLong(c, r))); break;
                    case FLOAT: line.append(Values.formatFloat(t.getDouble(c, r))); break;
                    case TIME: CsvValues.appendTime(line, t.getLong(c, r)); break;
                    case DURATION: line.append(CsvValues.formatDuration(t.getLong(c, r))); break;
                    default: cell(t.getString(c, r)); break;
                }
            }
            flushLine();
        }
    }

    /** The CSV text of a group key value. */
    private static String text(Value v) {
        if (v instanceof TimeValue time) {
            StringBuilder sb = new StringBuilder();
            CsvValues.appendTime(sb, time.nanos());
            return sb.toString();
        }
        if (v instanceof DurationValue d) {
            return Durations.format(DurationValue.ofNanos(Durations.approxNanos(d)));
        }
        if (v instanceof BoolValue b) {
            return b.value() ? "true" : "false";
        }
        return Values.toFluxString(v);
    }

    private void flushLine() throws IOException {
        line.append(EOL);
        out.append(line);
        line.setLength(0);
    }

    /** Appends a cell, quoted when Go's CSV writer would quote it. */
    private void cell(String s) {
        if (!needsQuotes(s)) {
            line.append(s);
            return;
        }
        line.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                line.append("\"\"");
            } else if (ch == '\n') {
                line.append(EOL);
            } else if (ch != '\r') {
                line.append(ch);
            }
        }
        line.append('"');
    }

    static boolean needsQuotes(String s) {
        if (s.isEmpty()) {
            return false;
        }
        if (s.equals("\\.")) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == ',' || ch == '"' || ch == '\r' || ch == '\n') {
                return true;
            }
        }
        return isGoSpace(s.codePointAt(0));
    }

    /** Go's {@code unicode.IsSpace}. */
    private static boolean isGoSpace(int cp) {
        switch (cp) {
            case '\t': case '\n': case 0x0B: case '\f': case '\r': case ' ': case 0x85: case 0xA0:
            case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200A;
        }
    }
}
