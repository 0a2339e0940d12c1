// A task: scrape a saved exposition every 10 seconds and print the CPU seconds per mode.
// Run it from the repository's top folder with: bin/jflux run examples/task.flux
// It runs at each multiple of 10s since the Unix epoch (here plus a 2s offset), with now() the scheduled time,
// and logs one line per run on stderr; Ctrl-C (or SIGTERM) lets the running execution finish and exits 0.
// bin/jflux run --once examples/task.flux runs it one time, now.
import "experimental/prometheus"

option task = {name: "cpu_by_mode", every: 10s, offset: 2s}

prometheus.scrape(url: "file:examples/data/node.prom")
    |> filter(fn: (r) => r._field == "node_cpu_seconds_total")
    |> group(columns: ["mode"])
    |> sum()
    |> map(fn: (r) => ({r with scheduled: now()}))
    |> yield(name: "cpu_by_mode")
