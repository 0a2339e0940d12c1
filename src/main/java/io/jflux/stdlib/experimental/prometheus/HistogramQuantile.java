package io.jflux.stdlib.experimental.prometheus;

import io.jflux.eval.Arguments;
import io.jflux.eval.Value;
import io.jflux.stdlib.Streams;

/**
 * The Java steps of {@code prometheus.histogramQuantile} (its regrouping is Flux, in prometheus.flux):
 * {@code _histogramQuantile}, one quantile per table of cumulative buckets (float upper bound {@code le}, float
 * count {@code _value}) as universe's {@code histogramQuantile} computes it ({@link
 * io.jflux.stdlib.universe.Histograms}), and {@code _keyed}, which adds a column to the group key.
 */
final class HistogramQuantile {

    private HistogramQuantile() {}

    private static final io.jflux.stdlib.universe.Histograms.Spec SPEC = new io.jflux.stdlib.universe.Histograms.Spec(
            "prometheus.histogramQuantile", "_value", "le", "_value", 0.0);

    /** {@code _histogramQuantile(tables, quantile, onNonmonotonic)}: a table of the key columns and {@code _value}. */
    static Value quantile(Arguments a) {
        return io.jflux.stdlib.universe.Histograms.quantile(a, SPEC);
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
