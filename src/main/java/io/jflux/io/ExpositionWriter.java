package io.jflux.io;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.Values;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes tables as Prometheus text exposition (format 0.0.4), the inverse of what {@code prometheus.scrape}
 * produces, following the rules of a ClickHouse-style {@code Prometheus} output format:
 * <ul>
 * <li>one sample per row: the metric name is {@code _field} (else {@code _measurement}), the value is
 * {@code _value} (int, uint or float; rows with a null value are skipped), the timestamp is {@code _time} in
 * milliseconds when the table has a non-null {@code _time} (drop the column for samples without timestamps);
 * <li>labels are the other string columns except {@code _measurement}, {@code _field}, {@code url} (which
 * {@code scrape} adds itself), {@code _type} and {@code _help}, sorted by name; empty and null labels are
 * omitted, as Prometheus treats them as absent; names outside Prometheus's alphabet get {@code _} for each bad
 * character;
 * <li>a metric with an {@code le} label is a histogram: {@code name_bucket} lines (sorted by bound) then the
 * {@code name_sum} and {@code name_count} fields of the same labels (a missing count is the {@code +Inf}
 * bucket); one with a {@code quantile} label is a summary (quantiles, sum, count); both get a {@code # TYPE}
 * line;
 * <li>the optional string columns {@code _type} and {@code _help} play the part of ClickHouse's {@code type} and
 * {@code help}: the first non-empty {@code _help} of a metric family is its {@code # HELP} text (backslashes and
 * line feeds escaped as the format requires), and {@code _type} ({@code counter}, {@code gauge},
 * {@code histogram}, {@code summary}, {@code untyped}, or empty for none) its {@code # TYPE}; it must agree with
 * the {@code le} or {@code quantile} labels. A family with neither gets no {@code # HELP} and no {@code # TYPE}
 * line (which Prometheus reads as untyped): tables do not say whether a value is a counter or a gauge;
 * <li>every sample of a metric family is written together, families in name order with a blank line between
 * them, so the samples of all tables are collected first and written by {@link #finish}.
 * </ul>
 */
public final class ExpositionWriter {

    private static final Set<String> NOT_LABELS = Set.of("_measurement", "_field", "url", "_type", "_help");
    private static final List<String> TYPES = List.of("counter", "gauge", "histogram", "summary", "untyped");

    /**
     * One sample: metric name, sorted label pairs (name, value, name, value...), value, time in ms or none, and
     * the row's {@code _type} and {@code _help} (null when not given).
     */
    private record Sample(String name, String[] labels, double value, boolean timed, long millis, String type,
            String help) {

        String label(String key) {
            for (int i = 0; i < labels.length; i += 2) {
                if (labels[i].equals(key)) {
                    return labels[i + 1];
                }
            }
            return null;
        }

        /** The labels without {@code except}, as a comparable key. */
        String groupKey(String except) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i].equals(except)) {
                    sb.append(labels[i]).append('\0').append(labels[i + 1]).append('\0');
                }
            }
            return sb.toString();
        }
    }

    private final Writer out;
    private final List<Sample> samples = new ArrayList<>();
    private final StringBuilder line = new StringBuilder(256);

    /** Writes to {@code out}, which the caller flushes and closes. */
    public ExpositionWriter(Writer out) {
        this.out = out;
    }

    /** Collects the samples of {@code t}; the caller closes it. */
    public void add(FluxTable t) {
        int name = t.columnIndex("_field");
        if (name < 0 || t.column(name).type() != ColumnType.STRING) {
            name = t.columnIndex("_measurement");
        }
        int value = t.columnIndex("_value");
        if (name < 0 || t.column(name).type() != ColumnType.STRING) {
            throw new FluxException(ErrorCode.INVALID, "prometheus format: a table has neither a _field nor a"
                    + " _measurement string column to name its metrics; group key " + t.key());
        }
        if (value < 0) {
            throw new FluxException(ErrorCode.INVALID, "prometheus format: a table has no _value column;"
                    + " group key " + t.key());
        }
        ColumnType vt = t.column(value).type();
        if (vt != ColumnType.FLOAT && vt != ColumnType.INT && vt != ColumnType.UINT) {
            throw new FluxException(ErrorCode.INVALID, "prometheus format: _value must be a float, int or uint,"
                    + " not " + vt.name().toLowerCase() + "; group key " + t.key());
        }
        int time = t.columnIndex("_time");
        if (time >= 0 && t.column(time).type() != ColumnType.TIME) {
            time = -1;
        }
        int type = stringColumn(t, "_type");
        int help = stringColumn(t, "_help");
        TreeMap<String, Integer> labelColumns = new TreeMap<>();
        for (int c = 0; c < t.columnCount(); c++) {
            String label = t.column(c).label();
            if (t.column(c).type() == ColumnType.STRING && !label.startsWith("__") && !NOT_LABELS.contains(label)
                    && c != name) {
                labelColumns.put(labelName(label), c);
            }
        }
        String[] labelNames = labelColumns.keySet().toArray(new String[0]);
        int[] labelIndex = labelColumns.values().stream().mapToInt(Integer::intValue).toArray();
        String[] pairs = new String[labelNames.length * 2];
        for (int r = 0; r < t.rowCount(); r++) {
            if (t.isNull(value, r) || t.isNull(name, r)) {
                continue;
            }
            double v = switch (vt) {
                case FLOAT -> t.getDouble(value, r);
                case INT -> t.getLong(value, r);
                default -> unsigned(t.getLong(value, r));
            };
            int n = 0;
            for (int i = 0; i < labelNames.length; i++) {
                int c = labelIndex[i];
                if (!t.isNull(c, r)) {
                    String s = t.getString(c, r);
                    if (!s.isEmpty()) {
                        pairs[n++] = labelNames[i];
                        pairs[n++] = s;
                    }
                }
            }
            boolean timed = time >= 0 && !t.isNull(time, r);
            long millis = timed ? Math.floorDiv(t.getLong(time, r), 1_000_000L) : 0;
            String metric = metricName(t.getString(name, r));
            String typeText = text(t, type, r);
            if (typeText != null && !TYPES.contains(typeText)) {
                throw new FluxException(ErrorCode.INVALID, "prometheus format: _type \"" + typeText + "\" of metric "
                        + metric + " is not one of " + String.join(", ", TYPES) + " (or empty)");
            }
            samples.add(new Sample(metric, Arrays.copyOf(pairs, n), v, timed, millis, typeText, text(t, help, r)));
        }
    }

    /** The index of the string column {@code label}, or -1. */
    private static int stringColumn(FluxTable t, String label) {
        int c = t.columnIndex(label);
        return c >= 0 && t.column(c).type() == ColumnType.STRING ? c : -1;
    }

    /** The value of string column {@code c} in row {@code r}; null when there is no column, or it is null or empty. */
    private static String text(FluxTable t, int c, int r) {
        if (c < 0 || t.isNull(c, r)) {
            return null;
        }
        String v = t.getString(c, r);
        return v.isEmpty() ? null : v;
    }

    private static double unsigned(long u) {
        double d = (double) (u >>> 1) * 2.0;
        return d + (u & 1);
    }

    /** Writes every collected sample, grouped in metric families, and forgets them. */
    public void finish() {
        Set<String> histograms = new HashSet<>();
        Set<String> summaries = new HashSet<>();
        for (Sample s : samples) {
            if (s.label("le") != null) {
                histograms.add(s.name());
            }
        }
        for (Sample s : samples) {
            if (s.label("quantile") != null && !histograms.contains(s.name())) {
                summaries.add(s.name());
            }
        }
        // family name -> samples, families in name order, samples in input order
        TreeMap<String, List<Sample>> families = new TreeMap<>();
        for (Sample s : samples) {
            families.computeIfAbsent(family(s.name(), histograms, summaries), k -> new ArrayList<>()).add(s);
        }
        // every family's type is checked before anything is written
        Map<String, String> types = new HashMap<>();
        for (Map.Entry<String, List<Sample>> f : families.entrySet()) {
            String family = f.getKey();
            String rebuilt = histograms.contains(family) ? "histogram" : summaries.contains(family) ? "summary" : null;
            try {
                types.put(family, declaredType(family, rebuilt, f.getValue()));
            } catch (FluxException e) {
                samples.clear();
                throw e;
            }
        }
        try {
            boolean first = true;
            for (Map.Entry<String, List<Sample>> f : families.entrySet()) {
                String family = f.getKey();
                String type = types.get(family);
                if (!first) {
                    out.append('\n');
                }
                first = false;
                String help = null;
                for (Sample s : f.getValue()) {
                    if (s.help() != null) {
                        help = s.help();
                        break;
                    }
                }
                if (help != null) {
                    line.setLength(0);
                    line.append("# HELP ").append(family).append(' ');
                    escapeHelp(help);
                    out.append(line.append('\n'));
                }
                if (type != null) {
                    out.append("# TYPE ").append(family).append(' ').append(type).append('\n');
                }
                if (histograms.contains(family)) {
                    writeComplex(family, "histogram", "le", f.getValue());
                } else if (summaries.contains(family)) {
                    writeComplex(family, "summary", "quantile", f.getValue());
                } else {
                    List<Sample> list = new ArrayList<>(f.getValue());
                    list.sort(Comparator.comparing(s -> s.groupKey(null))); // stable: times stay in order
                    for (Sample s : list) {
                        sample(s.name(), s);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            samples.clear();
        }
    }

    /**
     * The {@code # TYPE} of a family: {@code rebuilt} (histogram or summary, from its labels) or else the
     * {@code _type} its samples give; a user error when they give two, or one that contradicts the labels.
     */
    private static String declaredType(String family, String rebuilt, List<Sample> list) {
        String declared = null;
        for (Sample s : list) {
            if (s.type() != null && declared == null) {
                declared = s.type();
            } else if (s.type() != null && !s.type().equals(declared)) {
                throw new FluxException(ErrorCode.INVALID, "prometheus format: metric " + family + " has two _type"
                        + " values, " + declared + " and " + s.type());
            }
        }
        if (rebuilt != null && declared != null && !declared.equals(rebuilt)) {
            throw new FluxException(ErrorCode.INVALID, "prometheus format: metric " + family + " has "
                    + (rebuilt.equals("histogram") ? "le" : "quantile") + " labels, so it is written as a " + rebuilt
                    + ", but its _type is " + declared);
        }
        if (rebuilt == null && ("histogram".equals(declared) || "summary".equals(declared))) {
            throw new FluxException(ErrorCode.INVALID, "prometheus format: metric " + family + " has _type "
                    + declared + " but no sample with " + (declared.equals("histogram") ? "an le" : "a quantile")
                    + " label to rebuild it from");
        }
        return rebuilt != null ? rebuilt : declared;
    }

    /** The family of a metric: a histogram's or summary's name for its {@code _sum} and {@code _count}. */
    private static String family(String name, Set<String> histograms, Set<String> summaries) {
        for (String suffix : new String[] {"_sum", "_count"}) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                if (histograms.contains(base) || summaries.contains(base)) {
                    return base;
                }
            }
        }
        return name;
    }

    /** A histogram or summary: per label set (without {@code by}), the buckets or quantiles, sum and count. */
    private void writeComplex(String family, String type, String by, List<Sample> list) throws IOException {
        Map<String, List<Sample>[]> groups = new TreeMap<>();
        for (Sample s : list) {
            String key = s.groupKey(by);
            @SuppressWarnings("unchecked")
            List<Sample>[] g = groups.computeIfAbsent(key, k -> new List[] {
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()});
            if (s.name().equals(family + "_sum")) {
                g[1].add(s);
            } else if (s.name().equals(family + "_count")) {
                g[2].add(s);
            } else if (s.label(by) != null) {
                g[0].add(s);
            } else {
                g[3].add(s);
            }
        }
        String bucketName = type.equals("histogram") ? family + "_bucket" : family;
        for (List<Sample>[] g : groups.values()) {
            g[0].sort(Comparator.comparingDouble(s -> bound(s.label(by))));
            Sample inf = null;
            for (Sample s : g[0]) {
                sample(bucketName, s);
                if (bound(s.label(by)) == Double.POSITIVE_INFINITY) {
                    inf = s;
                }
            }
            for (Sample s : g[1]) {
                sample(family + "_sum", s);
            }
            for (Sample s : g[2]) {
                sample(family + "_count", s);
            }
            if (g[2].isEmpty() && inf != null && type.equals("histogram")) {
                sample(family + "_count", new Sample(family, without(inf.labels(), "le"), inf.value(), inf.timed(),
                        inf.millis(), null, null));
            }
            for (Sample s : g[3]) {
                sample(family, s);
            }
        }
    }

    private static String[] without(String[] labels, String key) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i].equals(key)) {
                out.add(labels[i]);
                out.add(labels[i + 1]);
            }
        }
        return out.toArray(new String[0]);
    }

    /** A bucket bound or quantile as a number; text that is not one sorts last. */
    private static double bound(String s) {
        try {
            return switch (s) {
                case "+Inf", "Inf", "+inf", "inf" -> Double.POSITIVE_INFINITY;
                case "-Inf", "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(s);
            };
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE;
        }
    }

    private void sample(String name, Sample s) throws IOException {
        line.setLength(0);
        line.append(name);
        String[] labels = s.labels();
        if (labels.length > 0) {
            line.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(labels[i]).append("=\"");
                escape(labels[i + 1]);
                line.append('"');
            }
            line.append('}');
        }
        line.append(' ').append(Values.formatFloat(s.value()));
        if (s.timed()) {
            line.append(' ').append(s.millis());
        }
        line.append('\n');
        out.append(line);
    }

    /** A label value as the text format escapes it: backslash, double quote and line feed. */
    private void escape(String v) {
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> line.append("\\\\");
                case '"' -> line.append("\\\"");
                case '\n' -> line.append("\\n");
                default -> line.append(ch);
            }
        }
    }

    /** Help text as the text format escapes it: backslash and line feed. */
    private void escapeHelp(String v) {
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                default -> line.append(ch);
            }
        }
    }

    /** A metric name with every character outside {@code [a-zA-Z0-9_:]} replaced by {@code _}. */
    static String metricName(String s) {
        return sanitize(s, true);
    }

    /** A label name with every character outside {@code [a-zA-Z0-9_]} replaced by {@code _}. */
    static String labelName(String s) {
        return sanitize(s, false);
    }

    private static String sanitize(String s, boolean colon) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean ok = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch == '_' || colon && ch == ':'
                    || ch >= '0' && ch <= '9' && i > 0;
            if (!ok && sb == null) {
                sb = new StringBuilder(s.length() + 1).append(s, 0, i);
            }
            if (sb != null) {
                if (ok) {
                    sb.append(ch);
                } else if (ch >= '0' && ch <= '9') {
                    sb.append('_').append(ch);
                } else {
                    sb.append('_');
                }
            }
        }
        return s.isEmpty() ? "_" : sb == null ? s : sb.toString();
    }
}
