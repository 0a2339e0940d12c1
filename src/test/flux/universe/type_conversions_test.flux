package universe_test

import "array"
import "csv"
import "testing"

// toInt, toFloat, toString, toBool, toUInt and toTime convert _value and leave the other columns as they are.
testcase to_int_truncates_floats_toward_zero {
    want =
        csv.from(
            csv:
                "
#group,false,false,false,false,true
#datatype,string,long,dateTime:RFC3339,long,string
#default,_result,,,,
,result,table,_time,_value,t
,,0,2030-01-01T00:00:00Z,1,a
,,0,2030-01-01T00:00:01Z,-2,a
",
        )
    got =
        array.from(
            rows: [{_time: 2030-01-01T00:00:00Z, _value: 1.7, t: "a"}, {_time: 2030-01-01T00:00:01Z, _value: -2.2, t: "a"}],
        )
            |> group(columns: ["t"])
            |> toInt()

    testing.diff(got: got, want: want)
}

testcase to_float_then_to_string {
    want =
        csv.from(
            csv:
                "
#group,false,false,false,false
#datatype,string,long,dateTime:RFC3339,string
#default,_result,,,
,result,table,_time,_value
,,0,2030-01-01T00:00:00Z,3
,,0,2030-01-01T00:00:01Z,2.5
",
        )
    got =
        array.from(rows: [{_time: 2030-01-01T00:00:00Z, _value: 3}, {_time: 2030-01-01T00:00:01Z, _value: 2}])
            |> toFloat()
            |> map(fn: (r) => ({r with _value: if r._value == 2.0 then 2.5 else r._value}))
            |> toString()

    testing.diff(got: got, want: want)
}

testcase to_bool_to_uint_to_time {
    want =
        csv.from(
            csv:
                "
#group,false,false,false,false,false,false
#datatype,string,long,dateTime:RFC3339,boolean,unsignedLong,dateTime:RFC3339
#default,_result,,,,,
,result,table,_time,b,u,_value
,,0,2030-01-01T00:00:00Z,true,7,1970-01-01T00:00:01Z
",
        )
    got =
        array.from(rows: [{_time: 2030-01-01T00:00:00Z, _value: "true", n: 7, s: 1000000000}])
            |> toBool()
            |> map(fn: (r) => ({_time: r._time, b: r._value, _value: r.n, s: r.s}))
            |> toUInt()
            |> map(fn: (r) => ({_time: r._time, b: r.b, u: r._value, _value: r.s}))
            |> toTime()

    testing.diff(got: got, want: want)
}
