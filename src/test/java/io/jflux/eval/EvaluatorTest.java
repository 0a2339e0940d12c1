package io.jflux.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jflux.api.Engine;
import io.jflux.api.RunOptions;
import io.jflux.diag.FluxException;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evaluator against Flux's documented rules, run the way an embedder runs a script. Each row is one rule:
 * a Flux source and the value of its last expression statement, written as {@code <type> <display text>}.
 */
class EvaluatorTest {

    static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");

    static Value eval(String source) {
        return Engine.create().compile("test.flux", source).run(RunOptions.defaults().withNow(NOW)).last();
    }

    /** The type and display text of the script's last value, e.g. {@code int 7}. */
    static String show(String source) {
        Value v = eval(source);
        return v.kind().fluxName() + " " + Values.display(v);
    }

    static Arguments row(String source, String expected) {
        return Arguments.of(source, expected);
    }

    // ------------------------------------------------------------------ literals

    @ParameterizedTest(name = "[{index}] {0}  ==>  {1}")
    @MethodSource
    void literals(String source, String expected) {
        assertEquals(expected, show(source));
    }

    static Stream<Arguments> literals() {
        return Stream.of(
                row("0", "int 0"),
                row("42", "int 42"),
                row("9223372036854775807", "int 9223372036854775807"),
                row("-1", "int -1"),                       // unary minus on 1: there are no negative literals
                row("1.5", "float 1.5"),
                row("0.", "float 0"),                      // digits "." [digits]
                row(".26", "float 0.26"),                  // "." digits
                row("072.40", "float 72.4"),               // leading zeros are fine in floats
                row("1.0", "float 1"),                     // display of a whole float has no fraction
                row("true", "bool true"),
                row("false", "bool false"),
                row("/a.b/", "regexp a.b"),
                row("[]", "array []"),
                row("{}", "record {}"));
    }

    // ------------------------------------------------------------------ strings

    @ParameterizedTest(name = "[{index}] {0}  ==>  {1}")
    @MethodSource
    void strings(String source, String expected) {
        assertEquals(expected, show(source));
    }

    static Stream<Arguments> strings() {
        return Stream.of(
                row("\"abc\"", "string abc"),
                row("\"\"", "string "),
                row("\"a\\nb\"", "string a\nb"),
                row("\"a\\rb\"", "string a\rb"),
                row("\"a\\tb\"", "string a\tb"),
                row("\"a\\\\b\"", "string a\\b"),
                row("\"a\\\"b\"", "string a\"b"),
                row("\"a\\${b}\"", "string a${b}"),          // \${ is a literal ${, not an interpolation
                row("\"\\x41\\x62\"", "string Ab"),          // \xHH is one byte
                row("\"\\xe6\\x97\\xa5\"", "string 日"),      // bytes that spell UTF-8 together
                row("\"\\xE6\\x97\\xA5\"", "string 日"),      // hex digits in either case
                row("\"$\"", "string $"),                    // $ not followed by { is plain text
                row("\"a$b\"", "string a$b"),
                row("\"$${1}\"", "string $1"),
                row("\"line1\nline2\"", "string line1\nline2"), // raw newlines are allowed
                row("\"日本語\"", "string 日本語"),
                row("\"a\" + \"b\"", "string ab"),
                row("x = 5\n\"v=${x}\"", "string v=5"),
                row("\"${1 + 1}\"", "string 2"),
                row("\"a ${\"b ${1+1}\"} c\"", "string a b 2 c"),  // nested interpolation
                row("\"${\"}\"}\"", "string }"),                    // a brace inside a nested string
                row("\"x${ \"{\" }y\"", "string x{y"),
                row("\"a\\\\${1}\"", "string a\\1"),                 // \\ then an interpolation
                row("\"${ \"a\" +\n  \"b\" }\"", "string ab"),        // an interpolation over lines
                row("\"${1.0}|${1.5}|${uint(v: 3)}|${true}\"", "string 1|1.5|3|true"),
                row("\"${1h30m}\"", "string 1h30m"),
                row("\"${2021-01-01T00:00:00Z}\"", "string 2021-01-01T00:00:00.000000000Z"),
                row("f = (x) => \"<${x}>\"\nf(x: \"y\")", "string <y>"));
    }

    // ------------------------------------------------------------------ durations

    @ParameterizedTest(name = "[{index}] {0}  ==>  {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1ns        | 1ns
            1us        | 1us
            1µs        | 1us
            1ms        | 1ms
            1s         | 1s
            1m         | 1m
            1h         | 1h
            1d         | 1d
            1w         | 1w
            1mo        | 1mo
            1y         | 1y
            1h30m      | 1h30m
            90m        | 1h30m
            8d         | 1w1d
            14mo       | 1y2mo
            1500ms     | 1s500ms
            1500us     | 1ms500us
            25h        | 1d1h
            7d         | 1w
            12mo       | 1y
            0s         | 0ns
            -5m        | -5m
            -(1y1d)    | -1y1d
            1d1y       | 1y1d
            1y2mo3w4d5h6m7s8ms9us10ns | 1y2mo3w4d5h6m7s8ms9us10ns
            """)
    void durations(String source, String expected) {
        Value v = eval(source);
        assertInstanceOf(DurationValue.class, v);
        assertEquals(expected, Values.display(v));
        assertEquals(expected, Values.display(eval("string(v: " + source + ")")));
    }

    @Test
    void durationPartsAreMonthsAndNanoseconds() {
        assertEquals(new DurationValue(14, 0), eval("1y2mo"));
        assertEquals(new DurationValue(0, 5_400_000_000_000L), eval("1h30m"));
        assertEquals(new DurationValue(0, -300_000_000_000L), eval("-5m"));
        assertEquals(new DurationValue(1, 86_400_000_000_000L), eval("1mo1d"));
    }

    // ------------------------------------------------------------------ date-times

    @ParameterizedTest(name = "[{index}] {0}  ==>  {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2021-01-01                        | 2021-01-01T00:00:00.000000000Z
            2021-01-01T00:00:00Z              | 2021-01-01T00:00:00.000000000Z
            2021-01-01T01:02:03.123456789Z    | 2021-01-01T01:02:03.123456789Z
            2021-01-01T01:02:03.5Z            | 2021-01-01T01:02:03.500000000Z
            2021-01-01T01:02:03.5+02:00       | 2020-12-31T23:02:03.500000000Z
            2021-01-01T00:00:00-05:30         | 2021-01-01T05:30:00.000000000Z
            2020-02-29T12:00:00Z              | 2020-02-29T12:00:00.000000000Z
            1969-12-31T23:59:59.5Z            | 1969-12-31T23:59:59.500000000Z
            """)
    void dateTimes(String source, String expected) {
        Value v = eval(source);
        assertInstanceOf(TimeValue.class, v);
        assertEquals(expected, Values.display(v));
    }

    @Test
    void dateTimeIsNanosecondsSinceEpoch() {
        assertEquals(new TimeValue(1_609_459_200_000_000_000L), eval("2021-01-01T00:00:00Z"));
        assertEquals(new TimeValue(1_609_459_200_000_000_001L), eval("2021-01-01T00:00:00.000000001Z"));
    }

    // ------------------------------------------------------------------ records, arrays, dictionaries

    @ParameterizedTest(name = "[{index}] {0}  ==>  {1}")
    @MethodSource
    void collections(String source, String expected) {
        assertEquals(expected, show(source));
    }

    static Stream<Arguments> collections() {
        return Stream.of(
                row("{a: 1, \"b c\": 2}", "record {a: 1, b c: 2}"),
                row("{b: 1, a: \"s\"}", "record {a: s, b: 1}"),             // display sorts keys
                row("r = {a: 1}\n{r with a: 2, b: 3}", "record {a: 2, b: 3}"),
                row("r = {a: 1, b: 2}\n{r with b: \"x\"}", "record {a: 1, b: x}"),
                row("a = 1\nb = \"x\"\n{a, b}", "record {a: 1, b: x}"),     // shorthand {a, b} = {a: a, b: b}
                row("r = {a: 1}\nr.a", "int 1"),
                row("r = {a: 1, \"b c\": 2}\nr[\"b c\"]", "int 2"),
                row("r = {a: 1}\nr[\"a\"]", "int 1"),
                row("{a: 1}.b", "null <null>"),                             // missing member is null
                row("r = {a: 1}\nr.b.c", "null <null>"),
                row("{a: {b: {c: 5}}}.a.b.c", "int 5"),
                row("{a: [1, 2]}.a[1]", "int 2"),
                row("f = (x) => ({x: x, y: x * 2})\nf(x: 2).y", "int 4"),
                row("{a: 1, b: 2, c: 3, d: 4}", "record {\n    a: 1,\n    b: 2,\n    c: 3,\n    d: 4,\n}"),
                row("{a: {b: [1, 2]}}", "record {a: {b: [1, 2]}}"),
                row("{a: 1} == {a: 1}", "bool true"),
                row("{a: 1, b: 2} == {b: 2, a: 1}", "bool true"),
                row("{a: 1} == {a: 2}", "bool false"),
                row("[1, 2, 3]", "array [1, 2, 3]"),
                row("[1, 2, 3, 4]", "array [\n    1,\n    2,\n    3,\n    4,\n]"),
                row("[1, 2, 3,]", "array [1, 2, 3]"),                       // trailing comma
                row("[1, 2, 3][0]", "int 1"),
                row("[1, 2, 3][2]", "int 3"),
                row("x = [[1, 2], [3]]\nx[0][1]", "int 2"),
                row("i = 1\n[\"a\", \"b\"][i]", "string b"),
                row("[1, 2] == [1, 2]", "bool true"),
                row("[1, 2] == [2, 1]", "bool false"),
                row("[\"k\": 1]", "dict [k: 1]"),
                row("[:]", "dict [:]"),
                row("[\"b\": 1, \"a\": 2]", "dict [a: 2, b: 1]"),          // dictionaries are sorted by key
                row("[3: \"c\", 1: \"a\", 2: \"b\"]", "dict [1: a, 2: b, 3: c]"),
                row("[\"b\": 1, \"a\": 2] == [\"a\": 2, \"b\": 1]", "bool true"),
                row("k = \"x\"\n[k: 1]", "dict [x: 1]"),                     // keys are expressions
                row("[\"a\": 1, \"a\": 2]", "dict [a: 2]"),
                row("[1, 2, 3] |> length()", "int 3"),
                row("length(arr: [])", "int 0"),
                row("contains(value: 2, set: [1, 2, 3])", "bool true"),
                row("contains(value: 5, set: [1, 2, 3])", "bool false"));
    }

    // ------------------------------------------------------------------ functions

    @ParameterizedTest(name = "[{index}] {0}  ==>  {1}")
    @MethodSource
    void functions(String source, String expected) {
        assertEquals(expected, show(source));
    }

    static Stream<Arguments> functions() {
        return Stream.of(
                row("f = (x, y=2) => x + y\nf(x: 1)", "int 3"),                     // default used
                row("f = (x, y=2) => x + y\nf(x: 1, y: 10)", "int 11"),             // default overridden
                row("f = (a=1, b=2) => a + b\nf(b: 10)", "int 11"),
                row("f = (a, b=a) => b\nf(a: 3)", "int 3"),
                row("f = (y, x) => x - y\nf(x: 10, y: 3)", "int 7"),                 // arguments are named
                row("f = (tables=<-, n=1) => tables + n\n5 |> f()", "int 6"),
                row("f = (tables=<-, n=1) => tables + n\n5 |> f(n: 10)", "int 15"),
                row("f = (tables=<-, n=1) => tables + n\nf(tables: 2)", "int 3"),   // pipe parameter by name
                row("f = (t=<-) => t * 2\n3 |> f()", "int 6"),                       // any name can be the pipe
                row("f = (t=<-) => t * 2\ng = (t=<-) => t + 1\n3 |> f() |> g()", "int 7"),
                row("f = (x) => {\n  y = x * 2\n  return y + 1\n}\nf(x: 3)", "int 7"),
                row("f = () => { return 1 }\nf()", "int 1"),
                row("f = () => {\n  x = 1\n  return x\n  y = 2\n}\nf()", "int 1"),  // return ends the block
                row("f = () => ({a: 1})\nf()", "record {a: 1}"),
                row("mk = (n) => (x) => x + n\nadd2 = mk(n: 2)\nadd2(x: 5)", "int 7"), // closure captures n
                row("x = 1\nf = () => x + 1\nf()", "int 2"),
                row("x = 1\nf = () => {\n  x = 2\n  return x\n}\n[f(), x]", "array [2, 1]"), // inner shadows
                row("counter = (start) => {\n  next = (by=1) => start + by\n  return next\n}\n"
                        + "c = counter(start: 10)\n[c(), c(by: 5)]", "array [11, 15]"),
                row("apply = (fn, v) => fn(v: v)\napply(fn: (v) => v * 10, v: 4)", "int 40"),
                row("v = 3\nf = (v) => v\nf(v)", "int 3"),                           // f(v) means f(v: v)
                row("f = (x) => x\nf(x: f)(x: 9)", "int 9"));
    }

    // ------------------------------------------------------------------ precedence and associativity

    @ParameterizedTest(name = "[{index}] {0}  ==>  {1}")
    @MethodSource
    void precedence(String source, String expected) {
        assertEquals(expected, show(source));
    }

    static Stream<Arguments> precedence() {
        return Stream.of(
                row("1 + 2 * 3", "int 7"),
                row("(1 + 2) * 3", "int 9"),
                row("1 - 2 - 3", "int -4"),                  // left-associative
                row("12 / 2 / 3", "int 2"),                  // (12 / 2) / 3
                row("2 * 3 % 4", "int 2"),                   // (2 * 3) % 4
                row("2^3", "int 8"),                         // as documented: 2 ^ 3 is 8, ints stay ints
                row("2^3^2", "int 64"),                      // ^ is left-associative: (2^3)^2
                row("-2^2", "int 4"),                        // unary minus binds tighter than ^
                row("2^63", "int -9223372036854775808"),     // wraps like every int operation
                row("2^-1", "int 0"),
                row("uint(v: 2)^uint(v: 64)", "uint 0"),
                row("-2.0 ^ 2.0", "float 4"),
                row("2.0^3.0^2.0", "float 64"),              // ^ is left-associative: (2^3)^2
                row("2.0^-1.0", "float 0.5"),
                row("--1", "int 1"),
                row("1 - -1", "int 2"),
                row("+1", "int 1"),
                row("1 + 2 == 3", "bool true"),              // comparison is looser than +
                row("1 < 2 == true", "bool true"),           // comparisons chain left to right
                row("not 1 == 2", "bool true"),              // not applies to the whole comparison
                row("not true and false", "bool false"),     // (not true) and false
                row("not (true and false)", "bool true"),
                row("not not true", "bool true"),
                row("true and false or true", "bool true"),  // and binds tighter than or
                row("true or true and false", "bool true"),  // true or (true and false)
                row("false and true or false", "bool false"),
                row("x = {a: 1}\nexists x.a == 1", "bool true"),
                row("exists {a: 1}.a and true", "bool true"),
                row("if 1 > 2 then \"a\" else \"b\"", "string b"),
                row("if true then 1 else if false then 2 else 3", "int 1"),
                row("x = if true then 1 else 2 + 10\nx", "int 1"),  // else takes the rest: 2 + 10
                row("x = if false then 1 else 2 + 10\nx", "int 12"),
                row("2 * [1] |> length()", "int 2"),         // |> binds tighter than *
                row("[1, 2] |> length() + 1", "int 3"));
    }

    // ------------------------------------------------------------------ arithmetic

    @ParameterizedTest(name = "[{index}] {0}  ==>  {1}")
    @MethodSource
    void arithmetic(String source, String expected) {
        assertEquals(expected, show(source));
    }

    static Stream<Arguments> arithmetic() {
        return Stream.of(
                row("9223372036854775807 + 1", "int -9223372036854775808"),   // int wraps
                row("-9223372036854775807 - 2", "int 9223372036854775807"),
                row("9223372036854775807 * 2", "int -2"),
                row("(-9223372036854775807 - 1) / -1", "int -9223372036854775808"),
                row("7 / 2", "int 3"),
                row("-7 / 2", "int -3"),                     // truncates toward zero
                row("7 / -2", "int -3"),
                row("7 % 3", "int 1"),
                row("-7 % 3", "int -1"),                     // the sign follows the dividend
                row("7 % -3", "int 1"),
                row("1.0 / 0.0", "float +Inf"),
                row("-1.0 / 0.0", "float -Inf"),
                row("0.0 / 0.0", "float NaN"),
                row("-7.5 % 2.0", "float -1.5"),
                row("5.0 % 0.0", "float NaN"),
                row("0.1 + 0.2", "float 0.30000000000000004"),
                row("uint(v: 10) / uint(v: 3)", "uint 3"),
                row("uint(v: 10) % uint(v: 3)", "uint 1"),
                row("uint(v: 2) * uint(v: 3)", "uint 6"),
                row("uint(v: 0) - uint(v: 1)", "uint 18446744073709551615"),  // uint wraps
                row("uint(v: \"18446744073709551615\") + uint(v: 1)", "uint 0"),
                row("uint(v: \"18446744073709551615\") / uint(v: 2)", "uint 9223372036854775807"),
                row("-uint(v: 1)", "uint 18446744073709551615"),
                row("\"a\" + \"b\"", "string ab"),
                row("\"\" + \"\"", "string "),
                // Older Flux runtimes add durations; the newest type checker rejects it (date.add instead).
                row("1h + 1h", "duration 2h"),
                row("1h - 30m", "duration 30m"));
    }

    // ------------------------------------------------------------------ comparisons

    @ParameterizedTest(name = "[{index}] {0}  ==>  {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1 < 2                                          | true
            2 <= 2                                         | true
            3 > 2                                          | true
            2 >= 3                                         | false
            1 == 1                                         | true
            1 != 1                                         | false
            1 < 1.5                                        | true
            1 == 1.0                                       | true
            2.5 > 2                                        | true
            uint(v: 5) > -1                                | true
            uint(v: 5) == 5                                | true
            -1 < uint(v: 0)                                | true
            0.0 / 0.0 == 0.0 / 0.0                         | false
            0.0 / 0.0 < 1.0                                | false
            "a" < "b"                                      | true
            "a" < "ab"                                     | true
            "B" < "a"                                      | true
            "z" < "é"                                      | true
            "abc" == "abc"                                 | true
            1h < 2h                                        | true
            1mo > 29d                                      | true
            60m == 1h                                      | true
            2021-01-01T00:00:00Z < 2021-01-02T00:00:00Z    | true
            2021-01-01T01:00:00+01:00 == 2021-01-01T00:00:00Z | true
            true == true                                   | true
            true != false                                  | true
            """)
    void comparisons(String source, String expected) {
        assertEquals("bool " + expected, show(source));
    }

    // ------------------------------------------------------------------ nulls

    @ParameterizedTest(name = "[{index}] {0}  ==>  {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {a: 1}.b + 1                 | null <null>
            1 - {a: 1}.b                 | null <null>
            {a: 1}.b * 2.0               | null <null>
            {a: 1}.b / 0                 | null <null>
            {a: 1}.b == 1                | null <null>
            {a: 1}.b == {a: 1}.b         | null <null>
            {a: 1}.b < 1                 | null <null>
            -({a: 1}.b)                  | null <null>
            exists {a: 1}.b              | bool false
            exists {a: 1}.a              | bool true
            not exists {a: 1}.b          | bool true
            not {a: 1}.b                 | null <null>
            {a: 1}.b or true             | bool true
            {a: 1}.b or false            | null <null>
            {a: 1}.b or {a: 1}.b         | null <null>
            true or {a: 1}.b             | bool true
            false or {a: 1}.b            | null <null>
            {a: 1}.b and false           | bool false
            {a: 1}.b and true            | null <null>
            {a: 1}.b and {a: 1}.b        | null <null>
            false and {a: 1}.b           | bool false
            true and {a: 1}.b            | null <null>
            if {a: 1}.b then 1 else 2    | int 2
            "a" =~ {a: 1}.b              | null <null>
            int(v: {a: 1}.b)             | null <null>
            string(v: {a: 1}.b)          | null <null>
            [1, {a: 1}.b]                | array [1, <null>]
            """)
    void nulls(String source, String expected) {
        assertEquals(expected, show(source));
    }

    @Test
    void andOrShortCircuit() {
        // The right side would fail if it were evaluated.
        assertEquals(BoolValue.FALSE, eval("false and (1 / 0 == 1)"));
        assertEquals(BoolValue.TRUE, eval("true or (1 / 0 == 1)"));
        assertEquals(BoolValue.FALSE, eval("false and die(msg: \"evaluated\")"));
    }

    // ------------------------------------------------------------------ regular expressions and lexing

    @ParameterizedTest(name = "[{index}] {0}  ==>  {1}")
    @MethodSource
    void lexing(String source, String expected) {
        assertEquals(expected, show(source));
    }

    static Stream<Arguments> lexing() {
        return Stream.of(
                row("\"abc\" =~ /b/", "bool true"),                 // unanchored search
                row("\"abc\" !~ /b/", "bool false"),
                row("\"abc\" =~ /^b/", "bool false"),
                row("\"abc\" =~ /(?i)^A/", "bool true"),
                row("\"a.c\" =~ /a\\.c/", "bool true"),             // other escapes pass to the engine
                row("\"abc\" =~ /a\\.c/", "bool false"),
                row("\"a/b\" =~ /a\\/b/", "bool true"),             // \/ is a slash inside a regex
                row("x = \"a/b\"\nx =~ /a\\/b/", "bool true"),
                row("r = /a+/\n\"caat\" =~ r", "bool true"),
                row("[/a/, /b/]", "array [a, b]"),
                row("a = 8\nb = 2\nc = 2\na / b / c", "int 2"),     // after an operand / is division
                row("a = 8\na/2/2", "int 2"),
                row("(8) / 2 / 2", "int 2"),
                row("[8][0] / 2 / 2", "int 2"),
                row("f = (a) => a\nf(a: /x\\//)", "regexp x/"),     // after ':' / starts a regex
                row("a = 3\na-1", "int 2"),                          // a - 1, not a then -1
                row("a = 3\na -1", "int 2"),
                row("a = 3\na - -1", "int 4"),
                row("-1", "int -1"),
                row("h = 2\nh", "int 2"),                            // h is an identifier
                row("1h", "duration 1h"),                            // 1h is a duration
                row("h = 2\n1h", "duration 1h"),
                row("m = 3\ns = 4\nm * s", "int 12"),
                row("mo = 5\nmo", "int 5"),
                row("andy = 1\nandy", "int 1"),                      // a keyword prefix is an identifier
                row("_x = 1\n_x", "int 1"),
                row("αβ = 1\nαβ", "int 1"),
                row("with = 1\nwith", "int 1"),                      // contextual words are identifiers
                row("1y2", "int 2"),                                 // duration 1y then int 2
                row("x = 1 y = 2 x + y", "int 3"),                   // newlines are not significant
                row("f = (r) => r.a\nf(r: {a: 1})", "int 1"));
    }

    @ParameterizedTest(name = "[{index}] comments: {0}")
    @MethodSource
    void comments(String source, String expected) {
        assertEquals(expected, show(source));
    }

    static Stream<Arguments> comments() {
        return Stream.of(
                row("// leading\n1 // end of line\n// at the end", "int 1"),
                row("1 // no newline at the end", "int 1"),
                row("f = (a, // after a parameter\n  b) => a + b // after the body\n"
                        + "// between statements\nf(a: 1, // between arguments\n  b: 2) // after a call", "int 3"),
                row("f = (x) => {\n  // first in a block\n  y = x + 1 // after a statement\n"
                        + "  // before return\n  return y // after return\n  // last in a block\n}\nf(x: 1)",
                        "int 2"),
                row("[1, // a\n 2 // b\n , 3]", "array [1, 2, 3]"),
                row("{ // c\n  a: 1, // d\n  b: 2 // e\n}", "record {a: 1, b: 2}"),
                row("1 + // in an expression\n2", "int 3"),
                row("\"// not a comment\"", "string // not a comment"),
                row("x = 2 // a = 3\nx", "int 2"));
    }

    // A comment may stand right before a closing parenthesis.
    @Test
    void commentBeforeClosingParenthesis() {
        assertEquals(IntValue.of(1), eval("f = (a) => a\nf(a: 1 // before the closing paren\n)"));
    }

    // ------------------------------------------------------------------ times and durations

    // Time ± duration as older Flux runtimes define it (the newest type checker wants date.add/date.sub, which
    // follow the same rules): months first, clamped to the end of the month, then the nanoseconds.

    @ParameterizedTest(name = "[{index}] {0}  ==>  {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2021-01-01T00:00:00Z + 1h                 | 2021-01-01T01:00:00.000000000Z
            2021-01-01T00:00:00Z - 1h                 | 2020-12-31T23:00:00.000000000Z
            1h + 2021-01-01T00:00:00Z                 | 2021-01-01T01:00:00.000000000Z
            2021-01-01T00:00:00Z + 1d                 | 2021-01-02T00:00:00.000000000Z
            2021-01-01T00:00:00Z + 1w                 | 2021-01-08T00:00:00.000000000Z
            2021-01-01T00:00:00Z + -5m                | 2020-12-31T23:55:00.000000000Z
            2021-01-15T00:00:00Z + 1mo                | 2021-02-15T00:00:00.000000000Z
            2021-01-31T00:00:00Z + 1mo                | 2021-02-28T00:00:00.000000000Z
            2020-01-31T00:00:00Z + 1mo                | 2020-02-29T00:00:00.000000000Z
            2021-03-31T00:00:00Z - 1mo                | 2021-02-28T00:00:00.000000000Z
            2021-05-31T10:00:00Z + 1mo                | 2021-06-30T10:00:00.000000000Z
            2020-02-29T00:00:00Z + 1y                 | 2021-02-28T00:00:00.000000000Z
            2021-01-31T00:00:00Z + 13mo               | 2022-02-28T00:00:00.000000000Z
            2018-01-31T00:00:00Z + 1mo1d              | 2018-03-01T00:00:00.000000000Z
            2021-01-01T00:00:00.5Z + 500ms            | 2021-01-01T00:00:01.000000000Z
            2021-12-31T23:59:59.999999999Z + 1ns      | 2022-01-01T00:00:00.000000000Z
            """)
    void timeArithmetic(String source, String expected) {
        assertEquals("time " + expected, show(source));
    }

    // ------------------------------------------------------------------ now and options

    @Test
    void nowIsTheRunOptionsNow() {
        assertEquals("time 2024-05-06T07:08:09.000000000Z", show("now()"));
        assertEquals(BoolValue.TRUE, eval("now() == now()"));
    }

    @Test
    void scriptOptionNowWinsOverRunOptions() {
        assertEquals("time 2030-01-01T00:00:00.000000000Z",
                show("option now = () => 2030-01-01T00:00:00Z\nnow()"));
        // The last option statement is the one in force.
        assertEquals("time 2031-01-01T00:00:00.000000000Z",
                show("option now = () => 2030-01-01T00:00:00Z\noption now = () => 2031-01-01T00:00:00Z\nnow()"));
        // A function defined before the option statement still sees it when called after it.
        assertEquals("time 2030-01-01T00:00:00.000000000Z",
                show("f = () => now()\noption now = () => 2030-01-01T00:00:00Z\nf()"));
    }

    @Test
    void withNowSetsNowAndNotTheClock() {
        Value v = Engine.create().compile("t", "import \"system\"\n[now(), system.time()]")
                .run(RunOptions.defaults().withNow(NOW).withClock(() -> 5_000_000_000L)).last();
        assertEquals("[2024-05-06T07:08:09.000000000Z, 1970-01-01T00:00:05.000000000Z]", Values.display(v));
    }

    @Test
    void withoutWithNowNowIsTheClockAtTheStartOfTheRun() {
        Value v = Engine.create().compile("t", "now()")
                .run(RunOptions.defaults().withClock(() -> 7_000_000_000L)).last();
        assertEquals(new TimeValue(7_000_000_000L), v);
    }

    @Test
    void scriptOptions() {
        assertEquals(IntValue.of(2), eval("option x = 1\noption x = 2\nx"));
        assertEquals(IntValue.of(1), eval("now = 1\nnow"));   // a variable may shadow a universe option
    }

    // ------------------------------------------------------------------ conversions

    @ParameterizedTest(name = "[{index}] {0}  ==>  {1}")
    @MethodSource
    void conversions(String source, String expected) {
        assertEquals(expected, show(source));
    }

    static Stream<Arguments> conversions() {
        return Stream.of(
                // string(v:)
                row("string(v: 1.0)", "string 1"),
                row("string(v: 1.5)", "string 1.5"),
                row("string(v: 100.0)", "string 100"),
                row("string(v: -0.0)", "string -0"),
                row("string(v: 0.1 + 0.2)", "string 0.30000000000000004"),
                row("string(v: float(v: \"1e21\"))", "string 1000000000000000000000"),  // never an exponent
                row("string(v: float(v: \"1e-7\"))", "string 0.0000001"),
                row("string(v: 1.0 / 0.0)", "string +Inf"),
                row("string(v: -1.0 / 0.0)", "string -Inf"),
                row("string(v: 0.0 / 0.0)", "string NaN"),
                row("string(v: 42)", "string 42"),
                row("string(v: -42)", "string -42"),
                row("string(v: uint(v: 42))", "string 42"),
                row("string(v: true)", "string true"),
                row("string(v: \"s\")", "string s"),
                row("string(v: 2021-01-01T00:00:00Z)", "string 2021-01-01T00:00:00.000000000Z"),
                row("string(v: 2021-01-01T00:00:00.5Z)", "string 2021-01-01T00:00:00.500000000Z"),
                row("string(v: 90m)", "string 1h30m"),
                row("string(v: 8d)", "string 1w1d"),
                row("string(v: 14mo)", "string 1y2mo"),
                row("string(v: -5m)", "string -5m"),
                row("string(v: bytes(v: \"hé\"))", "string hé"),
                // display(v:) differs from string(v:) for floats, bytes, regexps
                row("display(v: float(v: \"1e21\"))", "string 1e+21"),
                row("display(v: float(v: \"0.00001\"))", "string 1e-05"),
                row("display(v: bytes(v: \"hi\"))", "string 0x6869"),
                row("display(v: /a.b/)", "string a.b"),
                row("display(v: {a: 1}.b)", "string <null>"),
                // int(v:)
                row("int(v: \"12\")", "int 12"),
                row("int(v: \"+5\")", "int 5"),
                row("int(v: \"-5\")", "int -5"),
                row("int(v: 1.9)", "int 1"),                    // truncates toward zero
                row("int(v: -1.9)", "int -1"),
                row("int(v: true)", "int 1"),
                row("int(v: false)", "int 0"),
                row("int(v: uint(v: \"18446744073709551615\"))", "int -1"),
                row("int(v: 2021-01-01T00:00:00Z)", "int 1609459200000000000"),
                row("int(v: 1m)", "int 60000000000"),
                row("int(v: -1h)", "int -3600000000000"),
                row("int(v: 1mo)", "int 2629800000000000"),    // a month is 365.25 days / 12
                // uint(v:)
                row("uint(v: -100)", "uint 18446744073709551516"),
                row("uint(v: \"18446744073709551615\")", "uint 18446744073709551615"),
                row("uint(v: 1.9)", "uint 1"),
                row("uint(v: true)", "uint 1"),
                row("uint(v: 1s)", "uint 1000000000"),
                // float(v:)
                row("float(v: 3)", "float 3"),
                row("float(v: -3)", "float -3"),
                row("float(v: uint(v: 3))", "float 3"),
                row("float(v: \"1.5\")", "float 1.5"),
                row("float(v: \"1.23e+20\")", "float 123000000000000000000"),
                row("float(v: \"Inf\")", "float +Inf"),
                row("float(v: \"-inf\")", "float -Inf"),
                row("float(v: \"NaN\")", "float NaN"),
                row("float(v: true)", "float 1"),
                row("float(v: 3) + 1.0", "float 4"),           // how to mix an int into float arithmetic
                // bool(v:)
                row("bool(v: \"true\")", "bool true"),
                row("bool(v: \"false\")", "bool false"),
                row("bool(v: 1)", "bool true"),
                row("bool(v: 0)", "bool false"),
                row("bool(v: 1.0)", "bool true"),
                row("bool(v: uint(v: 0))", "bool false"),
                // time(v:)
                row("time(v: \"2021-01-01T00:00:00Z\")", "time 2021-01-01T00:00:00.000000000Z"),
                row("time(v: \"2021-01-01\")", "time 2021-01-01T00:00:00.000000000Z"),
                row("time(v: \"2016-06-13T17:43:50.1004002Z\")", "time 2016-06-13T17:43:50.100400200Z"),
                row("time(v: 0)", "time 1970-01-01T00:00:00.000000000Z"),
                row("time(v: 1000000000)", "time 1970-01-01T00:00:01.000000000Z"),
                row("time(v: uint(v: 1))", "time 1970-01-01T00:00:00.000000001Z"),
                // duration(v:)
                row("duration(v: \"1h20m\")", "duration 1h20m"),
                row("duration(v: \"-5m\")", "duration -5m"),
                row("duration(v: \"1mo\")", "duration 1mo"),
                row("duration(v: 4800000000000)", "duration 1h20m"),
                row("duration(v: -1000)", "duration -1us"),
                row("duration(v: uint(v: 1000))", "duration 1us"),
                // round trips
                row("int(v: string(v: 123))", "int 123"),
                row("duration(v: string(v: 1y2mo3d))", "duration 1y2mo3d"),
                row("time(v: string(v: 2021-01-01T01:02:03.4Z))", "time 2021-01-01T01:02:03.400000000Z"));
    }

    @Test
    void everyRunIsIndependentOfThePrevious() {
        FluxException e = assertThrows(FluxException.class, () -> eval("x = 1\nx = 2"));
        assertTrue(e.getMessage().contains("already defined"));
        assertEquals(IntValue.of(2), eval("x = 2\nx"));
    }
}
