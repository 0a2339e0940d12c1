package universe_test

import "csv"
import "testing"
import "timezone"

// Two series of ints, one table per tag.
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

testcase stddev_sample_by_default {
    want =
        csv.from(
            csv:
                "
#group,false,false,true,false
#datatype,string,long,string,double
#default,_result,,,
,result,table,tag,_value
,,0,t1,7.063993204979744
,,1,t2,9.474527252938094
",
        )

    testing.diff(got: data |> stddev(), want: want)
}

testcase stddev_population {
    want =
        csv.from(
            csv:
                "
#group,false,false,true,false
#datatype,string,long,string,double
#default,_result,,,
,result,table,tag,_value
,,0,t1,6.4485140407177015
,,1,t2,8.64902049688608
",
        )

    testing.diff(got: data |> stddev(mode: "population"), want: want)
}

testcase elapsed_adds_seconds_since_the_previous_row {
    want =
        csv.from(
            csv:
                "
#group,false,false,false,false,true,false
#datatype,string,long,dateTime:RFC3339,long,string,long
#default,_result,,,,,
,result,table,_time,_value,tag,elapsed
,,0,2021-01-01T00:00:10Z,10,t1,10
,,0,2021-01-01T00:00:20Z,7,t1,10
,,0,2021-01-01T00:00:30Z,17,t1,10
,,0,2021-01-01T00:00:40Z,15,t1,10
,,0,2021-01-01T00:00:50Z,4,t1,10
",
        )

    testing.diff(got: data |> filter(fn: (r) => r.tag == "t1") |> elapsed(), want: want)
}

testcase aggregate_window_sums_each_window_at_its_stop {
    want =
        csv.from(
            csv:
                "
#group,false,false,true,true,false,false,true
#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,long,string
#default,_result,,,,,,
,result,table,_start,_stop,_time,_value,tag
,,0,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:20Z,8,t1
,,0,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:40Z,24,t1
,,0,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:01:00Z,19,t1
,,1,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:20Z,23,t2
,,1,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:40Z,16,t2
,,1,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:01:00Z,14,t2
",
        )
    got =
        data
            |> range(start: 2021-01-01T00:00:00Z, stop: 2021-01-01T00:01:00Z)
            |> aggregateWindow(every: 20s, fn: sum)

    testing.diff(got: got, want: want)
}

// Without empty windows the tables keep the range's bounds, as Flux's window(every: inf) gives them, not those of
// the windows that have rows.
testcase aggregate_window_without_empty_windows_keeps_the_range_bounds {
    want =
        csv.from(
            csv:
                "
#group,false,false,true,true,false,false,true
#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,long,string
#default,_result,,,,,,
,result,table,_start,_stop,_time,_value,tag
,,0,2020-12-31T23:59:00Z,2021-01-01T00:02:00Z,2021-01-01T00:00:20Z,8,t1
,,0,2020-12-31T23:59:00Z,2021-01-01T00:02:00Z,2021-01-01T00:00:40Z,24,t1
,,0,2020-12-31T23:59:00Z,2021-01-01T00:02:00Z,2021-01-01T00:01:00Z,19,t1
,,1,2020-12-31T23:59:00Z,2021-01-01T00:02:00Z,2021-01-01T00:00:20Z,23,t2
,,1,2020-12-31T23:59:00Z,2021-01-01T00:02:00Z,2021-01-01T00:00:40Z,16,t2
,,1,2020-12-31T23:59:00Z,2021-01-01T00:02:00Z,2021-01-01T00:01:00Z,14,t2
",
        )
    got =
        data
            |> range(start: 2020-12-31T23:59:00Z, stop: 2021-01-01T00:02:00Z)
            |> aggregateWindow(every: 20s, fn: sum, createEmpty: false)

    testing.diff(got: got, want: want)
}

// A location with a fixed offset aligns the windows to its clock: a day starts at 05:00 UTC five hours west.
testcase aggregate_window_in_a_fixed_location {
    want =
        csv.from(
            csv:
                "
#group,false,false,true,true,false,false,true
#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,long,string
#default,_result,,,,,,
,result,table,_start,_stop,_time,_value,tag
,,0,2020-12-31T00:00:00Z,2021-01-02T00:00:00Z,2020-12-31T05:00:00Z,,t1
,,0,2020-12-31T00:00:00Z,2021-01-02T00:00:00Z,2021-01-01T05:00:00Z,51,t1
,,0,2020-12-31T00:00:00Z,2021-01-02T00:00:00Z,2021-01-02T00:00:00Z,,t1
,,1,2020-12-31T00:00:00Z,2021-01-02T00:00:00Z,2020-12-31T05:00:00Z,,t2
,,1,2020-12-31T00:00:00Z,2021-01-02T00:00:00Z,2021-01-01T05:00:00Z,53,t2
,,1,2020-12-31T00:00:00Z,2021-01-02T00:00:00Z,2021-01-02T00:00:00Z,,t2
",
        )
    got =
        data
            |> range(start: 2020-12-31T00:00:00Z, stop: 2021-01-02T00:00:00Z)
            |> aggregateWindow(every: 1d, fn: sum, location: timezone.fixed(offset: -5h))

    testing.diff(got: got, want: want)
}
