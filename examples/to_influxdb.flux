// Scrape, shape and write to InfluxDB (any server that accepts the v2 write API: InfluxDB 2, QuestDB, ...).
// Needs a server: set host, token, org and bucket, then run from the repository's top folder with
//   bin/jflux run examples/to_influxdb.flux
// For a live endpoint, replace the file: URL with http://host:9100/metrics.
import "experimental/prometheus"

prometheus.scrape(url: "file:examples/data/node.prom")
    |> filter(fn: (r) => r._field =~ /^node_(cpu_seconds_total|load1|memory_MemAvailable_bytes)$/)
    |> group(columns: ["_measurement", "_field"])
    |> to(host: "http://localhost:8086", token: "my-token", org: "my-org", bucket: "metrics")
