package io.jflux.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Generates Prometheus text exposition (0.0.4) of about {@code samples} samples, deterministic for a seed:
 * metric families of counters, gauges, histograms (10 buckets plus +Inf, _sum, _count) and summaries (3 quantiles,
 * _sum, _count), each with 2 to 6 labels; about 2% of label values carry escapes (\" \\ \n), about 5% of lines
 * have a millisecond timestamp, and a few values are NaN, +Inf or -Inf. Each series appears once, as in a real
 * scrape. Run {@code main(path, samples)} to write a file for {@code jflux run}.
 */
public final class ExpositionGenerator {

    private static final String[] LABELS = {"instance", "job", "method", "code", "handler", "region", "pod"};
    private static final String[] BUCKETS = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5",
        "10", "+Inf"};
    private static final String[] QUANTILES = {"0.5", "0.9", "0.99"};

    private ExpositionGenerator() {
    }

    /** Returns the exposition and the number of sample lines in it (NaN lines included). */
    public static byte[] generate(int samples, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(samples * 110);
        int written = 0;
        int family = 0;
        while (written < samples) {
            int kind = r.nextInt(10); // 0-3 counter, 4-5 gauge, 6-8 histogram, 9 summary
            String type = kind < 4 ? "counter" : kind < 6 ? "gauge" : kind < 9 ? "histogram" : "summary";
            String name = "app_" + type + "_metric_" + family++ + (kind < 4 ? "_total" : "");
            int labels = 2 + r.nextInt(5);
            int series = 20 + r.nextInt(200);
            sb.append("# HELP ").append(name).append(" A generated ").append(type).append(" metric.\n");
            sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
            for (int s = 0; s < series && written < samples; s++) {
                String labelText = labels(r, labels, s);
                switch (type) {
                    case "histogram" -> {
                        long count = 0;
                        for (String le : BUCKETS) {
                            count += r.nextInt(100);
                            line(sb, r, name + "_bucket", labelText, "le", le, Long.toString(count));
                        }
                        line(sb, r, name + "_sum", labelText, null, null, value(r));
                        line(sb, r, name + "_count", labelText, null, null, Long.toString(count));
                        written += BUCKETS.length + 2;
                    }
                    case "summary" -> {
                        for (String q : QUANTILES) {
                            line(sb, r, name, labelText, "quantile", q, value(r));
                        }
                        line(sb, r, name + "_sum", labelText, null, null, value(r));
                        line(sb, r, name + "_count", labelText, null, null, Integer.toString(r.nextInt(100000)));
                        written += QUANTILES.length + 2;
                    }
                    default -> {
                        line(sb, r, name, labelText, null, null,
                                kind < 4 ? Integer.toString(r.nextInt(10_000_000)) : value(r));
                        written++;
                    }
                }
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String labels(SplittableRandom r, int n, int series) {
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < n; l++) {
            if (l > 0) {
                sb.append(',');
            }
            sb.append(LABELS[l]).append("=\"");
            if (r.nextInt(100) < 2) {
                sb.append("path \\\"quoted\\\" \\\\ and\\nnewline ").append(series);
            } else if (l == 0) {
                sb.append("10.0.").append(series / 250).append('.').append(series % 250).append(":9100");
            } else {
                sb.append(LABELS[l]).append('-').append(series % (3 + l * 7));
            }
            sb.append('"');
        }
        return sb.toString();
    }

    private static String value(SplittableRandom r) {
        int p = r.nextInt(1000);
        if (p == 0) {
            return "NaN";
        } else if (p == 1) {
            return "+Inf";
        } else if (p == 2) {
            return "-Inf";
        } else if (p < 100) {
            return Double.toString(r.nextDouble() * 1e-3);
        } else if (p < 200) {
            return String.format("%.6e", r.nextDouble() * 1e9);
        }
        return Double.toString(Math.round(r.nextDouble() * 1e6) / 1e3);
    }

    private static void line(StringBuilder sb, SplittableRandom r, String name, String labels, String extra,
            String extraValue, String value) {
        sb.append(name).append('{').append(labels);
        if (extra != null) {
            sb.append(',').append(extra).append("=\"").append(extraValue).append('"');
        }
        sb.append("} ").append(value);
        if (r.nextInt(100) < 5) {
            sb.append(' ').append(1_700_000_000_000L + r.nextInt(1_000_000));
        }
        sb.append('\n');
    }

    /** Writes an exposition: {@code ExpositionGenerator <path> [samples]}. */
    public static void main(String[] args) throws IOException {
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Files.write(Path.of(args[0]), generate(samples, 42));
    }
}
