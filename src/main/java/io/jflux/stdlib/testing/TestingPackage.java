package io.jflux.stdlib.testing;

import io.jflux.stdlib.Definitions;
import io.jflux.stdlib.JavaPackage;

/** {@code import "testing"}: comparing streams of tables and checking errors, for {@code testcase} blocks. */
public final class TestingPackage implements JavaPackage {

    /** The result a test case must leave empty: what {@code diff} and {@code shouldError} yield. */
    public static final String ERROR_OUTPUT = "errorOutput";

    @Override
    public void define(Definitions defs) {
        defs.function("diff", (a, in) -> Diff.call(a))
            .function("assertEquals", (a, in) -> AssertEquals.call(a))
            .function("assertEmpty", (a, in) -> AssertEmpty.call(a))
            .function("shouldError", ShouldError::call);
    }
}
