// CPU usage per host, from annotated CSV as InfluxDB returns it.
// Run it from the repository's top folder with: bin/jflux run examples/tables.flux
import "csv"
import "math"

cpu = csv.from(file: "examples/data/cpu.csv")

// The busiest quarter hours of user CPU, per host.
cpu
    |> range(start: 2024-03-01T10:00:00Z, stop: 2024-03-01T11:00:00Z)
    |> filter(fn: (r) => r._field == "usage_user")
    |> aggregateWindow(every: 15m, fn: mean, createEmpty: false)
    |> map(fn: (r) => ({r with _value: math.round(x: r._value * 10.0) / 10.0}))
    |> max()
    |> yield(name: "peak_user")

// Total CPU per host over the hour.
cpu
    |> filter(fn: (r) => r._measurement == "cpu")
    |> group(columns: ["host"])
    |> sum()
    |> yield(name: "total")
