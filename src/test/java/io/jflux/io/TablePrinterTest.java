package io.jflux.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jflux.eval.StringValue;
import io.jflux.eval.Value;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.TableBatcher;
import io.jflux.table.TableBuilder;
import io.jflux.table.TableStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The printer remembers headers across tables (per schema, and the last two sets of widths of each): a stream
 * printed in one go must read exactly as its tables printed one by one, each from scratch.
 */
class TablePrinterTest {

    private RootAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() {
        assertEquals(0, allocator.getAllocatedMemory(), "bytes left allocated");
        allocator.close();
    }

    private static final ColumnMeta HOST = new ColumnMeta("host", ColumnType.STRING);
    private static final ColumnMeta REGION = new ColumnMeta("region", ColumnType.STRING);
    private static final ColumnMeta VALUE = new ColumnMeta("_value", ColumnType.INT);

    /** Three schemas in turn; cells now at the minimum width, now wider, in patterns that alternate. */
    private List<FluxTable> tables() {
        List<List<ColumnMeta>> schemas = List.of(List.of(HOST, VALUE), List.of(HOST, REGION, VALUE),
                List.of(REGION, VALUE));
        // one key column list per schema, as a source makes them (the printer knows a schema by its lists)
        List<List<ColumnMeta>> keys = List.of(List.of(HOST), List.of(HOST, REGION), List.of(REGION));
        List<FluxTable> out = new ArrayList<>();
        try (TableBatcher batcher = new TableBatcher(allocator, 7, 1 << 20, 3)) {
            for (int i = 0; i < 90; i++) {
                List<ColumnMeta> columns = schemas.get(i % 3);
                int k = i / 3;
                String host = k % 2 == 0 ? "h" + k : "a-much-longer-host-name-than-most-" + k;
                String region = k % 5 == 0 ? "region-name-longer-than-twenty-two" : "r" + (k % 4);
                List<ColumnMeta> keyColumns = keys.get(i % 3);
                List<Value> keyValues = new ArrayList<>();
                for (ColumnMeta c : keyColumns) {
                    keyValues.add(new StringValue(c == HOST ? host : region));
                }
                TableBuilder b = batcher.startTable(new GroupKey(keyColumns, keyValues), columns);
                for (int r = 0; r < 1 + k % 3; r++) {
                    for (int c = 0; c < columns.size(); c++) {
                        ColumnMeta m = columns.get(c);
                        if (m == VALUE) {
                            b.appendLong(c, (long) i * 1_000_003L * (r + 1) % (k % 4 == 0 ? 10 : 1L << 62));
                        } else {
                            b.appendString(c, m == HOST ? host : region);
                        }
                    }
                }
                batcher.endTable();
                FluxTable t;
                while ((t = batcher.poll()) != null) {
                    out.add(t);
                }
            }
            batcher.flush();
            FluxTable t;
            while ((t = batcher.poll()) != null) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void aStreamPrintsAsItsTablesOneByOne() {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        try (TableStream s = TableStream.of(tables())) {
            TablePrinter.print("_result", s, new PrintStream(whole, true, StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream each = new ByteArrayOutputStream();
        PrintStream eachOut = new PrintStream(each, true, StandardCharsets.UTF_8);
        eachOut.println("Result: _result");
        List<FluxTable> tables = tables();
        for (FluxTable t : tables) {
            try (t) {
                TablePrinter.print(t, eachOut);
            }
        }
        String expected = each.toString(StandardCharsets.UTF_8);
        assertTrue(expected.contains("a-much-longer-host-name-than-most-1"), expected);
        assertEquals(90, expected.split("Table: keys:", -1).length - 1);
        assertEquals(expected, whole.toString(StandardCharsets.UTF_8));
    }

    /**
     * Widths count characters, not UTF-8 bytes, whether a cell is shorter than a word, spans words, or is long
     * enough to be copied in one piece; null cells are blank, in string and integer columns alike.
     */
    @Test
    void widthsCountCharactersAndNullsAreBlank() {
        String longer = "ünïcødé strîng lönger than eight bytes";
        String longest = "日本語".repeat(14) + "é"; // 43 characters, 127 bytes
        List<ColumnMeta> columns = List.of(HOST, VALUE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableBatcher batcher = new TableBatcher(allocator, 7, 1 << 20, 3)) {
            TableBuilder b = batcher.startTable(new GroupKey(List.of(), List.of()), columns);
            String[] hosts = {"é", longer, null, longest, "plain"};
            for (int r = 0; r < hosts.length; r++) {
                if (hosts[r] == null) {
                    b.appendNull(0);
                } else {
                    b.appendString(0, hosts[r]);
                }
                if (r == 1) {
                    b.appendNull(1);
                } else {
                    b.appendLong(1, -7L * r);
                }
            }
            batcher.endTable();
            batcher.flush();
            FluxTable t = batcher.poll();
            try (t) {
                TablePrinter.print(t, new PrintStream(out, true, StandardCharsets.UTF_8));
            }
        }
        int w = longest.length();
        String expected = "Table: keys: []\n"
                + " ".repeat(w - "host:string".length()) + "host:string" + "  " + " ".repeat(26 - 10) + "_value:int\n"
                + "-".repeat(w) + "  " + "-".repeat(26) + "\n"
                + " ".repeat(w - 1) + "é" + "  " + " ".repeat(25) + "0\n"
                + " ".repeat(w - longer.length()) + longer + "  " + " ".repeat(26) + "\n"
                + " ".repeat(w) + "  " + " ".repeat(23) + "-14\n"
                + longest + "  " + " ".repeat(23) + "-21\n"
                + " ".repeat(w - 5) + "plain" + "  " + " ".repeat(23) + "-28\n";
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    }
}
