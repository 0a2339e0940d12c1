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
}
