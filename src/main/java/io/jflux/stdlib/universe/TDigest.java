package io.jflux.stdlib.universe;

import java.util.Arrays;

/**
 * A merging t-digest (Dunning), with the same buffer sizes, scale function (k1, arcsine) and interpolation as the
 * t-digest Flux's {@code quantile(method: "estimate_tdigest")} uses, so estimates agree with it: points are
 * buffered, and when the buffer fills (or a quantile is asked for) buffered points and centroids are sorted by mean
 * and merged left to right while the merged weight stays under the k1 limit.
 */
final class TDigest {

    private final double compression;
    private final int maxProcessed;
    private final int maxUnprocessed;

    private double[] means;
    private double[] weights;
    private int processed;

    private double[] inMeans;
    private double[] inWeights;
    private int unprocessed;

    private double processedWeight;
    private double unprocessedWeight;
    private double min = Double.MAX_VALUE;
    private double max = -Double.MAX_VALUE;
    private double[] cumulative = new double[0];

    TDigest(double compression) {
        this.compression = compression;
        this.maxProcessed = (int) (2 * Math.ceil(compression));
        this.maxUnprocessed = (int) (8 * Math.ceil(compression));
        this.means = new double[Math.max(16, maxProcessed + 1)];
        this.weights = new double[means.length];
        this.inMeans = new double[Math.max(16, maxUnprocessed + 1)];
        this.inWeights = new double[inMeans.length];
    }

    /** Adds one point of weight 1; NaN is ignored. */
    void add(double x) {
        if (Double.isNaN(x)) {
            return;
        }
        if (unprocessed == inMeans.length) {
            inMeans = Arrays.copyOf(inMeans, unprocessed * 2);
            inWeights = Arrays.copyOf(inWeights, unprocessed * 2);
        }
        inMeans[unprocessed] = x;
        inWeights[unprocessed] = 1;
        unprocessed++;
        unprocessedWeight += 1;
        if (processed > maxProcessed || unprocessed > maxUnprocessed) {
            process();
        }
    }

    private void process() {
        if (unprocessed == 0 && processed <= maxProcessed) {
            return;
        }
        int n = unprocessed + processed;
        double[] m = new double[n];
        double[] w = new double[n];
        System.arraycopy(inMeans, 0, m, 0, unprocessed);
        System.arraycopy(inWeights, 0, w, 0, unprocessed);
        System.arraycopy(means, 0, m, unprocessed, processed);
        System.arraycopy(weights, 0, w, unprocessed, processed);
        sortByMean(m, w, n);

        if (means.length < n) {
            means = new double[n];
            weights = new double[n];
        }
        processed = 0;
        means[0] = m[0];
        weights[0] = w[0];
        processed = 1;
        processedWeight += unprocessedWeight;
        unprocessedWeight = 0;
        double soFar = w[0];
        double limit = processedWeight * integratedQ(1.0);
        for (int i = 1; i < n; i++) {
            double projected = soFar + w[i];
            if (projected <= limit) {
                soFar = projected;
                int last = processed - 1;
                weights[last] += w[i];
                means[last] += w[i] * (m[i] - means[last]) / weights[last];
            } else {
                double k1 = integratedLocation(soFar / processedWeight);
                limit = processedWeight * integratedQ(k1 + 1.0);
                soFar += w[i];
                means[processed] = m[i];
                weights[processed] = w[i];
                processed++;
            }
        }
        min = Math.min(min, means[0]);
        max = Math.max(max, means[processed - 1]);
        cumulative = new double[processed + 1];
        double prev = 0;
        for (int i = 0; i < processed; i++) {
            cumulative[i] = prev + weights[i] / 2.0;
            prev += weights[i];
        }
        cumulative[processed] = prev;
        unprocessed = 0;
    }

    /** The estimate of quantile {@code q} (0 to 1); NaN when the digest is empty or q is out of range. */
    double quantile(double q) {
        process();
        if (q < 0 || q > 1 || processed == 0) {
            return Double.NaN;
        }
        if (processed == 1) {
            return means[0];
        }
        double index = q * processedWeight;
        if (index <= weights[0] / 2.0) {
            return min + 2.0 * index / weights[0] * (means[0] - min);
        }
        int lower = 0;
        while (lower < cumulative.length && cumulative[lower] < index) {
            lower++;
        }
        if (lower + 1 != cumulative.length) {
            double z1 = index - cumulative[lower - 1];
            double z2 = cumulative[lower] - index;
            return weightedAverage(means[lower - 1], z2, means[lower], z1);
        }
        double z1 = index - processedWeight - weights[lower - 1] / 2.0;
        double z2 = weights[lower - 1] / 2.0 - z1;
        return weightedAverage(means[processed - 1], z1, max, z2);
    }

    private double integratedQ(double k) {
        return (Math.sin(Math.min(k, compression) * Math.PI / compression - Math.PI / 2.0) + 1.0) / 2.0;
    }

    private double integratedLocation(double q) {
        return compression * (Math.asin(2.0 * q - 1.0) + Math.PI / 2.0) / Math.PI;
    }

    private static double weightedAverage(double x1, double w1, double x2, double w2) {
        if (x1 <= x2) {
            return weightedAverageSorted(x1, w1, x2, w2);
        }
        return weightedAverageSorted(x2, w2, x1, w1);
    }

    private static double weightedAverageSorted(double x1, double w1, double x2, double w2) {
        double x = (x1 * w1 + x2 * w2) / (w1 + w2);
        return Math.max(x1, Math.min(x, x2));
    }

    /** Sorts the pairs {@code (m[i], w[i])} by mean. */
    private static void sortByMean(double[] m, double[] w, int n) {
        boolean unit = true;
        for (int i = 0; i < n && unit; i++) {
            unit = w[i] == 1;
        }
        if (unit) {
            Arrays.sort(m, 0, n);
            return;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(m[a], m[b]));
        double[] sm = new double[n];
        double[] sw = new double[n];
        for (int i = 0; i < n; i++) {
            sm[i] = m[order[i]];
            sw[i] = w[order[i]];
        }
        System.arraycopy(sm, 0, m, 0, n);
        System.arraycopy(sw, 0, w, 0, n);
    }
}
