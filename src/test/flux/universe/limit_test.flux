package universe_test

import "array"
import "testing"

data = array.from(
    rows: [
        {_time: 2021-01-01T00:00:00Z, _value: 1},
        {_time: 2021-01-01T00:01:00Z, _value: 2},
        {_time: 2021-01-01T00:02:00Z, _value: 3},
        {_time: 2021-01-01T00:03:00Z, _value: 4},
    ],
)

testcase limit_keeps_the_first_n_rows {
    want = array.from(rows: [{_time: 2021-01-01T00:00:00Z, _value: 1}, {_time: 2021-01-01T00:01:00Z, _value: 2}])

    testing.diff(
        got: data
            |> limit(n: 2),
        want: want,
    )
}

testcase limit_skips_offset_rows_first {
    want = array.from(rows: [{_time: 2021-01-01T00:01:00Z, _value: 2}, {_time: 2021-01-01T00:02:00Z, _value: 3}])

    testing.diff(
        got: data
            |> limit(n: 2, offset: 1),
        want: want,
    )
}

testcase limit_returns_every_row_after_offset_when_there_are_fewer_than_n {
    want = array.from(rows: [{_time: 2021-01-01T00:02:00Z, _value: 3}, {_time: 2021-01-01T00:03:00Z, _value: 4}])

    testing.diff(
        got: data
            |> limit(n: 10, offset: 2),
        want: want,
    )
}

testcase limit_beyond_the_last_row_leaves_an_empty_table {
    data
        |> limit(n: 2, offset: 4)
        |> testing.assertEmpty()
}

testcase limit_zero_leaves_an_empty_table {
    data
        |> limit(n: 0)
        |> testing.assertEmpty()
}

testcase limit_rejects_a_negative_n {
    testing.shouldError(
        fn: () => data
            |> limit(n: -1),
        want: /n and offset must not be negative/,
    )
}
