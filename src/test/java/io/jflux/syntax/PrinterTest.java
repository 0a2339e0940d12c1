package io.jflux.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jflux.syntax.Expression.*;
import io.jflux.syntax.Statement.*;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exact output of the canonical printer, construct by construct. */
class PrinterTest {

    private static final Span S = Span.NONE;

    /** Parses {@code source} as a file and prints it. */
    static String format(String source) {
        return Printer.print(Parser.parse("test.flux", source));
    }

    /** An input already in canonical form: it must print unchanged. */
    private static Arguments same(String name, String source) {
        return Arguments.of(name, source, source);
    }

    private static Arguments change(String name, String source, String expected) {
        return Arguments.of(name, source, expected);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // ---- files, statements, blank lines
                same("empty file", ""),
                change("whitespace only", "  \n\n", ""),
                same("one statement", "a = 1\n"),
                change("statement spacing", "a=1\nb   =   a+2", "a = 1\nb = a + 2\n"),
                change("blank lines collapse to one", "a = 1\n\n\n\nb = 2\n", "a = 1\n\nb = 2\n"),
                change("blank line at the top is dropped", "\n\na = 1\n", "a = 1\n"),
                same("package clause", "package foo\n"),
                same("package then statements", "package foo\n\na = 1\n"),
                change("blank line after package is always there", "package foo\na = 1", "package foo\n\na = 1\n"),
                same("imports", "import \"array\"\nimport s \"strings\"\n\na = 1\n"),
                change("blank line after the imports is always there", "import \"array\"\na = 1",
                        "import \"array\"\n\na = 1\n"),
                same("package and imports", "package foo\n\nimport \"array\"\n\nimport \"strings\"\n\nx = 1\n"),
                change("imports on one line", "import \"a\" import \"b\" x = 1",
                        "import \"a\"\nimport \"b\"\n\nx = 1\n"),
                same("only imports", "import \"array\"\n"),

                // ---- comments and attributes
                same("leading comment", "// the answer\na = 42\n"),
                same("comment without space", "//tight\na = 42\n"),
                same("several leading comments", "// one\n// two\na = 1\n\n// three\nb = 2\n"),
                change("end-of-line comment moves to the next statement", "a = 1 // one\nb = 2\n",
                        "a = 1\n// one\nb = 2\n"),
                same("comment on package", "// Package foo does things.\npackage foo\n"),
                same("comment on import", "// arrays\nimport \"array\"\n"),
                same("trailing comments of the file", "a = 1\n// done\n// really\n"),
                same("only comments", "// nothing here\n"),
                same("attribute on package", "@edition(\"2022.1\")\npackage foo\n"),
                same("comment and attribute on package",
                        "// Package foo.\n@edition(\"2022.1\")\npackage foo\n\nimport \"array\"\n"),
                same("attributes on a statement", "@deprecated(\"v2\")\n@tag(1, 2.5, \"x\", 1h)\nf = () => 1\n"),
                change("attribute without parameters gets parentheses", "@registry\nx = 1\n",
                        "@registry()\nx = 1\n"),
                same("attribute on import", "@feature(\"x\")\nimport \"array\"\n"),
                same("comments in a block", "f = () => {\n    // first\n    x = 1\n\n    // second\n    return x\n"
                        + "    // at the end\n}\n"),
                same("comment on a record property", "r = {\n    // why\n    a: 1,\n    b: 2,\n}\n"),
                same("comments on call arguments", "f(\n    // the first\n    a: 1,\n    // the second\n"
                        + "    b: 2,\n)\n"),
                same("comment on a function parameter", "f = (\n    // the input\n    x,\n    y=1,\n) => x + y\n"),
                same("comment in a with record", "r = {r with\n    // doubled\n    a: r.a * 2,\n}\n"),
                same("comments on array elements", "a = [\n    // first\n    1,\n    // second\n    // still second\n"
                        + "    2,\n    3,\n]\n"),
                same("comment on a dictionary entry", "d = [\n    // why\n    \"k\": 1,\n    \"l\": 2,\n]\n"),
                change("comment in an array breaks it", "f(rows: [{a: 1}, // about b\n{b: 2}])",
                        "f(\n    rows: [\n        {a: 1},\n        // about b\n        {b: 2},\n    ],\n)\n"),
                same("comment forces the enclosing call to break",
                        "f(\n    r: {\n        // c\n        a: 1,\n    },\n)\n"),

                // ---- pipes
                change("pipe chain",
                        "from(bucket: \"b\") |> range(start: -1h) |> filter(fn: (r) => r._value > 0)",
                        "from(bucket: \"b\")\n    |> range(start: -1h)\n    |> filter(fn: (r) => r._value > 0)\n"),
                change("pipe chain in an assignment", "data = from(bucket: \"b\")\n|> range(start: -1h)",
                        "data = from(bucket: \"b\")\n    |> range(start: -1h)\n"),
                change("pipe from an identifier", "f = (tables=<-) => tables |> limit(n: 1)",
                        "f = (tables=<-) => tables\n    |> limit(n: 1)\n"),
                same("pipe in a block",
                        "f = () => {\n    return from(bucket: \"b\")\n        |> range(start: -1h)\n        |> yield()\n}\n"),
                same("pipe inside an argument", "f(\n    tables: a\n        |> sum(),\n)\n"),
                same("nested pipe in a function argument",
                        "a\n    |> map(\n        fn: (r) => r\n            |> g(),\n    )\n"),
                same("pipe inside parentheses stays on its line", "x = (a |> f()) + 1\n"),
                same("parenthesized pipe then pipe", "x = (a |> f())\n    |> g()\n"),
                same("pipe as an operand stays on its line", "x = a + b |> f()\n"),
                same("pipe inside an interpolation stays on its line", "x = \"n: ${a |> count()}\"\n"),
                same("pipe literal", "x = <-\n"),
                same("pipe from the pipe literal", "x = <-\n    |> f()\n"),
                same("call of a call in a pipe", "a\n    |> f()(x: 1)\n"),

                // ---- records
                same("empty record", "r = {}\n"),
                same("record", "r = {a: 1, b: \"two\"}\n"),
                change("record spacing", "r = {a:1,b:2,}", "r = {a: 1, b: 2}\n"),
                same("with record", "r = {r with a: 1}\n"),
                same("with record without properties", "r = {r with}\n"),
                same("shorthand record", "r = {a, b}\n"),
                same("string keys", "r = {\"a b\": 1, \"c\": 2}\n"),
                same("four properties stay on one line", "r = {a: 1, b: 2, c: 3, d: 4}\n"),
                change("five properties break", "r = {a: 1, b: 2, c: 3, d: 4, e: 5}",
                        "r = {\n    a: 1,\n    b: 2,\n    c: 3,\n    d: 4,\n    e: 5,\n}\n"),
                change("with record breaks", "r = {r with a: 1, b: 2, c: 3, d: 4, e: 5}",
                        "r = {r with\n    a: 1,\n    b: 2,\n    c: 3,\n    d: 4,\n    e: 5,\n}\n"),
                same("nested records", "r = {a: {b: {c: 1}}}\n"),
                change("a multi-line value breaks its record",
                        "r = {a: 1, f: (x) => {\nreturn x\n}}",
                        "r = {\n    a: 1,\n    f: (x) => {\n        return x\n    },\n}\n"),

                // ---- arrays and dictionaries
                same("empty array", "a = []\n"),
                same("array", "a = [1, 2]\n"),
                change("array trailing comma", "a = [1, 2,]", "a = [1, 2]\n"),
                change("long array", "a = [1, 2, 3, 4, 5]", "a = [\n    1,\n    2,\n    3,\n    4,\n    5,\n]\n"),
                same("array of records", "a = [{a: 1}, {a: 2}]\n"),
                same("empty dictionary", "d = [:]\n"),
                same("dictionary", "d = [\"a\": 1, \"b\": 2]\n"),
                change("dictionary spacing", "d = [\"a\":1 ,\"b\" : 2,]", "d = [\"a\": 1, \"b\": 2]\n"),
                change("long dictionary", "d = [1: \"a\", 2: \"b\", 3: \"c\", 4: \"d\", 5: \"e\"]",
                        "d = [\n    1: \"a\",\n    2: \"b\",\n    3: \"c\",\n    4: \"d\",\n    5: \"e\",\n]\n"),
                same("dictionary with expression keys", "d = [a + b: c * d, 2021-01-01: 1.0]\n"),

                // ---- functions
                same("function", "f = (r) => r._value\n"),
                same("no parameters", "f = () => 1\n"),
                same("defaults and pipe parameter", "f = (tables=<-, n=1) => tables\n    |> limit(n: n)\n"),
                change("parameter spacing", "f = (a , b = 2) => a", "f = (a, b=2) => a\n"),
                same("record body", "f = (r) => ({r with x: 1})\n"),
                same("empty record body", "f = (r) => ({})\n"),
                same("block body", "f = (x) => {\n    y = x * 2\n\n    return y + 1\n}\n"),
                change("block body spacing", "f = (x) => { return x }", "f = (x) => {\n    return x\n}\n"),
                same("empty block body", "f = () => {}\n"),
                same("curried", "f = (x) => (y) => x + y\n"),
                same("function default is a function", "f = (g=(x) => x) => g(x: 1)\n"),
                same("function with a record-returning block",
                        "f = () => {\n    return {a: 1}\n}\n"),
                change("five parameters break", "f = (a, b, c, d, e) => a",
                        "f = (\n    a,\n    b,\n    c,\n    d,\n    e,\n) => a\n"),
                same("function called at once", "x = ((x) => x)(x: 1)\n"),
                same("body keeps written parentheses", "f = (x) => (x + 1)\n"),

                // ---- calls, members, indexes
                same("call", "f(a: 1, b: 2)\n"),
                same("call without arguments", "f()\n"),
                same("shorthand arguments", "f(a, b)\n"),
                change("call spacing", "f( a:1 , b :2 , )", "f(a: 1, b: 2)\n"),
                change("five arguments break", "f(a: 1, b: 2, c: 3, d: 4, e: 5)",
                        "f(\n    a: 1,\n    b: 2,\n    c: 3,\n    d: 4,\n    e: 5,\n)\n"),
                same("member", "x = a.b.c\n"),
                same("string-key member", "x = a[\"b c\"]\n"),
                same("index", "x = a[0]\n"),
                same("postfix chain", "x = a.b[0][\"c d\"].e(f: 1)[i + 1]\n"),
                same("package member call", "x = strings.toUpper(v: \"abc\")\n"),
                same("member of a parenthesized integer", "x = (1).a\n"),
                same("member of a record", "x = {a: 1}.a\n"),

                // ---- operators
                change("binary spacing", "x = 1+2*3-4/5%6^7", "x = 1 + 2 * 3 - 4 / 5 % 6 ^ 7\n"),
                change("comparison spacing", "x = a==b and c!=d or e<f and g<=h or i>j and k>=l",
                        "x = a == b and c != d or e < f and g <= h or i > j and k >= l\n"),
                same("regex operators", "x = a =~ /x/ or a !~ /y/\n"),
                same("parentheses kept", "x = (1 + 2) * 3\n"),
                same("redundant parentheses kept", "x = ((a)) + (b * c)\n"),
                same("unary minus", "x = -a\n"),
                same("unary plus", "x = +a\n"),
                same("double negation", "x = --a\n"),
                same("minus minus", "x = a - -b\n"),
                same("not", "x = not a\n"),
                same("exists", "x = exists r.a\n"),
                same("not exists", "x = not exists r.a and b\n"),
                change("not spacing", "x = not(a)", "x = not (a)\n"),

                // ---- conditionals
                same("conditional", "x = if a then b else c\n"),
                same("else if", "x = if a then b else if c then d else e\n"),
                change("multi-line source conditional is joined", "x = if a\nthen b\nelse c",
                        "x = if a then b else c\n"),
                same("conditional with a pipe breaks",
                        "x = if a then\n    b\n        |> f()\nelse\n    c\n"),
                same("else-if chain with a pipe",
                        "x = if a then\n    b\nelse if c then\n    d\n        |> f()\nelse\n    e\n"),
                same("conditional in parentheses", "x = (if a then b else c) + 1\n"),

                // ---- literals
                same("integers", "x = [0, 42, 9223372036854775807]\n"),
                change("floats", "x = [0., 72.40, 072.40, .26]", "x = [0.0, 72.4, 72.4, 0.26]\n"),
                change("more floats", "x = 1.5 + 1.50 + 001.0", "x = 1.5 + 1.5 + 1.0\n"),
                change("big float", "x = 100000000000000000000.0000", "x = 100000000000000000000.0\n"),
                change("small float", "x = 0.000000000000000000001000", "x = 0.000000000000000000001\n"),
                change("float rounding", "x = 123456789012345678901234567890.123",
                        "x = 123456789012345680000000000000.0\n"),
                same("short durations", "x = [1ns, 1us, 1ms, 1s]\n"),
                same("long durations", "x = [1m, 1h, 1d, 1w]\n"),
                same("calendar durations", "x = [1mo, 1y]\n"),
                same("compound duration", "x = 1h30m\n"),
                change("micro sign", "x = 3\u00b5s", "x = 3us\n"),
                same("negative duration", "x = -1h30m\n"),
                same("long duration", "x = 2y3mo4w5d6h7m8s9ms10us11ns\n"),
                same("date", "x = 2018-01-01\n"),
                same("date-time", "x = 2018-05-22T19:53:23.09012Z\n"),
                same("date-time with offset", "x = 2018-08-15T13:36:23-07:00\n"),
                same("string", "x = \"abc\"\n"),
                same("string escapes", "x = \"q\\\" b\\\\ n\\n r\\r t\\t\"\n"),
                change("raw newline is escaped", "x = \"a\nb\"", "x = \"a\\nb\"\n"),
                change("hex escapes are decoded", "x = \"\\xe6\\x97\\xa5\"", "x = \"\u65e5\"\n"),
                change("control characters are kept", "x = \"a\\x01b\"", "x = \"a\u0001b\"\n"),
                same("escaped dollar brace", "x = \"\\${not interpolated}\"\n"),
                same("plain dollars", "x = \"$ and $$ and $\"\n"),
                same("unicode", "x = \"\u65e5\u672c\u8a9e\"\n"),
                same("interpolation", "x = \"the answer is ${n}\"\n"),
                same("interpolated expression", "x = \"${n + 1} and ${r.a}\"\n"),
                same("nested interpolation", "x = \"a ${\"b ${c}\"} d\"\n"),
                same("interpolation text escaped", "x = \"\\\"${a}\\\" \\${b} \\\\${c}\"\n"),
                same("dollar before interpolation", "x = \"$${n}\"\n"),
                same("dollars before an interpolation holding a string", "x = \"$$${\"a\"}\"\n"),
                change("escaped dollar brace before an interpolation", "x = \"\\${${n}\"", "x = \"\\${${n}\"\n"),
                same("interpolation of a record member", "x = \"${{a: 1}.a}\"\n"),
                change("interpolation stays on one line", "x = \"${{a: 1, b: 2, c: 3, d: 4, e: 5}.a}\"",
                        "x = \"${{a: 1, b: 2, c: 3, d: 4, e: 5}.a}\"\n"),
                same("regex", "x = /a.*b/\n"),
                same("regex with escaped slash", "x = /http:\\/\\/host\\/path/\n"),
                same("regex with backslashes", "x = /a\\\\b\\d/\n"),
                same("regex with hex escape", "x = /\\xe6/\n"),
                same("label", "x = .a\n"),
                same("label argument", "f(column: .host)\n"),

                // ---- other statements
                same("option", "option now = () => 2020-01-01T00:00:00Z\n"),
                same("option of a package", "option planner.disable = true\n"),
                change("option record", "option task = {name: \"t\", every: 1h, delay: 10m, cron: \"0 * * * *\", retry: 5}",
                        "option task = {\n    name: \"t\",\n    every: 1h,\n    delay: 10m,\n    cron: \"0 * * * *\",\n"
                                + "    retry: 5,\n}\n"),
                same("return", "f = () => {\n    return 1\n}\n"),
                same("testcase", "testcase t {\n    a = 1\n}\n"),
                same("testcase extends", "testcase t extends \"flux/x/y_test\" {\n    super()\n}\n"),
                same("empty testcase", "testcase t {}\n"),
                same("expression statements", "f()\n1 + 1\n\"s\"\n{a: 1}\n"),
                change("statements on one line", "a = 1 b = 2 f()", "a = 1\nb = 2\nf()\n"),

                // ---- builtins and types
                same("builtin", "builtin x : int\n"),
                change("builtin spacing", "builtin x:int", "builtin x : int\n"),
                same("builtin function type",
                        "builtin f : (<-tables: stream[A], ?n: int, v: A) => stream[B] where A: Record, "
                                + "B: Addable + Comparable\n"),
                same("anonymous pipe parameter", "builtin f : (<-: stream[A]) => stream[A]\n"),
                same("record types", "builtin r : {A with a: int, b: string}\n"),
                same("closed record type", "builtin r : {a: int, \"b c\": float}\n"),
                same("empty record type", "builtin r : {}\n"),
                same("array and dictionary types", "builtin d : (a: [A], d: [K:V]) => [string:[int]]\n"),
                same("generic at the end", "builtin v : vector[float]\n"),
                same("function-typed parameter", "builtin f : (fn: (x: A) => B, ?g: () => int) => B\n"),
                change("five parameter types break", "builtin f : (a: int, b: int, c: int, d: int, e: int) => int",
                        "builtin f : (\n    a: int,\n    b: int,\n    c: int,\n    d: int,\n    e: int,\n) => int\n"),
                change("five constraints break",
                        "builtin f : A where A: Record, B: Record, C: Record, D: Record, E: Record",
                        "builtin f : A where\n    A: Record,\n    B: Record,\n    C: Record,\n    D: Record,\n"
                                + "    E: Record\n"),
                same("builtin after a comment", "// The answer.\nbuiltin answer : int\n"),

                // ---- line width
                same("a line of 120 columns stays", "data\n    |> filter(fn: (r) => r._measurement == \"cpu\" and "
                        + "r._field == \"usage_user\" and r.host == \"server-0001.example.com.x\")\n"),
                change("one column more breaks", "data |> filter(fn: (r) => r._measurement == \"cpu\" and "
                        + "r._field == \"usage_user\" and r.host == \"server-0001.example.com.xy\")",
                        "data\n    |> filter(\n        fn: (r) => r._measurement == \"cpu\" and r._field == \"usage_user\" "
                        + "and r.host == \"server-0001.example.com.xy\",\n    )\n"),
                change("arguments past column 120 break",
                        "x = f(first: \"aaaaaaaaaaaaaaaaaaaaaaaaa\", second: \"bbbbbbbbbbbbbbbbbbbbbbbbb\", "
                                + "third: \"ccccccccccccccccccccccccccc\", n: 4)",
                        "x = f(\n    first: \"aaaaaaaaaaaaaaaaaaaaaaaaa\",\n    second: \"bbbbbbbbbbbbbbbbbbbbbbbbb\",\n"
                                + "    third: \"ccccccccccccccccccccccccccc\",\n    n: 4,\n)\n"),
                change("a long conditional breaks, else-ifs too",
                        "level = if value >= thresholds.critical then \"critical\" else if value >= thresholds.warning "
                                + "then \"warning\" else \"unknown\"",
                        "level = if value >= thresholds.critical then\n    \"critical\"\nelse if value >= "
                                + "thresholds.warning then\n    \"warning\"\nelse\n    \"unknown\"\n"),
                change("a long function type breaks its parameters",
                        "builtin f : (<-tables: stream[A], columns: [string], fn: (r: A) => B, ?createEmpty: bool) => "
                                + "stream[B] where A: Record, B: Record",
                        "builtin f : (\n    <-tables: stream[A],\n    columns: [string],\n    fn: (r: A) => B,\n"
                                + "    ?createEmpty: bool,\n) => stream[B] where A: Record, B: Record\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsCanonically(String name, String source, String expected) {
        assertEquals(expected, format(source));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void canonicalFormIsStable(String name, String source, String expected) {
        assertEquals(expected, format(expected), "printing the canonical form again changes it");
    }

    @Test
    void printsAWholeScript() {
        String source = """
                package main
                import "array"
                // the data
                data = from(bucket: "telegraf")|>range(start: -1h)|>filter(fn: (r) => r._measurement == "cpu")
                @deprecated("old")
                f = (tables=<-, n=1) => tables |> limit(n)
                data |> f(n: 5) |> yield(name: "top")
                // end
                """;
        String expected = """
                package main

                import "array"

                // the data
                data = from(bucket: "telegraf")
                    |> range(start: -1h)
                    |> filter(fn: (r) => r._measurement == "cpu")
                @deprecated("old")
                f = (tables=<-, n=1) => tables
                    |> limit(n)
                data
                    |> f(n: 5)
                    |> yield(name: "top")
                // end
                """;
        assertEquals(expected, format(source));
    }

    @Test
    void mapWithALongRecordBreaksTheCall() {
        String source = "x |> map(fn: (r) => ({r with a: 1, b: 2, c: 3, d: 4, e: 5}))";
        String expected = """
                x
                    |> map(
                        fn: (r) => ({r with
                            a: 1,
                            b: 2,
                            c: 3,
                            d: 4,
                            e: 5,
                        }),
                    )
                """;
        assertEquals(expected, format(source));
    }

    @Test
    void withRecordAtTheWidthLimit() {
        String fits = "x = {r with a: \"" + "a".repeat(120 - 18) + "\"}\n";
        assertEquals(121, fits.length(), "120 columns and a newline");
        assertEquals(fits, format(fits));
        String value = "\"" + "a".repeat(120 - 17) + "\"";
        assertEquals("x = {r with\n    a: " + value + ",\n}\n", format("x = {r with a: " + value + "}"));
    }

    // ------------------------------------------------------------------ expressions printed on their own

    @Test
    void printsAnExpression() {
        Expression e = ((ExpressionStatement) Parser.parse("e", "a + b * c").body().get(0)).expression();
        assertEquals("a + b * c", Printer.print(e));
    }

    @Test
    void printsAPipeExpressionOnItsOwn() {
        Expression e = ((ExpressionStatement) Parser.parse("e", "a |> b()").body().get(0)).expression();
        assertEquals("a\n    |> b()", Printer.print(e));
    }

    // ------------------------------------------------------------------ trees built by code, without parentheses

    private static Identifier id(String name) {
        return new Identifier(S, name);
    }

    private static IntegerLiteral num(long v) {
        return new IntegerLiteral(S, v);
    }

    private static BinaryExpression bin(Operator op, Expression l, Expression r) {
        return new BinaryExpression(S, op, l, r);
    }

    private static LogicalExpression logical(Operator op, Expression l, Expression r) {
        return new LogicalExpression(S, op, l, r);
    }

    private static CallExpression call(Expression callee) {
        return new CallExpression(S, callee, List.of());
    }

    private static FunctionExpression fn(Node body, String... params) {
        return new FunctionExpression(S, Stream.of(params).map(p -> new Property(S, List.of(), id(p), null)).toList(),
                body);
    }

    @Test
    void addsParenthesesForPrecedence() {
        assertEquals("(a + b) * c", Printer.print(bin(Operator.MUL, bin(Operator.ADD, id("a"), id("b")), id("c"))));
        assertEquals("a * b + c", Printer.print(bin(Operator.ADD, bin(Operator.MUL, id("a"), id("b")), id("c"))));
        assertEquals("a - (b - c)", Printer.print(bin(Operator.SUB, id("a"), bin(Operator.SUB, id("b"), id("c")))));
        assertEquals("a - b - c", Printer.print(bin(Operator.SUB, bin(Operator.SUB, id("a"), id("b")), id("c"))));
        assertEquals("a ^ (b ^ c)", Printer.print(bin(Operator.POW, id("a"), bin(Operator.POW, id("b"), id("c")))));
        assertEquals("a == b == c", Printer.print(bin(Operator.EQ, bin(Operator.EQ, id("a"), id("b")), id("c"))));
        assertEquals("a == (b == c)", Printer.print(bin(Operator.EQ, id("a"), bin(Operator.EQ, id("b"), id("c")))));
        assertEquals("a and (b or c)",
                Printer.print(logical(Operator.AND, id("a"), logical(Operator.OR, id("b"), id("c")))));
        assertEquals("a or b and c",
                Printer.print(logical(Operator.OR, id("a"), logical(Operator.AND, id("b"), id("c")))));
        assertEquals("not (a and b)",
                Printer.print(new UnaryExpression(S, Operator.NOT, logical(Operator.AND, id("a"), id("b")))));
        assertEquals("(not a) == b",
                Printer.print(bin(Operator.EQ, new UnaryExpression(S, Operator.NOT, id("a")), id("b"))));
        assertEquals("-(a + b)",
                Printer.print(new UnaryExpression(S, Operator.NEGATE, bin(Operator.ADD, id("a"), id("b")))));
        assertEquals("(a + b).c", Printer.print(new MemberExpression(S, bin(Operator.ADD, id("a"), id("b")), id("c"))));
        assertEquals("(-a)[0]",
                Printer.print(new IndexExpression(S, new UnaryExpression(S, Operator.NEGATE, id("a")), num(0))));
        assertEquals("(1).a", Printer.print(new MemberExpression(S, num(1), id("a"))));
        assertEquals("-(a |> f())", Printer.print(new UnaryExpression(S, Operator.NEGATE,
                new PipeExpression(S, id("a"), call(id("f"))))));
        assertEquals("(a + b)\n    |> f()", Printer.print(new PipeExpression(S, bin(Operator.ADD, id("a"), id("b")),
                call(id("f")))));
    }

    @Test
    void addsParenthesesAroundConditionalsAndFunctions() {
        ConditionalExpression c = new ConditionalExpression(S, id("a"), id("b"), id("c"));
        assertEquals("(if a then b else c) + 1", Printer.print(bin(Operator.ADD, c, num(1))));
        assertEquals("1 + (if a then b else c)", Printer.print(bin(Operator.ADD, num(1), c)));
        // Between 'if' and 'then' nothing needs parentheses, and none are added.
        assertEquals("if if a then b else c then d else e",
                Printer.print(new ConditionalExpression(S, c, id("d"), id("e"))));
        assertEquals("if a then if b then c else d else e",
                Printer.print(new ConditionalExpression(S, id("a"), new ConditionalExpression(S, id("b"), id("c"),
                        id("d")), id("e"))));
        FunctionExpression f = fn(id("x"), "x");
        assertEquals("((x) => x)(x: 1)", Printer.print(new CallExpression(S, f,
                List.of(new Property(S, List.of(), id("x"), num(1))))));
        assertEquals("((x) => x) + 1", Printer.print(bin(Operator.ADD, f, num(1))));
        assertEquals("1 + (x) => x", Printer.print(bin(Operator.ADD, num(1), f)));
        assertEquals("1 + ((x) => x) + 2", Printer.print(bin(Operator.ADD, bin(Operator.ADD, num(1), f), num(2))));
        assertEquals("(r) => ({a: 1})", Printer.print(fn(new RecordExpression(S, null,
                List.of(new Property(S, List.of(), id("a"), num(1)))), "r")));
        assertEquals("(r) => ({a: 1}.a)", Printer.print(fn(new MemberExpression(S, new RecordExpression(S, null,
                List.of(new Property(S, List.of(), id("a"), num(1)))), id("a")), "r")));
    }

    @Test
    void escapesDollarOnlyBeforeABrace() {
        StringExpression s = new StringExpression(S, List.of(new TextPart("cost: $"),
                new InterpolatedPart(id("n")), new TextPart(" ${x} $")));
        assertEquals("\"cost: $${n} \\${x} $\"", Printer.print(s));
    }

    @Test
    void floatsReadBackExactly() {
        double[] values = {0.0, 1.0, -2.5, 0.1, 1.0 / 3, 1e20, 1e21, 1e-7, 1e-300, Double.MAX_VALUE, Double.MIN_VALUE,
            Math.PI, 123456.789e10, 4.35, 5e-324, 9007199254740993.0};
        for (double v : values) {
            String s = Printer.print(new FloatLiteral(S, v));
            assertTrue(s.contains("."), s);
            assertTrue(!s.contains("E") && !s.contains("e"), s);
            assertEquals(v, Double.parseDouble(s), s);
        }
        assertEquals("100000000000000000000.0", Printer.print(new FloatLiteral(S, 1e20)));
        assertEquals("0.5", Printer.print(new FloatLiteral(S, 0.5)));
        assertEquals("3.0", Printer.print(new FloatLiteral(S, 3)));
    }

    @Test
    void refusesNonFiniteFloats() {
        assertThrows(IllegalArgumentException.class, () -> Printer.print(new FloatLiteral(S, Double.NaN)));
        assertThrows(IllegalArgumentException.class,
                () -> Printer.print(new FloatLiteral(S, Double.POSITIVE_INFINITY)));
    }

    @Test
    void printsAFileBuiltByCode() {
        SourceFile f = new SourceFile(S, "x", null, List.of(), List.of(
                new VariableAssignment(S, Leading.NONE, id("a"), num(1)),
                new ExpressionStatement(S, new Leading(List.of(" note"), List.of(), true), call(id("f")))),
                List.of());
        assertEquals("a = 1\n\n// note\nf()\n", Printer.print(f));
    }
}
