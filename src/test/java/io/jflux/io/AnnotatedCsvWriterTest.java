package io.jflux.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jflux.eval.DurationValue;
import io.jflux.eval.FloatValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.NullValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.TimeValue;
import io.jflux.eval.UIntValue;
import io.jflux.eval.Value;
import io.jflux.io.AnnotatedCsvReader.Mode;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.FluxTable;
import io.jflux.table.GroupKey;
import io.jflux.table.TableBuilder;
import io.jflux.table.TableContext;
import io.jflux.table.TableStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tables written as InfluxDB writes annotated CSV, byte for byte, and read back unchanged. */
class AnnotatedCsvWriterTest {

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

    private static final ColumnMeta TIME = new ColumnMeta("_time", ColumnType.TIME);
    private static final ColumnMeta HOST = new ColumnMeta("host", ColumnType.STRING);
    private static final ColumnMeta VALUE = new ColumnMeta("_value", ColumnType.FLOAT);

    /** A table of {@code columns} with key columns {@code keyCols} (taking their values from the first row). */
    private FluxTable table(List<ColumnMeta> columns, List<String> keyCols, Object[]... rows) {
        List<ColumnMeta> kc = new ArrayList<>();
        List<Value> kv = new ArrayList<>();
        for (String k : keyCols) {
            int i = indexOf(columns, k);
            kc.add(columns.get(i));
            kv.add(rows.length == 0 ? NullValue.NULL : value(rows[0][i]));
        }
        return table(columns, new GroupKey(kc, kv), rows);
    }

    private FluxTable table(List<ColumnMeta> columns, GroupKey key, Object[]... rows) {
        try (TableBuilder b = new TableBuilder(allocator, key)) {
            for (ColumnMeta c : columns) {
                b.addColumn(c);
            }
            for (Object[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    b.appendValue(c, value(row[c]));
                }
            }
            return b.build();
        }
    }

    private static int indexOf(List<ColumnMeta> columns, String label) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().equals(label)) {
                return i;
            }
        }
        throw new IllegalArgumentException(label);
    }

    private static Value value(Object o) {
        if (o == null) {
            return NullValue.NULL;
        }
        if (o instanceof Value v) {
            return v;
        }
        if (o instanceof String s) {
            return new StringValue(s);
        }
        if (o instanceof Double d) {
            return new FloatValue(d);
        }
        if (o instanceof Boolean b) {
            return io.jflux.eval.BoolValue.of(b);
        }
        return IntValue.of((Integer) o);
    }

    private static TimeValue t(String rfc3339) {
        return new TimeValue(io.jflux.syntax.Literals.parseDateTime(rfc3339));
    }

    private static String write(Object... namesAndTables) {
        StringWriter out = new StringWriter();
        AnnotatedCsvWriter w = new AnnotatedCsvWriter(out);
        for (int i = 0; i < namesAndTables.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<FluxTable> tables = (List<FluxTable>) namesAndTables[i + 1];
            try (TableStream s = TableStream.of(tables)) {
                w.writeResult((String) namesAndTables[i], s);
            }
        }
        return out.toString();
    }

    private static String crlf(String s) {
        return s.replace("\n", "\r\n");
    }

    @Test
    void tablesOfOneSchemaShareABlock() {
        List<ColumnMeta> cols = List.of(TIME, HOST, VALUE);
        assertEquals(crlf("#group,false,false,false,true,false\n"
                        + "#datatype,string,long,dateTime:RFC3339,string,double\n"
                        + "#default,_result,,,,\n"
                        + ",result,table,_time,host,_value\n"
                        + ",,0,2021-01-01T00:00:00Z,a,1.5\n"
                        + ",,0,2021-01-01T00:00:01.5Z,a,2\n"
                        + ",,1,2021-01-01T00:00:00.000000001Z,b,-0.25\n"
                        + "\n"),
                write("_result", List.of(
                        table(cols, List.of("host"), new Object[] {t("2021-01-01T00:00:00Z"), "a", 1.5},
                                new Object[] {t("2021-01-01T00:00:01.500Z"), "a", 2.0}),
                        table(cols, List.of("host"), new Object[] {t("2021-01-01T00:00:00.000000001Z"), "b", -0.25}))));
    }

    @Test
    void anEmptyTableGetsABlockWhoseDefaultsHoldItsIdAndKey() {
        List<ColumnMeta> cols = List.of(TIME, HOST, VALUE);
        GroupKey key = new GroupKey(List.of(HOST, TIME), List.of(new StringValue("b,c"), t("2021-01-01T00:00:00Z")));
        assertEquals(crlf("#group,false,false,false,true,false\n"
                        + "#datatype,string,long,dateTime:RFC3339,string,double\n"
                        + "#default,_result,,,,\n"
                        + ",result,table,_time,host,_value\n"
                        + ",,0,2021-01-01T00:00:00Z,a,1\n"
                        + "\n"
                        + "#group,false,false,true,true,false\n"
                        + "#datatype,string,long,dateTime:RFC3339,string,double\n"
                        + "#default,_result,1,2021-01-01T00:00:00Z,\"b,c\",\n"
                        + ",result,table,_time,host,_value\n"
                        + "\n"
                        + "#group,false,false,true,true,false\n"
                        + "#datatype,string,long,dateTime:RFC3339,string,double\n"
                        + "#default,_result,,,,\n"
                        + ",result,table,_time,host,_value\n"
                        + ",,2,2021-01-01T00:00:00Z,c,3\n"
                        + "\n"),
                write("_result", List.of(
                        table(cols, List.of("host"), new Object[] {t("2021-01-01T00:00:00Z"), "a", 1.0}),
                        table(cols, key),
                        table(cols, List.of("host", "_time"), new Object[] {t("2021-01-01T00:00:00Z"), "c", 3.0}))));
    }

    @Test
    void aNewSchemaOrNewKeyColumnsStartANewBlockAfterAnEmptyLine() {
        List<ColumnMeta> a = List.of(HOST, VALUE);
        List<ColumnMeta> b = List.of(HOST, new ColumnMeta("_value", ColumnType.INT));
        assertEquals(crlf("#group,false,false,true,false\n"
                        + "#datatype,string,long,string,double\n"
                        + "#default,r,,,\n"
                        + ",result,table,host,_value\n"
                        + ",,0,a,1\n"
                        + "\n"
                        + "#group,false,false,true,false\n"
                        + "#datatype,string,long,string,long\n"
                        + "#default,r,,,\n"
                        + ",result,table,host,_value\n"
                        + ",,1,a,1\n"
                        + "\n"
                        + "#group,false,false,false,false\n"
                        + "#datatype,string,long,string,long\n"
                        + "#default,r,,,\n"
                        + ",result,table,host,_value\n"
                        + ",,2,a,2\n"
                        + "\n"),
                write("r", List.of(table(a, List.of("host"), new Object[] {"a", 1.0}),
                        table(b, List.of("host"), new Object[] {"a", 1}),
                        table(b, List.of(), new Object[] {"a", 2}))));
    }

    @Test
    void valuesAreWrittenAsFluxWritesThem() {
        List<ColumnMeta> cols = List.of(new ColumnMeta("f", ColumnType.FLOAT), new ColumnMeta("u", ColumnType.UINT),
                new ColumnMeta("i", ColumnType.INT), new ColumnMeta("b", ColumnType.BOOL),
                new ColumnMeta("d", ColumnType.DURATION), new ColumnMeta("t", ColumnType.TIME));
        assertEquals(crlf("#group,false,false,false,false,false,false,false,false\n"
                        + "#datatype,string,long,double,unsignedLong,long,boolean,duration,dateTime:RFC3339\n"
                        + "#default,_result,,,,,,,\n"
                        + ",result,table,f,u,i,b,d,t\n"
                        + ",,0,NaN,18446744073709551615,-9223372036854775808,true,1h30m,1677-09-21T00:12:43.145224192Z\n"
                        + ",,0,+Inf,0,0,false,-5ns,2262-04-11T23:47:16.854775807Z\n"
                        + ",,0,-Inf,,,,,\n"
                        + ",,0,-0,,,,,\n"
                        + ",,0,1000000000000000000000,,,,,\n"
                        + ",,0,0.000001,,,,,\n"
                        + ",,0,0.30000000000000004,,,,,\n"
                        + "\n"),
                write("_result", List.of(table(cols, List.of(),
                        new Object[] {Double.NaN, new UIntValue(-1L), IntValue.of(Long.MIN_VALUE), true,
                                DurationValue.ofNanos(5_400_000_000_000L), new TimeValue(Long.MIN_VALUE)},
                        new Object[] {Double.POSITIVE_INFINITY, new UIntValue(0), 0, false, DurationValue.ofNanos(-5),
                                new TimeValue(Long.MAX_VALUE)},
                        new Object[] {Double.NEGATIVE_INFINITY, null, null, null, null, null},
                        new Object[] {-0.0, null, null, null, null, null},
                        new Object[] {1e21, null, null, null, null, null},
                        new Object[] {1e-6, null, null, null, null, null},
                        new Object[] {0.1 + 0.2, null, null, null, null, null}))));
    }

    @Test
    void cellsAreQuotedAsGoQuotesThem() {
        List<ColumnMeta> cols = List.of(new ColumnMeta("s", ColumnType.STRING), new ColumnMeta("a b,\"c\"",
                ColumnType.STRING));
        assertEquals("#group,false,false,false,false\r\n"
                        + "#datatype,string,long,string,string\r\n"
                        + "#default,\"my,result\",,,\r\n"
                        + ",result,table,s,\"a b,\"\"c\"\"\"\r\n"
                        + ",,0,\"a,b\",plain text\r\n"
                        + ",,0,\"say \"\"hi\"\"\",\"x\"\"\"\r\n"
                        + ",,0,\"two\r\nlines\",\"cr\"\r\n"
                        + ",,0,\" lead\",trail \r\n"
                        + ",,0,\"\\.\",\\x\r\n"
                        + ",,0,\"\u00A0nbsp\",\"\u2003em\"\r\n"
                        + ",,0,,\u65E5\u672C\r\n"
                        + ",,0,\"\t\",\r\n"
                        + "\r\n",
                write("my,result", List.of(table(cols, List.of(),
                        new Object[] {"a,b", "plain text"},
                        new Object[] {"say \"hi\"", "x\""},
                        new Object[] {"two\nlines", "cr\r"},
                        new Object[] {" lead", "trail "},
                        new Object[] {"\\.", "\\x"},
                        new Object[] {"\u00A0nbsp", "\u2003em"},
                        new Object[] {"", "\u65E5\u672C"},
                        new Object[] {"\t", null}))));
    }

    @Test
    void everyResultEndsWithAnEmptyLine() {
        List<ColumnMeta> cols = List.of(HOST);
        assertEquals(crlf("#group,false,false,false\n#datatype,string,long,string\n#default,a,,\n,result,table,host\n"
                        + ",,0,x\n"
                        + "\n"
                        + "\n"
                        + "#group,false,false,false\n#datatype,string,long,string\n#default,c,,\n,result,table,host\n"
                        + ",,0,y\n"
                        + "\n"),
                write("a", List.of(table(cols, List.of(), new Object[] {"x"})), "b", List.of(),
                        "c", List.of(table(cols, List.of(), new Object[] {"y"}))));
    }

    @Test
    void whatInfluxDbWritesIsWrittenBackByteForByte() {
        String crlf = crlf(AnnotatedCsvReaderTest.DOCS_EXAMPLE) + "\r\n";
        try (AnnotatedCsvReader r = new AnnotatedCsvReader(crlf, new TableContext(null, allocator), Mode.ANNOTATIONS)) {
            StringWriter out = new StringWriter();
            AnnotatedCsvWriter w = new AnnotatedCsvWriter(out);
            String name;
            while ((name = r.nextResult()) != null) {
                w.writeResult(name, new TableStream() {
                    @Override
                    public FluxTable next() {
                        return r.nextTable();
                    }

                    @Override
                    public void close() {}
                });
            }
            assertEquals(crlf, out.toString());
        }
    }

    @Test
    void writtenTablesReadBackTheSame() {
        List<ColumnMeta> cols = List.of(TIME, HOST, VALUE, new ColumnMeta("n", ColumnType.INT),
                new ColumnMeta("u", ColumnType.UINT), new ColumnMeta("ok", ColumnType.BOOL),
                new ColumnMeta("d", ColumnType.DURATION), new ColumnMeta("note", ColumnType.STRING));
        List<FluxTable> first = List.of(
                table(cols, List.of("host", "ok"),
                        new Object[] {t("2021-01-01T00:00:00.123Z"), "a,b", 1.5, 1, new UIntValue(-1L), true,
                                DurationValue.ofNanos(90_000_000_000L), "say \"hi\"\nbye"},
                        new Object[] {t("2021-01-01T00:01:00Z"), "a,b", Double.NaN, null, null, true, null, " x "}),
                table(cols, new GroupKey(List.of(HOST), List.of(new StringValue("empty")))),
                table(cols, List.of("host"),
                        new Object[] {t("1970-01-01T00:00:00Z"), "c", Double.NEGATIVE_INFINITY, -7, new UIntValue(3),
                                false, DurationValue.ofNanos(-1), "\u65E5\u672C"}));
        List<FluxTable> second = List.of(table(List.of(HOST), List.of(), new Object[] {"z"}));
        StringBuilder expected = new StringBuilder();
        expected.append("result one\n");
        for (FluxTable t : first) {
            io.jflux.table.Tables.render(t, expected);
        }
        expected.append("result two\n");
        io.jflux.table.Tables.render(second.get(0), expected);
        String csv = write("one", first, "two", second);
        assertEquals(expected.toString(), AnnotatedCsvReaderTest.read(csv));
    }
}
