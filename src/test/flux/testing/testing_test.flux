package testing_test

import "array"
import "math"
import "testing"

data = array.from(
    rows: [
        {_time: 2021-01-01T00:00:00Z, host: "a", _value: 1.5},
        {_time: 2021-01-01T00:01:00Z, host: "b", _value: 2.0},
        {_time: 2021-01-01T00:02:00Z, host: "b", _value: 3.0},
    ],
)

testcase diff_of_equal_streams_is_empty {
    testing.diff(got: data, want: data)
}

testcase diff_matches_columns_by_label_in_any_order {
    got = array.from(rows: [{a: 1, b: "x"}, {a: 2, b: "y"}])
    want = array.from(rows: [{b: "x", a: 1}, {b: "y", a: 2}])

    testing.diff(got: got, want: want)
}

testcase diff_marks_want_rows_minus_and_got_rows_plus {
    got = array.from(rows: [{_value: 1}, {_value: 2}, {_value: 5}])
    want = array.from(rows: [{_value: 1}, {_value: 3}, {_value: 5}])
    diff = testing.diff(got: got, want: want)

    testing.diff(got: diff, want: array.from(rows: [{_diff: "-", _value: 3}, {_diff: "+", _value: 2}]))
}

testcase diff_shows_rows_beyond_the_shorter_table {
    got = array.from(rows: [{_value: 1}, {_value: 2}, {_value: 3}])
    want = array.from(rows: [{_value: 1}])
    diff = testing.diff(got: got, want: want)

    testing.diff(got: diff, want: array.from(rows: [{_diff: "+", _value: 2}, {_diff: "+", _value: 3}]))
}

testcase diff_verbose_keeps_equal_rows {
    got = array.from(rows: [{_value: 1}, {_value: 2}])
    want = array.from(rows: [{_value: 1}, {_value: 3}])
    diff = testing.diff(got: got, want: want, verbose: true)

    testing.diff(
        got: diff,
        want: array.from(rows: [{_diff: "", _value: 1}, {_diff: "-", _value: 3}, {_diff: "+", _value: 2}]),
    )
}

testcase diff_a_missing_column_differs_in_every_row {
    got = array.from(rows: [{a: 1}, {a: 2}])
    want = array.from(rows: [{a: 1, b: true}, {a: 2, b: false}])
    diff = testing.diff(got: got, want: want)
    expected = array.from(
        rows: [{_diff: "-", a: 1, b: true}, {_diff: "+", a: 1}, {_diff: "-", a: 2, b: false}, {_diff: "+", a: 2}],
    )

    testing.diff(got: diff, want: expected)
}

testcase diff_compares_floats_within_epsilon {
    got = array.from(rows: [{_value: 1.0}, {_value: 2.0000000001}])
    want = array.from(rows: [{_value: 1.0}, {_value: 2.0}])

    testing.diff(got: got, want: want)
}

testcase diff_epsilon_widens_float_equality {
    got = array.from(rows: [{_value: 1.05}])
    want = array.from(rows: [{_value: 1.0}])

    testing.diff(got: got, want: want, epsilon: 0.1)
}

testcase diff_finds_floats_beyond_epsilon {
    got = array.from(rows: [{_value: 1.5}])
    want = array.from(rows: [{_value: 1.0}])
    diff = testing.diff(got: got, want: want, epsilon: 0.1)

    testing.diff(got: diff, want: array.from(rows: [{_diff: "-", _value: 1.0}, {_diff: "+", _value: 1.5}]))
}

testcase diff_nans_equal_only_with_nansEqual {
    got = array.from(rows: [{_value: math.NaN()}])
    want = array.from(rows: [{_value: math.NaN()}])
    diff = testing.diff(got: got, want: want)
    expected = array.from(rows: [{_diff: "-", _value: math.NaN()}, {_diff: "+", _value: math.NaN()}])

    testing.diff(got: got, want: want, nansEqual: true)
    testing.diff(got: diff, want: expected, nansEqual: true)
}

testcase diff_infinities_are_equal_to_themselves {
    got = array.from(rows: [{_value: math.mInf(sign: 1)}, {_value: math.mInf(sign: -1)}])

    testing.diff(got: got, want: got)
}

testcase diff_of_differing_column_types_fails {
    testing.shouldError(
        fn: () => testing.diff(got: array.from(rows: [{_value: 1.0}]), want: array.from(rows: [{_value: 1}])),
        want: /column _value has type int in want but float in got/,
    )
}

testcase diff_of_a_difference_fails_assertEmpty {
    testing.shouldError(
        fn: () => testing.diff(
            got: data
                |> limit(n: 1),
            want: data
                |> limit(n: 2),
        )
            |> testing.assertEmpty(),
        want: /the stream is not empty: table \{\} differs \(- want, \+ got\)/,
    )
}

testcase assertEquals_returns_got {
    testing.diff(
        got: data
            |> testing.assertEquals(name: "same", want: data),
        want: data,
    )
}

testcase assertEquals_fails_on_a_difference {
    testing.shouldError(
        fn: () => data
            |> limit(n: 2)
            |> testing.assertEquals(name: "shorter", want: data),
        want: /^testing.assertEquals: test shorter: tables not equal\n/,
    )
}

testcase assertEmpty_passes_empty_tables {
    data
        |> limit(n: 0)
        |> testing.assertEmpty()
}

testcase assertEmpty_fails_on_a_row {
    testing.shouldError(
        fn: () => data
            |> limit(n: 1)
            |> testing.assertEmpty(),
        want: /the stream is not empty: table \{\} has 1 row/,
    )
}

testcase shouldError_matches_the_message {
    testing.shouldError(fn: () => die(msg: "error message"), want: /error message/)
}

testcase shouldError_yields_an_unmatched_message {
    got = testing.shouldError(fn: () => die(msg: "something else"), want: /error message/)

    testing.diff(got: got, want: array.from(rows: [{v: "something else"}]))
}

testcase shouldError_fails_when_fn_succeeds {
    testing.shouldError(
        fn: () => testing.shouldError(fn: () => 1, want: /x/),
        want: /expected an error matching \/x\/, but fn succeeded/,
    )
}

testcase load_returns_its_input {
    testing.diff(
        got: data
            |> testing.load(),
        want: data,
    )
    testing.diff(got: testing.load(tables: data), want: data)
}

testcase assertEqualValues_compares_values {
    testing.assertEqualValues(got: 1 + 1, want: 2)
    testing.assertEqualValues(got: "a" + "b", want: "ab")
}

testcase assertEqualValues_finds_a_difference {
    testing.diff(
        got: testing.assertEqualValues(got: 5, want: 12),
        want: array.from(rows: [{_diff: "-", v: 12}, {_diff: "+", v: 5}]),
    )
}

testcase option_parent {
    // Extended by extend_test.flux.
    option x = 1

    testing.diff(got: array.from(rows: [{_value: x}]), want: array.from(rows: [{_value: 1}]))
}
