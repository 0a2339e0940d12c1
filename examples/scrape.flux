// Prometheus metrics from a saved exposition, without a server.
// Run it from the repository's top folder with: bin/jflux run examples/scrape.flux
// A "file:" URL without "//" is relative to the working directory; file:///abs/path is absolute. For a live
// endpoint, write the http:// or https:// URL instead.
import "experimental/prometheus"

metrics = prometheus.scrape(url: "file:examples/data/node.prom")

// CPU seconds per mode, summed over the CPUs.
metrics
    |> filter(fn: (r) => r._field == "node_cpu_seconds_total")
    |> group(columns: ["mode"])
    |> sum()
    |> yield(name: "cpu_by_mode")

// The cumulative latency histogram, one row per bucket bound.
metrics
    |> filter(fn: (r) => r._field == "http_request_duration_seconds")
    |> group(columns: ["handler"])
    |> keep(columns: ["handler", "le", "_value"])
    |> yield(name: "latency_buckets")
