package io.jflux.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jflux.api.Engine;
import io.jflux.api.RunOptions;
import io.jflux.api.Script;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a user sees when a script is wrong: the exact message and the exact span of each diagnostic
 * ({@link FluxException#headline()}), and the rendered form with the source line and a caret.
 */
class ErrorMessageTest {

    static final RunOptions OPTIONS = RunOptions.defaults().withNow(Instant.parse("2024-01-01T00:00:00Z"));

    /** The error of compiling and running {@code source}, which must fail. */
    static FluxException failure(String source) {
        return assertThrows(FluxException.class,
                () -> Engine.create().compile("test.flux", source).run(OPTIONS));
    }

    /** The error of compiling {@code source}, which must fail before it runs. */
    static FluxException syntaxFailure(String source) {
        return assertThrows(FluxException.class, () -> Engine.create().compile("test.flux", source));
    }

    static List<String> headlines(FluxException e) {
        return e.diagnostics().stream().map(Diagnostic::headline).toList();
    }

    static Arguments row(String source, String headline) {
        return Arguments.of(source, headline);
    }

    // ------------------------------------------------------------------ errors found while running

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void runtimeErrors(String source, String headline) {
        FluxException e = failure(source);
        assertEquals(List.of(headline), headlines(e));
        assertEquals(headline, e.headline());
    }

    static Stream<Arguments> runtimeErrors() {
        return Stream.of(
                // names
                row("foo", "error @1:1-1:4: undefined identifier foo"),
                row("x = 1\ny = x + bar", "error @2:9-2:12: undefined identifier bar"),
                row("a.b", "error @1:1-1:2: undefined identifier a"),
                row("x = 1\nx = 2",
                        "error @2:1-2:2: variable x is already defined in this scope (variables cannot be reassigned)"),
                row("import \"nope\"", "error @1:8-1:14: package \"nope\" not found; available packages: array, csv, experimental/prometheus, influxdata/influxdb, math, regexp, strings, system, testing, timezone"),
                row("import \"system\"\nsystem.nope", "error @2:8-2:12: package system has no member nope"),
                row("import \"system\"\noption system.nope = 1", "error @2:15-2:19: package system has no option nope"),
                row("x = 1\noption x.y = 2", "error @2:8-2:9: x is not an imported package"),
                // calls
                row("x = 1\nx(a: 1)", "error @2:1-2:2: cannot call x: it is of type int, not a function"),
                row("\"s\"()", "error @1:1-1:4: cannot call a value of type string: only functions can be called"),
                row("f = (x) => x\nf()", "error @2:1-2:4: missing required argument x (f takes (x))"),
                row("int()", "error @1:1-1:6: missing required argument v (int takes (v))"),
                row("f = (tables=<-) => tables\nf()",
                        "error @2:1-2:4: missing required argument tables (f takes (<-tables))"),
                row("f = (x) => x\nf(x: 1, y: 2)", "error @2:9-2:13: found unexpected argument y (f takes (x))"),
                row("f = (x) => x\nf(x: 1, x: 2)", "error @2:9-2:13: argument x is given twice"),
                row("length(arr: 1)", "error @1:8-1:14: argument arr of length: expected array but found int"),
                row("die(msg: 1)", "error @1:5-1:11: argument msg of die: expected string but found int"),
                row("\"a\" |> length()", "error @1:8-1:16: argument arr of length: expected array but found string"),
                row("f = (x) => x\n1 |> f(x: 2)",
                        "error @2:6-2:13: cannot pipe into f: it has no pipe parameter (f takes (x))"),
                row("1 |> int(v: 2)", "error @1:6-1:15: cannot pipe into int: it has no pipe parameter (int takes (v))"),
                row("f = (a) => a\nf(a: <-)", "error @2:6-2:8: <- is only allowed as the default of a function parameter"),
                row("return 1", "error @1:1-1:9: return is only allowed inside a function body"),
                row("f = (x) => {\n  y = x\n}\nf(x: 1)", "error @1:12-3:2: function f ended without a return statement"),
                row("die(msg: \"boom\")", "error @1:1-1:17: boom"),
                row("f = (x) => if x > 1 then die(msg: \"too big: ${x}\") else x\nf(x: 5)",
                        "error @1:26-1:51: too big: 5"),
                row("builtin x : int\nx", "error @1:1-1:16: builtin x has no implementation: builtin declarations"
                        + " belong to packages whose Java side provides them, not to a script"),
                // arithmetic
                row("1 / 0", "error @1:1-1:6: cannot divide by zero"),
                row("x = 0\n10 / x", "error @2:1-2:7: cannot divide by zero"),
                row("10 % 0", "error @1:1-1:7: cannot take the remainder of a division by zero"),
                row("uint(v: 1) / uint(v: 0)", "error @1:1-1:24: cannot divide by zero"),
                row("uint(v: 1) % uint(v: 0)", "error @1:1-1:24: cannot take the remainder of a division by zero"),
                // types
                row("1 + 1.0", "error @1:1-1:8: type error: cannot apply + to int and float"
                        + " (convert one side with int(), uint() or float())"),
                row("1.5 * 2", "error @1:1-1:8: type error: cannot apply * to float and int"
                        + " (convert one side with int(), uint() or float())"),
                row("uint(v: 3) + 1", "error @1:1-1:15: type error: cannot apply + to uint and int"
                        + " (convert one side with int(), uint() or float())"),
                row("2.0^2", "error @1:1-1:6: type error: cannot apply ^ to float and int"
                        + " (convert one side with int(), uint() or float())"),
                row("\"a\" + 1", "error @1:1-1:8: type error: cannot apply + to string and int"),
                row("\"a\" - \"b\"", "error @1:1-1:10: type error: cannot apply - to string and string"),
                row("1h * 2", "error @1:1-1:7: type error: cannot apply * to duration and int"),
                row("true + true", "error @1:1-1:12: type error: cannot apply + to bool and bool"),
                row("1 < \"a\"", "error @1:1-1:8: type error: cannot compare int with string"),
                row("{a: 1} == 1", "error @1:1-1:12: type error: cannot compare record with int"),
                row("true < false", "error @1:1-1:13: type error: values of type bool have no order, so < cannot"
                        + " compare them"),
                row("1 =~ /a/", "error @1:1-1:9: type error: =~ needs a string on the left and a regex on the right,"
                        + " got int and regexp"),
                row("not 1", "error @1:5-1:6: type error: the operand of not must be bool, got int"),
                row("1 and true", "error @1:1-1:2: type error: the operands of and must be bool, got int"),
                row("false or \"x\"", "error @1:10-1:13: type error: the operands of or must be bool, got string"),
                row("if 1 then 2 else 3", "error @1:4-1:5: type error: the condition of if must be bool, got int"),
                row("-\"a\"", "error @1:1-1:5: cannot negate a value of type string"),
                row("f = (x) => x\nf == f", "error @2:1-2:7: functions cannot be compared"),
                row("f = (x) => x + \"a\"\nf(x: 1)", "error @1:12-1:19: type error: cannot apply + to int and string"),
                // records, arrays, dictionaries, strings
                row("[1, 2][5]", "error @1:8-1:9: index out of bounds: 5 (array length 2)"),
                row("[1, 2][-1]", "error @1:8-1:10: index out of bounds: -1 (array length 2)"),
                row("[][0]", "error @1:4-1:5: index out of bounds: 0 (array length 0)"),
                row("[1, 2][1.0]", "error @1:8-1:11: array index must be an int, got float"),
                row("\"abc\"[0]", "error @1:1-1:6: cannot index a value of type string"),
                row("{a: 1}.a.b", "error @1:1-1:11: cannot access member b of a value of type int"),
                row("r = 1\n{r with a: 1}", "error @2:2-2:3: with needs a record, got int"),
                row("[1, \"a\"]", "error @1:5-1:8: array elements must have one type: found int and string"),
                row("[1: 1, \"a\": 2]", "error @1:8-1:11: dictionary keys must have one type: found int and string"),
                row("[true: 1]", "error @1:2-1:6: dictionary keys must be int, uint, float, string, time or duration,"
                        + " got bool"),
                row("[{a: 1}.b: 1]", "error @1:2-1:10: a dictionary key cannot be null"),
                row("\"${ {a: 1} }\"", "error @1:5-1:11: cannot interpolate a value of type record into a string"),
                row("\"${ {a: 1}.b }\"", "error @1:5-1:13: string interpolation evaluated to null"),
                row("\"line1\n${ foo }\"", "error @2:4-2:7: undefined identifier foo"),
                row("\"a ${\"b ${foo}\"}\"", "error @1:11-1:14: undefined identifier foo"),
                // durations and conversions
                row("1mo + 1d - 2mo", "error @1:1-1:15: duration magnitudes must be the same sign"),
                row("int(v: \"x\")", "error @1:5-1:11: cannot convert string \"x\" to int: invalid syntax"),
                row("int(v: \"9223372036854775808\")",
                        "error @1:5-1:29: cannot convert string \"9223372036854775808\" to int: value out of range"),
                row("uint(v: \"-1\")", "error @1:6-1:13: cannot convert string \"-1\" to uint: invalid syntax"),
                row("bool(v: 2)", "error @1:6-1:10: cannot convert int 2 to bool: must be 0 or 1"),
                row("bool(v: \"True\")", "error @1:6-1:15: cannot convert string \"True\" to bool: invalid syntax"),
                row("float(v: 1h)", "error @1:7-1:12: cannot convert duration to float"),
                row("string(v: [1])", "error @1:8-1:14: cannot convert array to string"),
                row("string(v: /a/)", "error @1:8-1:14: cannot convert regexp to string"),
                row("time(v: \"2021-01-01T00:00:00\")", "error @1:6-1:30: cannot convert string"
                        + " \"2021-01-01T00:00:00\" to time: a time of day needs a UTC offset, such as Z or +01:00"),
                row("time(v: \"nope\")", "error @1:6-1:15: cannot convert string \"nope\" to time: expected RFC3339,"
                        + " such as 2021-01-01T00:00:00Z, or a date"),
                row("duration(v: \"1x\")", "error @1:10-1:17: cannot convert string \"1x\" to duration: expected a"
                        + " duration literal such as 1h30m or -5m"));
    }

    @Test
    void runtimeErrorCodes() {
        assertEquals(ErrorCode.INVALID, failure("foo").code());
        assertEquals(ErrorCode.INVALID, failure("1 / 0").code());
        assertEquals(ErrorCode.NOT_FOUND, failure("import \"nope\"").code());
        assertEquals(ErrorCode.ABORTED, failure("die(msg: \"x\")").code());
    }

    // ------------------------------------------------------------------ syntax errors (found by compile)

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void syntaxErrors(String source, String headline) {
        FluxException e = syntaxFailure(source);
        assertEquals(List.of(headline), headlines(e));
        assertEquals(ErrorCode.SYNTAX, e.code());
    }

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                // unexpected tokens
                row("x = 1 +", "error @1:8-1:8: unexpected end of input, expected an expression after '+'"),
                row("1 +", "error @1:4-1:4: unexpected end of input, expected an expression after '+'"),
                row("x = 1 +\n\n// trailing comment\n",
                        "error @1:8-1:8: unexpected end of input, expected an expression after '+'"),
                row("x = (1 +)", "error @1:9-1:10: unexpected ')', expected an expression after '+'"),
                row("x = [2 *]", "error @1:9-1:10: unexpected ']', expected an expression after '*'"),
                row("1 2 )", "error @1:5-1:6: unexpected ')', expected an expression"),
                row("f(x: 1 2)", "error @1:8-1:9: unexpected '2', expected ')'"),
                row("{a: 1", "error @1:6-1:6: expected '}', got end of input"),
                row("f = (a, b => a", "error @1:11-1:13: expected ')', got '=>'"),
                row("f = (r) => r\nf(r: 1) |> 2", "error @2:12-2:13: pipe destination must be a function call"),
                row("1 + if true then 1 else 2", "error @1:5-1:7: unexpected 'if': an if/then/else cannot be an"
                        + " operand, write it in parentheses: (if ... then ... else ...)"),
                row("() => {a: 1}", "error @1:7-1:8: unexpected '{': a function body in braces is a block of"
                        + " statements that must end in return; to return a record, write it in parentheses:"
                        + " () => ({...})"),
                row("x = 1\nimport \"system\"", "error @2:1-2:7: unexpected 'import': imports must come before"
                        + " every other statement (after the package clause, if any)"),
                row("import \"system\"\npackage foo",
                        "error @2:1-2:8: unexpected 'package': the package clause must come first in the file"),
                // characters and strings
                row("x = 1 ‛ 2", "error @1:7-1:8: invalid character '‛'"),
                row("1 ~ 2", "error @1:3-1:4: invalid character '~'"),
                row("\"abc", "error @1:1-1:2: unterminated string literal: no closing \" before the end of the input"),
                row("x = \"abc\ny = 1",
                        "error @1:5-1:6: unterminated string literal: no closing \" before the end of the input"),
                row("\"\\q\"", "error @1:2-1:4: invalid escape sequence \\q"),
                row("\"a\\u0041\"", "error @1:3-1:5: invalid escape sequence \\u"),
                row("\"\\$x\"", "error @1:2-1:4: invalid escape sequence \\$ (only \\${ may be escaped, to write a"
                        + " literal ${)"),
                row("\"\\xff\"", "error @1:2-1:6: invalid UTF-8: the \\x escapes of a string must spell whole UTF-8"
                        + " characters"),
                row("\"a\\xe6\\x97b\"", "error @1:3-1:11: invalid UTF-8: the \\x escapes of a string must spell"
                        + " whole UTF-8 characters"),
                row("\"${}\"", "error @1:4-1:4: unexpected '}' (the end of the interpolation), expected an expression"),
                row("x = \"ok ${ foo ) }\"",
                        "error @1:16-1:17: unexpected ')', expected '}' (the end of the interpolation)"),
                // numbers and dates
                row("9223372036854775808", "error @1:1-1:20: integer literal 9223372036854775808 is out of range for"
                        + " int (the largest is 9223372036854775807)"),
                row("0123", "error @1:1-1:5: invalid integer literal 0123: leading zeros are not allowed"),
                row("2009-10-15T09:00:00", "error @1:1-1:20: invalid date-time literal 2009-10-15T09:00:00: a time of"
                        + " day needs a UTC offset, such as Z or +01:00"),
                row("x = 2009-10-15T09:00:00.5", "error @1:5-1:26: invalid date-time literal 2009-10-15T09:00:00.5: a"
                        + " time of day needs a UTC offset, such as Z or +01:00"),
                row("2021-13-01", "error @1:1-1:11: invalid date-time literal 2021-13-01: no such date or time"),
                row("2021-02-30T00:00:00Z",
                        "error @1:1-1:21: invalid date-time literal 2021-02-30T00:00:00Z: no such date or time"),
                row("2021-01-01T00:00:00.1234567890Z", "error @1:1-1:32: invalid date-time literal"
                        + " 2021-01-01T00:00:00.1234567890Z: at most 9 fractional digits (nanoseconds) are allowed"));
    }

    @Test
    void severalErrorsInOneSourceAreAllReportedInOrder() {
        FluxException e = syntaxFailure("""
                a = (1 +)
                b = 9223372036854775808
                c = 2009-10-15T09:00:00
                d = "${ ) }"
                e = "\\xff" ®
                """);
        assertEquals(List.of(
                "error @1:9-1:10: unexpected ')', expected an expression after '+'",
                "error @2:5-2:24: integer literal 9223372036854775808 is out of range for int"
                        + " (the largest is 9223372036854775807)",
                "error @3:5-3:24: invalid date-time literal 2009-10-15T09:00:00: a time of day needs a UTC offset,"
                        + " such as Z or +01:00",
                "error @4:9-4:10: unexpected ')', expected an expression",
                "error @5:6-5:10: invalid UTF-8: the \\x escapes of a string must spell whole UTF-8 characters",
                "error @5:12-5:13: invalid character '®'"), headlines(e));
        for (Diagnostic d : e.diagnostics()) {
            assertEquals(ErrorCode.SYNTAX, d.code());
            assertEquals("test.flux", d.sourceName());
        }
    }

    @Test
    void severalLexicalErrors() {
        FluxException e = syntaxFailure("x = 1 ‛\ny = \"a\\q\"\nz = 2 ®");
        assertEquals(List.of(
                "error @1:7-1:8: invalid character '‛'",
                "error @2:7-2:9: invalid escape sequence \\q",
                "error @3:7-3:8: invalid character '®'"), headlines(e));
    }

    @Test
    void syntaxErrorsStopTheRunBeforeAnythingIsEvaluated() {
        // die would run first if the script ran at all.
        FluxException e = syntaxFailure("die(msg: \"ran\")\nx = )");
        assertEquals(ErrorCode.SYNTAX, e.code());
    }

    // ------------------------------------------------------------------ rendering

    static String render(String source) {
        FluxException e = assertThrows(FluxException.class, () -> {
            Script s = Engine.create().compile("test.flux", source);
            s.run(OPTIONS);
        });
        return DiagnosticPrinter.render(e, source);
    }

    @Test
    void renderUndefinedIdentifier() {
        assertEquals("""
                error @2:9-2:12: undefined identifier foo
                 2 | y = x + foo
                   |         ^^^
                """, render("x = 1\ny = x + foo"));
    }

    @Test
    void renderTypeErrorKeepsTabsSoTheCaretLinesUp() {
        assertEquals("error @2:9-2:16: type error: cannot apply + to int and string\n"
                + " 2 | \treturn x + \"a\"\n"
                + "   | \t       ^^^^^^^\n", render("f = (x) => {\n\treturn x + \"a\"\n}\nf(x: 1)"));
    }

    @Test
    void renderArgumentError() {
        assertEquals("""
                error @1:8-1:14: argument arr of length: expected array but found int
                 1 | length(arr: 1)
                   |        ^^^^^^
                """, render("length(arr: 1)"));
    }

    @Test
    void renderDivisionByZero() {
        assertEquals("""
                error @1:5-1:10: cannot divide by zero
                 1 | x = 1 / 0
                   |     ^^^^^
                """, render("x = 1 / 0"));
    }

    @Test
    void renderDie() {
        assertEquals("""
                error @1:1-1:22: stop here
                 1 | die(msg: "stop here")
                   | ^^^^^^^^^^^^^^^^^^^^^
                """, render("die(msg: \"stop here\")"));
    }

    @Test
    void renderUnknownImport() {
        assertEquals("""
                error @1:8-1:14: package "nope" not found; available packages: array, csv, experimental/prometheus, influxdata/influxdb, math, regexp, strings, system, testing, timezone
                 1 | import "nope"
                   |        ^^^^^^
                """, render("import \"nope\""));
    }

    @Test
    void renderSpanOverSeveralLinesMarksTheRestOfTheFirstLine() {
        assertEquals("""
                error @1:12-3:2: function f ended without a return statement
                 1 | f = (x) => {
                   |            ^
                """, render("f = (x) => {\n  y = x\n}\nf(x: 1)"));
    }

    @Test
    void renderEveryDiagnosticOfASyntaxError() {
        assertEquals("""
                error @1:7-1:8: invalid character '‛'
                 1 | x = 1 ‛
                   |       ^
                error @2:7-2:9: invalid escape sequence \\q
                 2 | y = "a\\q"
                   |       ^^
                """, render("x = 1 ‛\ny = \"a\\q\""));
    }

    @Test
    void renderAtTheEndOfTheInputStillShowsACaret() {
        assertEquals("""
                error @1:8-1:8: unexpected end of input, expected an expression after '+'
                 1 | x = 1 +
                   |        ^
                """, render("x = 1 +"));
    }

    @Test
    void renderUnterminatedString() {
        assertEquals("""
                error @1:5-1:6: unterminated string literal: no closing " before the end of the input
                 1 | x = "abc
                   |     ^
                """, render("x = \"abc\ny = 1"));
    }

    @Test
    void renderLineNumbersWiderThanOneDigit() {
        String source = "// a comment\n".repeat(9) + "y = nope";
        assertEquals("""
                error @10:5-10:9: undefined identifier nope
                 10 | y = nope
                    |     ^^^^
                """, render(source));
    }

    @Test
    void renderWithoutSourceIsTheHeadlineAlone() {
        FluxException e = failure("foo");
        assertEquals("error @1:1-1:4: undefined identifier foo\n", DiagnosticPrinter.render(e, null));
    }

    @Test
    void scriptRenderUsesItsOwnSource() {
        Script s = Engine.create().compile("t.flux", "a = 1\nb = a / 0");
        FluxException e = assertThrows(FluxException.class, () -> s.run(OPTIONS));
        assertEquals("""
                error @2:5-2:10: cannot divide by zero
                 2 | b = a / 0
                   |     ^^^^^
                """, s.render(e));
    }

    @Test
    void headlineWithoutPosition() {
        assertEquals("error: boom", new FluxException(ErrorCode.INTERNAL, "boom").headline());
    }
}
