package io.jflux.stdlib.experimental.prometheus;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.Value;
import io.jflux.stdlib.Streams;
import io.jflux.syntax.Span;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.TableBatcher;
import io.jflux.table.TableBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Java steps of {@code prometheus.histogramQuantile} (its regrouping is Flux, in prometheus.flux):
 * {@code _histogramQuantile}, one quantile per table of cumulative buckets (float upper bound {@code le}, float
 * count {@code _value}) interpolated linearly within its bucket as Prometheus does, and {@code _keyed}, which
 * adds a column to the group key.
 */
final class HistogramQuantile {

    private HistogramQuantile() {}

    private static final ColumnMeta VALUE = new ColumnMeta("_value", ColumnType.FLOAT);

    /** {@code _histogramQuantile(tables, quantile, onNonmonotonic)}: a table of the key columns and {@code _value}. */
    static Value quantile(Arguments a) {
        double q = a.floating("quantile");
        if (!(q >= 0 && q <= 1)) {
            throw a.error("prometheus.histogramQuantile: quantile must be between 0.0 and 1.0, not " + q,
                    a.spanOf("quantile"));
        }
        String mode = a.string("onNonmonotonic");
        if (!List.of("error", "force", "drop").contains(mode)) {
            throw a.error("prometheus.histogramQuantile: onNonmonotonic must be \"error\", \"force\" or \"drop\","
                    + " not \"" + mode + "\"", a.spanOf("onNonmonotonic"));
        }
        Span span = a.callSite();
        return Streams.perTableBatched(Streams.stream(a, "tables"), (ctx, t, out) -> table(t, q, mode, span, out));
    }

    private static void table(FluxTable t, double q, String mode, Span span, TableBatcher out) {
        int le = column(t, "le", span);
        int count = column(t, "_value", span);
        int n = t.rowCount();
        if (n == 0) {
            throw new FluxException(ErrorCode.INVALID, "prometheus.histogramQuantile: histogram is empty", span);
        }
        double[][] buckets = new double[n][];
        for (int r = 0; r < n; r++) {
            if (t.isNull(le, r) || t.isNull(count, r)) {
                throw new FluxException(ErrorCode.INVALID, "prometheus.histogramQuantile: unexpected null in the "
                        + (t.isNull(le, r) ? "upper bound (le)" : "count (_value)") + " column", span);
            }
            buckets[r] = new double[] {t.getDouble(le, r), t.getDouble(count, r)};
        }
        Arrays.sort(buckets, (x, y) -> Double.compare(x[0], y[0]));
        for (int i = 1; i < n; i++) {
            if (buckets[i][1] < buckets[i - 1][1]) {
                switch (mode) {
                    case "error" -> throw new FluxException(ErrorCode.INVALID,
                            "prometheus.histogramQuantile: histogram records counts are not monotonic; group key "
                            + t.key(), span);
                    case "drop" -> {
                        return;
                    }
                    default -> buckets[i][1] = buckets[i - 1][1];
                }
            }
        }
        double value = compute(buckets, q);
        GroupKey key = t.key();
        List<ColumnMeta> columns = new ArrayList<>(key.columns());
        columns.add(VALUE);
        TableBuilder b = out.startTable(key, columns);
        for (int c = 0; c < key.size(); c++) {
            b.appendValue(c, key.values().get(c));
        }
        b.appendDouble(key.size(), value);
        out.endTable();
    }

    /** The quantile of sorted, monotonic cumulative buckets {upper bound, count}; the lowest bucket starts at 0. */
    static double compute(double[][] cdf, double q) {
        int last = cdf.length - 1;
        double rank = q * cdf[last][1];
        int rankIdx = -1;
        for (int i = 0; i <= last; i++) {
            if (rank >= cdf[i][1]) {
                rankIdx = i;
            }
        }
        double lowerCount;
        double lowerBound;
        double upperCount;
        double upperBound;
        if (rankIdx == -1) {
            lowerCount = 0;
            lowerBound = 0;
            upperCount = cdf[0][1];
            upperBound = cdf[0][0];
        } else if (rankIdx == last) {
            return cdf[last][0];
        } else {
            lowerCount = cdf[rankIdx][1];
            lowerBound = cdf[rankIdx][0];
            upperCount = cdf[rankIdx + 1][1];
            upperBound = cdf[rankIdx + 1][0];
        }
        if (rank == lowerCount) {
            return lowerBound;
        }
        if (lowerBound == Double.NEGATIVE_INFINITY) {
            return upperBound;
        }
        if (upperBound == Double.POSITIVE_INFINITY) {
            return lowerBound;
        }
        return lowerBound + (upperBound - lowerBound) * (rank - lowerCount) / (upperCount - lowerCount);
    }

    private static int column(FluxTable t, String name, Span span) {
        int i = t.columnIndex(name);
        if (i < 0) {
            throw new FluxException(ErrorCode.INVALID, "prometheus.histogramQuantile: table is missing column \""
                    + name + "\"; group key " + t.key(), span);
        }
        if (t.column(i).type() != ColumnType.FLOAT) {
            throw new FluxException(ErrorCode.INVALID, "prometheus.histogramQuantile: column \"" + name
                    + "\" must be of type float, not " + t.column(i).type().name().toLowerCase(), span);
        }
        return i;
    }

    /** {@code _keyed(tables, column)}: adds {@code column} (constant in each table) to the group key. */
    static Value keyed(Arguments a) {
        String name = a.string("column");
        return Streams.perTable(Streams.stream(a, "tables"), (ctx, t) -> {
            int c = t.columnIndex(name);
            if (c < 0 || t.rowCount() == 0 || t.key().has(name)) {
                return t.retain();
            }
            return t.withKey(t.key().with(t.column(c), t.value(c, 0)));
        });
    }
}
