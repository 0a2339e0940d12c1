package universe_test

import "csv"
import "testing"

// The examples of Flux's movingAverage() documentation (sampledata.int, with and without nulls).
ints =
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

intsWithNulls =
    csv.from(
        csv:
            "
#group,false,false,false,false,true
#datatype,string,long,dateTime:RFC3339,long,string
#default,_result,,,,
,result,table,_time,_value,tag
,,0,2021-01-01T00:00:00Z,-2,t1
,,0,2021-01-01T00:00:10Z,,t1
,,0,2021-01-01T00:00:20Z,7,t1
,,0,2021-01-01T00:00:30Z,,t1
,,0,2021-01-01T00:00:40Z,,t1
,,0,2021-01-01T00:00:50Z,4,t1
,,1,2021-01-01T00:00:00Z,,t2
,,1,2021-01-01T00:00:10Z,4,t2
,,1,2021-01-01T00:00:20Z,-3,t2
,,1,2021-01-01T00:00:30Z,19,t2
,,1,2021-01-01T00:00:40Z,,t2
,,1,2021-01-01T00:00:50Z,1,t2
",
    )

testcase moving_average_of_three_points {
    want =
        csv.from(
            csv:
                "
#group,false,false,false,false,true
#datatype,string,long,dateTime:RFC3339,double,string
#default,_result,,,,
,result,table,_time,_value,tag
,,0,2021-01-01T00:00:20Z,5,t1
,,0,2021-01-01T00:00:30Z,11.333333333333334,t1
,,0,2021-01-01T00:00:40Z,13,t1
,,0,2021-01-01T00:00:50Z,12,t1
,,1,2021-01-01T00:00:20Z,6.666666666666667,t2
,,1,2021-01-01T00:00:30Z,6.666666666666667,t2
,,1,2021-01-01T00:00:40Z,9.666666666666666,t2
,,1,2021-01-01T00:00:50Z,11,t2
",
        )

    testing.diff(got: ints |> movingAverage(n: 3), want: want)
}

testcase moving_average_skips_nulls {
    want =
        csv.from(
            csv:
                "
#group,false,false,false,false,true
#datatype,string,long,dateTime:RFC3339,double,string
#default,_result,,,,
,result,table,_time,_value,tag
,,0,2021-01-01T00:00:20Z,2.5,t1
,,0,2021-01-01T00:00:30Z,7,t1
,,0,2021-01-01T00:00:40Z,7,t1
,,0,2021-01-01T00:00:50Z,4,t1
,,1,2021-01-01T00:00:20Z,0.5,t2
,,1,2021-01-01T00:00:30Z,6.666666666666667,t2
,,1,2021-01-01T00:00:40Z,8,t2
,,1,2021-01-01T00:00:50Z,10,t2
",
        )

    testing.diff(got: intsWithNulls |> movingAverage(n: 3), want: want)
}

// A table of fewer rows than n gives its last row with the mean of its values.
testcase moving_average_of_a_short_table {
    want =
        csv.from(
            csv:
                "
#group,false,false,false,false,true
#datatype,string,long,dateTime:RFC3339,double,string
#default,_result,,,,
,result,table,_time,_value,tag
,,0,2021-01-01T00:00:50Z,8.5,t1
,,1,2021-01-01T00:00:50Z,8.833333333333334,t2
",
        )

    testing.diff(got: ints |> movingAverage(n: 10), want: want)
}
