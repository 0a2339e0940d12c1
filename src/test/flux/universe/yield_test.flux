package universe_test

import "array"
import "testing"

data = array.from(rows: [{_value: 1}, {_value: 2}])

testcase yield_passes_its_input_on {
    testing.diff(
        got: data
            |> yield(name: "mine"),
        want: data,
    )
}

testcase a_yielded_result_that_is_not_errorOutput_does_not_fail_a_test {
    data
        |> yield(name: "mine")
    data
        |> yield()
}

testcase a_yielded_result_is_read {
    // The stream is read (so its error happens) even though nothing compares it.
    testing.shouldError(
        fn: () => data
            |> testing.assertEquals(
                name: "read",
                want: data
                    |> limit(n: 1),
            )
            |> yield(name: "r"),
        want: /test read: tables not equal/,
    )
}
