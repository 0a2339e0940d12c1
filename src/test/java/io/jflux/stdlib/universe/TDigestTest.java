package io.jflux.stdlib.universe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The t-digest against values computed by a line-by-line model of the Go t-digest Flux uses (influxdata/tdigest),
 * over inputs large enough to fill and merge its buffers several times.
 */
class TDigestTest {

    private static double quantile(double[] values, double q, double compression) {
        TDigest d = new TDigest(compression);
        for (double v : values) {
            d.add(v);
        }
        return d.quantile(q);
    }

    @Test
    void matchesTheGoDigestAcrossBufferMerges() {
        double[] values = new double[20000];
        for (int i = 0; i < values.length; i++) {
            values[i] = ((i * 7919L) % 10007) / 100.0;
        }
        assertEquals(50.02919021134595, quantile(values, 0.5, 1000));
        assertEquals(99.05864138966626, quantile(values, 0.99, 100));
        assertEquals(0.10355769230769231, quantile(values, 0.001, 100));
        assertEquals(30.152118344041057, quantile(values, 0.3, 10));
    }

    @Test
    void smallDigestsInterpolateBetweenCentroids() {
        double[] squares = new double[100];
        for (int i = 0; i < 100; i++) {
            squares[i] = i * i;
        }
        assertEquals(2630.5, quantile(squares, 0.5, 5));
        assertEquals(8082.5, quantile(squares, 0.9, 5));
        assertEquals(1.6666666666666667, quantile(squares, 0.01, 5));
        assertEquals(9220.0, quantile(squares, 0.999, 5));
    }

    @Test
    void emptyAndSingleDigests() {
        assertEquals(Double.NaN, quantile(new double[0], 0.5, 1000));
        assertEquals(3.0, quantile(new double[] {3.0}, 0.1, 1000));
        assertEquals(3.0, quantile(new double[] {Double.NaN, 3.0}, 0.9, 1000));
    }
}
