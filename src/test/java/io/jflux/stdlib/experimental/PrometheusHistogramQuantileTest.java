package io.jflux.stdlib.experimental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jflux.diag.FluxException;
import org.junit.jupiter.api.Test;

/** prometheus.histogramQuantile over scraped (version 2) and field-per-bucket (version 1) histograms. */
class PrometheusHistogramQuantileTest {

    static String run(String flux) {
        return PrometheusScrapeTest.run("import \"experimental/prometheus\"\nimport \"array\"\n" + flux);
    }

    @Test
    void version2OfAScrape() throws Exception {
        String url = PrometheusScrapeTest.resource("seed001.prom");
        String scrape = "prometheus.scrape(url: \"" + url + "\")"
                + " |> filter(fn: (r) => r._field == \"task_executor_run_latency_seconds\")";
        String out = run(scrape + " |> prometheus.histogramQuantile(quantile: 0.99)\n"
                + scrape + " |> prometheus.histogramQuantile(quantile: 0.1) |> yield(name: \"q10\")");
        // buckets 0.25:4413 0.5:11901 ... 10:12864 +Inf:74429; rank 0.99 * 74429 falls in the +Inf bucket, so
        // the answer is its lower bound 10; rank 0.1 * 74429 = 7442.9 interpolates within (0.25, 0.5]
        assertEquals("""
                result _result
                table [_field=task_executor_run_latency_seconds, _measurement=prometheus, task_type=system, url=URL, quantile=0.99] _field:string, _measurement:string, _time:time, task_type:string, url:string, _value:float, quantile:string
                  task_executor_run_latency_seconds, prometheus, 2021-01-01T00:00:00.000000000Z, system, URL, 10, 0.99
                result q10
                table [_field=task_executor_run_latency_seconds, _measurement=prometheus, task_type=system, url=URL, quantile=0.1] _field:string, _measurement:string, _time:time, task_type:string, url:string, _value:float, quantile:string
                  task_executor_run_latency_seconds, prometheus, 2021-01-01T00:00:00.000000000Z, system, URL, 0.3511585202991453, 0.1
                """, out.replace(url, "URL"));
    }

    /** Buckets as version 1 stores them: a field per upper bound; sum and count ignored. */
    static final String V1 = String.join("\n",
            "array.from(rows: [",
            "  {_time: 2021-01-01T00:00:00Z, _measurement: \"req\", _field: \"0.1\", _value: 10.0},",
            "  {_time: 2021-01-01T00:00:00Z, _measurement: \"req\", _field: \"0.5\", _value: 30.0},",
            "  {_time: 2021-01-01T00:00:00Z, _measurement: \"req\", _field: \"1\", _value: 40.0},",
            "  {_time: 2021-01-01T00:00:00Z, _measurement: \"req\", _field: \"+Inf\", _value: 40.0},",
            "  {_time: 2021-01-01T00:00:00Z, _measurement: \"req\", _field: \"sum\", _value: 12.0},",
            "  {_time: 2021-01-01T00:00:00Z, _measurement: \"req\", _field: \"count\", _value: 40.0},",
            "  {_time: 2021-01-01T00:00:10Z, _measurement: \"req\", _field: \"0.1\", _value: 20.0},",
            "  {_time: 2021-01-01T00:00:10Z, _measurement: \"req\", _field: \"0.5\", _value: 15.0},",
            "  {_time: 2021-01-01T00:00:10Z, _measurement: \"req\", _field: \"1\", _value: 40.0},",
            "  {_time: 2021-01-01T00:00:10Z, _measurement: \"req\", _field: \"+Inf\", _value: 40.0},",
            "]) |> group(columns: [\"_measurement\", \"_field\"])");

    @Test
    void version1AndNonmonotonicModes() {
        // at 00:00 counts 10, 30, 40, 40: rank 20 lies halfway through (0.1, 0.5]; at 00:10 the 0.5 bucket (15)
        // is below the 0.1 bucket (20): forced up to 20, the rank 20 is exactly that bucket's bound
        String q = " |> prometheus.histogramQuantile(quantile: 0.5, metricVersion: 1";
        assertEquals("""
                result _result
                table [_measurement=req, quantile=0.5] _measurement:string, _time:time, _value:float, quantile:string
                  req, 2021-01-01T00:00:00.000000000Z, 0.30000000000000004, 0.5
                  req, 2021-01-01T00:00:10.000000000Z, 0.5, 0.5
                """, run(V1 + q + ", onNonmonotonic: \"force\")"));
        assertEquals("""
                result _result
                table [_measurement=req, quantile=0.5] _measurement:string, _time:time, _value:float, quantile:string
                  req, 2021-01-01T00:00:00.000000000Z, 0.30000000000000004, 0.5
                """, run(V1 + q + ", onNonmonotonic: \"drop\")"));
        assertEquals("prometheus.histogramQuantile: histogram records counts are not monotonic; group key"
                + " {_measurement=req, _time=2021-01-01T00:00:10.000000000Z}",
                assertThrows(FluxException.class, () -> run(V1 + q + ")")).getMessage());
        assertTrue(assertThrows(FluxException.class, () -> run(V1 + q + ", onNonmonotonic: \"bogus\")"))
                .getMessage().contains("onNonmonotonic must be \"error\", \"force\" or \"drop\""));
        assertEquals("Invalid metricVersion. Available versions are 1 and 2.", assertThrows(FluxException.class,
                () -> run(V1 + " |> prometheus.histogramQuantile(quantile: 0.5, metricVersion: 3)")).getMessage());
        assertEquals("prometheus.histogramQuantile: quantile must be between 0.0 and 1.0, not 1.5",
                assertThrows(FluxException.class, () -> run(V1
                        + " |> prometheus.histogramQuantile(quantile: 1.5, metricVersion: 1)")).getMessage());
    }
}
