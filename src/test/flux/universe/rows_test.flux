package universe_test

import "array"
import "csv"
import "testing"

// sampledata.int(): two series, one table per tag.
data =
    csv.from(
        csv:
            "
#group,false,false,false,false,true
#datatype,string,long,dateTime:RFC3339,long,string
#default,_result,,,,
,result,table,_time,_value,tag
,,0,2021-01-01T00:00:00Z,-2,t1
,,0,2021-01-01T00:00:10Z,10,t1
,,0,2021-01-01T00:00:20Z,7,t1
,,0,2021-01-01T00:00:30Z,17,t1
,,0,2021-01-01T00:00:40Z,15,t1
,,0,2021-01-01T00:00:50Z,4,t1
,,1,2021-01-01T00:00:00Z,19,t2
,,1,2021-01-01T00:00:10Z,4,t2
,,1,2021-01-01T00:00:20Z,-3,t2
,,1,2021-01-01T00:00:30Z,19,t2
,,1,2021-01-01T00:00:40Z,13,t2
,,1,2021-01-01T00:00:50Z,1,t2
",
    )

testcase filter_keeps_rows_where_fn_is_true {
    want =
        csv.from(
            csv:
                "
#group,false,false,false,false,true
#datatype,string,long,dateTime:RFC3339,long,string
#default,_result,,,,
,result,table,_time,_value,tag
,,0,2021-01-01T00:00:20Z,7,t1
,,0,2021-01-01T00:00:50Z,4,t1
,,1,2021-01-01T00:00:10Z,4,t2
,,1,2021-01-01T00:00:50Z,1,t2
",
        )

    testing.diff(got: data |> filter(fn: (r) => r._value > 0 and r._value < 10), want: want)
}

testcase filter_drops_or_keeps_empty_tables {
    data |> filter(fn: (r) => r._value > 100) |> testing.assertEmpty()
    testing.diff(
        got: data |> filter(fn: (r) => r._value > 100, onEmpty: "keep") |> count(),
        want: data |> limit(n: 0) |> count(),
    )
}

testcase map_with_keeps_columns_and_key {
    want =
        csv.from(
            csv:
                "
#group,false,false,false,false,true,false
#datatype,string,long,dateTime:RFC3339,long,string,double
#default,_result,,,,,
,result,table,_time,_value,tag,f
,,0,2021-01-01T00:00:00Z,4,t1,-2
,,1,2021-01-01T00:00:00Z,361,t2,19
",
        )

    testing.diff(
        got: data |> limit(n: 1) |> map(fn: (r) => ({r with _value: r._value * r._value, f: float(v: r._value)})),
        want: want,
    )
}

testcase group_and_ungroup {
    testing.diff(got: data |> group() |> group(columns: ["tag"]), want: data)
    testing.diff(
        got: data |> group() |> count(),
        want: array.from(rows: [{_value: 12}]),
    )
}

testcase keep_drop_rename_duplicate_set {
    got =
        data
            |> limit(n: 1)
            |> drop(columns: ["_time"])
            |> rename(columns: {_value: "v"})
            |> duplicate(column: "tag", as: "tag2")
            |> set(key: "host", value: "h")
            |> keep(columns: ["v", "tag", "tag2", "host"])
    want =
        array.from(rows: [{v: -2, tag: "t1", tag2: "t1", host: "h"}, {v: 19, tag: "t2", tag2: "t2", host: "h"}])
            |> group(columns: ["tag"])

    testing.diff(got: got, want: want)
}

testcase range_adds_bounds_to_the_key {
    got =
        data
            |> range(start: 2021-01-01T00:00:10Z, stop: 2021-01-01T00:00:30Z)
            |> keep(columns: ["_start", "_stop", "_value", "tag"])
    want =
        array.from(
            rows: [
                {_start: 2021-01-01T00:00:10Z, _stop: 2021-01-01T00:00:30Z, _value: 10, tag: "t1"},
                {_start: 2021-01-01T00:00:10Z, _stop: 2021-01-01T00:00:30Z, _value: 7, tag: "t1"},
                {_start: 2021-01-01T00:00:10Z, _stop: 2021-01-01T00:00:30Z, _value: 4, tag: "t2"},
                {_start: 2021-01-01T00:00:10Z, _stop: 2021-01-01T00:00:30Z, _value: -3, tag: "t2"},
            ],
        )
            |> group(columns: ["_start", "_stop", "tag"])

    testing.diff(got: got, want: want)
}

testcase union_columns_keys {
    testing.diff(
        got: union(tables: [data, data]) |> count(),
        want: array.from(rows: [{tag: "t1", _value: 12}, {tag: "t2", _value: 12}]) |> group(columns: ["tag"]),
    )
    testing.diff(
        got: data |> keys(),
        want: array.from(rows: [{tag: "t1", _value: "tag"}, {tag: "t2", _value: "tag"}]) |> group(columns: ["tag"]),
    )
    testing.diff(
        got: data |> columns() |> group() |> keep(columns: ["_value"]) |> limit(n: 3),
        want: array.from(rows: [{_value: "_time"}, {_value: "_value"}, {_value: "tag"}]),
    )
}

testcase fill_timeShift_truncateTimeColumn {
    nulls = array.from(rows: [{_time: 2021-01-01T00:00:07Z, v: 1}, {_time: 2021-01-01T00:01:07Z}])

    testing.diff(
        got: nulls |> fill(column: "v", usePrevious: true) |> timeShift(duration: 1h) |> truncateTimeColumn(unit: 1m),
        want: array.from(rows: [{_time: 2021-01-01T01:00:00Z, v: 1}, {_time: 2021-01-01T01:01:00Z, v: 1}]),
    )
}
