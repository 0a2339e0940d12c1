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
