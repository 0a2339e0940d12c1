package universe_test

import "csv"
import "testing"

fields =
    csv.from(
        csv:
            "
#group,false,false,false,true,true,false
#datatype,string,long,dateTime:RFC3339,string,string,double
#default,_result,,,,,
,result,table,_time,_measurement,_field,_value
,,0,1970-01-01T00:00:01Z,m1,f1,1.0
,,0,1970-01-01T00:00:02Z,m1,f1,4.0
,,0,1970-01-01T00:00:03Z,m1,f1,
,,1,1970-01-01T00:00:01Z,m1,f2,2.0
,,1,1970-01-01T00:00:02Z,m1,f2,5.0
,,1,1970-01-01T00:00:03Z,m1,f2,7.0
,,2,1970-01-01T00:00:01Z,m1,f3,
,,2,1970-01-01T00:00:02Z,m1,f3,6.0
,,2,1970-01-01T00:00:04Z,m1,f3,8.0
",
    )

testcase pivot_aligns_fields_on_time {
    want =
        csv.from(
            csv:
                "
#group,false,false,false,true,false,false,false
#datatype,string,long,dateTime:RFC3339,string,double,double,double
#default,_result,,,,,,
,result,table,_time,_measurement,f1,f2,f3
,,0,1970-01-01T00:00:01Z,m1,1,2,
,,0,1970-01-01T00:00:02Z,m1,4,5,6
,,0,1970-01-01T00:00:03Z,m1,,7,
,,0,1970-01-01T00:00:04Z,m1,,,8
",
        )

    testing.diff(got: fields |> pivot(rowKey: ["_time"], columnKey: ["_field"], valueColumn: "_value"), want: want)
}

testcase pivot_rejects_a_column_in_both_keys {
    testing.shouldError(
        fn: () => fields |> pivot(rowKey: ["_time"], columnKey: ["_time"], valueColumn: "_value") |> yield(),
        want: /column name found in both rowKey and colKey: _time/,
    )
}
