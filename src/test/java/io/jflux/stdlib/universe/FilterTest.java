package io.jflux.stdlib.universe;

import static io.jflux.stdlib.universe.RowTx.INT;
import static io.jflux.stdlib.universe.RowTx.head;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code filter}: the examples of Flux's documentation, nulls, three-valued logic, errors. */
class FilterTest {

    static final String MIXED = "import \"array\"\n"
            + "data = array.from(rows: [\n"
            + "    {_time: 2021-01-01T00:00:00Z, _value: 1.5, host: \"a\", n: 1, u: uint(v: 1), ok: true},\n"
            + "    {_time: 2021-01-01T00:00:10Z, host: \"a\", n: 2, ok: false},\n"
            + "    {_time: 2021-01-01T00:00:20Z, _value: 3.0, n: 3, u: uint(v: 30)},\n"
            + "    {_value: 4.5, host: \"b\", u: uint(v: \"18446744073709551615\")},\n"
            + "    {_time: 2021-01-01T00:00:40Z, _value: 0.0 / 0.0, host: \"bb\", n: 0, ok: true},\n"
            + "])\n";

    static final String MIXED_HEAD = "table [] _time:time, _value:float, host:string, n:int, u:uint, ok:bool\n";
    static final String ROW1 = "  2021-01-01T00:00:00.000000000Z, 1.5, a, 1, 1, true\n";
    static final String ROW2 = "  2021-01-01T00:00:10.000000000Z, <null>, a, 2, <null>, false\n";
    static final String ROW3 = "  2021-01-01T00:00:20.000000000Z, 3, <null>, 3, 30, <null>\n";
    static final String ROW4 = "  <null>, 4.5, b, <null>, 18446744073709551615, <null>\n";
    static final String ROW5 = "  2021-01-01T00:00:40.000000000Z, NaN, bb, 0, <null>, true\n";

    static String filtered(String fn) {
        return RowTx.run(MIXED + "data |> filter(fn: " + fn + ")");
    }

    static String rows(String... rows) {
        return "result _result\n" + MIXED_HEAD + String.join("", rows);
    }

    @Test
    void thresholdsExampleOfTheDocumentation() {
        assertEquals("result _result\n"
                + head("t1")
                + "  2021-01-01T00:00:20.000000000Z, 7, t1\n"
                + "  2021-01-01T00:00:50.000000000Z, 4, t1\n"
                + head("t2")
                + "  2021-01-01T00:00:10.000000000Z, 4, t2\n"
                + "  2021-01-01T00:00:50.000000000Z, 1, t2\n",
                RowTx.run(INT + "data |> filter(fn: (r) => r._value > 0 and r._value < 10)"));
    }

    @Test
    void onEmptyKeepKeepsTablesWithNoRowsLeft() {
        assertEquals("result _result\n"
                + head("t1")
                + head("t2")
                + "  2021-01-01T00:00:00.000000000Z, 19, t2\n"
                + "  2021-01-01T00:00:30.000000000Z, 19, t2\n",
                RowTx.run(INT + "data |> filter(fn: (r) => r._value > 18, onEmpty: \"keep\")"));
    }

    @Test
    void emptyTablesAreDroppedByDefault() {
        assertEquals("result _result\n"
                + head("t2")
                + "  2021-01-01T00:00:00.000000000Z, 19, t2\n"
                + "  2021-01-01T00:00:30.000000000Z, 19, t2\n",
                RowTx.run(INT + "data |> filter(fn: (r) => r._value > 18, onEmpty: \"drop\")"));
    }

    @Test
    void aComparisonWithNullIsFalse() {
        assertEquals(rows(ROW3, ROW4), filtered("(r) => r._value > 2.0"));
        assertEquals(rows(ROW1, ROW5), filtered("(r) => not (r._value > 2.0)"));
        assertEquals(rows(ROW1, ROW2, ROW4, ROW5), filtered("(r) => r.host != \"x\""));
    }

    @Test
    void aMissingColumnIsNull() {
        assertEquals(rows(ROW3), filtered("(r) => r.nothere == 1 or r.n == 3"));
        assertEquals("result _result\n", filtered("(r) => exists r.nothere"));
        assertEquals(rows(ROW1, ROW2, ROW3, ROW4, ROW5), filtered("(r) => not exists r[\"nothere\"]"));
    }

    @Test
    void existsTellsNullFromValue() {
        assertEquals(rows(ROW1, ROW2), filtered("(r) => exists r.host and r.host !~ /^b/"));
        assertEquals(rows(ROW3, ROW4), filtered("(r) => not exists r.ok"));
    }

    @Test
    void andOrAreThreeValued() {
        // null or true = true; null and false = false; null or false = null (dropped)
        assertEquals(rows(ROW1, ROW2, ROW3, ROW4), filtered("(r) => r._value > 2.0 or r.host == \"a\""));
        assertEquals(rows(ROW1, ROW2, ROW5), filtered("(r) => not (r.n == 3 and r._value > 0.0)"));
        assertEquals(rows(ROW2, ROW5), filtered("(r) => r.ok == false or r.host == \"bb\""));
    }

    @Test
    void theRightSideOfAndIsNotReachedWhenTheLeftDecides() {
        assertEquals(rows(ROW1, ROW2), filtered("(r) => r.n != 0 and 6 / r.n >= 3"));
        assertEquals(rows(ROW1, ROW2, ROW3, ROW5), filtered("(r) => r.n == 0 or 6 % r.n == 0"));
        assertEquals(rows(ROW1, ROW2, ROW3), filtered("(r) => if r.n == 0 then false else 6 / r.n > 1"));
    }

    @Test
    void divisionByZeroIsAnErrorWhereItIsReached() {
        assertEquals("cannot divide by zero", RowTx.error(MIXED + "data |> filter(fn: (r) => 6 / r.n > 1)")
                .getMessage());
    }

    @Test
    void nanIsEqualToNothing() {
        assertEquals(rows(ROW5), filtered("(r) => r._value != r._value"));
        assertEquals(rows(ROW1, ROW3, ROW4), filtered("(r) => r._value == r._value"));
        assertEquals(rows(ROW3, ROW4), filtered("(r) => r._value >= 3"));
    }

    @Test
    void numbersOfDifferentKindsCompareByValue() {
        assertEquals(rows(ROW1, ROW3), filtered("(r) => r.u < 1000 and r.u >= r.n"));
        assertEquals(rows(ROW4), filtered("(r) => r.u > 9223372036854775807"));
        assertEquals(rows(ROW1), filtered("(r) => r.u == 1.0"));
        assertEquals(rows(ROW3, ROW4), filtered("(r) => r.u > -1 and r.u > 1"));
    }

    @Test
    void timesStringsAndBoolsCompare() {
        assertEquals(rows(ROW3, ROW5), filtered("(r) => r._time >= 2021-01-01T00:00:20Z"));
        assertEquals(rows(ROW4, ROW5), filtered("(r) => r.host > \"a\""));
        assertEquals(rows(ROW1, ROW5), filtered("(r) => r.ok == true"));
        assertEquals(rows(ROW1, ROW2, ROW4), filtered("(r) => r.host =~ /^[ab]$/"));
    }

    @Test
    void freeVariablesAndRecordsTheFunctionClosesOver() {
        assertEquals(rows(ROW3, ROW4), RowTx.run(MIXED + "threshold = 2.0\n"
                + "data |> filter(fn: (r) => r._value > threshold)"));
        assertEquals(rows(ROW4), RowTx.run(MIXED + "params = {limits: {low: 4.0}, host: \"b\"}\n"
                + "data |> filter(fn: (r) => r._value >= params.limits.low and r.host == params.host)"));
    }

    @Test
    void arithmeticInPredicates() {
        assertEquals(rows(ROW3, ROW4), filtered("(r) => r._value * 2.0 - 1.0 > 4.0"));
        assertEquals(rows(ROW2, ROW3), filtered("(r) => r.n * r.n + 1 > 4"));
        assertEquals(rows(ROW1), filtered("(r) => -r._value < -1.0 and -r._value > -2.0"));
        assertEquals(rows(ROW1, ROW2), filtered("(r) => r.host + \"!\" == \"a!\""));
        assertEquals(rows(ROW3, ROW5), filtered("(r) => r._time + 1m > 2021-01-01T00:01:10Z"));
    }

    @Test
    void functionsOfOtherShapesRunRowByRow() {
        assertEquals(rows(ROW1, ROW2), filtered("(r) => { h = r.host\n return h == \"a\" }"));
        assertEquals(rows(ROW1, ROW2, ROW3), filtered("(r) => float(v: r.n) > 0.5 and r.n < 4"));
        assertEquals(rows(ROW3), filtered("(r, low=2) => r.n > low"));
    }

    @Test
    void aFunctionThatDoesNotReturnABoolIsAnError() {
        assertEquals("filter: fn must return a bool, got int",
                RowTx.error(MIXED + "data |> filter(fn: (r) => r.n)").getMessage());
        assertEquals("filter: fn must return a bool, got string",
                RowTx.error(MIXED + "data |> filter(fn: (r) => if r.n > 1 then true else \"no\")").getMessage());
    }

    @Test
    void typeErrorsInThePredicateAreTheInterpretersErrors() {
        assertEquals("type error: cannot compare string with int",
                RowTx.error(MIXED + "data |> filter(fn: (r) => r.host == 1)").getMessage());
        assertEquals("type error: the operands of and must be bool, got int",
                RowTx.error(MIXED + "data |> filter(fn: (r) => r.ok and r.n)").getMessage());
    }

    @Test
    void theFunctionMustTakeR() {
        assertEquals("found unexpected argument r (fn takes (row))",
                RowTx.error(MIXED + "fn = (row) => true\ndata |> filter(fn: fn)").getMessage());
    }

    @Test
    void onEmptyMustBeKeepOrDrop() {
        assertEquals("filter: onEmpty must be \"keep\" or \"drop\", got \"never\"",
                RowTx.error(INT + "data |> filter(fn: (r) => true, onEmpty: \"never\")").getMessage());
    }
}
