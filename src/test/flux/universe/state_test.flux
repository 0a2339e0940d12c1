package universe_test

import "csv"
import "testing"

// sampledata.int() of Flux's documentation.
sample =
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

// The example of Flux's stateCount() documentation.
testcase state_count_counts_rows_in_a_row {
    want =
        csv.from(
            csv:
                "
#group,false,false,false,false,true,false
#datatype,string,long,dateTime:RFC3339,long,string,long
#default,_result,,,,,
,result,table,_time,_value,tag,stateCount
,,0,2021-01-01T00:00:00Z,-2,t1,1
,,0,2021-01-01T00:00:10Z,10,t1,-1
,,0,2021-01-01T00:00:20Z,7,t1,1
,,0,2021-01-01T00:00:30Z,17,t1,-1
,,0,2021-01-01T00:00:40Z,15,t1,-1
,,0,2021-01-01T00:00:50Z,4,t1,1
,,1,2021-01-01T00:00:00Z,19,t2,-1
,,1,2021-01-01T00:00:10Z,4,t2,1
,,1,2021-01-01T00:00:20Z,-3,t2,2
,,1,2021-01-01T00:00:30Z,19,t2,-1
,,1,2021-01-01T00:00:40Z,13,t2,-1
,,1,2021-01-01T00:00:50Z,1,t2,1
",
        )

    testing.diff(got: sample |> stateCount(fn: (r) => r._value < 10), want: want)
}

// Durations count from the first row of a run, in unit; -1 outside the state.
testcase state_duration_times_a_run_from_its_first_row {
    want =
        csv.from(
            csv:
                "
#group,false,false,false,false,true,false
#datatype,string,long,dateTime:RFC3339,long,string,long
#default,_result,,,,,
,result,table,_time,_value,tag,d
,,0,2021-01-01T00:00:00Z,-2,t1,0
,,0,2021-01-01T00:00:10Z,10,t1,-1
,,0,2021-01-01T00:00:20Z,7,t1,0
,,0,2021-01-01T00:00:30Z,17,t1,-1
,,0,2021-01-01T00:00:40Z,15,t1,-1
,,0,2021-01-01T00:00:50Z,4,t1,0
,,1,2021-01-01T00:00:00Z,19,t2,-1
,,1,2021-01-01T00:00:10Z,4,t2,0
,,1,2021-01-01T00:00:20Z,-3,t2,10000
,,1,2021-01-01T00:00:30Z,19,t2,-1
,,1,2021-01-01T00:00:40Z,13,t2,-1
,,1,2021-01-01T00:00:50Z,1,t2,0
",
        )

    testing.diff(got: sample |> stateDuration(fn: (r) => r._value < 10, column: "d", unit: 1ms), want: want)
}
