package io.jflux.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.jflux.diag.Diagnostic;
import io.jflux.diag.FluxException;
import io.jflux.syntax.Expression.*;
import io.jflux.syntax.Statement.*;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The printer's contract: parse, print, parse again gives a tree of the same shape, and printing is idempotent.
 * Checked on every Flux file of the repository, statement by statement on the syntax test files, on a list of
 * file-level snippets, and on random trees built without parentheses (the printer must add the ones needed).
 */
class RoundTripTest {

    private static final Path BASE = Path.of(System.getProperty("user.dir"));
    private static final List<String> ROOTS = List.of("stdlib", "examples", "src/test/resources");
    private static final Path SYNTAX = BASE.resolve("src/test/resources/syntax");

    // ------------------------------------------------------------------ the property

    /** Checks the round trip of {@code source}, which must parse. */
    static void assertRoundTrip(String name, String source) {
        SourceFile first = parse(name, source, "the input");
        assertRoundTrip(name, first);
    }

    static void assertRoundTrip(String name, SourceFile first) {
        String printed = Printer.print(first);
        SourceFile second = parse(name, printed, "the printed form:\n" + printed);
        assertSameShape(first, second, printed);
        String again = Printer.print(second);
        assertEquals(printed, again, "printing is not idempotent");
    }

    private static SourceFile parse(String name, String source, String what) {
        try {
            return Parser.parse(name, source);
        } catch (FluxException e) {
            fail(what + " does not parse: " + e.diagnostics().stream().map(Diagnostic::headline)
                    .collect(Collectors.joining("; ")));
            return null;
        }
    }

    static void assertSameShape(Object expected, Object actual, String printed) {
        if (!Trees.sameShape(expected, actual)) {
            fail("the tree changed through printing\nprinted:\n" + printed + "\n" + firstDifference(
                    Trees.describe(expected), Trees.describe(actual)));
        }
    }

    /** Where two dumps first differ, with some context. */
    private static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 200);
        return "before: ..." + a.substring(from, Math.min(a.length(), i + 200)) + "\nafter:  ..."
                + b.substring(from, Math.min(b.length(), i + 200));
    }

    // ------------------------------------------------------------------ the repository's Flux files

    private static List<Path> fluxFiles() {
        List<Path> files = new ArrayList<>();
        for (String root : ROOTS) {
            Path dir = BASE.resolve(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".flux"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFluxFileOfTheRepository() {
        List<Path> files = fluxFiles();
        assertTrue(files.contains(SYNTAX.resolve("constructs.flux")), "no Flux files found under " + BASE);
        return files.stream().map(p -> dynamicTest(BASE.relativize(p).toString(), () -> {
            String source = read(p);
            SourceFile first;
            try {
                first = Parser.parse(p.toString(), source);
            } catch (FluxException e) {
                // Files that are meant not to parse (error tests) are not the printer's business.
                throw new TestAbortedException("does not parse: " + e.headline());
            }
            assertRoundTrip(p.toString(), first);
        }));
    }

    @Test
    void syntaxTestFilesParse() {
        for (String file : List.of("constructs.flux", "realistic.flux")) {
            Parser.Result r = Parser.parseWithComments(file, read(SYNTAX.resolve(file)));
            assertTrue(r.file().body().size() > 10, file);
        }
    }

    /** Each statement of the syntax test files on its own, so that a failure names the construct. */
    @TestFactory
    Stream<DynamicTest> eachStatementOfTheSyntaxTestFiles() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : List.of("constructs.flux", "realistic.flux")) {
            String source = read(SYNTAX.resolve(file));
            SourceFile f = Parser.parse(file, source);
            String[] lines = source.split("\n", -1);
            for (Statement s : f.body()) {
                String firstLine = lines[s.span().startLine() - 1].strip();
                String name = file + ":" + s.span().startLine() + " " + firstLine;
                tests.add(dynamicTest(name, () -> {
                    SourceFile alone = new SourceFile(f.span(), f.name(), null, f.imports(), List.of(s), List.of());
                    String printed = Printer.print(alone);
                    SourceFile back = parse(name, printed, "the printed form:\n" + printed);
                    assertEquals(1, back.body().size(), "printed as more than one statement:\n" + printed);
                    assertSameShape(TreeRewriter.withoutBlankLineBefore(s), back.body().get(0), printed);
                    assertEquals(printed, Printer.print(back), "printing is not idempotent");
                }));
            }
        }
        return tests.stream();
    }

    // ------------------------------------------------------------------ file-level snippets

    static Stream<String> fileSnippets() {
        return Stream.of(
                "",
                "// only a comment",
                "package foo",
                "package foo\n// trailing",
                "@edition(\"2022.1\")\npackage foo",
                "// doc\n@edition(\"2022.1\")\n@other(1, 2)\npackage foo\nimport \"a\"\n\nimport b \"b\"\nx = 1",
                "import \"a\"",
                "import \"a\" import \"b\"",
                "import \"a\"\n// about b\nimport b \"b\"\n\n\n// about c\n\nimport \"c\"",
                "package p import \"a\" x = 1 // end",
                "x = 1\n\n\n\ny = 2",
                "a = 1\n// one\n\n// two\nb = 2",
                "f = () => {\n\n  // first\n\n  x = 1\n\n\n  return x\n  // last\n\n}",
                "testcase t extends \"x\" {\n\n option now = () => 2020-01-01T00:00:00Z\n\n  x = 1\n}",
                "@a\nx = 1\n@b()\n@c(\"s\", 1, 2.0, 1h, 2020-01-01, /re/, [1], {a: 1})\ny = 2",
                "f(\n// c1\na: 1, // c2\nb: 2\n// lost\n)",
                "x = \"${f(\n// inside\na: 1)}\"",
                "r = {r with\n// c\na: 1}",
                "f = (\n// p\nx) => x",
                "x = \"tab\there\" y = \"cr\r\" z = \"\u0001\u007f\"",
                "x = \"line one\nline two\n\"",
                "x = a\n    |> f()\n\n\ny = b |> g() |> h()");
    }

    @TestFactory
    Stream<DynamicTest> fileLevelSnippets() {
        return fileSnippets().map(s -> dynamicTest(s.isEmpty() ? "(empty file)" : s.replace("\n", "\\n"), () -> assertRoundTrip("snippet", s)));
    }

    /** Deep nesting and long chains: each node is laid out a bounded number of times, not once per choice. */
    @Test
    void deepTreesPrintQuickly() {
        StringBuilder chain = new StringBuilder("x = ");
        for (int i = 0; i < 60; i++) {
            chain.append("if a").append(i).append(" then ").append(i).append(" else ");
        }
        chain.append("0\n");
        String records = "y = " + "{a: ".repeat(150) + "1" + "}".repeat(150);
        String calls = "z = " + "f(a: ".repeat(100) + "1" + ")".repeat(100);
        String functions = "w = " + "(x) => ".repeat(100) + "x";
        String types = "builtin t : " + "(aaaaaaaaaa: int, bbbbbbbbbbbbbb: string) => ".repeat(40) + "int";
        String pipes = "v = a" + " |> f(x: (t) => t |> g())".repeat(100);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String source : List.of(chain.toString(), records, calls, functions, types, pipes)) {
                assertRoundTrip("deep", source);
            }
        });
    }

    @Test
    void printTestCasesRoundTrip() {
        PrinterTest.cases().forEach(a -> {
            Object[] args = a.get();
            assertRoundTrip((String) args[0], (String) args[1]);
        });
    }

    // ------------------------------------------------------------------ random trees without parentheses

    /**
     * Random expressions built without parentheses print to source that parses back to the same tree once the
     * parentheses the printer added are taken away, and the printed form is stable.
     */
    @Test
    void randomTreesGetTheParenthesesTheyNeed() {
        Random random = new Random(20240301L);
        for (int i = 0; i < 4000; i++) {
            Expression e = new RandomTrees(random).expression(2 + random.nextInt(4));
            String printed = Printer.print(e);
            SourceFile back;
            try {
                back = Parser.parse("random", printed);
            } catch (FluxException ex) {
                fail("printed form does not parse: " + ex.headline() + "\n" + printed + "\n" + Trees.describe(e));
                return;
            }
            assertEquals(1, back.body().size(), () -> "printed as several statements:\n" + printed);
            Expression read = ((ExpressionStatement) back.body().get(0)).expression();
            assertSameShape(e, TreeRewriter.stripParens(read), printed);
            assertEquals(printed, Printer.print(read), "printing is not idempotent");
        }
    }

    /** Builds random expression trees of the shapes the parser produces, but without parentheses. */
    private static final class RandomTrees {
        private static final Span S = Span.NONE;
        private static final Operator[] BINARY = {Operator.EQ, Operator.NEQ, Operator.LT, Operator.LTE, Operator.GT,
            Operator.GTE, Operator.REGEX_MATCH, Operator.REGEX_NOT_MATCH, Operator.ADD, Operator.SUB, Operator.MUL,
            Operator.DIV, Operator.MOD, Operator.POW};
        private static final Operator[] UNARY = {Operator.NOT, Operator.EXISTS, Operator.NEGATE, Operator.PLUS};
        private final Random random;

        RandomTrees(Random random) {
            this.random = random;
        }

        /** Now and then a comment before a property, parameter, argument, array element or dictionary entry. */
        private List<String> comments() {
            return random.nextInt(12) == 0 ? List.of(" note " + random.nextInt(3)) : List.of();
        }

        private Identifier id() {
            // Names of varied length, so that lines end up on both sides of the width limit.
            int n = random.nextInt(3);
            return new Identifier(S, random.nextInt(4) == 0 ? "v" + n + "_".repeat(random.nextInt(40)) : "v" + n);
        }

        Expression expression(int depth) {
            if (depth <= 0) {
                return leaf();
            }
            int d = depth - 1;
            switch (random.nextInt(16)) {
                case 0: case 1: case 2:
                    return new BinaryExpression(S, BINARY[random.nextInt(BINARY.length)], expression(d), expression(d));
                case 3:
                    return new LogicalExpression(S, random.nextBoolean() ? Operator.AND : Operator.OR, expression(d),
                            expression(d));
                case 4:
                    return new UnaryExpression(S, UNARY[random.nextInt(UNARY.length)], expression(d));
                case 5:
                    return new ConditionalExpression(S, expression(d), expression(d), expression(d));
                case 6:
                    return new PipeExpression(S, expression(d), call(d));
                case 7:
                    return call(d);
                case 8:
                    return new MemberExpression(S, expression(d),
                            random.nextBoolean() ? id() : new StringLiteral(S, "k " + random.nextInt(3)));
                case 9: {
                    Expression index = expression(d);
                    if (index instanceof StringLiteral) {
                        index = new IntegerLiteral(S, 0); // a["k"] is a member expression
                    }
                    return new IndexExpression(S, expression(d), index);
                }
                case 10: {
                    List<Property> params = List.of(new Property(S, comments(), new Identifier(S, "r"), null));
                    Node body = random.nextInt(4) == 0
                            ? new Block(S, List.of(new ReturnStatement(S, Leading.NONE, expression(d))), List.of())
                            : expression(d);
                    return new FunctionExpression(S, params, body);
                }
                case 11:
                    return new RecordExpression(S, random.nextBoolean() ? id() : null,
                            List.of(new Property(S, comments(), new Identifier(S, "a"), expression(d)),
                                    new Property(S, comments(), new Identifier(S, "b"), null)));
                case 12:
                    return new ArrayExpression(S, List.of(expression(d), expression(d)), List.of(comments(), comments()));
                case 13:
                    return new DictExpression(S, List.of(new DictItem(S, comments(), expression(d), expression(d))));
                case 14:
                    return new StringExpression(S, List.of(new TextPart("t$"), new InterpolatedPart(expression(d)),
                            new TextPart("}")));
                default:
                    return leaf();
            }
        }

        private CallExpression call(int depth) {
            Expression callee = random.nextInt(3) == 0 ? expression(depth) : id();
            List<Property> args = random.nextBoolean() ? List.of()
                    : List.of(new Property(S, comments(), new Identifier(S, "x"), expression(depth)));
            return new CallExpression(S, callee, args);
        }

        private Expression leaf() {
            switch (random.nextInt(10)) {
                case 0: return new IntegerLiteral(S, random.nextInt(100));
                case 1: return new FloatLiteral(S, random.nextInt(1000) / 8.0);
                case 2: return new StringLiteral(S, "s\"$" + "s".repeat(random.nextInt(30)));
                case 3: return new DurationLiteral(S, List.of(new DurationPart(1 + random.nextInt(5), "h")));
                case 4: return new RegexLiteral(S, "a/b" + random.nextInt(3));
                case 5: return new LabelLiteral(S, "l");
                case 6: return new DateTimeLiteral(S, "2020-01-01", 1577836800000000000L);
                default: return id();
            }
        }
    }
}
