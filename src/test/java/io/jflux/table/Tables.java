package io.jflux.table;

import io.jflux.api.Engine;
import io.jflux.api.Execution;
import io.jflux.api.RunOptions;
import io.jflux.eval.Value;
import io.jflux.eval.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: runs a Flux script and renders every table of every result as plain text, one line per table
 * header and per row, so tests can compare whole outputs. Running it also checks that every byte of table
 * memory was released (closing the execution fails otherwise).
 *
 * <pre>
 * result _result
 * table [_measurement=cpu, host=a] _time:time, host:string, _value:float
 *   2021-01-01T00:00:00.000000000Z, a, 1.5
 * </pre>
 * Nulls print as {@code <null>}; group key values print with {@code display}.
 */
public final class Tables {

    private Tables() {}

    public static final Instant NOW = Instant.parse("2021-01-01T00:10:00Z");

    public static String run(String flux) {
        StringBuilder sb = new StringBuilder();
        try (Execution run = Engine.create().compile("test.flux", flux).run(RunOptions.defaults().withNow(NOW))) {
            for (Execution.Result r : run.results()) {
                sb.append("result ").append(r.name()).append('\n');
                try (TableStream s = run.tables(r)) {
                    FluxTable t;
                    while ((t = s.next()) != null) {
                        try (FluxTable table = t) {
                            render(table, sb);
                        }
                    }
                }
            }
        }
        return sb.toString();
    }

    public static void render(FluxTable t, StringBuilder sb) {
        List<String> key = new ArrayList<>();
        for (int i = 0; i < t.key().size(); i++) {
            key.add(t.key().columns().get(i).label() + "=" + Values.display(t.key().values().get(i)));
        }
        List<String> cols = new ArrayList<>();
        for (ColumnMeta c : t.columns()) {
            cols.add(c.toString());
        }
        sb.append("table [").append(String.join(", ", key)).append("] ").append(String.join(", ", cols)).append('\n');
        for (int r = 0; r < t.rowCount(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < t.columnCount(); c++) {
                Value v = t.value(c, r);
                cells.add(Values.display(v));
            }
            sb.append("  ").append(String.join(", ", cells)).append('\n');
        }
    }
}
