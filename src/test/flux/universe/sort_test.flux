package universe_test

import "array"
import "testing"

values =
    array.from(
        rows: [
            {_time: 2021-01-01T00:00:00Z, _value: -2},
            {_time: 2021-01-01T00:00:10Z, _value: 10},
            {_time: 2021-01-01T00:00:20Z, _value: 7},
            {_time: 2021-01-01T00:00:30Z, _value: 17},
        ],
    )

testcase sort_orders_by_value_by_default {
    want =
        array.from(
            rows: [
                {_time: 2021-01-01T00:00:00Z, _value: -2},
                {_time: 2021-01-01T00:00:20Z, _value: 7},
                {_time: 2021-01-01T00:00:10Z, _value: 10},
                {_time: 2021-01-01T00:00:30Z, _value: 17},
            ],
        )

    testing.diff(got: values |> sort(), want: want)
}

testcase sort_puts_nulls_first_even_descending {
    got = array.from(rows: [{t: 1, v: 1.0}, {t: 2}, {t: 3, v: 2.0}]) |> sort(columns: ["v"], desc: true)
    want = array.from(rows: [{t: 2}, {t: 3, v: 2.0}, {t: 1, v: 1.0}])

    testing.diff(got: got, want: want)
}

testcase top_and_bottom {
    testing.diff(
        got: values |> top(n: 2),
        want: array.from(rows: [{_time: 2021-01-01T00:00:30Z, _value: 17}, {_time: 2021-01-01T00:00:10Z, _value: 10}]),
    )
    testing.diff(
        got: values |> bottom(n: 1),
        want: array.from(rows: [{_time: 2021-01-01T00:00:00Z, _value: -2}]),
    )
}

testcase tail_keeps_the_last_rows_before_the_offset {
    want = array.from(rows: [{_time: 2021-01-01T00:00:10Z, _value: 10}, {_time: 2021-01-01T00:00:20Z, _value: 7}])

    testing.diff(got: values |> tail(n: 2, offset: 1), want: want)
}
