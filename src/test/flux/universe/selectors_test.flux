package universe_test

import "array"
import "csv"
import "testing"

// sampledata.int(includeNull: true): two series with nulls, one table per tag.
nulls =
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

rows = (body) =>
    csv.from(
        csv:
            "#group,false,false,false,false,true
#datatype,string,long,dateTime:RFC3339,long,string
#default,_result,,,,
,result,table,_time,_value,tag
" + body,
    )

testcase first_keeps_the_first_non_null_row {
    want = rows(body: ",,0,2021-01-01T00:00:00Z,-2,t1\n,,1,2021-01-01T00:00:10Z,4,t2\n")

    testing.diff(got: nulls |> first(), want: want)
}

testcase last_keeps_the_last_non_null_row {
    want = rows(body: ",,0,2021-01-01T00:00:50Z,4,t1\n,,1,2021-01-01T00:00:50Z,1,t2\n")

    testing.diff(got: nulls |> last(), want: want)
}

testcase min_and_max_skip_nulls {
    testing.diff(got: nulls |> min(), want: rows(body: ",,0,2021-01-01T00:00:00Z,-2,t1\n,,1,2021-01-01T00:00:20Z,-3,t2\n"))
    testing.diff(got: nulls |> max(), want: rows(body: ",,0,2021-01-01T00:00:20Z,7,t1\n,,1,2021-01-01T00:00:30Z,19,t2\n"))
}

testcase unique_keeps_the_first_row_of_each_value {
    got = array.from(rows: [{k: "a", i: 1}, {k: "b", i: 2}, {k: "a", i: 3}]) |> unique(column: "k")
    want = array.from(rows: [{k: "a", i: 1}, {k: "b", i: 2}])

    testing.diff(got: got, want: want)
}

testcase distinct_gives_each_value_once_with_null {
    want =
        csv.from(
            csv:
                "
#group,false,false,true,false
#datatype,string,long,string,long
#default,_result,,,
,result,table,tag,_value
,,0,t1,-2
,,0,t1,
,,0,t1,7
,,0,t1,4
,,1,t2,
,,1,t2,4
,,1,t2,-3
,,1,t2,19
,,1,t2,1
",
        )

    testing.diff(got: nulls |> distinct(), want: want)
}
