package io.jflux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line in process: arguments in, exact output and exit status out. */
class CliTest {

    record Run(int status, String out, String err) {}

    static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Two tables (one with a null), yielded twice. */
    static final String TWO_TABLES = String.join("\n",
            "import \"csv\"",
            "data = csv.from(csv: \"#group,false,false,true,false,false",
            "#datatype,string,long,string,dateTime:RFC3339,double",
            "#default,_result,,,,",
            ",result,table,host,_time,_value",
            ",,0,a,2021-01-01T00:00:00Z,1.5",
            ",,1,\\\"b,c\\\",2021-01-01T00:00:00.250Z,",
            "\")",
            "data",
            "data |> yield(name: \"hosts\")",
            "");

    static final String TWO_TABLES_TABLE = tableText("_result") + tableText("hosts");

    static String tableText(String result) {
        return "Result: " + result + "\n"
                + "Table: keys: [host]\n"
                + "           host:string                      _time:time                  _value:float\n"
                + "----------------------  ------------------------------  ----------------------------\n"
                + "                     a  2021-01-01T00:00:00.000000000Z                           1.5\n"
                + "Table: keys: [host]\n"
                + "           host:string                      _time:time                  _value:float\n"
                + "----------------------  ------------------------------  ----------------------------\n"
                + "                   b,c  2021-01-01T00:00:00.250000000Z                              \n";
    }

    /** A scrape-like table: {@code url} and {@code code} are string columns, so they become tags. */
    static final String SCRAPE = String.join("\n",
            "import \"csv\"",
            "csv.from(csv: \"#group,false,false,true,true,false,false,false,false",
            "#datatype,string,long,string,string,string,dateTime:RFC3339,string,double",
            "#default,_result,,,,,,,",
            ",result,table,_measurement,_field,url,_time,code,_value",
            ",,0,http requests,count,http://a:9100/metrics,2021-01-01T00:00:00Z,200,3",
            ",,0,http requests,count,http://a:9100/metrics,,200,4",
            ",,1,http requests,count,http://b c/metrics,2021-01-01T00:00:00.250Z,,1.5",
            ",,1,http requests,count,http://b c/metrics,2021-01-01T00:00:00.250Z,,",
            "\")",
            "");

    static final String BAD_SECOND_TABLE = "import \"csv\"\n"
            + "csv.from(csv: \"#datatype,string,long,long\\n#group,false,false,false\\n#default,_result,,\\n"
            + ",result,table,n\\n,,0,1\\n,,1,x\\n\")\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                // args, stdin, status, stdout, stderr
                Arguments.of(new String[] {"run", "-e", "1 + 1"}, "", 0, "2\n", ""),
                Arguments.of(new String[] {"run", "--execute=\"a\" + \"b\""}, "", 0, "ab\n", ""),
                Arguments.of(new String[] {"run", "-"}, "x = 20\nx * 2 + 2\n", 0, "42\n", ""),
                Arguments.of(new String[] {"run", "-e", "x = 1"}, "", 0, "", ""),
                Arguments.of(new String[] {"run", "--now", "2030-01-01T00:00:00Z", "-e", "now()"}, "", 0,
                        "2030-01-01T00:00:00.000000000Z\n", ""),
                Arguments.of(new String[] {"run", "--now=2030-01-01T00:00:00Z", "-e",
                        "option now = () => 2021-06-01T12:00:00Z\nnow()"}, "", 0, "2021-06-01T12:00:00.000000000Z\n", ""),
                Arguments.of(new String[] {"run", "-e", "1 / 0"}, "", 1, "",
                        "error @1:1-1:6: cannot divide by zero\n 1 | 1 / 0\n   | ^^^^^\n"),
                Arguments.of(new String[] {"run", "-e", "x = 1\ny = x + z"}, "", 1, "",
                        "error @2:9-2:10: undefined identifier z\n 2 | y = x + z\n   |         ^\n"),
                Arguments.of(new String[] {"run", "-e", "f(x: 1"}, "", 1, "",
                        "error @1:7-1:7: expected ')', got end of input\n 1 | f(x: 1\n   |       ^\n"),
                Arguments.of(new String[] {"run", "-e", "die(msg: \"stop here\")"}, "", 1, "",
                        "error @1:1-1:22: stop here\n 1 | die(msg: \"stop here\")\n   | ^^^^^^^^^^^^^^^^^^^^^\n"),
                Arguments.of(new String[] {"run"}, "", 2, "",
                        "error: give exactly one of FILE, - or -e SCRIPT\nTry 'jflux run --help' for more information.\n"),
                Arguments.of(new String[] {"run", "--now", "tomorrow", "-e", "1"}, "", 2, "",
                        "error: --now: 'tomorrow' is not an RFC3339 time such as 2030-01-01T00:00:00Z\n"
                                + "Try 'jflux run --help' for more information.\n"),
                Arguments.of(new String[] {"run", "--bogus", "x.flux"}, "", 2, "",
                        "error: unknown option --bogus\nTry 'jflux run --help' for more information.\n"),
                Arguments.of(new String[] {"run", "no/such/file.flux"}, "", 2, "",
                        "error: cannot read no/such/file.flux: no such file\nTry 'jflux run --help' for more information.\n"),
                Arguments.of(new String[] {"run", "--memory-limit", "64k", "-e", "import \"array\"\n"
                        + "array.from(rows: [" + ("{s: \"" + "x".repeat(100) + "\"},").repeat(2000) + "])"}, "", 1, "",
                        "error: the tables of this script need more than the memory limit of 65536 bytes\n"),
                Arguments.of(new String[] {"run", "--memory-limit", "lots", "-e", "1"}, "", 2, "",
                        "error: --memory-limit: 'lots' is not a size such as 1048576, 512k, 64m or 2g\n"
                                + "Try 'jflux run --help' for more information.\n"),
                Arguments.of(new String[] {"frobnicate"}, "", 2, "",
                        "error: unknown command 'frobnicate'\nTry 'jflux --help' for more information.\n"),
                Arguments.of(new String[] {}, "", 2, "",
                        "error: missing command (run, fmt, test, help)\nTry 'jflux --help' for more information.\n"),
                Arguments.of(new String[] {"run", "-"}, TWO_TABLES, 0, TWO_TABLES_TABLE, ""),
                Arguments.of(new String[] {"run", "--format", "table", "-"}, TWO_TABLES, 0, TWO_TABLES_TABLE, ""),
                Arguments.of(new String[] {"run", "--format=csv", "-"}, TWO_TABLES, 0, String.join("\r\n",
                        "#group,false,false,true,false,false",
                        "#datatype,string,long,string,dateTime:RFC3339,double",
                        "#default,_result,,,,",
                        ",result,table,host,_time,_value",
                        ",,0,a,2021-01-01T00:00:00Z,1.5",
                        ",,1,\"b,c\",2021-01-01T00:00:00.25Z,",
                        "",
                        "#group,false,false,true,false,false",
                        "#datatype,string,long,string,dateTime:RFC3339,double",
                        "#default,hosts,,,,",
                        ",result,table,host,_time,_value",
                        ",,0,a,2021-01-01T00:00:00Z,1.5",
                        ",,1,\"b,c\",2021-01-01T00:00:00.25Z,",
                        "", ""), ""),
                Arguments.of(new String[] {"run", "--format", "json", "-"}, TWO_TABLES, 0,
                        "{\"result\":\"_result\",\"table\":0,\"host\":\"a\",\"_time\":\"2021-01-01T00:00:00Z\",\"_value\":1.5}\n"
                        + "{\"result\":\"_result\",\"table\":1,\"host\":\"b,c\",\"_time\":\"2021-01-01T00:00:00.25Z\",\"_value\":null}\n"
                        + "{\"result\":\"hosts\",\"table\":0,\"host\":\"a\",\"_time\":\"2021-01-01T00:00:00Z\",\"_value\":1.5}\n"
                        + "{\"result\":\"hosts\",\"table\":1,\"host\":\"b,c\",\"_time\":\"2021-01-01T00:00:00.25Z\",\"_value\":null}\n",
                        ""),
                Arguments.of(new String[] {"run", "--format", "lp", "-"}, SCRAPE, 0,
                        "http\\ requests,code=200,url=http://a:9100/metrics count=3 1609459200000000000\n"
                        + "http\\ requests,url=http://b\\ c/metrics count=1.5 1609459200250000000\n",
                        "note: 2 rows not written: 1 with a null _time, 1 with no fields\n"),
                Arguments.of(new String[] {"run", "--format", "prometheus", "-"}, SCRAPE, 0,
                        "count 1.5 1609459200250\n"
                        + "count{code=\"200\"} 3 1609459200000\n"
                        + "count{code=\"200\"} 4\n",
                        ""),
                Arguments.of(new String[] {"run", "--format", "prometheus", "-e", "import \"array\"\n"
                        + "array.from(rows: [{_field: \"up\", _type: \"gauge\", _help: \"Is it up?\", _value: 1.0},"
                        + " {_field: \"down\", _type: \"\", _help: \"\", _value: 0.0}])"}, "", 0,
                        "down 0\n\n# HELP up Is it up?\n# TYPE up gauge\nup 1\n", ""),
                Arguments.of(new String[] {"run", "--format", "json", "-e", "1 + 1"}, "", 0, "2\n", ""),
                Arguments.of(new String[] {"run", "--format", "xml", "-e", "1"}, "", 2, "",
                        "error: --format: 'xml' is not one of table, csv, json, lp, prometheus\n"
                                + "Try 'jflux run --help' for more information.\n"),
                Arguments.of(new String[] {"run", "--format", "csv", "-"}, BAD_SECOND_TABLE, 1, String.join("\r\n",
                        "#group,false,false,false",
                        "#datatype,string,long,long",
                        "#default,_result,,",
                        ",result,table,n",
                        ",,0,1", ""),
                        "error @2:1-2:123: csv.from: csv line 6: column \"n\": \"x\" is not a valid long\n"
                                + " 2 | csv.from(csv: \"#datatype,string,long,long\\n#group,false,false,false\\n"
                                + "#default,_result,,\\n,result,table,n\\n,,0,1\\n,,1,x\\n\")\n"
                                + "   | " + "^".repeat(122) + "\n"),
                Arguments.of(new String[] {"fmt", "-"}, "x=1+2\nf=(r)=>r._value>0\n", 0,
                        "x = 1 + 2\nf = (r) => r._value > 0\n", ""),
                Arguments.of(new String[] {"fmt", "--check", "-"}, "x=1\n", 1, "", ""),
                Arguments.of(new String[] {"fmt", "-"}, "a |>\n// first\nf() // then\n|> g()\n", 0,
                        "a\n    // first\n    |> f()\n    // then\n    |> g()\n", ""),
                Arguments.of(new String[] {"fmt", "--check", "-"}, "x = 1\n", 0, "", ""),
                Arguments.of(new String[] {"fmt", "-"}, "x = (", 1, "",
                        "error @1:6-1:6: unexpected end of input\n 1 | x = (\n   |      ^\n")
        );
    }

    @ParameterizedTest
    @MethodSource("cases")
    void commandLine(String[] args, String stdin, int status, String out, String err) {
        Run r = run(stdin, args);
        assertEquals(err, r.err(), "stderr");
        assertEquals(out, r.out(), "stdout");
        assertEquals(status, r.status(), "exit status");
    }

    @Test
    void tablesPrintAsTheInfluxCliPrintsThem(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, String.join("\r\n",
                "#group,false,false,false,true,false,false,false,true,false",
                "#datatype,string,long,boolean,string,unsignedLong,long,double,string,dateTime:RFC3339",
                "#default,_result,,,,,,,,",
                ",result,table,ok,region,count,delta,_value,host,_time",
                ",,0,true,east,18446744073709551615,-3,0.1,a long host name with spaces,2021-01-01T00:00:00Z",
                ",,0,,east,,,,a long host name with spaces,",
                ",,1,false,\"\"\"quoted\"\"\",1,1,1e21,b,2021-01-01T00:00:00.001Z",
                ""));
        String wide = "%22s  %28s  %12s  %27s  %26s  %28s  %30s\n";
        String narrow = "%22s  %22s  %12s  %27s  %26s  %28s  %30s\n";
        String[] header = {"region:string", "host:string", "ok:boolean", "count:uint", "delta:int", "_value:float",
            "_time:time"};
        assertEquals(new Run(0, "Result: _result\n"
                + "Table: keys: [region, host]\n"
                + String.format(wide, (Object[]) header)
                + String.format(wide, "-".repeat(22), "-".repeat(28), "-".repeat(12), "-".repeat(27), "-".repeat(26),
                        "-".repeat(28), "-".repeat(30))
                + String.format(wide, "east", "a long host name with spaces", "true", "18446744073709551615", "-3",
                        "0.1", "2021-01-01T00:00:00.000000000Z")
                + String.format(wide, "east", "a long host name with spaces", "", "", "", "", "")
                + "Table: keys: [region, host]\n"
                + String.format(narrow, (Object[]) header)
                + String.format(narrow, "-".repeat(22), "-".repeat(22), "-".repeat(12), "-".repeat(27), "-".repeat(26),
                        "-".repeat(28), "-".repeat(30))
                + String.format(narrow, "\"quoted\"", "b", "false", "1", "1", "1000000000000000000000",
                        "2021-01-01T00:00:00.001000000Z"), ""),
                run("", "run", "-e", "import \"csv\"\ncsv.from(file: \"" + data + "\")"));
    }

    @Test
    void aCronTaskIsCheckedRunOnceAndEndsWhenItsScheduleHasNoTimeLeft() {
        Run bad = run("option task = {name: \"c\", cron: \"61 * * * *\"}\n1\n", "run", "-");
        assertEquals(new Run(1, "", "error @1:1-1:46: task option cron \"61 * * * *\" is invalid: minute 61 is out "
                + "of range 0-59\n 1 | option task = {name: \"c\", cron: \"61 * * * *\"}\n   | " + "^".repeat(45)
                + "\n"), bad);
        Run once = run("option task = {name: \"c\", cron: \"*/5 * * * *\", offset: 1s}\nstring(v: now())\n",
                "run", "--once", "--now", "2030-01-01T00:00:00Z", "-");
        assertEquals(0, once.status(), once.err());
        assertEquals("2030-01-01T00:00:00.000000000Z\n", once.out());
        assertTrue(once.err().matches("task c: run scheduled 2030-01-01T00:00:00.000000000Z succeeded in \\d+ms\n"),
                once.err());
        // the years of this schedule have passed: the task never runs, and says so
        Run past = run("option task = {name: \"c\", cron: \"0 0 0 1 1 * 2020\"}\n1\n", "run", "-");
        assertEquals(1, past.status());
        assertEquals("", past.out());
        assertTrue(past.err().matches("task c: cron \"0 0 0 1 1 \\* 2020\" names no time after \\S+Z "
                + "\\(cron schedules end with 2099\\)\n"), past.err());
    }

    @Test
    void csvOutputReadBackByCsvFromIsTheSameBytes(@TempDir Path dir) throws Exception {
        Run first = run(TWO_TABLES, "run", "--format", "csv", "-");
        assertEquals(0, first.status(), first.err());
        // csv.from reads one result: keep the first (it ends at the first empty line after a table)
        String one = first.out().substring(0, first.out().indexOf("\r\n\r\n#") + 4);
        Path file = dir.resolve("out.csv");
        Files.writeString(file, one);
        assertEquals(new Run(0, one, ""), run("", "run", "--format", "csv", "-e",
                "import \"csv\"\ncsv.from(file: \"" + file + "\")"));
    }

    @Test
    void helpAndVersion() {
        Run help = run("", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("Usage: jflux [--help] [--version] COMMAND"), help.out());
        Run runHelp = run("", "run", "--help");
        assertEquals(0, runHelp.status());
        assertTrue(runHelp.out().contains("--now TIME"), runHelp.out());
        assertEquals(runHelp.out(), run("", "help", "run").out());
        Run version = run("", "--version");
        assertEquals(0, version.status());
        assertTrue(version.out().matches("jflux \\S+ \\(Java \\S+\\)\n"), version.out());
    }

    @Test
    void runsAFileAndFormatsItInPlace(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("s.flux");
        Files.writeString(script, "// doubles\ndouble=(v=<-)=>v*2\n\n21|>double()\n");
        assertEquals(new Run(0, "42\n", ""), run("", "run", script.toString()));
        assertEquals(0, run("", "fmt", "--write", script.toString()).status());
        assertEquals("// doubles\ndouble = (v=<-) => v * 2\n\n21\n    |> double()\n", Files.readString(script));
        assertEquals(0, run("", "fmt", "--check", script.toString()).status());
        assertEquals(new Run(0, "42\n", ""), run("", "run", script.toString()));
    }

    static final String TESTS = "import \"array\"\nimport \"testing\"\n\n"
            + "testcase same {\n    testing.assertEqualValues(got: 1 + 1, want: 2)\n}\n\n"
            + "testcase other {\n    testing.assertEqualValues(got: 1 + 2, want: 2)\n}\n";

    @Test
    void testRunsEveryTestcaseAndExitsOneWhenOneFails(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("math_test.flux");
        Files.writeString(file, TESTS);
        assertEquals(new Run(1, "PASS " + file + ":same\n"
                + "FAIL " + file + ":other: table {} differs (- want, + got):\n"
                + "        _diff  v\n"
                + "        -      2\n"
                + "        +      3\n"
                + "1 passed, 1 failed\n", ""), run("", "test", file.toString()));
    }

    @Test
    void testExitsZeroWhenEveryTestcasePassesAndFindsTestFilesInDirectories(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(sub.resolve("b_test.flux"), "testcase b {\n    1\n}\n");
        Files.writeString(dir.resolve("a_test.flux"), "testcase a {\n    1\n}\ntestcase c {\n    2\n}\n");
        Files.writeString(dir.resolve("helper.flux"), "testcase not_a_test_file {\n    die(msg: \"no\")\n}\n");
        assertEquals(new Run(0, "PASS " + dir.resolve("a_test.flux") + ":a\n"
                + "PASS " + dir.resolve("a_test.flux") + ":c\n"
                + "PASS " + sub.resolve("b_test.flux") + ":b\n"
                + "3 passed, 0 failed\n", ""), run("", "test", dir.toString()));
        // A file named on the command line runs whatever its name.
        Path helper = dir.resolve("helper.flux");
        assertEquals(new Run(1, "FAIL " + helper + ":not_a_test_file: error @2:5-2:19: no\n0 passed, 1 failed\n", ""),
                run("", "test", "--now", "2030-01-01T00:00:00Z", helper.toString()));
    }

    @Test
    void testReportsAFileThatDoesNotParseAsOneFailure(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad_test.flux");
        Files.writeString(file, "testcase t {\n    x = (\n}\n");
        assertEquals(new Run(1, "FAIL " + file + ": error @3:1-3:2: unexpected '}'\n"
                + "     3 | }\n"
                + "       | ^\n"
                + "0 passed, 1 failed\n", ""), run("", "test", file.toString()));
    }

    @Test
    void testUsageErrorsExitTwo() {
        assertEquals(new Run(2, "", "error: give at least one test file or directory\n"
                + "Try 'jflux test --help' for more information.\n"), run("", "test"));
        assertEquals(new Run(2, "", "error: cannot read no/such_test.flux: no such file\n"
                + "Try 'jflux test --help' for more information.\n"), run("", "test", "no/such_test.flux"));
        assertEquals(2, run("", "test", "--now", "soon", "x_test.flux").status());
        Run help = run("", "test", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("Usage: jflux test [OPTIONS] FILE...\n"), help.out());
        assertEquals(help.out(), run("", "help", "test").out());
        assertTrue(run("", "--help").out().contains("  test   Runs the testcase blocks of Flux test files\n"));
    }
}
