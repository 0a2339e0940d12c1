package io.jflux.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jflux.diag.FluxException;
import io.jflux.io.AnnotatedCsvReader.Mode;
import io.jflux.table.FluxTable;
import io.jflux.table.TableContext;
import io.jflux.table.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Annotated CSV as InfluxDB writes it, read into tables; malformed text named by line. */
class AnnotatedCsvReaderTest {

    /** Reads every result and renders it as {@link Tables#run} does; checks that all memory was released. */
    static String read(String csv, Mode mode) {
        StringBuilder sb = new StringBuilder();
        try (RootAllocator allocator = new RootAllocator()) {
            try (AnnotatedCsvReader r = new AnnotatedCsvReader(csv, new TableContext(null, allocator), mode)) {
                String name;
                while ((name = r.nextResult()) != null) {
                    sb.append("result ").append(name).append('\n');
                    FluxTable t;
                    while ((t = r.nextTable()) != null) {
                        try (FluxTable table = t) {
                            Tables.render(table, sb);
                        }
                    }
                }
            } finally {
                assertEquals(0, allocator.getAllocatedMemory(), "bytes left allocated");
            }
        }
        return sb.toString();
    }

    static String read(String csv) {
        return read(csv, Mode.ANNOTATIONS);
    }

    /** The string cells of column {@code col} of every table of the first result. */
    static List<String> strings(String csv, String col) {
        List<String> out = new ArrayList<>();
        try (RootAllocator allocator = new RootAllocator();
             AnnotatedCsvReader r = new AnnotatedCsvReader(csv, new TableContext(null, allocator), Mode.ANNOTATIONS)) {
            r.nextResult();
            FluxTable t;
            while ((t = r.nextTable()) != null) {
                try (FluxTable table = t) {
                    int c = table.columnIndex(col);
                    for (int i = 0; i < table.rowCount(); i++) {
                        out.add(table.isNull(c, i) ? null : table.getString(c, i));
                    }
                }
            }
        }
        return out;
    }

    static final String DOCS_EXAMPLE = String.join("\n",
            "#group,false,false,true,true,false,false,true,true,true,true",
            "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string,string,string",
            "#default,_result,,,,,,,,,",
            ",result,table,_start,_stop,_time,_value,_field,_measurement,host,region",
            ",,0,2022-12-31T05:41:24Z,2023-01-31T05:41:24.001Z,2023-01-01T00:00:00Z,15.43,mem,m,A,east",
            ",,1,2022-12-31T05:41:24Z,2023-01-31T05:41:24.001Z,2023-01-01T00:00:00Z,59.25,mem,m,B,east",
            ",,2,2022-12-31T05:41:24Z,2023-01-31T05:41:24.001Z,2023-01-01T00:00:00Z,52.62,mem,m,C,east",
            "",
            "#group,false,false,true,true,true,true,false,false,true,true",
            "#datatype,string,long,string,string,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,string,string,string",
            "#default,_result,,,,,,,,,",
            ",result,table,_field,_measurement,_start,_stop,_time,_value,host,region",
            ",,3,mem_level,m,2022-12-31T05:41:24Z,2023-01-31T05:41:24.001Z,2023-01-01T00:00:00Z,ok,A,east",
            ",,4,mem_level,m,2022-12-31T05:41:24Z,2023-01-31T05:41:24.001Z,2023-01-01T00:00:00Z,info,B,east",
            ",,5,mem_level,m,2022-12-31T05:41:24Z,2023-01-31T05:41:24.001Z,2023-01-01T00:00:00Z,info,C,east",
            "");

    @Test
    void theDocumentationsExampleOfTablesWithTwoSchemas() {
        String k1 = "table [_start=2022-12-31T05:41:24.000000000Z, _stop=2023-01-31T05:41:24.001000000Z, _field=mem, "
                + "_measurement=m, host=%s, region=east] _start:time, _stop:time, _time:time, _value:float, "
                + "_field:string, _measurement:string, host:string, region:string\n"
                + "  2022-12-31T05:41:24.000000000Z, 2023-01-31T05:41:24.001000000Z, 2023-01-01T00:00:00.000000000Z, "
                + "%s, mem, m, %s, east\n";
        String k2 = "table [_field=mem_level, _measurement=m, _start=2022-12-31T05:41:24.000000000Z, "
                + "_stop=2023-01-31T05:41:24.001000000Z, host=%s, region=east] _field:string, _measurement:string, "
                + "_start:time, _stop:time, _time:time, _value:string, host:string, region:string\n"
                + "  mem_level, m, 2022-12-31T05:41:24.000000000Z, 2023-01-31T05:41:24.001000000Z, "
                + "2023-01-01T00:00:00.000000000Z, %s, %s, east\n";
        assertEquals("result _result\n"
                + String.format(k1, "A", "15.43", "A") + String.format(k1, "B", "59.25", "B")
                + String.format(k1, "C", "52.62", "C")
                + String.format(k2, "A", "ok", "A") + String.format(k2, "B", "info", "B")
                + String.format(k2, "C", "info", "C"), read(DOCS_EXAMPLE));
    }

    @Test
    void everyDatatype() {
        assertEquals("result r\n"
                + "table [] s:string, l:int, u:uint, d:float, b:bool, t:time, tn:time, du:duration\n"
                + "  x, -9223372036854775808, 18446744073709551615, -1.5e-07, true, 2021-01-01T00:00:00.000000000Z, "
                + "2021-01-01T00:00:00.123456789Z, 1h30m\n"
                + "  y, 42, 0, 1e+300, false, 2020-12-31T22:00:00.500000000Z, 1970-01-01T00:00:00.000000000Z, 15ns\n",
                read("#datatype,string,long,string,long,unsignedLong,double,boolean,dateTime:RFC3339,"
                        + "dateTime:RFC3339Nano,duration\n"
                        + "#group,false,false,false,false,false,false,false,false,false,false\n"
                        + "#default,r,,,,,,,,,\n"
                        + ",result,table,s,l,u,d,b,t,tn,du\n"
                        + ",,0,x,-9223372036854775808,18446744073709551615,-1.5e-7,true,2021-01-01T00:00:00Z,"
                        + "2021-01-01T00:00:00.123456789Z,1h30m\n"
                        + ",,0,y,+42,0,1E300,False,2021-01-01T00:00:00.5+02:00,1970-01-01T00:00:00Z,15\n"));
    }

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("boolean", "1", "true"), Arguments.of("boolean", "t", "true"),
                Arguments.of("boolean", "T", "true"), Arguments.of("boolean", "TRUE", "true"),
                Arguments.of("boolean", "True", "true"), Arguments.of("boolean", "0", "false"),
                Arguments.of("boolean", "f", "false"), Arguments.of("boolean", "F", "false"),
                Arguments.of("boolean", "FALSE", "false"),
                Arguments.of("double", "1", "1"), Arguments.of("double", "-0", "-0"),
                Arguments.of("double", ".5", "0.5"), Arguments.of("double", "5.", "5"),
                Arguments.of("double", "0.1", "0.1"), Arguments.of("double", "123456789012345678901234567890",
                        "1.2345678901234568e+29"),
                Arguments.of("double", "2.2250738585072014e-308", "2.2250738585072014e-308"),
                Arguments.of("double", "1e-400", "0"),
                Arguments.of("double", "+Inf", "+Inf"), Arguments.of("double", "-inf", "-Inf"),
                Arguments.of("double", "Infinity", "+Inf"), Arguments.of("double", "NaN", "NaN"),
                Arguments.of("double", "nan", "NaN"), Arguments.of("double", "0x1p-2", "0.25"),
                Arguments.of("long", "007", "7"), Arguments.of("long", "-0", "0"),
                Arguments.of("unsignedLong", "9223372036854775808", "9223372036854775808"),
                Arguments.of("dateTime:RFC3339", "2021-06-01T12:00:00.123456789123Z", "2021-06-01T12:00:00.123456789Z"),
                Arguments.of("dateTime:RFC3339", "2021-06-01T12:00:00-01:30", "2021-06-01T13:30:00.000000000Z"),
                Arguments.of("dateTime:RFC3339", "2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000000000Z"),
                Arguments.of("dateTime:RFC3339", "1677-09-21T00:12:43.145224192Z", "1677-09-21T00:12:43.145224192Z"),
                Arguments.of("duration", "-5m", "-5m"), Arguments.of("duration", "1w2d", "1w2d"),
                Arguments.of("duration", "-3000000000", "-3s"), Arguments.of("string", " a \"b\" ", " a \"b\" "));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void cellsAreReadAsGoReadsThem(String datatype, String cell, String shown) {
        String csv = "#datatype,string,long," + datatype + "\n#group,false,false,false\n#default,,,\n"
                + ",result,table,v\n,,0," + cell + "\n";
        String out = read(csv);
        assertEquals(shown, out.substring(out.indexOf("\n  ") + 3, out.length() - 1));
    }

    static Stream<Arguments> badCells() {
        return Stream.of(
                Arguments.of("long", "1.5", "\"1.5\" is not a valid long"),
                Arguments.of("long", "9223372036854775808", "\"9223372036854775808\" is not a valid long (out of range)"),
                Arguments.of("long", "1_000", "\"1_000\" is not a valid long"),
                Arguments.of("long", "+", "\"+\" is not a valid long"),
                Arguments.of("long", "\u0661", "\"\u0661\" is not a valid long"),
                Arguments.of("unsignedLong", "-1", "\"-1\" is not a valid unsignedLong"),
                Arguments.of("unsignedLong", "+1", "\"+1\" is not a valid unsignedLong"),
                Arguments.of("unsignedLong", "18446744073709551616",
                        "\"18446744073709551616\" is not a valid unsignedLong (out of range)"),
                Arguments.of("double", "1e400", "\"1e400\" is not a valid double (out of range)"),
                Arguments.of("double", "1.5f", "\"1.5f\" is not a valid double"),
                Arguments.of("double", " 1", "\" 1\" is not a valid double"),
                Arguments.of("double", "+nan", "\"+nan\" is not a valid double"),
                Arguments.of("double", "e5", "\"e5\" is not a valid double"),
                Arguments.of("double", "1e", "\"1e\" is not a valid double"),
                Arguments.of("boolean", "yes", "\"yes\" is not a valid boolean"),
                Arguments.of("dateTime:RFC3339", "2021-01-01", "\"2021-01-01\" is not a valid dateTime:RFC3339"),
                Arguments.of("dateTime:RFC3339", "2021-01-01T00:00:00",
                        "\"2021-01-01T00:00:00\" is not a valid dateTime:RFC3339"),
                Arguments.of("dateTime:RFC3339", "2021-01-01 00:00:00Z",
                        "\"2021-01-01 00:00:00Z\" is not a valid dateTime:RFC3339"),
                Arguments.of("dateTime:RFC3339", "2021-02-29T00:00:00Z",
                        "\"2021-02-29T00:00:00Z\" is not a valid dateTime:RFC3339 (day out of range)"),
                Arguments.of("dateTime:RFC3339", "2021-13-01T00:00:00Z",
                        "\"2021-13-01T00:00:00Z\" is not a valid dateTime:RFC3339 (month out of range)"),
                Arguments.of("dateTime:RFC3339", "2021-01-01T24:00:00Z",
                        "\"2021-01-01T24:00:00Z\" is not a valid dateTime:RFC3339 (hour, minute or second out of range)"),
                Arguments.of("dateTime:RFC3339", "2300-01-01T00:00:00Z", "\"2300-01-01T00:00:00Z\" is not a valid "
                        + "dateTime:RFC3339 (out of the range of times: 1677-09-21 to 2262-04-11)"),
                Arguments.of("dateTime:RFC3339", "2021-01-01T00:00:00.Z",
                        "\"2021-01-01T00:00:00.Z\" is not a valid dateTime:RFC3339"),
                Arguments.of("duration", "5 minutes", "\"5 minutes\" is not a valid duration"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badCells")
    void aCellThatIsNotOfItsTypeNamesLineColumnAndValue(String datatype, String cell, String why) {
        String csv = "#datatype,string,long," + datatype + "\n#group,false,false,false\n#default,,,\n"
                + ",result,table,v\n,,0,\n,,0," + cell + "\n";
        FluxException e = assertThrows(FluxException.class, () -> read(csv));
        assertEquals("csv line 6: column \"v\": " + why, e.getMessage());
    }

    @Test
    void emptyCellsTakeTheDefaultOrNull() {
        assertEquals("result _result\n"
                + "table [host=h0] host:string, n:int, s:string, t:time\n"
                + "  h0, 7, <null>, 2021-01-01T00:00:00.000000000Z\n"
                + "  h1, 1, x, <null>\n",
                read("#datatype,string,long,string,long,string,dateTime:RFC3339\n"
                        + "#group,false,false,true,false,false,false\n"
                        + "#default,_result,,h0,7,,\n"
                        + ",result,table,host,n,s,t\n"
                        + ",,0,,,,2021-01-01T00:00:00Z\n"
                        + ",,0,h1,1,x,\n"));
    }

    @Test
    void theGroupKeyHasTheValuesOfTheFirstRowInColumnOrder() {
        assertEquals("result _result\n"
                + "table [b=x, a=<null>] b:string, v:int, a:int\n"
                + "  x, 1, <null>\n"
                + "  y, 2, 5\n"
                + "table [b=z, a=3] b:string, v:int, a:int\n"
                + "  z, 3, 3\n",
                read("#group,false,false,true,false,true\n"
                        + "#datatype,string,long,string,long,long\n"
                        + "#default,_result,,,,\n"
                        + ",result,table,b,v,a\n"
                        + ",,0,x,1,\n"
                        + ",,,y,2,5\n"
                        + ",,1,z,3,3\n"));
    }

    @Test
    void aBlockWithoutRowsIsAnEmptyTableWithItsKeyInTheDefaults() {
        assertEquals("result _result\n"
                + "table [_measurement=cpu, on=true] _measurement:string, on:bool, _value:float\n"
                + "table [_measurement=mem, on=false] _measurement:string, on:bool, _value:float\n"
                + "  mem, false, 1.5\n",
                read("#group,false,false,true,true,false\r\n"
                        + "#datatype,string,long,string,boolean,double\r\n"
                        + "#default,_result,0,cpu,true,\r\n"
                        + ",result,table,_measurement,on,_value\r\n"
                        + "\r\n"
                        + "#group,false,false,true,true,false\r\n"
                        + "#datatype,string,long,string,boolean,double\r\n"
                        + "#default,_result,,,,\r\n"
                        + ",result,table,_measurement,on,_value\r\n"
                        + ",,1,mem,false,1.5\r\n"
                        + "\r\n"));
    }

    @Test
    void severalResultsAreNamedByTheirDefaultRows() {
        assertEquals("result _result\n"
                + "table [] a:int\n  1\n"
                + "table [] b:int\n  2\n"
                + "result other\n"
                + "table [] a:int\n  3\n"
                + "result _result\n"
                + "table [] a:int\n  4\n",
                read("#datatype,string,long,long\n#group,false,false,false\n#default,_result,,\n,result,table,a\n,,0,1\n\n"
                        + "#datatype,string,long,long\n#group,false,false,false\n#default,_result,,\n,result,table,b\n,,1,2\n\n"
                        + "#datatype,string,long,long\n#group,false,false,false\n#default,other,,\n,result,table,a\n,,0,3\n\n"
                        + "#datatype,string,long,long\n#group,false,false,false\n#default,_result,,\n,result,table,a\n,,0,4\n"));
    }

    @Test
    void nextResultSkipsTheRestOfTheCurrentOne() {
        String csv = "#datatype,string,long,long\n#group,false,false,false\n#default,a,,\n,result,table,x\n,,0,1\n,,1,2\n"
                + "#datatype,string,long,long\n#group,false,false,false\n#default,b,,\n,result,table,x\n,,0,3\n";
        try (RootAllocator allocator = new RootAllocator();
             AnnotatedCsvReader r = new AnnotatedCsvReader(csv, new TableContext(null, allocator), Mode.ANNOTATIONS)) {
            assertEquals("a", r.nextResult());
            r.nextTable().close();
            assertEquals("b", r.nextResult());
            assertEquals(10, r.resultLine());
            FluxTable t = r.nextTable();
            assertEquals(3L, t.getLong(0, 0));
            t.close();
            assertEquals(null, r.nextTable());
            assertEquals(null, r.nextResult());
        }
    }

    @Test
    void quotedCellsHoldCommasQuotesAndLineBreaks() {
        String csv = "#datatype,string,long,string,string\r\n#group,false,false,false,false\r\n#default,,,,\r\n"
                + ",result,table,\"s\",t\r\n"
                + ",,0,\"a,b\",\"say \"\"hi\"\"\"\r\n"
                + ",,0,\"two\r\nlines\",\"one\nline\"\r\n"
                + ",,0,x\"y,\"lazy \"quote\"\r\n"
                + ",,0,\"\",\"\"\"\"\r\n"
                + ",,0,a\rb,\"\"\n";
        assertEquals(java.util.Arrays.asList("a,b", "two\nlines", "x\"y", null, "a\rb"), strings(csv, "s"));
        assertEquals(java.util.Arrays.asList("say \"hi\"", "one\nline", "lazy \"quote", "\"", null),
                strings(csv, "t"));
    }

    @Test
    void lineBreaksInsideQuotesCountForLineNumbers() {
        FluxException e = assertThrows(FluxException.class, () -> read(
                "#datatype,string,long,string,long\n#group,false,false,false,false\n#default,,,,\n"
                        + ",result,table,s,n\n,,0,\"a\nb\nc\",1\n,,0,x,y\n"));
        assertEquals("csv line 8: column \"n\": \"y\" is not a valid long", e.getMessage());
    }

    @Test
    void blankLinesAByteOrderMarkAndAMissingFinalNewlineAreFine() {
        assertEquals("result _result\ntable [] a:string\n  x\n  y\n",
                read("\uFEFF\n\n#datatype,string,long,string\n  \n#group,false,false,false\n#default,_result,,\n"
                        + ",result,table,a\n\r\n,,0,x\n\t\n,,0,y"));
    }

    @Test
    void unknownAnnotationsAreIgnored() {
        assertEquals("result _result\ntable [] a:string\n  x\n",
                read("#datatype,string,long,string\n#unit,,,meters\n#group,false,false,false\n#default,_result,,\n"
                        + ",result,table,a\n,,0,x\n"));
    }

    @Test
    void emptyTextHasNoResults() {
        assertEquals("", read(""));
        assertEquals("", read("\n\n"));
        assertEquals("", read("", Mode.RAW));
    }

    @Test
    void rawModeReadsEveryColumnAsAStringIntoOneTable() {
        assertEquals("result _result\n"
                + "table [] _time:string, host:string, _value:string\n"
                + "  2018-05-08T20:50:00Z, A, 15.43\n"
                + "  2018-05-08T20:50:20Z, <null>, 59.25\n",
                read("_time,host,_value\n2018-05-08T20:50:00Z,A,15.43\n2018-05-08T20:50:20Z,,59.25\n", Mode.RAW));
        assertEquals("result _result\ntable [] a:string, b:string\n", read("a,b\n", Mode.RAW));
        FluxException e = assertThrows(FluxException.class, () -> read("a,b\n1,2\n3\n", Mode.RAW));
        assertEquals("csv line 3: expected 2 cells, found 1", e.getMessage());
    }

    static final String HEAD = "#datatype,string,long,string,long,double\n#group,false,false,true,false,false\n"
            + "#default,_result,,,,\n,result,table,host,n,v\n";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(HEAD + ",,0,a,1,1.5\n,,0,a,2\n", "csv line 6: expected 6 cells, found 5"),
                Arguments.of(HEAD + ",,0,a,1,1.5\n,,0,a,2,1,9\n", "csv line 6: expected 6 cells, found 7"),
                Arguments.of(HEAD + ",,0,a,x,1.5\n", "csv line 5: column \"n\": \"x\" is not a valid long"),
                Arguments.of(HEAD + ",,0,a,1,\"1.5\n", "csv line 5: a quoted cell is not closed"),
                Arguments.of("#datatype,string,long,string,int\n#group,false,false,false,false\n#default,,,,\n"
                        + ",result,table,a,b\n", "csv line 1: column \"b\" has the unknown datatype \"int\"; the "
                        + "datatypes are string, long, unsignedLong, double, boolean, dateTime:RFC3339, "
                        + "dateTime:RFC3339Nano or duration"),
                Arguments.of("#datatype,string,long,dateTime\n#group,false,false,false\n#default,,,\n"
                        + ",result,table,t\n", "csv line 1: column \"t\" has the unknown datatype \"dateTime\"; the "
                        + "datatypes are string, long, unsignedLong, double, boolean, dateTime:RFC3339, "
                        + "dateTime:RFC3339Nano or duration"),
                Arguments.of("#datatype,string,long,long\n#group,false,false,false\n#default,,,zero\n"
                        + ",result,table,a\n", "csv line 3: column \"a\": \"zero\" is not a valid long"),
                Arguments.of(",result,table,a\n,,0,1\n", "csv line 1: missing the #datatype annotation (annotated "
                        + "CSV starts each block with #datatype, #group and #default rows, then the header; read "
                        + "plain CSV with mode: \"raw\")"),
                Arguments.of("a,b\n1,2\n", "csv line 1: missing the #datatype annotation (annotated "
                        + "CSV starts each block with #datatype, #group and #default rows, then the header; read "
                        + "plain CSV with mode: \"raw\")"),
                Arguments.of("#datatype,string,long,long\n#default,,,\n,result,table,a\n,,0,1\n",
                        "csv line 3: missing the #group annotation (annotated CSV starts each block with #datatype, "
                                + "#group and #default rows, then the header; read plain CSV with mode: \"raw\")"),
                Arguments.of("#datatype,string,long,long\n#group,false,false,false\n",
                        "csv line 2: the text ends before the annotations are complete: missing the #default "
                                + "annotation (annotated CSV starts each block with #datatype, #group and #default "
                                + "rows, then the header; read plain CSV with mode: \"raw\")"),
                Arguments.of("#datatype,string,long,long\n#group,false,false,false\n#default,,,\n",
                        "csv line 3: the text ends after the annotations, before the header row"),
                Arguments.of("#datatype,string,long,long\n#group,false,false\n", "csv line 2: expected 4 cells, found 3"),
                Arguments.of("#datatype,string,long,long\n#group,false,false,false\n#default,,,\n,result,table\n",
                        "csv line 4: expected 4 cells, found 3"),
                Arguments.of("#datatype,string\n", "csv line 1: an annotation row needs at least 3 cells (the "
                        + "annotation, result and table columns), found 2"),
                Arguments.of("#datatype,string,long,long\n#group,false,false,false\n#default,,x,\n",
                        "csv line 3: the #default table id \"x\" is not an integer"),
                Arguments.of("#datatype,string,long,long\n#group,false,false,false\n#default,,,\n,result,table,a\n",
                        "csv line 4: a block without rows is an empty table, which needs its id in the table "
                                + "column of the #default row"),
                Arguments.of("#datatype,string,long,long,long\n#group,false,false,false,false\n#default,,,,\n"
                        + ",result,table,a,a\n", "csv line 4: column \"a\" appears twice in the header"),
                Arguments.of("#datatype,string,long,long\n#group,false,false,false\n#default,,,\n,table,result,a\n",
                        "csv line 4: the header must start with the columns ,result,table; found ,table,result"),
                Arguments.of("#datatype,string,string\n#group,true,true\n#default,,\n,error,reference\n"
                        + ",failed to parse query,897\n", "csv line 5: the data holds an error: failed to parse query"),
                Arguments.of(HEAD + ",,0,a,1,1.5\n#datatype,string,long,long\n", "csv line 6: the text ends before "
                        + "the annotations are complete: missing the #group annotation (annotated CSV starts each "
                        + "block with #datatype, #group and #default rows, then the header; read plain CSV with "
                        + "mode: \"raw\")"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void malformedTextIsAnErrorNamingTheLine(String csv, String message) {
        FluxException e = assertThrows(FluxException.class, () -> read(csv));
        assertEquals(message, e.getMessage());
    }
}
