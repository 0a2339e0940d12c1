// A realistic Flux script: a downsampling task with helpers, a test case and a few declarations.
@edition("2022.1")
package downsample

import "array"
import "dict"
import "experimental"
import "influxdata/influxdb/monitor"
import s "strings"
import "testing"

// Run every hour, a few minutes late so that late points have arrived.
option task = {name: "downsample-cpu", every: 1h, offset: 5m}

option now = () => 2024-03-01T12:00:00Z

// Buckets to read from and write to.
source = "telegraf/autogen"
destination = "telegraf/downsampled"

// Field names and the aggregate used for each.
aggregates = ["usage_user": mean, "usage_system": mean, "usage_idle": min]
thresholds = [
    "warn": 80.0,
    "crit": 95.0,
]

builtin percentile : (<-tables: stream[A], ?q: float, column: string) => stream[A] where A: Record
builtin lookup : (d: [K:V], key: K, default: V) => V where K: Comparable
builtin withTags : (<-: stream[{A with host: string}], tags: [string]) => stream[{A with host: string, region: string}]
    where
    A: Record

// Normalizes host names: lower case, without the domain part.
normalizeHost = (tables=<-) => tables
    |> map(fn: (r) => ({r with host: s.toLower(v: s.split(v: r.host, t: ".")[0])}))

level = (v) => if v >= thresholds["crit"] then
    "crit"
else if v >= thresholds["warn"] then
    "warn"
else
    "ok"

// Window, aggregate and label one field.
downsampleField = (field, every=1h, fn=mean) => {
    data = from(bucket: source)
        |> range(start: -task.every)
        |> filter(fn: (r) => r._measurement == "cpu" and r._field == field and exists r.host)
        |> normalizeHost()

    // The aggregate keeps the window stop as its time.
    return data
        |> aggregateWindow(every: every, fn: fn, createEmpty: false)
        |> map(
            fn: (r) => ({r with
                level: level(v: r._value),
                _measurement: "cpu_${s.toLower(v: field)}_${string(v: every)}",
            }),
        )
}

fields = ["usage_user", "usage_system", "usage_idle"]

results = fields
    |> array.map(fn: (x) => downsampleField(field: x, fn: dict.get(dict: aggregates, key: x, default: mean)))

union(tables: results)
    |> to(bucket: destination, org: "my-org")

// A check on the idle fraction.
check = {_check_id: "0000000000000001", _check_name: "idle", _type: "threshold", tags: {team: "ops"}}

from(bucket: source)
    |> range(start: -5m)
    |> filter(fn: (r) => r._field =~ /^usage_(user|system)$/ and r.host !~ /^test-/)
    |> monitor.check(
        data: check,
        messageFn: (r) => "${r.host} is at ${string(v: r._value)}% (${r._level})",
        crit: (r) => r._value > 95.0,
        warn: (r) => r._value > 80.0,
    )

testcase downsample_user {
    input = array.from(
        rows: [
            {_time: 2024-03-01T11:10:00Z, _measurement: "cpu", _field: "usage_user", host: "A.example.com", _value: 10.0},
            {_time: 2024-03-01T11:20:00Z, _measurement: "cpu", _field: "usage_user", host: "a", _value: 30.0},
        ],
    )
    want = array.from(rows: [{host: "a", _value: 20.0, level: "ok"}])
    got = input
        |> normalizeHost()
        |> mean()
        |> map(fn: (r) => ({host: r.host, _value: r._value, level: level(v: r._value)}))

    testing.diff(got: got, want: want)
}

// Comments between the stages of a pipeline stay with the stage they describe.
recent = from(bucket: "telegraf")
    // the last hour only
    |> range(start: -1h)
    // cpu, without the idle field
    |> filter(fn: (r) => r._measurement == "cpu" and r._field != "usage_idle")
