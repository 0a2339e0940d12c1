package io.jflux.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.table.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code csv.from}: annotated (or raw) CSV from text or a file, parsed when the stream is read. */
class CsvPackageTest {

    /** The example of the csv.from documentation page. */
    static final String DOC_CSV = """
            #datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,string,string,double
            #group,false,false,false,false,false,true,true,false
            #default,,,,,,,,
            ,result,table,_start,_stop,_time,region,host,_value
            ,mean,0,2018-05-08T20:50:00Z,2018-05-08T20:51:00Z,2018-05-08T20:50:00Z,east,A,15.43
            ,mean,1,2018-05-08T20:50:00Z,2018-05-08T20:51:00Z,2018-05-08T20:50:20Z,east,B,59.25
            ,mean,2,2018-05-08T20:50:00Z,2018-05-08T20:51:00Z,2018-05-08T20:50:40Z,east,C,52.62
            """;

    static final String DOC_TABLES = """
            table [region=east, host=%s] _start:time, _stop:time, _time:time, region:string, host:string, _value:float
              2018-05-08T20:50:00.000000000Z, 2018-05-08T20:51:00.000000000Z, 2018-05-08T20:50:%s.000000000Z, east, %s, %s
            """;

    static String docTables() {
        return String.format(DOC_TABLES, "A", "00", "A", "15.43") + String.format(DOC_TABLES, "B", "20", "B", "59.25")
                + String.format(DOC_TABLES, "C", "40", "C", "52.62");
    }

    @Test
    void readsAnnotatedCsvText() {
        assertEquals("result _result\n" + docTables(),
                Tables.run("import \"csv\"\ndata = \"\n" + DOC_CSV + "\"\ncsv.from(csv: data)"));
    }

    @Test
    void readsAFileAbsoluteOrRelativeToTheWorkingDirectory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, DOC_CSV.replace("\n", "\r\n"));
        assertEquals("result _result\n" + docTables(),
                Tables.run("import \"csv\"\ncsv.from(file: \"" + file + "\")"));
        Path relative = Path.of("").toAbsolutePath().relativize(file);
        assertEquals("result _result\n" + docTables(),
                Tables.run("import \"csv\"\ncsv.from(file: \"" + relative + "\", mode: \"annotations\")"));
    }

    @Test
    void rawModeReadsPlainCsvAsStrings() {
        assertEquals("""
                result _result
                table [] _start:string, region:string, host:string, _value:string
                  2018-05-08T20:50:00Z, east, A, 15.43
                  2018-05-08T20:50:00Z, east, <null>, 59.25
                """, Tables.run("""
                import "csv"
                csv.from(mode: "raw", csv: "
                _start,region,host,_value
                2018-05-08T20:50:00Z,east,A,15.43
                2018-05-08T20:50:00Z,east,,59.25
                ")"""));
    }

    @Test
    void eachReadParsesTheTextAgain() {
        assertEquals("result a\n" + docTables() + "result b\n" + docTables(),
                Tables.run("import \"csv\"\ndata = csv.from(csv: \"" + DOC_CSV + "\")\n"
                        + "data |> yield(name: \"a\")\ndata |> yield(name: \"b\")"));
    }

    @Test
    void tablesOfAnEmptyTextAreNone() {
        assertEquals("result _result\n", Tables.run("import \"csv\"\ncsv.from(csv: \"\n\n\")"));
    }

    private static FluxException fails(String flux) {
        return assertThrows(FluxException.class, () -> Tables.run(flux));
    }

    @Test
    void exactlyOneOfCsvAndFile() {
        assertEquals("error @2:1-2:11: csv.from: must provide csv raw text or filename",
                fails("import \"csv\"\ncsv.from()").headline());
        assertEquals("error @2:1-2:18: csv.from: must provide csv raw text or filename",
                fails("import \"csv\"\ncsv.from(csv: \"\")").headline());
        assertEquals("error @2:1-2:30: csv.from: must provide exactly one of the parameters csv or file",
                fails("import \"csv\"\ncsv.from(csv: \"a\", file: \"b\")").headline());
        assertEquals("error @2:20-2:31: csv.from: mode must be \"annotations\" or \"raw\", not \"csv\"",
                fails("import \"csv\"\ncsv.from(csv: \"a\", mode: \"csv\")").headline());
        assertEquals("error @2:10-2:16: argument csv of from: expected string but found int",
                fails("import \"csv\"\ncsv.from(csv: 1)").headline());
    }

    @Test
    void aMissingFileIsNotFound(@TempDir Path dir) {
        Path missing = dir.resolve("nope.csv");
        FluxException e = fails("import \"csv\"\ncsv.from(file: \"" + missing + "\")");
        assertEquals("csv.from: cannot read file \"" + missing + "\": no such file", e.getMessage());
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertEquals(2, e.span().startLine());
        e = fails("import \"csv\"\ncsv.from(file: \"" + dir + "\")");
        assertEquals("csv.from: cannot read file \"" + dir + "\": it is a directory", e.getMessage());
    }

    @Test
    void malformedCsvIsAnErrorAtTheCallNamingTheLine() {
        FluxException e = fails("import \"csv\"\n\ncsv.from(csv: \"\n"
                + "#datatype,string,long,string\n#group,false,false,false\n#default,_result,,\n,result,table,a\n"
                + ",,0,x\n,,0\n\")");
        assertEquals("error @3:1-10:3: csv.from: csv line 7: expected 4 cells, found 3", e.headline());
    }

    @Test
    void theTextMayHoldOneResult() {
        FluxException e = fails("import \"csv\"\ncsv.from(csv: \""
                + "#datatype,string,long,long\n#group,false,false,false\n#default,_result,,\n,result,table,a\n,,0,1\n\n"
                + "#datatype,string,long,long\n#group,false,false,false\n#default,other,,\n,result,table,a\n,,0,2\n\")");
        assertEquals("csv.from: csv line 10: a second result (\"other\") starts here; csv.from reads one result",
                e.getMessage());
    }
}
