package io.jflux.io;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.BoolValue;
import io.jflux.eval.FloatValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.NullValue;
import io.jflux.eval.RecordValue;
import io.jflux.eval.ShortestDecimal;
import io.jflux.eval.StringValue;
import io.jflux.eval.UIntValue;
import io.jflux.eval.Value;
import io.jflux.eval.Values;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Encodes tables as InfluxDB line protocol, the way Flux's {@code to()} turns rows into points:
 * {@code measurement[,tag=value...] field=value[,field=value...] timestamp\n}, one line per row.
 *
 * <p>Rules (InfluxDB line protocol reference, "Special characters"; Flux {@code to()} documentation):
 * <ul>
 * <li>The measurement comes from {@link Options#measurementColumn} (a string column), the timestamp from
 *     {@link Options#timeColumn} (a time column), written in nanoseconds.</li>
 * <li>Tags: {@link Options#tagColumns}, or by default every string column except the measurement column,
 *     {@code _field}, {@code _value} and the columns the field function reads. Tags are written sorted by the
 *     bytes of their keys (as Go's {@code bytes.Compare}, which InfluxDB prefers); a null or empty tag value
 *     omits the tag.</li>
 * <li>Fields: by default one field named by {@code _field} with the value of {@code _value} (Flux's default
 *     {@code fieldFn: (r) => ({[r._field]: r._value})}), read straight from the columns; or the record a custom
 *     {@link FieldFn} returns for the row, its fields sorted by key. Null, NaN and ±Inf field values are
 *     omitted. Floats are written in their shortest round-trip decimal form without exponent, ints with an
 *     {@code i} suffix, uints with {@code u}, booleans as {@code true}/{@code false}, strings in double quotes
 *     with {@code "} and {@code \} escaped.</li>
 * <li>Escaping: measurements escape comma and space; tag keys, tag values and field keys escape comma, equals
 *     sign and space, each with a backslash. Other backslashes are written as they are, as InfluxDB's own
 *     encoder writes them (a name ending in a backslash therefore cannot be read back unambiguously).</li>
 * <li>A row with a null time, a null or empty measurement, or no field left to write is not written; the
 *     encoder counts such rows by reason ({@link #skippedNullTime()}, {@link #skippedNoMeasurement()},
 *     {@link #skippedNoFields()}).</li>
 * </ul>
 * Bytes are built in one reusable buffer, with no per-line strings, and handed to the output stream whenever the
 * buffer passes {@link #FLUSH_AT} bytes and at the end of each {@link #write} call.
 */
public final class LineProtocolEncoder {

    /** A field function: the fields to write for one row (given as a record of its columns). */
    @FunctionalInterface
    public interface FieldFn {
        RecordValue apply(RecordValue row);
    }

    /**
     * How rows become points. {@code tagColumns} null means the default; {@code fieldFn} null means the default
     * {@code _field}/{@code _value} pair; {@code fieldFnReads} lists the columns a custom field function reads
     * (they are never default tags).
     */
    public record Options(String timeColumn, String measurementColumn, List<String> tagColumns, FieldFn fieldFn,
                          Set<String> fieldFnReads) {
        public Options {
            tagColumns = tagColumns == null ? null : List.copyOf(tagColumns);
            fieldFnReads = fieldFnReads == null ? Set.of() : Set.copyOf(fieldFnReads);
        }

        /** Flux's defaults: {@code _time}, {@code _measurement}, default tags, default field function. */
        public static Options defaults() {
            return new Options("_time", "_measurement", null, null, Set.of());
        }

        public Options withTagColumns(List<String> tags) {
            return new Options(timeColumn, measurementColumn, tags, fieldFn, fieldFnReads);
        }

        public Options withFieldFn(FieldFn fn, Set<String> reads) {
            return new Options(timeColumn, measurementColumn, tagColumns, fn, reads);
        }

        public Options withColumns(String time, String measurement) {
            return new Options(time, measurement, tagColumns, fieldFn, fieldFnReads);
        }
    }

    /** The buffer is handed to the output stream once it holds this many bytes. */
    public static final int FLUSH_AT = 1 << 16;

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] LONG_MIN = "-9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** What to escape where: measurement; tag keys, tag values and field keys; string field values. */
    private static final int MEASUREMENT = 0;
    private static final int KEY = 1;
    private static final int STRING_FIELD = 2;

    private final OutputStream out;
    private final Options options;
    private byte[] buf = new byte[FLUSH_AT + 4096];
    private final ShortestDecimal decimal = new ShortestDecimal();
    private int len;
    private long lines;
    private long nullTime;
    private long noMeasurement;
    private long noFields;

    /** Writes to {@code out}, which the caller flushes and closes. */
    public LineProtocolEncoder(OutputStream out, Options options) {
        this.out = out;
        this.options = options;
    }

    public long linesWritten() {
        return lines;
    }

    public long skippedNullTime() {
        return nullTime;
    }

    public long skippedNoMeasurement() {
        return noMeasurement;
    }

    public long skippedNoFields() {
        return noFields;
    }

    /** Rows not written, for any reason. */
    public long skipped() {
        return nullTime + noMeasurement + noFields;
    }

    /** Why rows were skipped, e.g. {@code "2 rows not written: 1 with a null _time, 1 with no fields"}; "" if none. */
    public String skippedSummary() {
        long n = skipped();
        if (n == 0) {
            return "";
        }
        List<String> why = new ArrayList<>();
        if (nullTime > 0) {
            why.add(nullTime + " with a null " + options.timeColumn());
        }
        if (noMeasurement > 0) {
            why.add(noMeasurement + " with a null or empty " + options.measurementColumn());
        }
        if (noFields > 0) {
            why.add(noFields + " with no fields");
        }
        return n + (n == 1 ? " row" : " rows") + " not written: " + String.join(", ", why);
    }

    /** Encodes every row of {@code t} (which stays open: the caller closes it) and hands the bytes on. */
    public void write(FluxTable t) {
        write(t, 0, t.rowCount());
    }

    /** Encodes rows {@code [from, to)} of {@code t} and hands the bytes on. */
    public void write(FluxTable t, int from, int to) {
        Plan p = plan(t);
        for (int r = from; r < to; r++) {
            row(t, p, r);
            if (len >= FLUSH_AT) {
                flushBuffer();
            }
        }
        flushBuffer();
    }

    /** What one table's rows need: column indexes and the parts that are the same on every row. */
    private static final class Plan {
        int time;
        int measurement;
        byte[] fixedMeasurement;   // escaped, when the measurement is in the group key; null otherwise
        boolean measurementMissing; // group key measurement null or empty: every row is skipped
        int[] tagCols;             // tag columns in key order
        byte[][] tagPrefix;        // ",key=" escaped, per tag column
        byte[][] fixedTag;         // whole ",key=value" for group key tags (empty array to omit), else null
        int field;
        byte[] fixedField;         // " key" escaped, when _field is in the group key; null otherwise
        boolean fieldMissing;      // group key _field null or empty: every row has no field
        int value;
        ColumnType valueType;
    }

    private Plan plan(FluxTable t) {
        Plan p = new Plan();
        p.time = column(t, options.timeColumn(), ColumnType.TIME, "time");
        p.measurement = column(t, options.measurementColumn(), ColumnType.STRING, "measurement");
        GroupKey key = t.key();
        int mk = key.indexOf(options.measurementColumn());
        if (mk >= 0) {
            Value v = key.values().get(mk);
            String m = v instanceof StringValue s ? s.value() : "";
            p.measurementMissing = m.isEmpty();
            p.fixedMeasurement = escapedBytes(m, MEASUREMENT);
        }
        List<String> tags = options.tagColumns();
        if (tags == null) {
            tags = new ArrayList<>();
            for (ColumnMeta c : t.columns()) {
                String l = c.label();
                if (c.type() == ColumnType.STRING && !l.equals(options.measurementColumn()) && !l.equals("_field")
                        && !l.equals("_value") && !l.equals(options.timeColumn())
                        && !options.fieldFnReads().contains(l)) {
                    tags.add(l);
                }
            }
        }
        int n = tags.size();
        byte[][] prefixes = new byte[n][];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            byte[] k = escapedBytes(tags.get(i), KEY);
            prefixes[i] = new byte[k.length + 2];
            prefixes[i][0] = ',';
            System.arraycopy(k, 0, prefixes[i], 1, k.length);
            prefixes[i][k.length + 1] = '=';
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(prefixes[a], prefixes[b]));
        p.tagCols = new int[n];
        p.tagPrefix = new byte[n][];
        p.fixedTag = new byte[n][];
        for (int j = 0; j < n; j++) {
            int i = order[j];
            p.tagCols[j] = column(t, tags.get(i), ColumnType.STRING, "tag");
            p.tagPrefix[j] = prefixes[i];
            int ki = key.indexOf(tags.get(i));
            if (ki >= 0) {
                Value v = key.values().get(ki);
                String s = v instanceof StringValue sv ? sv.value() : "";
                if (s.isEmpty()) {
                    p.fixedTag[j] = new byte[0];
                } else {
                    byte[] e = escapedBytes(s, KEY);
                    byte[] all = Arrays.copyOf(prefixes[i], prefixes[i].length + e.length);
                    System.arraycopy(e, 0, all, prefixes[i].length, e.length);
                    p.fixedTag[j] = all;
                }
            }
        }
        if (options.fieldFn() == null) {
            p.field = column(t, "_field", ColumnType.STRING, "field");
            int fk = key.indexOf("_field");
            if (fk >= 0) {
                Value v = key.values().get(fk);
                String f = v instanceof StringValue sv ? sv.value() : "";
                p.fieldMissing = f.isEmpty();
                byte[] e = escapedBytes(f, KEY);
                p.fixedField = new byte[e.length + 1];
                p.fixedField[0] = ' ';
                System.arraycopy(e, 0, p.fixedField, 1, e.length);
            }
            p.value = t.columnIndex("_value");
            if (p.value < 0) {
                throw new FluxException(ErrorCode.INVALID, "to: no column with label _value exists");
            }
            p.valueType = t.column(p.value).type();
            if (p.valueType == ColumnType.TIME || p.valueType == ColumnType.DURATION) {
                throw new FluxException(ErrorCode.INVALID, "to: cannot write a field of type "
                        + p.valueType.fluxName() + " (column _value); line protocol fields are float, int, uint,"
                        + " string or bool");
            }
        }
        return p;
    }

    private static int column(FluxTable t, String label, ColumnType type, String role) {
        int i = t.columnIndex(label);
        if (i < 0) {
            throw new FluxException(ErrorCode.INVALID, "to: no column with label " + label + " exists");
        }
        ColumnType actual = t.column(i).type();
        if (actual != type) {
            throw new FluxException(ErrorCode.INVALID, "to: " + role + " column " + label + " must be of type "
                    + type.fluxName() + ", not " + actual.fluxName());
        }
        return i;
    }

    private void row(FluxTable t, Plan p, int r) {
        if (t.isNull(p.time, r)) {
            nullTime++;
            return;
        }
        int start = len;
        if (p.fixedMeasurement != null) {
            if (p.measurementMissing) {
                noMeasurement++;
                return;
            }
            put(p.fixedMeasurement);
        } else {
            if (t.isNull(p.measurement, r) || t.stringByteLength(p.measurement, r) == 0) {
                noMeasurement++;
                return;
            }
            escapedCell(t, p.measurement, r, MEASUREMENT);
        }
        for (int j = 0; j < p.tagCols.length; j++) {
            if (p.fixedTag[j] != null) {
                put(p.fixedTag[j]);
                continue;
            }
            int c = p.tagCols[j];
            if (!t.isNull(c, r) && t.stringByteLength(c, r) > 0) {
                put(p.tagPrefix[j]);
                escapedCell(t, c, r, KEY);
            }
        }
        boolean any = options.fieldFn() == null ? defaultField(t, p, r) : customFields(t, r);
        if (!any) {
            len = start;
            noFields++;
            return;
        }
        put((byte) ' ');
        putLong(t.getLong(p.time, r));
        put((byte) '\n');
        lines++;
    }

    /** {@code _field=_value}; false when there is nothing to write. */
    private boolean defaultField(FluxTable t, Plan p, int r) {
        if (t.isNull(p.value, r)) {
            return false;
        }
        double d = 0;
        if (p.valueType == ColumnType.FLOAT) {
            d = t.getDouble(p.value, r);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return false;
            }
        }
        if (p.fixedField != null) {
            if (p.fieldMissing) {
                return false;
            }
            put(p.fixedField);
        } else {
            if (t.isNull(p.field, r) || t.stringByteLength(p.field, r) == 0) {
                return false;
            }
            put((byte) ' ');
            escapedCell(t, p.field, r, KEY);
        }
        put((byte) '=');
        switch (p.valueType) {
            case FLOAT: putDouble(d); break;
            case INT: putLong(t.getLong(p.value, r)); put((byte) 'i'); break;
            case UINT: putUnsigned(t.getLong(p.value, r)); put((byte) 'u'); break;
            case BOOL: put(t.getBool(p.value, r) ? TRUE : FALSE); break;
            default:
                put((byte) '"');
                escapedCell(t, p.value, r, STRING_FIELD);
                put((byte) '"');
                break;
        }
        return true;
    }

    /** The fields of the record the custom field function returns, sorted by key; false if none. */
    private boolean customFields(FluxTable t, int r) {
        Map<String, Value> cells = new LinkedHashMap<>();
        for (int c = 0; c < t.columnCount(); c++) {
            cells.put(t.column(c).label(), t.value(c, r));
        }
        RecordValue fields = options.fieldFn().apply(new RecordValue(cells));
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Value> e : fields.fields().entrySet()) {
            Value v = e.getValue();
            if (v == null || v instanceof NullValue || e.getKey().isEmpty()) {
                continue;
            }
            if (v instanceof FloatValue f && (Double.isNaN(f.value()) || Double.isInfinite(f.value()))) {
                continue;
            }
            if (!(v instanceof FloatValue || v instanceof IntValue || v instanceof UIntValue
                    || v instanceof StringValue || v instanceof BoolValue)) {
                throw new FluxException(ErrorCode.INVALID, "to: fieldFn returned field " + e.getKey() + " of type "
                        + v.kind().toString().toLowerCase(java.util.Locale.ROOT)
                        + "; line protocol fields are float, int, uint, string or bool");
            }
            keys.add(e.getKey());
        }
        if (keys.isEmpty()) {
            return false;
        }
        byte[][] encoded = new byte[keys.size()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = escapedBytes(keys.get(i), KEY);
        }
        Integer[] order = new Integer[encoded.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(encoded[a], encoded[b]));
        byte sep = ' ';
        for (int i : order) {
            put(sep);
            sep = ',';
            put(encoded[i]);
            put((byte) '=');
            Value v = fields.get(keys.get(i));
            if (v instanceof FloatValue f) {
                putDouble(f.value());
            } else if (v instanceof IntValue n) {
                putLong(n.value());
                put((byte) 'i');
            } else if (v instanceof UIntValue u) {
                putUnsigned(u.value());
                put((byte) 'u');
            } else if (v instanceof BoolValue b) {
                put(b.value() ? TRUE : FALSE);
            } else {
                putString(((StringValue) v).value());
            }
        }
        return true;
    }

    private void flushBuffer() {
        if (len == 0) {
            return;
        }
        try {
            out.write(buf, 0, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        len = 0;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    void putLong(long v) {
        if (v == Long.MIN_VALUE) {
            put(LONG_MIN);
            return;
        }
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        putDigits(v);
    }

    void putUnsigned(long v) {
        if (v >= 0) {
            ensure(20);
            putDigits(v);
        } else {
            String s = Long.toUnsignedString(v);
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                buf[len++] = (byte) s.charAt(i);
            }
        }
    }

    /** The decimal digits of {@code v >= 0}; the caller has ensured room for 19. */
    private void putDigits(long v) {
        len = ShortestDecimal.writeDigits(v, ShortestDecimal.digitCount(v), buf, len);
    }

    /** A finite float in {@link Values#formatFloat}'s form; whole numbers below 2^53 take a fast path. */
    void putDouble(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 0x1p53 && !(d == 0 && 1 / d < 0)) {
            putLong((long) d);
            return;
        }
        ensure(ShortestDecimal.MAX_PLAIN_LENGTH);
        len = decimal.writePlain(d, buf, len);
    }

    private void putString(String s) {
        put((byte) '"');
        escaped(s, STRING_FIELD);
        put((byte) '"');
    }

    /**
     * A string cell's UTF-8 bytes with a backslash before each byte special in {@code where}, copied from the
     * column without a String: the bytes land past room for the escaped form and are escaped forward in place
     * (the write position never passes the read position).
     */
    private void escapedCell(FluxTable t, int col, int r, int where) {
        int n = t.stringByteLength(col, r);
        ensure(2 * n);
        int from = len + n;
        t.copyStringBytes(col, r, buf, from);
        int w = len;
        byte[] b = buf;
        boolean[] sp = SPECIAL[where];
        for (int i = from, end = from + n; i < end; i++) {
            byte c = b[i];
            if (c >= 0 && sp[c]) {
                b[w++] = '\\';
            }
            b[w++] = c;
        }
        len = w;
    }

    /** {@link #special} as a table per place, for the ASCII bytes. */
    private static final boolean[][] SPECIAL = new boolean[3][128];

    static {
        for (int where = 0; where < 3; where++) {
            for (char c = 0; c < 128; c++) {
                SPECIAL[where][c] = special(c, where);
            }
        }
    }

    private static boolean special(char c, int where) {
        switch (where) {
            case MEASUREMENT: return c == ',' || c == ' ';
            case KEY: return c == ',' || c == '=' || c == ' ';
            default: return c == '"' || c == '\\';
        }
    }

    /** {@code s} as UTF-8 with a backslash before each character special in {@code where}. */
    private void escaped(String s, int where) {
        int n = s.length();
        ensure(n * 2);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (special(c, where)) {
                    buf[len++] = '\\';
                }
                buf[len++] = (byte) c;
                continue;
            }
            ensure(4 + (n - i) * 2);
            if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | (c >> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[len++] = (byte) (0xF0 | (cp >> 18));
                buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                buf[len++] = '?'; // an unpaired surrogate, as Java's UTF-8 encoder writes it
            } else {
                buf[len++] = (byte) (0xE0 | (c >> 12));
                buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    private byte[] escapedBytes(String s, int where) {
        int saved = len;
        escaped(s, where);
        byte[] b = Arrays.copyOfRange(buf, saved, len);
        len = saved;
        return b;
    }
}
