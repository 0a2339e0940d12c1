package universe_test

import "array"
import "testing"

hosts =
    array.from(
        rows: [
            {_time: 2021-01-01T00:00:00Z, _value: 1.5, host: "a"},
            {_time: 2021-01-01T00:00:10Z, _value: 2.5, host: "a"},
            {_time: 2021-01-01T00:00:00Z, _value: 9.0, host: "b"},
        ],
    )
        |> group(columns: ["host"])

testcase find_record_gives_a_row_of_the_first_table_the_key_function_accepts {
    r = hosts |> findRecord(fn: (key) => key.host == "a", idx: 1)

    testing.assertEqualValues(want: 2.5, got: r._value)
    testing.assertEqualValues(want: "a", got: r.host)
}

testcase find_column_gives_its_values {
    values = hosts |> findColumn(fn: (key) => key.host == "a", column: "_value")

    testing.assertEqualValues(want: 2, got: length(arr: values))
    testing.assertEqualValues(want: 1.5, got: values[0])
    testing.assertEqualValues(want: 2.5, got: values[1])
}

testcase nothing_found_is_empty {
    testing.assertEqualValues(want: 0, got: length(arr: hosts |> findColumn(fn: (key) => key.host == "z", column: "_value")))
    testing.assertEqualValues(want: 0, got: length(arr: hosts |> findColumn(fn: (key) => true, column: "nope")))
}
