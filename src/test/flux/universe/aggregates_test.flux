package universe_test

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

// sampledata.float(): the same shape with floats.
floats =
    csv.from(
        csv:
            "
#group,false,false,false,false,true
#datatype,string,long,dateTime:RFC3339,double,string
#default,_result,,,,
,result,table,_time,_value,tag
,,0,2021-01-01T00:00:00Z,-2.18,t1
,,0,2021-01-01T00:00:10Z,10.92,t1
,,0,2021-01-01T00:00:20Z,7.35,t1
,,0,2021-01-01T00:00:30Z,17.53,t1
,,0,2021-01-01T00:00:40Z,15.23,t1
,,0,2021-01-01T00:00:50Z,4.43,t1
,,1,2021-01-01T00:00:00Z,19.85,t2
,,1,2021-01-01T00:00:10Z,4.97,t2
,,1,2021-01-01T00:00:20Z,-3.75,t2
,,1,2021-01-01T00:00:30Z,19.77,t2
,,1,2021-01-01T00:00:40Z,13.86,t2
,,1,2021-01-01T00:00:50Z,1.86,t2
",
    )

testcase sum_keeps_the_key_and_the_column_type {
    want =
        csv.from(
            csv:
                "
#group,false,false,true,false
#datatype,string,long,string,long
#default,_result,,,
,result,table,tag,_value
,,0,t1,51
,,1,t2,53
",
        )

    testing.diff(got: data |> sum(), want: want)
}

testcase mean_gives_floats {
    want =
        csv.from(
            csv:
                "
#group,false,false,true,false
#datatype,string,long,string,double
#default,_result,,,
,result,table,tag,_value
,,0,t1,8.5
,,1,t2,8.833333333333334
",
        )

    testing.diff(got: data |> mean(), want: want)
}

testcase count_counts_rows {
    want =
        csv.from(
            csv:
                "
#group,false,false,true,false
#datatype,string,long,string,long
#default,_result,,,
,result,table,tag,_value
,,0,t1,6
,,1,t2,6
",
        )

    testing.diff(got: data |> count(), want: want)
}

testcase spread_is_max_minus_min {
    want =
        csv.from(
            csv:
                "
#group,false,false,true,false
#datatype,string,long,string,long
#default,_result,,,
,result,table,tag,_value
,,0,t1,19
,,1,t2,22
",
        )

    testing.diff(got: data |> spread(), want: want)
}

testcase median_by_tdigest {
    want =
        csv.from(
            csv:
                "
#group,false,false,true,false
#datatype,string,long,string,double
#default,_result,,,
,result,table,tag,_value
,,0,t1,9.135
,,1,t2,9.415
",
        )

    testing.diff(got: floats |> median(), want: want)
}

testcase quantile_as_a_selector_keeps_the_row {
    want =
        csv.from(
            csv:
                "
#group,false,false,false,false,true
#datatype,string,long,dateTime:RFC3339,double,string
#default,_result,,,,
,result,table,_time,_value,tag
,,0,2021-01-01T00:00:20Z,7.35,t1
,,1,2021-01-01T00:00:10Z,4.97,t2
",
        )

    testing.diff(got: floats |> quantile(q: 0.5, method: "exact_selector"), want: want)
}

testcase quantile_by_tdigest_near_the_top {
    want =
        csv.from(
            csv:
                "
#group,false,false,true,false
#datatype,string,long,string,double
#default,_result,,,
,result,table,tag,_value
,,0,t1,17.53
,,1,t2,19.85
",
        )

    testing.diff(got: floats |> quantile(q: 0.99), want: want)
}

testcase median_of_ints_is_an_error {
    testing.shouldError(fn: () => data |> median() |> yield(), want: /unsupported aggregate column type int/)
}
