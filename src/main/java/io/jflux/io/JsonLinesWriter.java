package io.jflux.io;

import io.jflux.eval.Values;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.TableStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes results as JSON lines: one object per row, {@code {"result":"_result","table":0,"_time":...}}, with the
 * result name, the table's index within its result (from 0), then the columns in table order. Times are RFC3339
 * strings in UTC with the fewest fraction digits, ints, uints and floats are JSON numbers (floats in their
 * shortest decimal form; NaN and the infinities, which JSON numbers cannot hold, are the strings {@code "NaN"},
 * {@code "+Inf"} and {@code "-Inf"}), durations are strings such as {@code "1h30m"}, nulls are {@code null}.
 * Lines end with LF.
 */
public final class JsonLinesWriter {

    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    /** Writes to {@code out}, which the caller flushes and closes. */
    public JsonLinesWriter(Writer out) {
        this.out = out;
    }

    /** Writes every row of every table of a result, closing each table. */
    public void writeResult(String name, TableStream tables) {
        StringBuilder prefix = new StringBuilder("{\"result\":");
        string(prefix, name);
        prefix.append(",\"table\":");
        String start = prefix.toString();
        try {
            int id = 0;
            FluxTable t;
            while ((t = tables.next()) != null) {
                try (FluxTable table = t) {
                    writeTable(start + id, table);
                }
                id++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeTable(String start, FluxTable t) throws IOException {
        int n = t.columnCount();
        String[] names = new String[n];
        ColumnType[] types = new ColumnType[n];
        for (int c = 0; c < n; c++) {
            StringBuilder sb = new StringBuilder(",");
            string(sb, t.column(c).label());
            names[c] = sb.append(':').toString();
            types[c] = t.column(c).type();
        }
        for (int r = 0; r < t.rowCount(); r++) {
            line.setLength(0);
            line.append(start);
            for (int c = 0; c < n; c++) {
                line.append(names[c]);
                if (t.isNull(c, r)) {
                    line.append("null");
                    continue;
                }
                switch (types[c]) {
                    case BOOL: line.append(t.getBool(c, r)); break;
                    case INT: line.append(t.getLong(c, r)); break;
                    case UINT: line.append(Long.toUnsignedString(t.getLong(c, r))); break;
                    case FLOAT: {
                        double d = t.getDouble(c, r);
                        if (Double.isNaN(d) || Double.isInfinite(d)) {
                            line.append('"').append(Values.formatFloat(d)).append('"');
                        } else {
                            line.append(Values.formatFloat(d));
                        }
                        break;
                    }
                    case TIME:
                        line.append('"');
                        CsvValues.appendTime(line, t.getLong(c, r));
                        line.append('"');
                        break;
                    case DURATION:
                        line.append('"').append(CsvValues.formatDuration(t.getLong(c, r))).append('"');
                        break;
                    default: string(line, t.getString(c, r)); break;
                }
            }
            line.append("}\n");
            out.append(line);
        }
    }

    /** Appends {@code s} as a JSON string. */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                default:
                    if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
            }
        }
        sb.append('"');
    }
}
