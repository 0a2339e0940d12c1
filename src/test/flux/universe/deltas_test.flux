package universe_test

import "csv"
import "testing"

series =
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
,,1,2021-01-01T00:00:00Z,19,t2
,,1,2021-01-01T00:00:10Z,4,t2
,,1,2021-01-01T00:00:20Z,-3,t2
,,1,2021-01-01T00:00:30Z,19,t2
",
    )

ints = (body) =>
    csv.from(
        csv:
            "#group,false,false,false,false,true
#datatype,string,long,dateTime:RFC3339,long,string
#default,_result,,,,
,result,table,_time,_value,tag
" + body,
    )

floats = (body) =>
    csv.from(
        csv:
            "#group,false,false,false,false,true
#datatype,string,long,dateTime:RFC3339,double,string
#default,_result,,,,
,result,table,_time,_value,tag
" + body,
    )

testcase difference_of_subsequent_values {
    want =
        ints(
            body:
                ",,0,2021-01-01T00:00:10Z,12,t1
,,0,2021-01-01T00:00:20Z,-3,t1
,,0,2021-01-01T00:00:30Z,10,t1
,,1,2021-01-01T00:00:10Z,-15,t2
,,1,2021-01-01T00:00:20Z,-7,t2
,,1,2021-01-01T00:00:30Z,22,t2
",
        )

    testing.diff(got: series |> difference(), want: want)
}

testcase increase_reads_a_drop_as_a_reset {
    want =
        ints(
            body:
                ",,0,2021-01-01T00:00:00Z,0,t1
,,0,2021-01-01T00:00:10Z,12,t1
,,0,2021-01-01T00:00:20Z,19,t1
,,0,2021-01-01T00:00:30Z,29,t1
,,1,2021-01-01T00:00:00Z,0,t2
,,1,2021-01-01T00:00:10Z,4,t2
,,1,2021-01-01T00:00:20Z,4,t2
,,1,2021-01-01T00:00:30Z,26,t2
",
        )

    testing.diff(got: series |> increase(), want: want)
}

testcase derivative_per_second {
    want =
        floats(
            body:
                ",,0,2021-01-01T00:00:10Z,1.2,t1
,,0,2021-01-01T00:00:20Z,-0.3,t1
,,0,2021-01-01T00:00:30Z,1,t1
,,1,2021-01-01T00:00:10Z,-1.5,t2
,,1,2021-01-01T00:00:20Z,-0.7,t2
,,1,2021-01-01T00:00:30Z,2.2,t2
",
        )

    testing.diff(got: series |> derivative(), want: want)
}

testcase cumulative_sum_per_table {
    want =
        ints(
            body:
                ",,0,2021-01-01T00:00:00Z,-2,t1
,,0,2021-01-01T00:00:10Z,8,t1
,,0,2021-01-01T00:00:20Z,15,t1
,,0,2021-01-01T00:00:30Z,32,t1
,,1,2021-01-01T00:00:00Z,19,t2
,,1,2021-01-01T00:00:10Z,23,t2
,,1,2021-01-01T00:00:20Z,20,t2
,,1,2021-01-01T00:00:30Z,39,t2
",
        )

    testing.diff(got: series |> cumulativeSum(), want: want)
}
