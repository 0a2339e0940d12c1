package universe_test

import "csv"
import "testing"

// sampledata.int() after range(start: 2021-01-01T00:00:00Z, stop: 2021-01-01T00:01:00Z).
ranged =
    csv.from(
        csv:
            "
#group,false,false,true,true,false,false,true
#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,long,string
#default,_result,,,,,,
,result,table,_start,_stop,_time,_value,tag
,,0,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:00Z,-2,t1
,,0,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:10Z,10,t1
,,0,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:20Z,7,t1
,,0,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:30Z,17,t1
,,0,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:40Z,15,t1
,,0,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:50Z,4,t1
,,1,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:00Z,19,t2
,,1,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:10Z,4,t2
,,1,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:20Z,-3,t2
,,1,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:30Z,19,t2
,,1,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:40Z,13,t2
,,1,2021-01-01T00:00:00Z,2021-01-01T00:01:00Z,2021-01-01T00:00:50Z,1,t2
",
    )

testcase window_splits_each_series_by_time {
    want =
        csv.from(
            csv:
                "
#group,false,false,true,true,false,false,true
#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,long,string
#default,_result,,,,,,
,result,table,_start,_stop,_time,_value,tag
,,0,2021-01-01T00:00:00Z,2021-01-01T00:00:30Z,2021-01-01T00:00:00Z,-2,t1
,,0,2021-01-01T00:00:00Z,2021-01-01T00:00:30Z,2021-01-01T00:00:10Z,10,t1
,,0,2021-01-01T00:00:00Z,2021-01-01T00:00:30Z,2021-01-01T00:00:20Z,7,t1
,,1,2021-01-01T00:00:00Z,2021-01-01T00:00:30Z,2021-01-01T00:00:00Z,19,t2
,,1,2021-01-01T00:00:00Z,2021-01-01T00:00:30Z,2021-01-01T00:00:10Z,4,t2
,,1,2021-01-01T00:00:00Z,2021-01-01T00:00:30Z,2021-01-01T00:00:20Z,-3,t2
,,2,2021-01-01T00:00:30Z,2021-01-01T00:01:00Z,2021-01-01T00:00:30Z,17,t1
,,2,2021-01-01T00:00:30Z,2021-01-01T00:01:00Z,2021-01-01T00:00:40Z,15,t1
,,2,2021-01-01T00:00:30Z,2021-01-01T00:01:00Z,2021-01-01T00:00:50Z,4,t1
,,3,2021-01-01T00:00:30Z,2021-01-01T00:01:00Z,2021-01-01T00:00:30Z,19,t2
,,3,2021-01-01T00:00:30Z,2021-01-01T00:01:00Z,2021-01-01T00:00:40Z,13,t2
,,3,2021-01-01T00:00:30Z,2021-01-01T00:01:00Z,2021-01-01T00:00:50Z,1,t2
",
        )

    testing.diff(got: ranged |> window(every: 30s), want: want)
}

testcase window_every_inf_undoes_a_window {
    testing.diff(got: ranged |> window(every: 20s) |> window(every: inf), want: ranged)
}

testcase create_empty_gives_a_table_per_window {
    want =
        csv.from(
            csv:
                "
#group,false,false,true,true,true,false
#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,string,long
#default,_result,,,,,
,result,table,_start,_stop,tag,_value
,,0,2021-01-01T00:00:00Z,2021-01-01T00:00:25Z,t1,3
,,1,2021-01-01T00:00:25Z,2021-01-01T00:00:50Z,t1,2
,,2,2021-01-01T00:00:50Z,2021-01-01T00:01:00Z,t1,1
,,3,2021-01-01T00:00:00Z,2021-01-01T00:00:25Z,t2,3
,,4,2021-01-01T00:00:25Z,2021-01-01T00:00:50Z,t2,2
,,5,2021-01-01T00:00:50Z,2021-01-01T00:01:00Z,t2,1
",
        )

    testing.diff(got: ranged |> window(every: 25s, createEmpty: true) |> count(), want: want)
}
