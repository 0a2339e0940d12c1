package io.jflux.io;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.StringValue;
import io.jflux.eval.Value;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.GroupKey;
import io.jflux.table.TableBatcher;
import io.jflux.table.TableBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses Prometheus text exposition (format 0.0.4) straight into tables the way {@code prometheus.scrape} returns
 * them: columns {@code _time}, {@code _measurement} ("prometheus"), {@code _field} (the metric name),
 * {@code _value} (float), {@code url} and one string column per label in sorted order; one table per series,
 * grouped by {@code _measurement}, {@code _field} and the labels. The samples of a histogram family
 * ({@code # TYPE x histogram}) named {@code x_bucket} get the field {@code x} and keep {@code le} as a label.
 * Samples without a timestamp take {@code defaultTime}; timestamps (milliseconds) become nanoseconds; NaN samples
 * are dropped. Consecutive samples of one series (the same name and labels, written alike) form one table; a
 * series met again later is merged into its first table ({@link RepeatedSeries}).
 *
 * <p>Tables go into a {@link TableBatcher}, so they are slices of shared batches; label names and values are
 * made into strings once per series and label names are interned. {@link #step} parses one line, so a reader
 * can hand out tables while it parses. A malformed line is a {@link FluxException} quoting the line and its
 * 1-based number.
 */
public final class ExpositionParser {

    private static final ColumnMeta TIME = new ColumnMeta("_time", ColumnType.TIME);
    private static final ColumnMeta MEASUREMENT = new ColumnMeta("_measurement", ColumnType.STRING);
    private static final ColumnMeta FIELD = new ColumnMeta("_field", ColumnType.STRING);
    private static final ColumnMeta VALUE = new ColumnMeta("_value", ColumnType.FLOAT);
    private static final ColumnMeta URL = new ColumnMeta("url", ColumnType.STRING);
    private static final StringValue PROMETHEUS = new StringValue("prometheus");
    private static final byte[] PROMETHEUS_UTF8 = "prometheus".getBytes(StandardCharsets.UTF_8);
    private static final int FIXED = 5;
    /**
     * Batches a batcher given to the parser should keep open: a histogram's buckets and its sum and count differ
     * in label names, so with one open batch every series would seal a batch.
     */
    public static final int OPEN_BATCHES = 8;

    private final byte[] data;
    private final int end;
    private final byte[] url;
    private final long defaultTime;
    private final TableBatcher out;
    /** Non-null when a series may appear in more than one place: the slow path that merges its runs. */
    private final RepeatedSeries repeats;

    private int pos;
    private int lineNumber;
    private int lineStart;
    private int lineEnd;
    private boolean finished;
    private final boolean openMetrics;
    private boolean eof;

    /** The type of each metric family named in a TYPE line. */
    private final Map<String, String> types = new HashMap<>();
    /** Label and metric names, interned. */
    private final Map<String, String> names = new HashMap<>();
    /** The columns and key columns of each label-name set. */
    private final Map<String, Schema> schemas = new HashMap<>();

    // the series being written (its table is open in the batcher), identified by the bytes of name and labels
    private TableBuilder open;
    private int openLength;
    /** Where the text of the open series' first line (its name and labels) starts in {@link #data}. */
    private int openIdStart;

    // labels of the line being parsed
    private String[] labelNames = new String[8];
    private byte[][] labelValues = new byte[8][];
    /** Where each label value is in its array (the text itself, or an unescaped copy). */
    private int[] labelStarts = new int[8];
    private int[] labelLengths = new int[8];
    /**
     * Where each label of the last line whose labels were all read ends, from just after its '{': after the ',' or
     * '}' that follows the label's value (and any blanks before it). With {@link #reusableBrace} (where that line's
     * labels start) and {@link #reusableLabels} (how many it had), it lets the next line take the labels it starts
     * with, byte for byte, as they are ({@link #labels}).
     */
    private int[] labelEnds = new int[8];
    /** The hashes of the first {@link #hashedLabels} label values, for {@link #watch}. */
    private long[] labelHashes = new long[8];
    private int hashedLabels;
    private int reusableBrace;
    private int reusableLabels;
    /** The label names met at each position of the previous lines, as text and as bytes. */
    private String[] nameCache = new String[8];
    private byte[][] nameCacheBytes = new byte[8][];
    /** For cached names of up to 7 bytes: the name and '=' as a little-endian word, and its mask; else mask 0. */
    private long[] nameCacheWord = new long[8];
    private long[] nameCacheMask = new long[8];
    private int labelCount;
    private final StringBuilder scratch = new StringBuilder();

    private record Schema(List<ColumnMeta> columns, List<ColumnMeta> keyColumns) {}

    /** Parses {@code data[0, length)} as OpenMetrics text if it ends with {@code # EOF}, else as text 0.0.4. */
    public ExpositionParser(byte[] data, int length, String url, long defaultTime, TableBatcher out) {
        this(data, length, url, defaultTime, out, endsWithEof(data, length));
    }

    /**
     * Parses {@code data[0, length)}; {@code openMetrics} selects OpenMetrics text (timestamps in seconds,
     * exemplars, {@code # UNIT}, {@code # EOF}, {@code _created} samples of counters, histograms and summaries
     * dropped) instead of Prometheus text 0.0.4.
     */
    public ExpositionParser(byte[] data, int length, String url, long defaultTime, TableBatcher out,
            boolean openMetrics) {
        this(data, length, url, defaultTime, out, openMetrics, RepeatedSeries.find(data, length));
    }

    /**
     * Like {@link #ExpositionParser(byte[], int, String, long, TableBatcher, boolean)}, with the answer of
     * {@link RepeatedSeries#find} for this text given by the caller (who may have worked it out meanwhile on
     * another thread): when {@code repeats} is false, a series met again is a table of its own.
     */
    public ExpositionParser(byte[] data, int length, String url, long defaultTime, TableBatcher out,
            boolean openMetrics, boolean repeats) {
        this(data, 0, length, url, defaultTime, out, openMetrics, repeats);
    }

    private ExpositionParser(byte[] data, int from, int length, String url, long defaultTime, TableBatcher out,
            boolean openMetrics, boolean repeats) {
        this.openMetrics = openMetrics;
        this.data = data;
        this.from = from;
        this.pos = from;
        this.end = length;
        this.url = url.getBytes(StandardCharsets.UTF_8);
        this.defaultTime = defaultTime;
        this.repeats = repeats ? new RepeatedSeries(out) : null;
        this.out = repeats ? this.repeats.runs() : out;
        this.le = intern("le");
    }

    /**
     * A parser of the part {@code [from, to)} of Prometheus text (0.0.4) whose earlier part {@code [0, from)}
     * another parser reads at the same time (where no series repeats: {@link RepeatedSeries#find} said so): its
     * line numbers count from the start of the text, and it knows the metric types of the earlier part's TYPE
     * lines (read first; errors there are the other parser's to report). {@code from} comes from
     * {@link #splitPoint}, so the two parsers' tables, one after the other, are those of one parser of the whole.
     */
    public static ExpositionParser part(byte[] data, int from, int to, String url, long defaultTime,
            TableBatcher out) {
        return part(data, from, to, url, defaultTime, out, Context.start().advance(data, from));
    }

    /**
     * A parser of the part {@code [from, to)} of Prometheus text (0.0.4), as {@link #part(byte[], int, int, String,
     * long, TableBatcher)}, given what it must know of the text before it: {@code before}, the context at
     * {@code from}.
     */
    public static ExpositionParser part(byte[] data, int from, int to, String url, long defaultTime,
            TableBatcher out, Context before) {
        return part(data, from, to, url, defaultTime, out, before, null, false);
    }

    /**
     * A parser of the part {@code [from, to)} of Prometheus text (0.0.4), as {@link #part(byte[], int, int, String,
     * long, TableBatcher, Context)}, for a text whose series may come back within the part (but not in another
     * part, as {@link RepeatedSeries#find(byte[], int, RepeatedSeries.PartCheck[])} tells): with {@code watch}
     * (reset first), the parser makes a table per run of lines and notes in {@code watch} whether a series has
     * more than one run; with {@code merge}, it makes one table per series of the part, its runs merged
     * ({@link RepeatedSeries}), for a part where {@code watch} saw one come back.
     */
    public static ExpositionParser part(byte[] data, int from, int to, String url, long defaultTime,
            TableBatcher out, Context before, SeriesWatch watch, boolean merge) {
        if (before.at != from) {
            throw new IllegalArgumentException("context at " + before.at + ", part from " + from);
        }
        ExpositionParser p = new ExpositionParser(data, from, to, url, defaultTime, out, false, merge);
        p.context = before;
        if (watch != null) {
            watch.reset();
            p.watch = watch;
        }
        return p;
    }

    /** Where the parser notes the series it opens a table for, when it watches for one met again; else null. */
    private SeriesWatch watch;

    /**
     * The series a parser opened tables for, as 64-bit hashes of field, label names and label values (written in
     * any order, spacing or escaping, a series has one hash), family by family ({@link RepeatedSeries#familyOf}:
     * a series' lines are all of one family, and a family's lines are usually all in one place); and whether a
     * series was opened twice, or a family met again after another: then a series may have more than one run of
     * lines (or two hashes met, which is as good as never). Only the family being read is kept, so the set stays
     * small. Reused from part to part.
     */
    public static final class SeriesWatch {
        /** The hashes of the series of the family being read. */
        private final RepeatedSeries.Lines series = new RepeatedSeries.Lines();
        private boolean repeated;
        private final java.util.Set<String> families = new java.util.HashSet<>();

        /** Forgets every series and family. */
        public void reset() {
            series.clear();
            families.clear();
            repeated = false;
        }

        /** Whether a series was opened twice, or a family met again, since the last {@link #reset}. */
        public boolean repeated() {
            return repeated;
        }

        /** The lines of family {@code name} start. */
        void family(String name) {
            series.clear();
            if (!families.add(name)) {
                repeated = true;
            }
        }

        void add(long h) {
            if (series.add(h)) {
                repeated = true;
            }
        }
    }

    /** For a parser of a part of a text: what it knows of the text before the part; else null. */
    private Context context;
    /** Where the text this parser reads starts: its line numbers count from there until an error is reported. */
    private final int from;

    /**
     * What a parser of a part of Prometheus text that starts at {@code at} must know of the text before it: the
     * metric types named by the TYPE lines there. {@link #start} is the context at the start of a text, and
     * {@link #advance} gives the context further on, reading only the text in between: the contexts of a text's
     * parts, made one after the other, cost one reading of its TYPE lines. A context may be advanced once; the
     * contexts of one text share what they have read, and may be used from several threads.
     */
    public static final class Context {
        private final TypeIndex index;
        private final int at;

        private Context(TypeIndex index, int at) {
            this.index = index;
            this.at = at;
        }

        /** The context at the start of a text. */
        public static Context start() {
            return new Context(new TypeIndex(), 0);
        }

        /** The offset in the text this is the context at. */
        public int at() {
            return at;
        }

        /**
         * The context at {@code to}, a line start at or after this one's offset in {@code data}: the TYPE lines of
         * {@code [at, to)} read (ignoring errors: those are for the parser of that part to report).
         */
        public Context advance(byte[] data, int to) {
            if (to == at) {
                return this;
            }
            synchronized (index) {
                if (index.readTo != at) {
                    throw new IllegalStateException("context at " + at + " advanced already");
                }
                ExpositionParser p = new ExpositionParser(data, at, to, "", 0, null, false, false);
                p.recordTypes = index;
                p.readTypes(at, to);
                index.readTo = to;
            }
            return new Context(index, to);
        }

        /** The type the last TYPE line of {@code family} before this context's offset names, or null. */
        String typeBefore(String family) {
            return index.typeBefore(family, at);
        }
    }

    /**
     * The TYPE lines of a text read so far, from its start: per metric family, where each one is (in increasing
     * order) and the type it names. Written under its own lock, in the order of the text; read without it by the
     * parsers of parts the lines are all before.
     */
    private static final class TypeIndex {
        private record Lines(int[] at, String[] types) {}

        private final java.util.concurrent.ConcurrentHashMap<String, Lines> families =
                new java.util.concurrent.ConcurrentHashMap<>();
        /** The offset up to which the text has been read. */
        int readTo;

        void add(String family, int at, String type) {
            Lines old = families.get(family);
            int n = old == null ? 0 : old.at.length;
            int[] ats = old == null ? new int[1] : Arrays.copyOf(old.at, n + 1);
            String[] ts = old == null ? new String[1] : Arrays.copyOf(old.types, n + 1);
            ats[n] = at;
            ts[n] = type;
            families.put(family, new Lines(ats, ts));
        }

        String typeBefore(String family, int before) {
            Lines l = families.get(family);
            if (l == null) {
                return null;
            }
            for (int k = l.at.length - 1; k >= 0; k--) {
                if (l.at[k] < before) {
                    return l.types[k];
                }
            }
            return null;
        }
    }

    /** Where {@link #comment} records the TYPE lines it reads (see {@link Context#advance}); else null. */
    private TypeIndex recordTypes;

    /** The type of metric family {@code family} at the line being read: its last TYPE line's, or null. */
    private String typeOf(String family) {
        String type = types.get(family);
        return type != null || context == null ? type : context.typeBefore(family);
    }

    /** Reads the TYPE lines of {@code data[from, to)} ({@code from} a line start) for their types, ignoring errors. */
    private void readTypes(int from, int to) {
        int i = from;
        while ((i = ByteSearch.indexOf(data, i, to, (byte) '#')) < to) {
            int start = i;
            while (start > from && (data[start - 1] == ' ' || data[start - 1] == '\t')) {
                start--;
            }
            int nl = ByteSearch.indexOf(data, i, to, (byte) '\n');
            if (start == from || data[start - 1] == '\n') {
                lineStart = start;
                lineEnd = nl > start && data[nl - 1] == '\r' ? nl - 1 : nl;
                try {
                    comment(i + 1);
                } catch (FluxException e) {
                    // the parser of that part reports it
                }
            }
            i = nl + 1;
        }
    }

    /**
     * Where Prometheus text (0.0.4) {@code data[0, length)} can be cut in two for two parsers (see {@link #part}):
     * the start of a comment line at or after the middle that follows a sample line and comes before a sample
     * of another metric, so no family's series and no run of one series' samples straddle the cut; or -1.
     */
    public static int splitPoint(byte[] data, int length) {
        return splitPoint(data, length / 2, length);
    }

    /** Like {@link #splitPoint(byte[], int)}, the first such cut at or after {@code from}; or -1. */
    public static int splitPoint(byte[] data, int from, int length) {
        int i = from;
        while ((i = ByteSearch.indexOf(data, i, length, (byte) '#')) < length) {
            if (i > 0 && data[i - 1] == '\n') {
                int before = previousLineStart(data, i - 1);
                int after = nextSampleLine(data, i, length);
                if (before >= 0 && data[before] != '#' && after >= 0
                        && !sameMetricName(data, before, after, length)) {
                    return i;
                }
            }
            i++;
        }
        return -1;
    }

    /**
     * Cuts of Prometheus text {@code data[0, length)} into parts of about {@code partBytes} bytes or more for
     * parsers that run at the same time ({@link #part}), each cut a {@link #splitPoint}: the parts are
     * {@code [cuts[k], cuts[k + 1])}, from {@code cuts[0] = 0} to the last, {@code length}.
     */
    public static int[] cuts(byte[] data, int length, int partBytes) {
        Cutter cutter = new Cutter(data, length, partBytes);
        int[] cuts = new int[8];
        int n = 1;
        int cut;
        while ((cut = cutter.next(length)) >= 0) {
            if (n + 1 == cuts.length) {
                cuts = Arrays.copyOf(cuts, cuts.length * 2);
            }
            cuts[n++] = cut;
        }
        cuts[n++] = length;
        return Arrays.copyOf(cuts, n);
    }

    /**
     * Finds the cuts of {@link #cuts} one after the other, also while the text is still coming: {@link #next}
     * looks only at what has come. A part is at least {@code partBytes} long, and the last at least half that.
     */
    public static final class Cutter {
        /**
         * The end of the text looked at for a cut that is looked at again when more comes. A cut missed because
         * more comment lines than this came together at the end of what had come costs only a larger part.
         */
        private static final int SEARCH_AGAIN = 64 << 10;

        private final byte[] data;
        private final int length;
        private final int partBytes;
        /** The last cut. */
        private int at;
        /** Where the search for the next cut goes on from when more text comes. */
        private int searched;

        /** A cutter of the text {@code data[0, length)}, which may not all have come yet. */
        public Cutter(byte[] data, int length, int partBytes) {
            this.data = data;
            this.length = length;
            this.partBytes = Math.max(1, partBytes);
        }

        /**
         * The cut after the last one within {@code data[0, limit)} ({@code limit} a line start, or the text's
         * length), or -1 when there is none there: none yet, or, once {@code limit} is the length, none at all.
         * What was looked at is not looked at again (a text without comment lines would be read over and over),
         * but for its end: a comment line there may yet be a cut once the sample line after it has come.
         */
        public int next(int limit) {
            if (length - at <= partBytes + partBytes / 2) {
                return -1; // the rest is the last part
            }
            int from = Math.max(at + partBytes, searched);
            int cut = from >= limit ? -1 : splitPoint(data, from, limit);
            if (cut < 0) {
                searched = Math.max(searched, limit - SEARCH_AGAIN);
                return -1;
            }
            if (length - cut < partBytes / 2) {
                return -1;
            }
            at = cut;
            searched = 0;
            return cut;
        }
    }

    /** The start of the non-blank line ending at the newline {@code nl}, or -1 when that line is blank. */
    private static int previousLineStart(byte[] data, int nl) {
        int s = nl;
        while (s > 0 && data[s - 1] != '\n') {
            s--;
        }
        while (s < nl && (data[s] == ' ' || data[s] == '\t')) {
            s++;
        }
        return s < nl && data[s] != '\r' ? s : -1;
    }

    /** The first non-blank character of the first sample line at or after the line start {@code i}, or -1. */
    private static int nextSampleLine(byte[] data, int i, int length) {
        while (i < length) {
            int s = i;
            while (s < length && (data[s] == ' ' || data[s] == '\t')) {
                s++;
            }
            int nl = ByteSearch.indexOf(data, s, length, (byte) '\n');
            if (s < nl && data[s] != '#' && data[s] != '\r') {
                return s;
            }
            i = nl + 1;
        }
        return -1;
    }

    private static boolean sameMetricName(byte[] data, int a, int b, int length) {
        int k = 0;
        while (true) {
            boolean endA = a + k >= length || nameEnds(data[a + k]);
            boolean endB = b + k >= length || nameEnds(data[b + k]);
            if (endA || endB) {
                return endA && endB;
            }
            if (data[a + k] != data[b + k]) {
                return false;
            }
            k++;
        }
    }

    private static boolean nameEnds(byte c) {
        return c == '{' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Parses the whole text into the batcher and flushes it. */
    public void parseAll() {
        while (step()) {
            // next line
        }
    }

    /**
     * Parses one line; at the end of the text ends the last table, flushes the batcher and returns false. When a
     * series appears in more than one place ({@link RepeatedSeries}), the first call parses the whole text.
     */
    public boolean step() {
        return repeats == null ? parseLine() : repeats.step(this::parseLine);
    }

    private boolean parseLine() {
        if (pos >= end) {
            if (!finished) {
                finished = true;
                closeSeries();
                out.flush();
            }
            return false;
        }
        lineStart = pos;
        int nl = ByteSearch.indexOf(data, pos, end, (byte) '\n');
        lineEnd = nl > lineStart && data[nl - 1] == '\r' ? nl - 1 : nl;
        pos = nl + 1;
        lineNumber++;
        line();
        return true;
    }

    private void line() {
        int i = skipBlanks(lineStart);
        if (i == lineEnd) {
            return;
        }
        if (eof) {
            throw malformed("text after # EOF");
        }
        if (data[i] == '#') {
            comment(i + 1);
        } else {
            sample(i);
        }
    }

    private void comment(int i) {
        i = skipBlanks(i);
        int w = word(i);
        String keyword = new String(data, i, w - i, StandardCharsets.UTF_8);
        if (openMetrics && keyword.equals("EOF") && skipBlanks(w) == lineEnd) {
            eof = true;
            return;
        }
        boolean unit = openMetrics && keyword.equals("UNIT");
        if (!keyword.equals("TYPE") && !keyword.equals("HELP") && !unit) {
            return;
        }
        if (w == lineEnd) {
            throw malformed(keyword + " line without a metric name");
        }
        int n = skipBlanks(w);
        int nameEnd = metricName(n);
        if (nameEnd == n || nameEnd < lineEnd && !blank(data[nameEnd])) {
            throw malformed("invalid metric name in " + keyword + " line");
        }
        if (!keyword.equals("TYPE")) {
            return;
        }
        int t = skipBlanks(nameEnd);
        int tEnd = word(t);
        String type = new String(data, t, tEnd - t, StandardCharsets.UTF_8);
        if (skipBlanks(tEnd) != lineEnd) {
            throw malformed("unexpected text after the metric type");
        }
        switch (type) {
            case "counter", "gauge", "histogram", "summary", "untyped" -> { }
            case "unknown", "gaugehistogram", "stateset", "info" -> {
                if (!openMetrics) {
                    throw malformed("unknown metric type \"" + type + "\"");
                }
            }
            default -> throw malformed("unknown metric type \"" + type + "\"");
        }
        String family = intern(n, nameEnd);
        types.put(family, type);
        if (recordTypes != null) {
            recordTypes.add(family, lineStart, type);
        }
        forgetNames();
    }

    private void sample(int i) {
        int nameEnd = sameNameAsOpen(i);
        if (nameEnd < 0) {
            nameEnd = metricName(i);
        }
        if (nameEnd == i) {
            throw malformed("invalid metric name");
        }
        int idStart = i;
        labelCount = 0;
        int j = skipBlanks(nameEnd);
        if (j < lineEnd && data[j] == '{') {
            j = labels(j + 1);
        } else {
            j = nameEnd;
        }
        int idEnd = j;
        if (j == lineEnd || !blank(data[j])) {
            throw malformed(j == lineEnd ? "missing the sample value" : "unexpected character '"
                    + (char) (data[j] & 0xff) + "' after the metric name");
        }
        j = skipBlanks(j);
        int vEnd = word(j);
        double value = parseValue(j, vEnd);
        long time = defaultTime;
        int k = skipBlanks(vEnd);
        if (k < lineEnd && !(openMetrics && data[k] == '#')) {
            int tEnd = word(k);
            time = openMetrics ? parseSeconds(k, tEnd) : parseTimestamp(k, tEnd);
            int rest = skipBlanks(tEnd);
            if (rest != lineEnd && !(openMetrics && data[rest] == '#')) {
                throw malformed("unexpected text after the timestamp");
            }
        }
        if (Double.isNaN(value) || openMetrics && created(i, nameEnd)) {
            return;
        }
        // a line of the open series has the text of its first line: the labels' sorted order found then holds
        if (!sameSeries(idStart, idEnd)) {
            closeSeries();
            openSeries(i, nameEnd, idStart, idEnd);
        }
        open.appendLong(0, time);
        open.appendUtf8(2, fieldUtf8);
        open.appendDouble(3, value);
        for (int l = 0; l < labelCount; l++) {
            int at = sorted(l);
            open.appendUtf8(FIXED + l, labelValues[at], labelStarts[at], labelLengths[at]);
        }
    }

    private byte[] fieldUtf8;

    private boolean sameSeries(int from, int to) {
        int n = to - from;
        if (open == null || n != openLength) {
            return false;
        }
        // one sample per series is common: the last bytes (the end of the last label value) usually differ
        if (n >= 8 && (long) ByteSearch.LONGS.get(data, to - 8)
                != (long) ByteSearch.LONGS.get(data, openIdStart + n - 8)) {
            return false;
        }
        return ByteSearch.same(data, from, data, openIdStart, n);
    }

    private void openSeries(int nameStart, int nameEnd, int idStart, int idEnd) {
        // the series' first line: later lines are compared with its text, and its key reads it
        openIdStart = idStart;
        openLength = idEnd - idStart;
        int nameLength = nameEnd - nameStart;
        if (nameEpoch != openNameEpoch || labelCount != openLabelCount || nameLength != openNameLength
                || !ByteSearch.same(data, nameStart, openName, 0, nameLength)) {
            // not the metric name and label names (position by position) of the last series opened: work out
            // its field, the labels' sorted order and the schema (else the last series' hold)
            String field = metricNameString(nameStart, nameEnd);
            byte[] utf8 = nameUtf8;
            if (bucketFamily != null && indexOfLabel(le) >= 0) {
                field = bucketFamily;
                utf8 = familyUtf8;
            }
            sortLabels();
            openSchema = schema();
            openSchemaHash = System.identityHashCode(openSchema);
            if (watch != null && nameFamily != watchFamily) {
                watchFamily = nameFamily;
                watch.family(nameFamily);
            }
            lastField = field;
            fieldUtf8 = utf8;
            if (openName.length < nameLength) {
                openName = new byte[Math.max(nameLength, 2 * openName.length)];
            }
            System.arraycopy(data, nameStart, openName, 0, nameLength);
            openNameLength = nameLength;
            openNameEpoch = nameEpoch;
            openLabelCount = labelCount;
        }
        if (watch != null) {
            watch.add(seriesHash());
        }
        SeriesKey key = new SeriesKey(lastField, fieldUtf8, data, idStart, idEnd, nameEnd, order);
        open = out.startTable(GroupKey.lazy(openSchema.keyColumns(), key), openSchema.columns());
        // the same in every row of the parser's tables: written once per batch, when it is sealed
        open.setConstantUtf8(1, PROMETHEUS_UTF8);
        open.setConstantUtf8(4, url);
    }

    /**
     * When the sample line's metric name starting at {@code i} is that of the last series opened, the index after
     * it; else -1 (and the name is read the slow way).
     */
    private int sameNameAsOpen(int i) {
        int n = openNameLength;
        int e = i + n;
        if (n == 0 || e > lineEnd || !ByteSearch.same(data, i, openName, 0, n)) {
            return -1;
        }
        if (e < lineEnd) {
            byte b = data[e];
            if (b != '{' && !blank(b)) {
                return -1;
            }
        }
        return e;
    }

    // what the last series opened was read from: its metric name, and which label names (the name cache's first
    // openLabelCount, unchanged while nameEpoch is) it had; then its field, sorted order and schema still hold
    private byte[] openName = new byte[64];
    private int openNameLength;
    private int openLabelCount = -1;
    private int openNameEpoch = -1;
    private Schema openSchema;
    /** The identity hash of {@link #openSchema}: one schema object per set of label names in a parser. */
    private int openSchemaHash;

    /**
     * The hash of the series of the line being read, for {@link #watch}: of its field, its label names (the
     * schema) and its label values in sorted order, each value's hash kept while the lines after it write that
     * label as it did ({@link #hashedLabels}).
     */
    private long seriesHash() {
        for (int l = hashedLabels; l < labelCount; l++) {
            labelHashes[l] = valueHash(labelValues[l], labelStarts[l], labelLengths[l]);
        }
        hashedLabels = labelCount;
        long h = (lastField.hashCode() * SEED ^ openSchemaHash) * SEED;
        for (int l = 0; l < labelCount; l++) {
            h = (h ^ labelHashes[sorted(l)]) * SEED;
            h ^= h >>> 29;
        }
        return h;
    }

    private static final long SEED = 0x9E3779B97F4A7C15L;

    /** A hash of {@code b[from, from + n)}, eight bytes at a time. */
    private static long valueHash(byte[] b, int from, int n) {
        long h = n * SEED;
        int i = from;
        int to = from + n;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ (long) ByteSearch.LONGS.get(b, i)) * SEED;
            h ^= h >>> 32;
        }
        if (i < to) {
            long w;
            if (i + 8 <= b.length) {
                w = (long) ByteSearch.LONGS.get(b, i) & (-1L >>> (64 - 8 * (to - i)));
            } else {
                w = 0;
                for (int k = to - 1; k >= i; k--) {
                    w = w << 8 | (b[k] & 0xff);
                }
            }
            h = (h ^ w) * SEED;
            h ^= h >>> 32;
        }
        return h;
    }
    /** Changes whenever the name cache changes or a TYPE line is read. */
    private int nameEpoch;
    /** The label name "le", interned with the others so it is found by identity. */
    private final String le;

    /**
     * The interned metric name {@code data[from, to)}, found without a String among the last few names (a
     * histogram's lines cycle through three); sets {@link #bucketFamily} for it.
     */
    private String metricNameString(int from, int to) {
        int n = to - from;
        for (int r = 0; r < NAMES; r++) {
            byte[] b = recentName[r];
            if (b != null && b.length == n && ByteSearch.same(data, from, b, 0, n)) {
                bucketFamily = recentFamily[r];
                nameFamily = recentNameFamily[r];
                nameUtf8 = b;
                familyUtf8 = recentFamilyUtf8[r];
                return recentNameString[r];
            }
        }
        String name = intern(from, to);
        bucketFamily = null;
        if (name.endsWith("_bucket")) {
            String family = name.substring(0, n - "_bucket".length());
            String type = typeOf(family);
            if ("histogram".equals(type) || "gaugehistogram".equals(type)) {
                bucketFamily = intern(family);
            }
        }
        int r = nextName;
        nextName = (nextName + 1) % NAMES;
        // metric names are ASCII: their text is their UTF-8
        recentName[r] = nameUtf8 = Arrays.copyOfRange(data, from, to);
        recentNameString[r] = name;
        recentFamily[r] = bucketFamily;
        recentNameFamily[r] = nameFamily = intern(RepeatedSeries.familyOf(name));
        recentFamilyUtf8[r] = familyUtf8 = bucketFamily == null ? null
                : Arrays.copyOfRange(data, from, from + bucketFamily.length());
        return name;
    }

    /** Forgets the recent names (a TYPE line may change what a name's family is). */
    private void forgetNames() {
        Arrays.fill(recentName, null);
        nameEpoch++;
    }

    private static final int NAMES = 4;
    private final byte[][] recentName = new byte[NAMES][];
    private final String[] recentNameString = new String[NAMES];
    private final String[] recentFamily = new String[NAMES];
    /** The family of each recent name, as {@link RepeatedSeries#familyOf} names it (interned). */
    private final String[] recentNameFamily = new String[NAMES];
    /** The family of the name {@link #metricNameString} found last, and the family the {@link #watch} is in. */
    private String nameFamily;
    private String watchFamily;
    private final byte[][] recentFamilyUtf8 = new byte[NAMES][];
    /** The UTF-8 of the name {@link #metricNameString} found last, and of its family ({@link #bucketFamily}). */
    private byte[] nameUtf8;
    private byte[] familyUtf8;
    private int nextName;
    /** When the metric name just read is {@code x_bucket} of a histogram family {@code x}: {@code x}; else null. */
    private String bucketFamily;
    private String lastField;

    /** The schema of the current labels (sorted, interned names): one of the last few, or found by name. */
    private Schema schema() {
        for (int r = 0; r < recentSchemas.length; r++) {
            String[] names = recentNames[r];
            if (names != null && names.length == labelCount && sameNames(names)) {
                return recentSchemas[r];
            }
        }
        StringBuilder sb = scratch;
        sb.setLength(0);
        for (int l = 0; l < labelCount; l++) {
            sb.append(labelNames[sorted(l)]).append('\n');
        }
        Schema schema = schemas.get(sb.toString());
        if (schema == null) {
            schema = newSchema(sb.toString());
        }
        int r = recentNext;
        recentNext = (recentNext + 1) % recentSchemas.length;
        String[] names = new String[labelCount];
        for (int l = 0; l < labelCount; l++) {
            names[l] = labelNames[sorted(l)];
        }
        recentNames[r] = names;
        recentSchemas[r] = schema;
        return schema;
    }

    /** Whether the current labels' names are {@code names} (interned strings, so compared by identity). */
    private boolean sameNames(String[] names) {
        for (int l = 0; l < labelCount; l++) {
            if (names[l] != labelNames[sorted(l)]) {
                return false;
            }
        }
        return true;
    }

    private final Schema[] recentSchemas = new Schema[4];
    private final String[][] recentNames = new String[4][];
    private int recentNext;

    /**
     * A series' group key values, made only when something asks for them from the text of the series' first line
     * (its metric name and labels as written, where they are in the exposition); equal to another by content
     * (field and label values), so that {@link RepeatedSeries} can find the tables of one series without making
     * their values. It holds the exposition's bytes until its values are made ({@link GroupKey} then lets it go).
     */
    static final class SeriesKey implements GroupKey.Source {
        private final String field;
        /** The field's bytes (a metric name: ASCII), shared by the parser's keys of that name. */
        private final byte[] fieldUtf8;
        /** The exposition: {@code text[start, end)} is the metric name and labels as written, escapes and all. */
        private final byte[] text;
        private final int start;
        private final int end;
        /** Where the metric name ends in {@link #text}. */
        private final int nameEnd;
        /** {@code order[l]} is the written position of the label that sorts {@code l}-th; null when written sorted. */
        private final int[] order;
        /** The sorted label values, each as a four-byte length and its UTF-8 bytes: made for equals and hashCode. */
        private byte[] canonical;

        SeriesKey(String field, byte[] fieldUtf8, byte[] text, int start, int end, int nameEnd, int[] order) {
            this.field = field;
            this.fieldUtf8 = fieldUtf8;
            this.text = text;
            this.start = start;
            this.end = end;
            this.nameEnd = nameEnd;
            this.order = order;
        }

        /** The label values in written order (the text was parsed once already, so it is well formed). */
        private List<byte[]> written() {
            List<byte[]> out = new ArrayList<>();
            int i = skip(nameEnd);
            if (i == end || text[i] != '{') {
                return out;
            }
            i++;
            while (true) {
                i = skip(i);
                if (text[i] == '}') {
                    return out;
                }
                int from = valueStart(i);
                int to = valueEnd(from);
                out.add(unescape(from, to));
                i = skip(to + 1);
                if (text[i] == '}') {
                    return out;
                }
                i++;
            }
        }

        /** The value of the label written {@code w}-th, unescaped. */
        private String writtenValue(int w) {
            int i = skip(nameEnd) + 1; // after '{'
            for (int k = 0; ; k++) {
                int from = valueStart(skip(i));
                int to = valueEnd(from);
                if (k == w) {
                    return new String(unescape(from, to), StandardCharsets.UTF_8);
                }
                i = skip(to + 1) + 1; // after ',' (a written label is followed by ',' or '}')
            }
        }

        /** Where the value of the label written at {@code i} starts (after its opening quote). */
        private int valueStart(int i) {
            while (text[i] != '=') {
                i++;
            }
            return skip(i + 1) + 1;
        }

        /** Where the value starting at {@code i} ends (its closing quote). */
        private int valueEnd(int i) {
            while (text[i] != '"') {
                i += text[i] == '\\' ? 2 : 1;
            }
            return i;
        }

        /** The bytes of {@code text[from, to)} with their escapes undone. */
        private byte[] unescape(int from, int to) {
            byte[] t = text;
            byte[] buf = new byte[to - from];
            int n = 0;
            for (int i = from; i < to; i++) {
                byte c = t[i];
                if (c == '\\') {
                    c = t[++i];
                    if (c == 'n') {
                        c = '\n';
                    }
                }
                buf[n++] = c;
            }
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
        }

        @Override
        public boolean asciiStrings(byte[][] out) {
            out[0] = PROMETHEUS_UTF8;
            out[1] = fieldUtf8;
            int n = out.length - 2;
            int i = skip(nameEnd);
            if (i == end || text[i] != '{') {
                return true;
            }
            i++;
            for (int w = 0; ; w++) {
                i = skip(i);
                if (text[i] == '}') {
                    return true;
                }
                int from = valueStart(i);
                int to = valueEnd(from);
                boolean ascii = true;
                for (int k = from; k < to && ascii; k++) {
                    ascii = text[k] >= 0 && text[k] != '\\';
                }
                if (w < n) {
                    out[2 + sortedPosition(w)] = ascii ? Arrays.copyOfRange(text, from, to) : null;
                }
                i = skip(to + 1);
                if (text[i] == '}') {
                    return true;
                }
                i++;
            }
        }

        /** Where the label written {@code w}-th is in sorted order. */
        private int sortedPosition(int w) {
            if (order == null) {
                return w;
            }
            for (int l = 0; l < order.length; l++) {
                if (order[l] == w) {
                    return l;
                }
            }
            throw new IllegalStateException("label " + w + " not in the key's order");
        }

        @Override
        public Value value(int i) {
            if (i == 0) {
                return PROMETHEUS;
            }
            if (i == 1) {
                return new StringValue(field);
            }
            int l = i - 2;
            return new StringValue(writtenValue(order == null ? l : order[l]));
        }

        private int skip(int i) {
            while (i < end && (text[i] == ' ' || text[i] == '\t')) {
                i++;
            }
            return i;
        }

        private byte[] sortedValue(List<byte[]> written, int l) {
            return written.get(order == null ? l : order[l]);
        }

        private byte[] canonical() {
            byte[] c = canonical;
            if (c == null) {
                List<byte[]> written = written();
                int total = 0;
                for (byte[] v : written) {
                    total += 4 + v.length;
                }
                c = new byte[total];
                int at = 0;
                for (int l = 0; l < written.size(); l++) {
                    byte[] v = sortedValue(written, l);
                    ByteSearch.INTS.set(c, at, v.length);
                    System.arraycopy(v, 0, c, at + 4, v.length);
                    at += 4 + v.length;
                }
                canonical = c;
            }
            return c;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SeriesKey k && field.equals(k.field) && Arrays.equals(canonical(), k.canonical());
        }

        @Override
        public int hashCode() {
            return 31 * field.hashCode() + Arrays.hashCode(canonical());
        }

        @Override
        public List<Value> values() {
            List<byte[]> written = written();
            Value[] v = new Value[2 + written.size()];
            v[0] = PROMETHEUS;
            v[1] = new StringValue(field);
            for (int l = 0; l < written.size(); l++) {
                v[2 + l] = new StringValue(new String(sortedValue(written, l), StandardCharsets.UTF_8));
            }
            return Arrays.asList(v);
        }
    }

    private Schema newSchema(String id) {
        List<ColumnMeta> columns = new ArrayList<>(List.of(TIME, MEASUREMENT, FIELD, VALUE, URL));
        List<ColumnMeta> key = new ArrayList<>(List.of(MEASUREMENT, FIELD));
        for (int l = 0; l < labelCount; l++) {
            String name = labelNames[sorted(l)];
            switch (name) {
                case "_time", "_measurement", "_field", "_value", "url" ->
                    throw malformed("label \"" + name + "\" clashes with a column of the output");
                default -> { }
            }
            ColumnMeta c = new ColumnMeta(name, ColumnType.STRING);
            columns.add(c);
            key.add(c);
        }
        Schema s = new Schema(List.copyOf(columns), List.copyOf(key));
        schemas.put(id, s);
        return s;
    }

    private void closeSeries() {
        if (open != null) {
            open = null;
            out.endTable();
        }
    }

    /**
     * Parses {@code name="value", ...}} from just after the brace; returns the index after the closing brace. The
     * labels a line starts with written exactly as the last line's (a histogram's buckets differ only in their last
     * label, {@code le}; its sum and count not at all) are taken from that line as they were read.
     */
    private int labels(int i) {
        int brace = i;
        sameNamesSoFar = true;
        int reused = reusedLabels(brace);
        if (hashedLabels > reused) {
            hashedLabels = reused;
        }
        if (reused > 0) {
            // the same names, unique, at the same positions as in the last line: the name cache holds them
            labelCount = reused;
            i = brace + labelEnds[reused - 1];
            if (data[i - 1] == '}') {
                uniqueNames = labelCount;
                reusableBrace = brace;
                return i;
            }
        }
        while (true) {
            i = skipBlanks(i);
            if (i < lineEnd && data[i] == '}') {
                uniqueNames = labelCount;
                reusableBrace = brace;
                reusableLabels = labelCount;
                if (labelCount > 0) {
                    labelEnds[labelCount - 1] = i + 1 - brace;
                }
                return i + 1;
            }
            String name = cachedLabelName(i);
            int nEnd;
            if (name != null) {
                nEnd = i + nameCacheBytes[labelCount].length;
            } else {
                nEnd = labelName(i);
                if (nEnd == i) {
                    throw malformed("invalid label name");
                }
            }
            int j = skipBlanks(nEnd);
            if (j >= lineEnd || data[j] != '=') {
                throw malformed("expected '=' after label name");
            }
            j = skipBlanks(j + 1);
            if (j >= lineEnd || data[j] != '"') {
                throw malformed("expected '\"' to start the label value");
            }
            if (name == null) {
                name = labelName(i, nEnd);
            }
            // names equal, position by position, to those of the last line with labels (which had no two
            // alike) cannot repeat one another
            sameNamesSoFar &= nameWasCached && labelCount < uniqueNames;
            if (!sameNamesSoFar && hasLabel(name)) {
                throw malformed("duplicate label \"" + name + "\"");
            }
            j = labelValue(j + 1, name);
            j = skipBlanks(j);
            if (j < lineEnd && data[j] == ',') {
                i = j + 1;
                labelEnds[labelCount - 1] = i - brace;
            } else if (j < lineEnd && data[j] == '}') {
                uniqueNames = labelCount;
                labelEnds[labelCount - 1] = j + 1 - brace;
                reusableBrace = brace;
                reusableLabels = labelCount;
                return j + 1;
            } else {
                throw malformed("expected ',' or '}' after a label value");
            }
        }
    }

    /**
     * How many labels the line whose labels start at {@code brace} begins with written exactly as the last line
     * whose labels were all read (see {@link #labelEnds}); their names, values and ends stay as that line left
     * them (a value read from the text stays where that line has it: the same bytes).
     */
    private int reusedLabels(int brace) {
        int n = reusableLabels;
        if (n == 0) {
            return 0;
        }
        int before = reusableBrace;
        int same = ByteSearch.mismatch(data, brace, before, Math.min(labelEnds[n - 1], lineEnd - brace));
        int m = 0;
        while (m < n && labelEnds[m] <= same) {
            m++;
        }
        return m;
    }

    /** Reads a label value from just after its opening quote; returns the index after the closing quote. */
    private int labelValue(int i, String name) {
        int start = i;
        boolean escaped = false;
        i = ByteSearch.indexOfEither(data, i, lineEnd, (byte) '"', (byte) '\\');
        while (i < lineEnd && data[i] == '\\') {
            escaped = true;
            i = ByteSearch.indexOfEither(data, i + 2, lineEnd, (byte) '"', (byte) '\\');
        }
        if (i >= lineEnd) {
            throw malformed("unterminated label value");
        }
        byte[] value;
        int length;
        if (!escaped) {
            value = data;
            length = i - start;
        } else {
            value = new byte[i - start];
            int n = 0;
            for (int k = start; k < i; k++) {
                byte b = data[k];
                if (b == '\\') {
                    byte e = data[++k];
                    switch (e) {
                        case '\\' -> b = '\\';
                        case '"' -> b = '"';
                        case 'n' -> b = '\n';
                        default -> throw malformed("invalid escape sequence '\\" + (char) (e & 0xff)
                                + "' in the value of label \"" + name + "\"");
                    }
                }
                value[n++] = b;
            }
            length = n;
            start = 0;
        }
        if (labelCount == labelNames.length) {
            labelNames = Arrays.copyOf(labelNames, labelCount * 2);
            labelValues = Arrays.copyOf(labelValues, labelCount * 2);
            labelStarts = Arrays.copyOf(labelStarts, labelCount * 2);
            labelLengths = Arrays.copyOf(labelLengths, labelCount * 2);
            labelHashes = Arrays.copyOf(labelHashes, labelCount * 2);
            labelEnds = Arrays.copyOf(labelEnds, labelCount * 2);
        }
        labelNames[labelCount] = name;
        labelValues[labelCount] = value;
        labelStarts[labelCount] = start;
        labelLengths[labelCount] = length;
        labelCount++;
        return i + 1;
    }

    /** Whether {@link #labelName} found the name in its cache (the same name at that position before). */
    private boolean nameWasCached;
    /**
     * How many names at the start of the name cache are those of the last line whose labels were all read (no
     * two alike), and whether the names of the line being read have all been those so far.
     */
    private int uniqueNames;
    private boolean sameNamesSoFar;

    /**
     * The label name at position {@link #labelCount} of the name cache when the text at {@code i} is that name
     * followed by a character no name has ('=' or a blank), else null.
     */
    private String cachedLabelName(int i) {
        int at = labelCount;
        if (at >= nameCache.length) {
            return null;
        }
        long mask = nameCacheMask[at];
        if (mask != 0 && i + 8 <= data.length) {
            // a name of up to 7 bytes and its '=' compared in one go
            if (((long) ByteSearch.LONGS.get(data, i) & mask) != nameCacheWord[at]) {
                return null;
            }
            nameWasCached = true;
            return nameCache[at];
        }
        byte[] cached = nameCacheBytes[at];
        if (cached == null) {
            return null;
        }
        int e = i + cached.length;
        if (e >= lineEnd || !ByteSearch.same(data, i, cached, 0, cached.length)) {
            return null;
        }
        byte b = data[e];
        if (b != '=' && !blank(b)) {
            return null;
        }
        nameWasCached = true;
        return nameCache[at];
    }

    /** The interned label name {@code data[from, to)}, at position {@link #labelCount}: usually the last line's. */
    private String labelName(int from, int to) {
        int at = labelCount;
        if (at == nameCache.length) {
            nameCache = Arrays.copyOf(nameCache, at * 2);
            nameCacheBytes = Arrays.copyOf(nameCacheBytes, at * 2);
            nameCacheWord = Arrays.copyOf(nameCacheWord, at * 2);
            nameCacheMask = Arrays.copyOf(nameCacheMask, at * 2);
        }
        byte[] cached = nameCacheBytes[at];
        if (cached != null && cached.length == to - from && ByteSearch.same(data, from, cached, 0, cached.length)) {
            nameWasCached = true;
            return nameCache[at];
        }
        nameWasCached = false;
        nameEpoch++;
        String name = intern(from, to);
        nameCache[at] = name;
        nameCacheBytes[at] = Arrays.copyOfRange(data, from, to);
        int n = to - from;
        if (n <= 7) {
            // the name followed by '=', as the eight bytes at its start read (little-endian), and which bytes count
            long word = 0;
            for (int k = n - 1; k >= 0; k--) {
                word = word << 8 | (data[from + k] & 0xFF);
            }
            nameCacheWord[at] = word | (long) '=' << (8 * n);
            nameCacheMask[at] = n == 7 ? -1L : (1L << (8 * (n + 1))) - 1;
        } else {
            nameCacheMask[at] = 0;
        }
        return name;
    }

    /** Whether the line has label {@code name} already (names are interned, so compared by identity). */
    private boolean hasLabel(String name) {
        for (int l = 0; l < labelCount; l++) {
            if (labelNames[l] == name) {
                return true;
            }
        }
        return false;
    }

    /** The written position of label {@code name} (an interned name), or -1. */
    private int indexOfLabel(String name) {
        for (int l = 0; l < labelCount; l++) {
            if (labelNames[l] == name) {
                return l;
            }
        }
        return -1;
    }

    /**
     * Finds the order of the line's labels by name ({@link #sorted}). Lines of one family list their labels in the
     * same order, so the order found for a recent list of names (the same interned strings) is reused without
     * comparing names.
     */
    private void sortLabels() {
        int n = labelCount;
        order = null;
        if (n < 2) {
            return;
        }
        int[] permutation = null;
        for (int o = 0; o < ORDERS && permutation == null; o++) {
            String[] from = orderNames[o];
            if (from != null && from.length == n) {
                boolean same = true;
                for (int l = 0; same && l < n; l++) {
                    same = from[l] == labelNames[l];
                }
                if (same) {
                    permutation = orderPermutation[o];
                }
            }
        }
        if (permutation == null) {
            // insertion sort of the written positions by name: label lists are short
            permutation = new int[n];
            boolean identity = true;
            for (int l = 0; l < n; l++) {
                int k = l;
                while (k > 0 && labelNames[permutation[k - 1]].compareTo(labelNames[l]) > 0) {
                    permutation[k] = permutation[k - 1];
                    k--;
                }
                permutation[k] = l;
                identity &= k == l;
            }
            int o = nextOrder;
            nextOrder = (nextOrder + 1) % ORDERS;
            orderNames[o] = Arrays.copyOf(labelNames, n);
            // an order already sorted is remembered as an empty permutation: nothing to look up
            orderPermutation[o] = identity ? new int[0] : permutation;
            permutation = orderPermutation[o];
        }
        order = permutation.length == 0 ? null : permutation;
    }

    /**
     * Where the line's labels are in sorted order: {@code sorted(l)} is the written position of the label that
     * sorts {@code l}-th. The label arrays stay in written order (the name cache and the duplicate check go by
     * written position); what needs them sorted (columns, schema, key) looks them up through this.
     */
    private int sorted(int l) {
        return order == null ? l : order[l];
    }

    /** The sorted order of the current labels ({@link #sortLabels}): null when they are written sorted. */
    private int[] order;

    /** The last few lists of label names sorted, as written, and where each sorted label comes from. */
    private static final int ORDERS = 4;
    private final String[][] orderNames = new String[ORDERS][];
    private final int[][] orderPermutation = new int[ORDERS][];
    private int nextOrder;

    private double parseValue(int from, int to) {
        if (from == to) {
            throw malformed("missing the sample value");
        }
        double fast = fastDouble(from, to);
        if (fast == fast) {
            return fast;
        }
        String s = new String(data, from, to - from, StandardCharsets.ISO_8859_1);
        switch (s) {
            case "NaN": return Double.NaN;
            case "+Inf", "Inf": return Double.POSITIVE_INFINITY;
            case "-Inf": return Double.NEGATIVE_INFINITY;
            default: break;
        }
        char last = s.charAt(s.length() - 1);
        if (!(last >= '0' && last <= '9' || last == '.')) {
            throw malformed("invalid sample value \"" + s + "\"");
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw malformed("invalid sample value \"" + s + "\"");
        }
    }

    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * A plain decimal {@code [-]digits[.digits]} of at most 15 significant digits, parsed exactly (one correctly
     * rounded multiplication or division of two exactly representable doubles); NaN for anything else, which
     * then goes to {@link Double#parseDouble}.
     */
    private double fastDouble(int from, int to) {
        int i = from;
        boolean negative = false;
        if (data[i] == '-') {
            negative = true;
            i++;
        }
        long m = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < to; i++) {
            int d = data[i] - '0';
            if (d >= 0 && d <= 9) {
                if (digits > 0 || d != 0) {
                    digits++;
                }
                m = m * 10 + d;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (data[i] == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits > 15 || fraction == 0 || i == from || (negative && i == from + 1) || fraction > 22) {
            return Double.NaN;
        }
        double v = fraction > 0 ? (double) m / POWERS[fraction] : (double) m;
        return negative ? -v : v;
    }

    /** Whether the sample named {@code data[from, to)} is the {@code _created} time of a counter or histogram. */
    private boolean created(int from, int to) {
        int n = to - from - "_created".length();
        if (n <= 0 || !new String(data, from + n, to - from - n, StandardCharsets.ISO_8859_1).equals("_created")) {
            return false;
        }
        String type = typeOf(new String(data, from, n, StandardCharsets.ISO_8859_1));
        return type != null && switch (type) {
            case "counter", "histogram", "gaugehistogram", "summary" -> true;
            default -> false;
        };
    }

    /** An OpenMetrics timestamp: seconds since the epoch, with up to 9 decimals kept. */
    private long parseSeconds(int from, int to) {
        int dot = from;
        while (dot < to && data[dot] != '.') {
            dot++;
        }
        long seconds = parseInteger(from, dot, 1_000_000_000L);
        long nanos = 0;
        int digits = 0;
        for (int i = dot + 1; i < to; i++) {
            int d = data[i] - '0';
            if (d < 0 || d > 9) {
                throw invalidTimestamp(from, to);
            }
            if (digits++ < 9) {
                nanos = nanos * 10 + d;
            }
        }
        for (; digits < 9; digits++) {
            nanos *= 10;
        }
        boolean negative = data[from] == '-';
        return seconds + (negative ? -nanos : nanos);
    }

    private long parseTimestamp(int from, int to) {
        return parseInteger(from, to, 1_000_000L);
    }

    /** A decimal integer times {@code scale}, or an invalid-timestamp error. */
    private long parseInteger(int from, int to, long scale) {
        int i = from;
        boolean negative = false;
        if (i < to && (data[i] == '-' || data[i] == '+')) {
            negative = data[i] == '-';
            i++;
        }
        if (i == to) {
            throw malformed("invalid timestamp");
        }
        long n = 0;
        for (; i < to; i++) {
            int d = data[i] - '0';
            if (d < 0 || d > 9 || n > (Long.MAX_VALUE / scale - d) / 10) {
                throw invalidTimestamp(from, to);
            }
            n = n * 10 + d;
        }
        return (negative ? -n : n) * scale;
    }

    private FluxException invalidTimestamp(int from, int to) {
        return malformed("invalid timestamp \"" + new String(data, from, to - from, StandardCharsets.UTF_8) + "\"");
    }

    /** Whether the last line that is not blank is {@code # EOF}, which marks OpenMetrics text. */
    public static boolean endsWithEof(byte[] data, int length) {
        int e = length;
        while (e > 0 && (data[e - 1] == '\n' || data[e - 1] == '\r' || data[e - 1] == ' ' || data[e - 1] == '\t')) {
            e--;
        }
        return e >= 5 && data[e - 5] == '#' && data[e - 4] == ' ' && data[e - 3] == 'E' && data[e - 2] == 'O'
                && data[e - 1] == 'F' && (e == 5 || data[e - 6] == '\n');
    }

    private int metricName(int i) {
        int j = i;
        while (j < lineEnd) {
            byte b = data[j];
            boolean ok = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_' || b == ':'
                    || j > i && b >= '0' && b <= '9';
            if (!ok) {
                break;
            }
            j++;
        }
        return j;
    }

    private int labelName(int i) {
        int j = i;
        while (j < lineEnd) {
            byte b = data[j];
            boolean ok = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_' || j > i && b >= '0' && b <= '9';
            if (!ok) {
                break;
            }
            j++;
        }
        return j;
    }

    private int word(int i) {
        while (i < lineEnd && !blank(data[i])) {
            i++;
        }
        return i;
    }

    private int skipBlanks(int i) {
        while (i < lineEnd && blank(data[i])) {
            i++;
        }
        return i;
    }

    private static boolean blank(byte b) {
        return b == ' ' || b == '\t';
    }

    private String intern(int from, int to) {
        return intern(new String(data, from, to - from, StandardCharsets.ISO_8859_1));
    }

    private String intern(String s) {
        String old = names.putIfAbsent(s, s);
        return old == null ? s : old;
    }

    private FluxException malformed(String why) {
        String text = new String(data, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
        if (text.length() > 200) {
            text = text.substring(0, 200) + "...";
        }
        // a parser of a part counts its lines from the part's start: those before it are counted now
        int line = lineNumber + (from > 0 && recordTypes == null ? ByteSearch.count(data, 0, from, (byte) '\n') : 0);
        return new FluxException(ErrorCode.INVALID, "exposition line " + line + ": " + why + ": " + text);
    }
}
