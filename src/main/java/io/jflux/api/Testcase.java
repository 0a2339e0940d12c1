package io.jflux.api;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.stdlib.testing.DiffText;
import io.jflux.stdlib.testing.TestingPackage;
import io.jflux.syntax.Expression;
import io.jflux.syntax.Parser;
import io.jflux.syntax.SourceFile;
import io.jflux.syntax.SourceFile.ImportDeclaration;
import io.jflux.syntax.Statement;
import io.jflux.syntax.Statement.TestcaseStatement;
import io.jflux.table.FluxTable;
import io.jflux.table.TableStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code testcase} block of a script, run on its own as Flux runs test cases: the script's imports and
 * top-level statements (all but its test cases) and then the block's statements, flattened into one main
 * package, in a new execution, so nothing one test case does is seen by another.
 *
 * <p>A test case fails when a statement fails, when reading a stream it produces fails (every stream that is the
 * value of an expression statement is read, as {@code jflux run} reads the results), or when a result named
 * {@code errorOutput} has a row: what {@code testing.diff}, {@code testing.assertEqualValues} and {@code
 * testing.shouldError} yield when they find a difference.
 *
 * <p>{@code testcase child extends "FILE.parent" { ... super() ... }} runs, after this script's top-level
 * statements, the imports and top-level statements of the test file FILE and then the child's statements, with
 * the statements of FILE's test case {@code parent} in place of {@code super()}. FILE is a path relative to the
 * directory of this script, written with or without {@code .flux} or {@code _test.flux}; as in Flux's own test
 * suite it may also start with a module name, which stands for a directory that contains this script (so
 * {@code "flux/testing/testing_test.test_option"} finds {@code testing/testing_test.flux} in the nearest such
 * directory).
 */
public final class Testcase {

    private final Script script;
    private final TestcaseStatement statement;
    private final Path directory;

    Testcase(Script script, TestcaseStatement statement, Path directory) {
        this.script = script;
        this.statement = statement;
        this.directory = Objects.requireNonNull(directory);
    }

    public String name() {
        return statement.name().name();
    }

    /** The name of the script the test case stands in. */
    public String file() {
        return script.name();
    }

    /** What the test case extends ({@code "FILE.parent"}), or null. */
    public String extendsPath() {
        return statement.extendsPath() == null ? null : statement.extendsPath().value();
    }

    public TestcaseStatement syntax() {
        return statement;
    }

    /** Runs the test case. Never throws for a failure of the test, which the result describes. */
    public TestResult run(RunOptions options) {
        SourceFile program;
        try {
            program = assemble();
        } catch (FluxException e) {
            return TestResult.fail(file(), name(), e.headline());
        }
        try (Execution run = script.execute(program, options)) {
            for (Execution.Result r : run.results()) {
                String failure = read(run, r);
                if (failure != null) {
                    return TestResult.fail(file(), name(), failure);
                }
            }
        } catch (FluxException e) {
            return TestResult.fail(file(), name(), e.headline());
        } catch (RuntimeException | StackOverflowError e) {
            return TestResult.fail(file(), name(), "internal error: " + e + " (this is a bug in jflux)");
        }
        return TestResult.pass(file(), name());
    }

    /** Reads every table of a result; returns why the test fails, or null. */
    private static String read(Execution run, Execution.Result r) {
        boolean errors = r.name().equals(TestingPackage.ERROR_OUTPUT);
        String failure = null;
        try (TableStream tables = run.tables(r)) {
            FluxTable t;
            while ((t = tables.next()) != null) {
                try (FluxTable table = t) {
                    if (errors && failure == null && !table.isEmpty()) {
                        String text = DiffText.render(table);
                        failure = DiffText.isDiff(table) ? text : "result " + r.name() + " is not empty: " + text;
                    }
                }
            }
        }
        return failure;
    }

    // ------------------------------------------------------------------ assembling the program

    /** The main package the test case runs: the statements of this file, of the parent, and of the block. */
    SourceFile assemble() {
        SourceFile file = script.syntax();
        List<ImportDeclaration> imports = new ArrayList<>(file.imports());
        List<Statement> body = preamble(file);
        List<Statement> own = statement.block().body();
        int superAt = superCall(own);
        if (statement.extendsPath() == null) {
            if (superAt >= 0) {
                throw new FluxException(ErrorCode.INVALID, "super() is only allowed in a testcase that extends"
                        + " another", own.get(superAt).span());
            }
            body.addAll(own);
        } else {
            Parent parent = parent();
            Set<String> seen = new LinkedHashSet<>();
            for (ImportDeclaration imp : imports) {
                seen.add(importKey(imp));
            }
            for (ImportDeclaration imp : parent.file().imports()) {
                if (seen.add(importKey(imp))) {
                    imports.add(imp);
                }
            }
            body.addAll(preamble(parent.file()));
            if (superAt < 0) {
                throw new FluxException(ErrorCode.INVALID, "testcase " + name() + " extends \"" + extendsPath()
                        + "\" but does not call super()", statement.name().span());
            }
            body.addAll(own.subList(0, superAt));
            body.addAll(parent.testcase().block().body());
            body.addAll(own.subList(superAt + 1, own.size()));
        }
        return new SourceFile(file.span(), file.name(), file.packageClause(), imports, body, List.of());
    }

    private static List<Statement> preamble(SourceFile file) {
        List<Statement> out = new ArrayList<>();
        for (Statement s : file.body()) {
            if (!(s instanceof TestcaseStatement)) {
                out.add(s);
            }
        }
        return out;
    }

    private static String importKey(ImportDeclaration imp) {
        return (imp.alias() == null ? "" : imp.alias().name()) + "\u0000" + imp.path().value();
    }

    /** The index of the first statement {@code super()}, or -1. */
    private static int superCall(List<Statement> body) {
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i) instanceof Statement.ExpressionStatement e
                    && e.expression() instanceof Expression.CallExpression c
                    && c.callee() instanceof Expression.Identifier id && id.name().equals("super")
                    && c.arguments().isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ the parent of an extension

    private record Parent(SourceFile file, TestcaseStatement testcase) {}

    private Parent parent() {
        String ref = extendsPath();
        int dot = ref.lastIndexOf('.');
        int slash = ref.lastIndexOf('/');
        if (dot <= slash + 1 || dot == ref.length() - 1) {
            throw notFound("expected \"FILE.TESTCASE\", such as \"basics_test.addition\"");
        }
        String path = ref.substring(0, dot);
        String parentName = ref.substring(dot + 1);
        Path found = locate(path);
        String source;
        try {
            source = Files.readString(found, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw notFound("cannot read " + found + ": " + e.getMessage());
        }
        SourceFile parsed;
        try {
            parsed = Parser.parse(found.toString(), source);
        } catch (FluxException e) {
            throw notFound(found + " does not parse: " + e.headline());
        }
        for (Statement s : parsed.body()) {
            if (s instanceof TestcaseStatement t && t.name().name().equals(parentName)) {
                if (t.extendsPath() != null) {
                    throw notFound("testcase " + parentName + " of " + found + " extends another testcase itself");
                }
                return new Parent(parsed, t);
            }
        }
        throw notFound(found + " has no testcase " + parentName);
    }

    /** The file {@code path} names: next to this script, or under a directory that contains it (module form). */
    private Path locate(String path) {
        Path found = candidate(directory, path);
        if (found != null) {
            return found;
        }
        int slash = path.indexOf('/');
        if (slash > 0) {
            String inModule = path.substring(slash + 1);
            for (Path dir = directory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                found = candidate(dir, inModule);
                if (found != null) {
                    return found;
                }
            }
        }
        String where = directory.toString().isEmpty() ? "." : directory.toString();
        throw notFound("no file " + path + ", " + path + ".flux or " + path + "_test.flux in " + where
                + (slash > 0 ? ", nor " + path.substring(slash + 1) + " under a directory that contains it" : ""));
    }

    private static Path candidate(Path dir, String path) {
        for (String name : new String[] {path + ".flux", path + "_test.flux", path}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private FluxException notFound(String why) {
        return new FluxException(ErrorCode.NOT_FOUND, "cannot extend \"" + extendsPath() + "\": " + why,
                statement.extendsPath().span());
    }
}
