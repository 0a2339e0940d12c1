package io.jflux.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jflux.diag.FluxException;
import org.junit.jupiter.api.Test;

class TableBasicsTest {

    static final String ROWS = "import \"array\"\n"
            + "data = array.from(rows: [\n"
            + "    {_time: 2021-01-01T00:00:00Z, host: \"a\", _value: 1.5},\n"
            + "    {_time: 2021-01-01T00:01:00Z, host: \"b\", _value: 2.0},\n"
            + "    {_time: 2021-01-01T00:02:00Z, host: \"b\", _value: 3.0},\n"
            + "])\n";

    @Test
    void arrayFromMakesOneTableWithAnEmptyKey() {
        assertEquals("result _result\n"
                + "table [] _time:time, host:string, _value:float\n"
                + "  2021-01-01T00:00:00.000000000Z, a, 1.5\n"
                + "  2021-01-01T00:01:00.000000000Z, b, 2\n"
                + "  2021-01-01T00:02:00.000000000Z, b, 3\n", Tables.run(ROWS + "data"));
    }

    @Test
    void limitSlicesEachTableAndAStreamCanBeReadTwice() {
        assertEquals("result first\n"
                + "table [] _time:time, host:string, _value:float\n"
                + "  2021-01-01T00:00:00.000000000Z, a, 1.5\n"
                + "result rest\n"
                + "table [] _time:time, host:string, _value:float\n"
                + "  2021-01-01T00:01:00.000000000Z, b, 2\n"
                + "  2021-01-01T00:02:00.000000000Z, b, 3\n",
                Tables.run(ROWS + "data |> limit(n: 1) |> yield(name: \"first\")\n"
                        + "data |> limit(n: 5, offset: 1) |> yield(name: \"rest\")"));
    }

    @Test
    void arrayFromRejectsMixedColumnTypes() {
        FluxException e = assertThrows(FluxException.class, () -> Tables.run(
                "import \"array\"\narray.from(rows: [{a: 1}, {a: \"x\"}])"));
        assertEquals("array.from: column a holds both int and string values", e.getMessage());
    }

    @Test
    void goingPastTheMemoryLimitIsAFluxError() {
        String script = "import \"array\"\n"
                + "array.from(rows: [" + ("{s: \"" + "x".repeat(200) + "\"},").repeat(2000) + "])";
        try (io.jflux.api.Execution run = io.jflux.api.Engine.create().compile("big.flux", script)
                .run(io.jflux.api.RunOptions.defaults().withMemoryLimit(64 * 1024))) {
            FluxException e = assertThrows(FluxException.class, () -> {
                try (TableStream s = run.tables(run.results().get(0))) {
                    s.next();
                }
            });
            assertEquals(io.jflux.diag.ErrorCode.RESOURCE_EXHAUSTED, e.code());
            assertEquals("the tables of this script need more than the memory limit of 65536 bytes", e.getMessage());
        }
    }

    @Test
    void anErrorWhileTablesAreReadPointsAtTheTransformationThatRaisedIt() {
        FluxException e = assertThrows(FluxException.class, () -> Tables.run("import \"array\"\n"
                + "array.from(rows: [{_value: 1.0, s: \"x\"}])\n"
                + "    |> group(columns: [\"_value\"])\n"
                + "    |> distinct(column: \"s\")"));
        assertEquals("error @4:8-4:29: column _value has type float, cannot add values of type string", e.headline());
    }
}
