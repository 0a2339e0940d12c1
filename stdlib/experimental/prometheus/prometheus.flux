// Package prometheus reads metrics in the Prometheus text exposition format.
package prometheus

// scrape fetches the metrics exposed at url when the stream is read and returns one table per series, with the
// columns _time, _measurement ("prometheus"), _field (the metric name; "_bucket" is trimmed from histogram
// buckets), _value (float), url and one string column per label (in sorted order), grouped by _measurement,
// _field and the labels. url is http://, https:// or file: (a saved exposition; file:///abs/path, or
// file:relative/path relative to the working directory). headers (string values) are sent with an HTTP request;
// timeout (default 30s) bounds it. Samples without a timestamp get the time of the scrape; NaN samples are dropped.
// Prometheus text 0.0.4 and OpenMetrics text are read: OpenMetrics when the response's Content-Type says so (or,
// for a file, when it ends with "# EOF"); its exemplars are ignored and the _created samples of counters,
// histograms and summaries dropped.
builtin scrape : (url: string, ?headers: A, ?timeout: duration) => stream[B] where A: Record, B: Record

// _histogramQuantile computes the quantile of each table of cumulative buckets (float le, float _value counts):
// one row of the group key's columns and _value; onNonmonotonic is "error", "force" or "drop".
builtin _histogramQuantile : (<-tables: stream[A], quantile: float, onNonmonotonic: string) => stream[B] where A: Record, B: Record

// _keyed adds column (constant within each table) to the group key.
builtin _keyed : (<-tables: stream[A], column: string) => stream[A] where A: Record

// histogramQuantile computes a quantile of Prometheus histograms: with metricVersion 2 (the default; scrape's
// format) the buckets are rows with an le label and _value counts, with metricVersion 1 each bucket is a field
// named by its upper bound (the fields "sum" and "count" are ignored). The result has a row per series and time
// (_value the quantile) and a string column quantile, added to the group key. onNonmonotonic says what a
// histogram whose counts decrease does: "error" (the default), "force" (raise each count to the one before) or
// "drop" (no row).
histogramQuantile = (tables=<-, quantile, metricVersion=2, onNonmonotonic="error") => {
    _version2 = () => tables
        |> group(mode: "except", columns: ["le", "_value"])
        |> map(fn: (r) => ({r with le: float(v: r.le)}))
    _version1 = () => tables
        |> filter(fn: (r) => r._field != "sum" and r._field != "count")
        |> map(fn: (r) => ({r with le: float(v: r._field)}))
        |> group(mode: "except", columns: ["_field", "le", "_value"])
    buckets = if metricVersion == 2 then
        _version2()
    else if metricVersion == 1 then
        _version1()
    else
        die(msg: "Invalid metricVersion. Available versions are 1 and 2.")

    return buckets
        |> _histogramQuantile(quantile: quantile, onNonmonotonic: onNonmonotonic)
        |> group(mode: "except", columns: ["le", "_value", "_time"])
        |> set(key: "quantile", value: string(v: quantile))
        |> _keyed(column: "quantile")
}
