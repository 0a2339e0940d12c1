package io.jflux.io;

import io.jflux.table.ColumnMeta;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.TableBatcher;
import io.jflux.table.TableBuilder;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A series that appears in more than one place of an exposition (a metric family split in pieces, a series
 * repeated after others with another timestamp, its labels written in another order or with other spacing) must
 * still be one table. {@link ExpositionParser} makes one table per run of consecutive lines of a series written
 * alike; {@link #find} tells, before any table goes out, whether the text has a series in more than one such run,
 * and only then does the parser take the slow path of an instance of this class: every run is parsed into a
 * batcher of its own, then the caller's batcher gets one table per group key, in the order of their first lines
 * (a series' only run as it is, the runs of a series met in several places copied into one table).
 *
 * <p>{@link #find} reads every sample line once: it hashes the metric name (less any {@code _bucket} at its end,
 * since a histogram's buckets take the family's name) and the label pairs (each value as written, which is its one
 * spelling; the pairs' hashes summed, so their order and the blanks between them do not count), puts the 64-bit
 * hash of the line in a set of primitives (one per metric family, see {@link Finder#families}), and compares the
 * lines themselves only when a hash is met again. A line written exactly like the sample line before it is
 * skipped: the parser keeps it in the same table. Lines it cannot read are left to the parser, which reports them
 * and stops there. It errs only towards the slow path (a name that is not really a histogram's, a line with a NaN
 * value that makes no row), and the slow path gives the parser's own answer in every case.
 */
public final class RepeatedSeries {

    private static final VarHandle LONGS = ByteSearch.LONGS;
    private static final long M = 0x9E3779B97F4A7C15L;
    private static final byte[] BUCKET = {'_', 'b', 'u', 'c', 'k', 'e', 't'};

    private final TableBatcher target;
    private final TableBatcher runs;
    private boolean done;

    /** Slow path: the parser writes its runs into {@link #runs}; {@link #step} merges them into {@code target}. */
    RepeatedSeries(TableBatcher target) {
        this.target = target;
        this.runs = target.sibling();
    }

    /** The batcher the parser writes its runs into. */
    TableBatcher runs() {
        return runs;
    }

    /**
     * Parses every line ({@code parseLine} until it returns false: the runs end up in {@link #runs}), then hands
     * the target batcher one table per group key, in the order of first lines: a series' only run as it is, the
     * runs of a series met in several places copied into one table; flushes the target and returns false, as the
     * parser's last step does. Whatever it fails with, the runs' memory is released.
     */
    boolean step(BooleanSupplier parseLine) {
        if (done) {
            return false;
        }
        done = true;
        Map<Object, Object> groups = new LinkedHashMap<>(); // a run, or the list of a series' runs
        try {
            while (parseLine.getAsBoolean()) {
                // the next line
            }
            FluxTable t;
            while ((t = runs.poll()) != null) {
                Object series = series(t);
                Object first = groups.putIfAbsent(series, t);
                if (first instanceof FluxTable run) {
                    List<FluxTable> group = new ArrayList<>(4);
                    group.add(run);
                    group.add(t);
                    groups.put(series, group);
                } else if (first != null) {
                    @SuppressWarnings("unchecked")
                    List<FluxTable> group = (List<FluxTable>) first;
                    group.add(t);
                }
            }
            for (Iterator<Object> it = groups.values().iterator(); it.hasNext();) {
                Object g = it.next();
                it.remove();
                if (g instanceof FluxTable run) {
                    target.offer(run);
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<FluxTable> group = (List<FluxTable>) g;
                try {
                    FluxTable first = group.get(0);
                    TableBuilder b = target.startTable(first.key(), first.columns());
                    for (FluxTable run : group) {
                        for (int c = 0; c < run.columnCount(); c++) {
                            b.appendRange(c, run, c, 0, run.rowCount());
                        }
                    }
                    target.endTable();
                } finally {
                    for (FluxTable run : group) {
                        run.close();
                    }
                }
            }
            target.flush();
        } finally {
            for (Object g : groups.values()) {
                if (g instanceof FluxTable run) {
                    run.close();
                } else {
                    for (Object run : (List<?>) g) {
                        ((FluxTable) run).close();
                    }
                }
            }
            runs.close();
        }
        return false;
    }

    /**
     * What tells a run's series from the others: its columns and the parser's compact key, which compares without
     * making the key's values; the group key itself for any other key.
     */
    private static Object series(FluxTable t) {
        GroupKey key = t.key();
        return key.source() instanceof ExpositionParser.SeriesKey s ? new Series(key.columns(), s) : key;
    }

    private record Series(List<ColumnMeta> columns, ExpositionParser.SeriesKey key) {}

    /** What a metric name loses at its end to name its family (after any {@code _bucket}s), the first that fits. */
    private static final String[] FAMILY_SUFFIXES = {"_bucket", "_count", "_sum", "_total", "_created", "_gcount",
        "_gsum"};

    /**
     * The family of a metric name as {@link #find} and {@link #families} name it: less every {@code _bucket} at its
     * end, then less the first of {@link #FAMILY_SUFFIXES} it ends with. The lines of one series are all of one
     * family.
     */
    static String familyOf(String name) {
        int to = name.length();
        while (to > BUCKET.length && name.startsWith("_bucket", to - BUCKET.length)) {
            to -= BUCKET.length;
        }
        for (String suffix : FAMILY_SUFFIXES) {
            if (to > suffix.length() && name.startsWith(suffix, to - suffix.length())) {
                to -= suffix.length();
                break;
            }
        }
        return name.substring(0, to);
    }

    /** Whether a series of {@code data[0, length)} may appear in more than one run of lines (see the class). */
    public static boolean find(byte[] data, int length) {
        return new Finder(data, length).run();
    }

    /**
     * What is known of one part of a text read on its own ({@link #families}): the metric families it has lines
     * of, or that it was not read ({@link #UNKNOWN}).
     */
    public static final class PartCheck {
        /** A part not read: taken as one where a series may repeat. */
        public static final PartCheck UNKNOWN = new PartCheck(true, java.util.Set.of());

        private final boolean repeats;
        private final java.util.Set<String> families;

        private PartCheck(boolean repeats, java.util.Set<String> families) {
            this.repeats = repeats;
            this.families = families;
        }
    }

    /**
     * The metric families that the part {@code data[from, to)} (whole lines) of the text {@code data[0, length)}
     * has sample lines of, read from the lines' names alone, as a {@link PartCheck} that has met no series again:
     * the series met again inside a part are then for the part's parser to see
     * ({@link ExpositionParser.SeriesWatch}). Several parts can be read at the same time.
     */
    public static PartCheck families(byte[] data, int length, int from, int to) {
        return new PartCheck(false, new Finder(data, length).families(from, to));
    }

    /**
     * Whether a series of a text whose parts, one after the other from its start to its end, were read by
     * {@link #families}, may be in more than one part: when no two parts have lines of one family, no series can
     * be, so false (a series met again inside its part is for the part's parser to see); else (a family in two
     * parts, which cuts at family boundaries make rare), or when a part was not read, the whole text is read as
     * {@link #find} reads it.
     */
    public static boolean find(byte[] data, int length, PartCheck[] parts) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (PartCheck p : parts) {
            if (p.repeats) {
                return find(data, length);
            }
        }
        for (PartCheck p : parts) {
            for (String family : p.families) {
                if (!seen.add(family)) {
                    return find(data, length);
                }
            }
        }
        return false;
    }

    /**
     * A set of line hashes: pairs (hash, offset of the line) in open addressing, hash 0 marking a free slot, and the
     * slots taken, so that emptying it costs what was put in. Also the set of series hashes of a part's parser
     * ({@link ExpositionParser.SeriesWatch}, through {@link #add}).
     */
    static final class Lines {
        long[] table = new long[2 * 64];
        int[] taken = new int[32];
        int size;

        void clear() {
            for (int k = 0; k < size; k++) {
                table[2 * taken[k]] = 0;
            }
            size = 0;
        }

        /** Adds hash {@code h} (offset 0); true when it was there already. */
        boolean add(long h) {
            if (h == 0) {
                h = 1;
            }
            int mask = (table.length >> 1) - 1;
            int k = (int) (h ^ (h >>> 32)) & mask;
            long at;
            while ((at = table[2 * k]) != 0) {
                if (at == h) {
                    return true;
                }
                k = (k + 1) & mask;
            }
            put(k, h, 0);
            return false;
        }

        void put(int slot, long h, int line) {
            table[2 * slot] = h;
            table[2 * slot + 1] = line;
            if (size == taken.length) {
                taken = Arrays.copyOf(taken, size * 2);
            }
            taken[size++] = slot;
            if (size * 4 > table.length) {
                grow();
            }
        }

        private void grow() {
            long[] old = table;
            table = new long[old.length * 2];
            int mask = (table.length >> 1) - 1;
            for (int k = 0; k < size; k++) {
                int s = taken[k];
                long h = old[2 * s];
                int slot = (int) (h ^ (h >>> 32)) & mask;
                while (table[2 * slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[2 * slot] = h;
                table[2 * slot + 1] = old[2 * s + 1];
                taken[k] = slot;
            }
        }
    }

    /** A metric family met in the text: where its first run of lines is, and its own set once it is met again. */
    private static final class Family {
        int from = -1;
        int to;
        Lines lines;
    }

    /** The pre-pass over the text: one instance per call of {@link #find}. */
    private static final class Finder {
        private static final long QUOTES = ByteSearch.pattern('"');
        private static final long BACKSLASHES = ByteSearch.pattern('\\');
        private static final int KEYS = 16;
        private static final boolean[] NAME = new boolean[256];
        private static final boolean[] NAME_START = new boolean[256];
        private static final byte[][] SUFFIXES = new byte[FAMILY_SUFFIXES.length][];

        static {
            for (int k = 0; k < SUFFIXES.length; k++) {
                SUFFIXES[k] = FAMILY_SUFFIXES[k].getBytes(StandardCharsets.ISO_8859_1);
            }
            for (int c = 0; c < 256; c++) {
                NAME_START[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
                NAME[c] = NAME_START[c] || c >= '0' && c <= '9';
            }
        }

        private final byte[] data;
        private final int end;
        /** The last offset at which eight bytes can be read as one long. */
        private final int lastWord;
        /**
         * The families by name (the metric name less a suffix such as {@code _bucket} or {@code _sum}): the lines of
         * a series are all in one family. Families usually come in one run of lines each; the lines of such a run
         * go into {@link #shared}, emptied when the run ends, and a family gets a set of its own (with the lines
         * of its first run) only when it is met again, so the sets stay small enough for the cache and cost no
         * allocation per family.
         */
        private final Map<String, Family> families = new HashMap<>();
        private final Lines shared = new Lines();
        /**
         * Of the last line read, when it had labels: where each pair followed by a comma ends (from the start of the
         * name) and the sum of the pairs' hashes up to there; a line that begins as it did, up to the end of some
         * of those pairs, takes them as they are. Lines of a histogram's series differ only in their last label.
         */
        private final int[] pairEnd = new int[KEYS];
        private final long[] partial = new long[KEYS];
        /** How many of {@link #pairEnd} hold for the last line, or -1 when it had no labels. */
        private int pairCount = -1;
        /**
         * Per label position, the label of the last line that had one there, when it fits in two longs with its
         * {@code ="}: its bytes, their masks, its length and hash. Lines of one family mostly write the same labels
         * in the same places, so a label is usually known by one or two comparisons of longs.
         */
        private final long[] key0 = new long[KEYS];
        private final long[] key1 = new long[KEYS];
        private final long[] mask0 = new long[KEYS];
        private final long[] mask1 = new long[KEYS];
        private final int[] keyLength = new int[KEYS];
        private final long[] keyHash = new long[KEYS];
        private Family family;
        private Lines lines = shared;
        private int runStart;

        Finder(byte[] data, int end) {
            this.data = data;
            this.end = end;
            this.lastWord = data.length - 8;
        }

        boolean run() {
            return scan(0, end, true);
        }

        /** The families of the sample lines of {@code data[from, to)} (whole lines), as {@link #scan} names them. */
        private java.util.Set<String> families(int from, int to) {
            java.util.Set<String> out = new java.util.HashSet<>();
            final byte[] d = data;
            int prevNameStart = 0;
            int prevNameLength = -1;
            int prevFamilyStart = 0;
            int prevFamilyLength = -1;
            int i = from;
            while (i < to) {
                int lineStart = i;
                int e = ByteSearch.indexOf(d, i, end, (byte) '\n');
                if (e > to) {
                    e = to;
                }
                i = e + 1;
                int at = lineStart;
                byte b = d[at];
                while ((b == ' ' || b == '\t') && ++at < e) {
                    b = d[at];
                }
                if (at == e || !NAME_START[b & 0xff]) {
                    continue;
                }
                int nameEnd = at + prevNameLength;
                if (prevNameLength >= 0 && nameEnd < e && !NAME[d[nameEnd] & 0xff]
                        && ByteSearch.same(d, at, d, prevNameStart, prevNameLength)) {
                    continue; // the name of the line before
                }
                nameEnd = at + 1;
                while (nameEnd < e && NAME[d[nameEnd] & 0xff]) {
                    nameEnd++;
                }
                prevNameStart = at;
                prevNameLength = nameEnd - at;
                int familyLength = familyEnd(at, nameEnd) - at;
                if (familyLength != prevFamilyLength || !ByteSearch.same(d, at, d, prevFamilyStart, familyLength)) {
                    prevFamilyStart = at;
                    prevFamilyLength = familyLength;
                    out.add(new String(d, at, familyLength, StandardCharsets.ISO_8859_1));
                }
            }
            return out;
        }

        /** Where the family of metric name {@code data[from, to)} ends: less its {@code _bucket}s, then a suffix. */
        private int familyEnd(int from, int to) {
            int stripped = withoutBuckets(from, to);
            for (byte[] suffix : SUFFIXES) {
                if (endsWith(from, stripped, suffix)) {
                    return stripped - suffix.length;
                }
            }
            return stripped;
        }

        /**
         * Adds the hash of every sample line of {@code data[from, to)} (whole lines) to {@link #lines}; true as soon
         * as a series is met again. With {@code runs}, it follows the families (see {@link #families}).
         */
        private boolean scan(int from, int to, boolean runs) {
            final byte[] d = data;
            final int n = to;
            int prevIdStart = 0;
            int prevIdLength = -1;
            int prevNameStart = 0;
            int prevNameLength = -1;
            int prevFamilyStart = 0;
            int prevFamilyLength = -1;
            long nameHash = 0;
            long prevHash = 0;
            int i = from;
            while (i < n) {
                int lineStart = i;
                int e = ByteSearch.indexOf(data, i, end, (byte) '\n'); // the end of the line
                if (e > n) {
                    e = n;
                }
                i = e + 1;
                int at = lineStart;
                byte b = d[at];
                while ((b == ' ' || b == '\t') && ++at < e) {
                    b = d[at];
                }
                if (at == e || !NAME_START[b & 0xff]) { // a comment, a blank line, or a line for the parser to report
                    continue;
                }
                int nameStart = at;
                int nameEnd = nameStart + prevNameLength;
                boolean sameName = true;
                if (prevNameLength < 0 || nameEnd >= e || NAME[d[nameEnd] & 0xff]
                        || !ByteSearch.same(d, nameStart, d, prevNameStart, prevNameLength)) {
                    sameName = false;
                    nameEnd = nameStart + 1;
                    while (nameEnd < e && NAME[d[nameEnd] & 0xff]) {
                        nameEnd++;
                    }
                    prevNameStart = nameStart;
                    prevNameLength = nameEnd - nameStart;
                    int stripped = withoutBuckets(nameStart, nameEnd);
                    nameHash = hash(nameStart, stripped);
                    int familyLength = familyEnd(nameStart, nameEnd) - nameStart;
                    if (runs && (familyLength != prevFamilyLength || !ByteSearch.same(d, nameStart, d,
                            prevFamilyStart, familyLength))) {
                        prevFamilyStart = nameStart;
                        prevFamilyLength = familyLength;
                        if (startFamily(new String(d, nameStart, familyLength, StandardCharsets.ISO_8859_1),
                                lineStart)) {
                            return true;
                        }
                    }
                }
                int j;
                int k = 0;
                long pairs = 0;
                boolean labelled;
                int reused = 0;
                if (sameName && pairCount >= 0) {
                    // the pairs this line writes as the last one did count as they did there
                    int m = Arrays.mismatch(d, nameStart, Math.min(e, nameStart + prevIdLength), d, prevIdStart,
                            prevIdStart + prevIdLength);
                    if (m < 0) {
                        continue; // written exactly like the last line: in its table
                    }
                    reused = pairCount;
                    while (reused > 0 && pairEnd[reused - 1] > m) {
                        reused--;
                    }
                }
                if (reused > 0) {
                    k = reused;
                    pairs = partial[reused - 1];
                    j = nameStart + pairEnd[reused - 1];
                    labelled = true;
                } else {
                    j = skipBlanks(nameEnd, e);
                    labelled = j < e && d[j] == '{';
                    j++;
                }
                int idEnd = nameEnd;
                pairCount = -1;
                if (labelled) {
                    idEnd = -1;
                    for (;; k++) {
                        j = skipBlanks(j, e);
                        if (j >= e) {
                            break;
                        }
                        if (d[j] == '}') {
                            idEnd = j + 1;
                            break;
                        }
                        long labelHash;
                        int vs;
                        int len = k < KEYS ? keyLength[k] : 0;
                        if (len > 0 && j <= lastWord - 8 && (((long) LONGS.get(d, j) ^ key0[k]) & mask0[k]) == 0
                                && (((long) LONGS.get(d, j + 8) ^ key1[k]) & mask1[k]) == 0) {
                            labelHash = keyHash[k]; // the label written as on the last line that had it here
                            vs = j + len;
                        } else {
                            int ls = j;
                            int eq = ByteSearch.indexOf(data, j, end, (byte) '=');
                            if (eq >= e) {
                                break;
                            }
                            int le = eq;
                            while (le > ls && (d[le - 1] == ' ' || d[le - 1] == '\t')) {
                                le--;
                            }
                            j = skipBlanks(eq + 1, e);
                            if (j >= e || d[j] != '"') {
                                break;
                            }
                            vs = j + 1;
                            labelHash = hash(ls, le);
                            if (k < KEYS) {
                                remember(k, ls, vs, labelHash);
                            }
                        }
                        int ve = closingQuote(vs, e);
                        if (ve >= e) {
                            break;
                        }
                        long p = labelHash * M ^ valueHash;
                        p *= 0xff51afd7ed558ccdL;
                        pairs += p ^ p >>> 29;
                        j = skipBlanks(ve + 1, e);
                        if (j < e && d[j] == ',') {
                            j++;
                            if (k < KEYS) {
                                pairEnd[k] = j - nameStart;
                                partial[k] = pairs;
                                reused = k + 1;
                            }
                        } else {
                            if (j < e && d[j] == '}') {
                                idEnd = j + 1;
                            }
                            break;
                        }
                    }
                    if (idEnd < 0) { // for the parser to report
                        prevIdLength = -1;
                        continue;
                    }
                    pairCount = reused;
                }
                long h = mix(nameHash ^ mix(pairs));
                int idLength = idEnd - nameStart;
                if (h != prevHash || idLength != prevIdLength
                        || !ByteSearch.same(d, nameStart, d, prevIdStart, idLength)) {
                    prevIdStart = nameStart;
                    prevIdLength = idLength;
                    prevHash = h;
                    if (add(h, lineStart)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Notes label {@code data[from, valueStart)} (name, {@code =}, quote) at position {@code k} if it fits. */
        private void remember(int k, int from, int valueStart, long hash) {
            int len = valueStart - from;
            if (len > 16 || from > lastWord - 8 || data[valueStart - 2] != '=') {
                keyLength[k] = 0;
                return;
            }
            keyLength[k] = len;
            mask0[k] = len >= 8 ? -1L : -1L >>> (64 - 8 * len);
            mask1[k] = len <= 8 ? 0 : -1L >>> (128 - 8 * len);
            key0[k] = (long) LONGS.get(data, from) & mask0[k];
            key1[k] = (long) LONGS.get(data, from + 8) & mask1[k];
            keyHash[k] = hash;
        }

        /**
         * Starts the run of lines of family {@code name} at {@code lineStart}; when the family was met before, gives
         * it a set of its own with the lines of its first run. True when that finds a series met again.
         */
        private boolean startFamily(String name, int lineStart) {
            if (family != null && family.lines == null) {
                family.from = runStart;
                family.to = lineStart;
            }
            shared.clear();
            family = families.computeIfAbsent(name, k -> new Family());
            runStart = lineStart;
            if (family.lines != null) {
                lines = family.lines;
            } else if (family.from >= 0) {
                lines = family.lines = new Lines();
                return scan(family.from, family.to, false);
            } else {
                lines = shared;
            }
            return false;
        }

        /** Adds the line's hash to {@link #lines}; true when an earlier line with that hash is of the same series. */
        private boolean add(long h, int line) {
            if (h == 0) {
                h = 1;
            }
            Lines set = lines;
            long[] t = set.table;
            int mask = (t.length >> 1) - 1;
            int k = (int) (h ^ (h >>> 32)) & mask;
            while (true) {
                long at = t[2 * k];
                if (at == 0) {
                    set.put(k, h, line);
                    return false;
                }
                if (at == h && sameSeries((int) t[2 * k + 1], line)) {
                    return true;
                }
                k = (k + 1) & mask;
            }
        }

        /** Whether the sample lines at {@code a} and {@code b} have the same name and the same label pairs. */
        private boolean sameSeries(int a, int b) {
            int[] x = tokens(a);
            int[] y = tokens(b);
            if (x == null || y == null || x.length != y.length
                    || !Arrays.equals(data, x[0], x[1], data, y[0], y[1])) {
                return false;
            }
            for (int p = 2; p < x.length; p += 4) {
                if (!Arrays.equals(data, x[p], x[p + 1], data, y[p], y[p + 1])
                        || !Arrays.equals(data, x[p + 2], x[p + 3], data, y[p + 2], y[p + 3])) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The line's name (less any {@code _bucket} at its end) and label pairs as offsets {@code name from, to,
         * then per pair label from, to, value from, to}, pairs sorted by label; null if the line cannot be read.
         */
        private int[] tokens(int i) {
            byte[] d = data;
            i = skipBlanks(i, end);
            int nameStart = i;
            while (i < end && NAME[d[i] & 0xff]) {
                i++;
            }
            int nameEnd = withoutBuckets(nameStart, i);
            List<int[]> pairs = new ArrayList<>();
            i = skipBlanks(i, end);
            if (i < end && d[i] == '{') {
                i++;
                while (true) {
                    i = skipBlanks(i, end);
                    if (i < end && d[i] == '}') {
                        break;
                    }
                    int ls = i;
                    while (i < end && NAME[d[i] & 0xff] && d[i] != ':') {
                        i++;
                    }
                    int le = i;
                    i = skipBlanks(i, end);
                    if (le == ls || i >= end || d[i] != '=') {
                        return null;
                    }
                    i = skipBlanks(i + 1, end);
                    if (i >= end || d[i] != '"') {
                        return null;
                    }
                    int vs = ++i;
                    while (i < end && d[i] != '"' && d[i] != '\n') {
                        i += d[i] == '\\' ? 2 : 1;
                    }
                    if (i >= end || d[i] != '"') {
                        return null;
                    }
                    pairs.add(new int[] {ls, le, vs, i});
                    i = skipBlanks(i + 1, end);
                    if (i < end && d[i] == ',') {
                        i++;
                    } else if (i >= end || d[i] != '}') {
                        return null;
                    }
                }
            }
            pairs.sort((p, q) -> Arrays.compare(d, p[0], p[1], d, q[0], q[1]));
            int[] out = new int[2 + 4 * pairs.size()];
            out[0] = nameStart;
            out[1] = nameEnd;
            for (int p = 0; p < pairs.size(); p++) {
                System.arraycopy(pairs.get(p), 0, out, 2 + 4 * p, 4);
            }
            return out;
        }

        /**
         * The end of name {@code data[from, to)} less every {@code _bucket} at its end: a series' field is its name
         * or, for a histogram's bucket, the name less one {@code _bucket}, and either way this is the same.
         */
        private int withoutBuckets(int from, int to) {
            while (endsWith(from, to, BUCKET)) {
                to -= BUCKET.length;
            }
            return to;
        }

        private boolean endsWith(int from, int to, byte[] suffix) {
            int n = suffix.length;
            return to - from > n && data[to - 1] == suffix[n - 1] && data[to - n] == '_'
                    && Arrays.equals(data, to - n, to, suffix, 0, n);
        }

        /** A hash of {@code data[from, to)}, eight bytes at a time. */
        private long hash(int from, int to) {
            byte[] d = data;
            long h = to - from;
            int i = from;
            for (; i + 8 <= to; i += 8) {
                h = (h ^ (long) LONGS.get(d, i)) * M;
                h ^= h >>> 32;
            }
            if (i < to) {
                long w;
                if (i <= lastWord) {
                    w = (long) LONGS.get(d, i) & (-1L >>> (64 - 8 * (to - i)));
                } else {
                    w = 0;
                    for (int k = to - 1; k >= i; k--) {
                        w = w << 8 | (d[k] & 0xff);
                    }
                }
                h = (h ^ w) * M;
                h ^= h >>> 32;
            }
            return h;
        }

        /**
         * The offset of the quote that ends a label value starting at {@code i} (escapes skipped), or {@code e} (the
         * end of the line) if there is none before it; the hash of the value's bytes goes to {@link #valueHash}.
         */
        private int closingQuote(int i, int e) {
            byte[] d = data;
            long h = 0;
            while (i < e) {
                long w = i <= lastWord ? (long) LONGS.get(d, i) : tail(i);
                long m = ByteSearch.matches(w, QUOTES) | ByteSearch.matches(w, BACKSLASHES);
                if (m == 0) {
                    h = (h ^ w) * M;
                    h ^= h >>> 32;
                    i += 8;
                    continue;
                }
                int bits = Long.numberOfTrailingZeros(m) - 7; // of the bytes before the first match
                int k = i + (bits >>> 3);
                if (k >= e) {
                    return e;
                }
                h = (h ^ w & ((1L << bits) - 1) ^ (long) bits << 56) * M;
                h ^= h >>> 32;
                if (d[k] == '"') {
                    valueHash = h;
                    return k;
                }
                if (k + 1 >= e) {
                    return e;
                }
                h = (h ^ (d[k + 1] & 0xff)) * M; // the escaped character
                h ^= h >>> 32;
                i = k + 2;
            }
            return e;
        }

        /** The bytes from {@code i} to the end of the data as a little-endian long, zeros after the end. */
        private long tail(int i) {
            long w = 0;
            for (int k = Math.min(data.length, i + 8) - 1; k >= i; k--) {
                w = w << 8 | (data[k] & 0xff);
            }
            return w;
        }

        /** The hash of the label value {@link #closingQuote} found last. */
        private long valueHash;

        private int skipBlanks(int i, int e) {
            while (i < e && (data[i] == ' ' || data[i] == '\t')) {
                i++;
            }
            return i;
        }

        private static long mix(long h) {
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            h ^= h >>> 33;
            return h;
        }
    }
}
