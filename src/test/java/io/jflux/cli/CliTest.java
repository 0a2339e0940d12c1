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
                Arguments.of(new String[] {"frobnicate"}, "", 2, "",
                        "error: unknown command 'frobnicate'\nTry 'jflux --help' for more information.\n"),
                Arguments.of(new String[] {}, "", 2, "",
                        "error: missing command (run, fmt, test, help)\nTry 'jflux --help' for more information.\n"),
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
