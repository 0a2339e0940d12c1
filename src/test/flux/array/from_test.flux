package array_test

import "array"
import "testing"

testcase from_makes_a_row_per_record {
    got = array.from(rows: [{foo: "bar", baz: 21.2}, {foo: "bar", baz: 23.8}])
    want = array.from(rows: [{baz: 21.2, foo: "bar"}, {baz: 23.8, foo: "bar"}])

    testing.diff(got: got, want: want)
}

testcase from_takes_every_column_type {
    got = array.from(
        rows: [
            {
                b: true,
                i: -1,
                u: uint(v: 1),
                f: 1.5,
                s: "x",
                t: 2021-01-01T00:00:00Z,
                d: 1h,
            },
        ],
    )

    testing.diff(got: got, want: got)
}

testcase from_writes_null_for_a_missing_property {
    got = array.from(rows: [{a: 1, b: "x"}, {a: 2}])
    want = array.from(rows: [{a: 1, b: "x"}, {a: 2, b: "y"}])
    expected = array.from(rows: [{_diff: "-", a: 2, b: "y"}, {_diff: "+", a: 2}])

    testing.diff(got: testing.diff(got: got, want: want), want: expected)
}

testcase from_rejects_a_column_of_two_types {
    testing.shouldError(
        fn: () => array.from(rows: [{a: 1}, {a: "x"}]),
        want: /column a holds both int and string values/,
    )
}

testcase from_rejects_a_column_of_nulls_only {
    r = {x: 1}

    testing.shouldError(
        fn: () => array.from(rows: [{a: 1, b: r.y}]),
        want: /column b has only null values; its type is unknown/,
    )
}
