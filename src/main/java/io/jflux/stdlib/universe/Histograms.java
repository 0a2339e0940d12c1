package io.jflux.stdlib.universe;

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
 * The quantile of each table of cumulative histogram buckets (a float upper bound and a float count per row),
 * interpolated linearly within its bucket as Flux's {@code histogramQuantile} and Prometheus do: universe's
 * {@code histogramQuantile} and the last step of {@code prometheus.histogramQuantile}.
 */
public final class Histograms {

    private Histograms() {}

    /** The columns and rules of one use: the function's name for messages, the columns read and written. */
    public record Spec(String function, String countColumn, String upperBoundColumn, String valueColumn,
                       double minValue) {}

    /**
     * The stream of {@code quantile} (argument {@code quantile}, with {@code onNonmonotonic}: "error", "force" or
     * "drop") of each table of {@code tables}: a table of the key columns and the value column.
     */
    public static Value quantile(Arguments a, Spec spec) {
        double q = a.floating("quantile");
        if (!(q >= 0 && q <= 1)) {
            throw a.error(spec.function() + ": quantile must be between 0.0 and 1.0, not " + q, a.spanOf("quantile"));
        }
        String mode = a.string("onNonmonotonic", "error");
        if (!List.of("error", "force", "drop").contains(mode)) {
            throw a.error(spec.function() + ": onNonmonotonic must be \"error\", \"force\" or \"drop\", not \"" + mode
                    + "\"", a.spanOf("onNonmonotonic"));
        }
        Span span = a.callSite();
        return Streams.perTableBatched(Streams.stream(a, "tables"), (ctx, t, out) -> table(t, q, mode, spec, span,
                out));
    }

    private static void table(FluxTable t, double q, String mode, Spec spec, Span span, TableBatcher out) {
        int le = column(t, spec.upperBoundColumn(), "upper bound", spec, span);
        int count = column(t, spec.countColumn(), "count", spec, span);
        int n = t.rowCount();
        if (n == 0) {
            throw new FluxException(ErrorCode.INVALID, spec.function() + ": histogram is empty", span);
        }
        double[][] buckets = new double[n][];
        for (int r = 0; r < n; r++) {
            if (t.isNull(le, r) || t.isNull(count, r)) {
                throw new FluxException(ErrorCode.INVALID, spec.function() + ": unexpected null in the "
                        + (t.isNull(le, r) ? "upper bound (" + spec.upperBoundColumn() + ")"
                                : "count (" + spec.countColumn() + ")") + " column", span);
            }
            buckets[r] = new double[] {t.getDouble(le, r), t.getDouble(count, r)};
        }
        Arrays.sort(buckets, (x, y) -> Double.compare(x[0], y[0]));
        for (int i = 1; i < n; i++) {
            if (buckets[i][1] < buckets[i - 1][1]) {
                switch (mode) {
                    case "error" -> throw new FluxException(ErrorCode.INVALID, spec.function()
                            + ": histogram records counts are not monotonic; group key " + t.key(), span);
                    case "drop" -> {
                        return;
                    }
                    default -> buckets[i][1] = buckets[i - 1][1];
                }
            }
        }
        double value = compute(buckets, q, spec.minValue());
        GroupKey key = t.key();
        List<ColumnMeta> columns = new ArrayList<>(key.columns());
        columns.add(new ColumnMeta(spec.valueColumn(), ColumnType.FLOAT));
        TableBuilder b = out.startTable(key, columns);
        for (int c = 0; c < key.size(); c++) {
            b.appendValue(c, key.values().get(c));
        }
        b.appendDouble(key.size(), value);
        out.endTable();
    }

    /**
     * The quantile of sorted, monotonic cumulative buckets {upper bound, count}; below the lowest bucket the
     * interpolation starts at {@code minValue}.
     */
    static double compute(double[][] cdf, double q, double minValue) {
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
            lowerBound = minValue;
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

    private static int column(FluxTable t, String name, String role, Spec spec, Span span) {
        int i = t.columnIndex(name);
        if (i < 0) {
            throw new FluxException(ErrorCode.INVALID, spec.function() + ": table is missing " + role + " column \""
                    + name + "\"; group key " + t.key(), span);
        }
        if (t.column(i).type() != ColumnType.FLOAT) {
            throw new FluxException(ErrorCode.INVALID, spec.function() + ": " + role + " column \"" + name
                    + "\" must be of type float, not " + t.column(i).type().name().toLowerCase(), span);
        }
        return i;
    }
}
