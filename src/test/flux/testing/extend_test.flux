package testing_test

import "testing"

testcase option_extension extends "testing_test.option_parent" {
    // Options set before and after the parent's statements do not disturb them.
    option before = 1

    super()

    option after = 1
}

testcase extension_in_module_form extends "flux/testing/testing_test.option_parent" {
    super()
}

testcase extension_with_the_file_extension extends "testing_test.flux.option_parent" {
    super()
    testing.assertEqualValues(got: x, want: 1)
}
