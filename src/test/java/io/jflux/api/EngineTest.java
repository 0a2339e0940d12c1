package io.jflux.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jflux.diag.Diagnostic;
import io.jflux.diag.DiagnosticPrinter;
import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.ArrayValue;
import io.jflux.eval.FunctionValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.StringValue;
import io.jflux.eval.TimeValue;
import io.jflux.eval.Value;
import io.jflux.eval.Values;
import io.jflux.stdlib.JavaPackage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The embedding API, used the way a program that runs Flux would use it. */
class EngineTest {

    static final Instant T1 = Instant.parse("2021-01-01T00:00:00Z");
    static final Instant T2 = Instant.parse("2022-06-15T12:30:00.123456789Z");

    static String display(Execution run) {
        return Values.display(run.last());
    }

    // ------------------------------------------------------------------ compile once, run many times

    @Test
    void compileOnceRunTwiceWithDifferentNow() {
        Script script = Engine.create().compile("now.flux", "now()");
        assertEquals("2021-01-01T00:00:00.000000000Z", display(script.run(RunOptions.defaults().withNow(T1))));
        assertEquals("2022-06-15T12:30:00.123456789Z", display(script.run(RunOptions.defaults().withNow(T2))));
        // The first now is not remembered by the script.
        assertEquals("2021-01-01T00:00:00.000000000Z", display(script.run(RunOptions.defaults().withNow(T1))));
    }

    @Test
    void runsDoNotShareVariablesOrOptions() {
        Script script = Engine.create().compile("s.flux", "x = 1\noption now = () => 2030-01-01T00:00:00Z\nnow()");
        assertEquals("2030-01-01T00:00:00.000000000Z", display(script.run(RunOptions.defaults())));
        // Running again does not fail on x being defined already, and the option is set afresh.
        assertEquals("2030-01-01T00:00:00.000000000Z", display(script.run(RunOptions.defaults().withNow(T1))));
        // Another script on the same engine does not see the first one's option.
        assertEquals("2021-01-01T00:00:00.000000000Z",
                display(Engine.create().compile("t.flux", "now()").run(RunOptions.defaults().withNow(T1))));
    }

    @Test
    void scriptOptionNowWinsOverWithNow() {
        Script script = Engine.create().compile("s.flux", "option now = () => 2030-01-01T00:00:00Z\nnow()");
        assertEquals("2030-01-01T00:00:00.000000000Z", display(script.run(RunOptions.defaults().withNow(T1))));
    }

    @Test
    void theClockDrivesNowWhenNoNowIsGiven() {
        Script script = Engine.create().compile("s.flux", "import \"system\"\n[now(), system.time()]");
        AtomicInteger ticks = new AtomicInteger();
        Execution run = script.run(RunOptions.defaults().withClock(() -> 1_000_000_000L * ticks.incrementAndGet()));
        // now() is read once when the run starts; system.time() reads the clock when called.
        assertEquals("[1970-01-01T00:00:01.000000000Z, 1970-01-01T00:00:02.000000000Z]", display(run));
    }

    @Test
    void everyExpressionStatementIsAnOutput() {
        Execution run = Engine.create().compile("s.flux", "1 + 1\nx = 3\n\"a\"\nx * 2")
                .run(RunOptions.defaults().withNow(T1));
        List<String> values = run.outputs().stream().map(o -> Values.display(o.value())).toList();
        assertEquals(List.of("2", "a", "6"), values);
        assertEquals("1:1-1:6", run.outputs().get(0).span().toString());
        assertEquals("4:1-4:6", run.outputs().get(2).span().toString());
        assertEquals(IntValue.of(6), run.last());
    }

    @Test
    void aScriptWithoutExpressionsHasNoLastValue() {
        Execution run = Engine.create().compile("s.flux", "x = 1").run(RunOptions.defaults());
        assertTrue(run.outputs().isEmpty());
        assertNull(run.last());
    }

    @Test
    void scriptKeepsItsNameSourceAndSyntax() {
        Script script = Engine.create().compile("named.flux", "x = 1\nx");
        assertEquals("named.flux", script.name());
        assertEquals("x = 1\nx", script.source());
        assertEquals(2, script.syntax().body().size());
    }

    // ------------------------------------------------------------------ threads

    /** Runs {@code task} on two threads at once, {@code rounds} times each, starting together. */
    static <T> List<T> onTwoThreads(int rounds, Callable<T> first, Callable<T> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<List<T>>> futures = new ArrayList<>();
            for (Callable<T> task : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    List<T> out = new ArrayList<>();
                    for (int i = 0; i < rounds; i++) {
                        out.add(task.call());
                    }
                    return out;
                }));
            }
            List<T> all = new ArrayList<>();
            for (Future<List<T>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(60)
    void concurrentRunsOfOneScriptSeeTheirOwnNow() throws Exception {
        Script script = Engine.create().compile("now.flux", "string(v: now())");
        int rounds = 200;
        List<String> results = onTwoThreads(rounds,
                () -> display(script.run(RunOptions.defaults().withNow(T1))),
                () -> display(script.run(RunOptions.defaults().withNow(T2))));
        for (int i = 0; i < rounds; i++) {
            assertEquals("2021-01-01T00:00:00.000000000Z", results.get(i));
            assertEquals("2022-06-15T12:30:00.123456789Z", results.get(rounds + i));
        }
    }

    @Test
    @Timeout(60)
    void concurrentRunsHaveIndependentPackageOptions() throws Exception {
        Engine engine = Engine.create().withPackage("acme/config",
                "package config\noption level = 1\ncurrent = () => level", null);
        Script setsIt = engine.compile("a.flux", "import \"acme/config\"\noption config.level = 2\nconfig.current()");
        Script readsIt = engine.compile("b.flux", "import \"acme/config\"\nconfig.current()");
        int rounds = 200;
        List<Value> results = onTwoThreads(rounds,
                () -> setsIt.run(RunOptions.defaults()).last(),
                () -> readsIt.run(RunOptions.defaults()).last());
        for (int i = 0; i < rounds; i++) {
            assertEquals(IntValue.of(2), results.get(i));
            assertEquals(IntValue.of(1), results.get(rounds + i));
        }
    }

    @Test
    @Timeout(60)
    void concurrentRunsWithOptionNowInOneAndWithNowInTheOther() throws Exception {
        Engine engine = Engine.create();
        Script fixed = engine.compile("a.flux", "option now = () => 2030-01-01T00:00:00Z\nnow()");
        Script given = engine.compile("b.flux", "now()");
        int rounds = 200;
        List<Value> results = onTwoThreads(rounds,
                () -> fixed.run(RunOptions.defaults().withNow(T1)).last(),
                () -> given.run(RunOptions.defaults().withNow(T1)).last());
        for (int i = 0; i < rounds; i++) {
            assertEquals(new TimeValue(1_893_456_000_000_000_000L), results.get(i));
            assertEquals(new TimeValue(1_609_459_200_000_000_000L), results.get(rounds + i));
        }
    }

    // ------------------------------------------------------------------ packages added by the embedder

    static final String MATHX = """
            // Package mathx: a Java builtin, a Java value, and functions written in Flux.
            package mathx

            builtin double : (v: int) => int
            builtin twice : (<-v: int) => int
            builtin applyTo : (fn: (x: int) => int, x: int) => int
            builtin answer : int

            quadruple = (v) => double(v: double(v: v))
            option factor = 10
            scaled = (v) => v * factor
            """;

    static final JavaPackage MATHX_JAVA = defs -> defs
            .function("double", (a, in) -> IntValue.of(a.integer("v") * 2))
            .function("twice", (a, in) -> IntValue.of(a.integer("v") * 2))
            .function("applyTo", (a, in) -> {
                FunctionValue fn = a.function("fn");
                return in.call(fn, Map.of("x", a.require("x")), a.callSite());
            })
            .value("answer", IntValue.of(42));

    static Engine mathx() {
        return Engine.create().withPackage("acme/mathx", MATHX, MATHX_JAVA);
    }

    static Value run(Engine engine, String source) {
        return engine.compile("main.flux", source).run(RunOptions.defaults().withNow(T1)).last();
    }

    @Test
    void packageWithJavaBuiltinsAndFluxFunctions() {
        Engine engine = mathx();
        assertEquals("[8, 12, 42]", Values.display(run(engine, """
                import "acme/mathx"
                [mathx.double(v: 4), mathx.quadruple(v: 3), mathx.answer]
                """)));
        assertEquals(IntValue.of(50), run(engine, "import \"acme/mathx\"\nmathx.scaled(v: 5)"));
    }

    @Test
    void packageBuiltinWithPipeParameter() {
        assertEquals(IntValue.of(14), run(mathx(), "import \"acme/mathx\"\n7 |> mathx.twice()"));
    }

    @Test
    void javaBuiltinCallsAFluxFunction() {
        assertEquals(IntValue.of(101),
                run(mathx(), "import \"acme/mathx\"\nmathx.applyTo(fn: (x) => x * 10 + 1, x: 10)"));
    }

    @Test
    void packageImportedUnderAnAlias() {
        assertEquals(IntValue.of(8), run(mathx(), "import m \"acme/mathx\"\nm.double(v: 4)"));
    }

    @Test
    void packageOptionSetByTheScript() {
        assertEquals(IntValue.of(500),
                run(mathx(), "import \"acme/mathx\"\noption mathx.factor = 100\nmathx.scaled(v: 5)"));
        // and not by another run
        assertEquals(IntValue.of(50), run(mathx(), "import \"acme/mathx\"\nmathx.scaled(v: 5)"));
    }

    @Test
    void packageBuiltinArgumentsAreCheckedAgainstTheirDeclaration() {
        FluxException e = assertThrows(FluxException.class,
                () -> run(mathx(), "import \"acme/mathx\"\nmathx.double(v: \"x\")"));
        assertEquals("error @2:14-2:20: argument v of double: expected int but found string", e.headline());
        e = assertThrows(FluxException.class, () -> run(mathx(), "import \"acme/mathx\"\nmathx.double(w: 1)"));
        assertEquals("error @2:14-2:18: found unexpected argument w (double takes (v))", e.headline());
    }

    @Test
    void packageOnlyWrittenInFlux() {
        Engine engine = Engine.create().withPackage("acme/greet",
                "package greet\nhello = (name=\"world\") => \"hello, ${name}\"", null);
        assertEquals(new StringValue("hello, world"), run(engine, "import \"acme/greet\"\ngreet.hello()"));
        assertEquals(new StringValue("hello, jflux"),
                run(engine, "import \"acme/greet\"\ngreet.hello(name: \"jflux\")"));
    }

    @Test
    void withPackageLeavesTheOriginalEngineAlone() {
        Engine plain = Engine.create();
        Engine extended = plain.withPackage("acme/greet", "package greet\nhello = \"hi\"", null);
        assertEquals(new StringValue("hi"), run(extended, "import \"acme/greet\"\ngreet.hello"));
        FluxException e = assertThrows(FluxException.class, () -> run(plain, "import \"acme/greet\"\ngreet.hello"));
        assertEquals("error @1:8-1:20: package \"acme/greet\" not found; available packages: array, csv, experimental/prometheus, influxdata/influxdb, math, regexp, strings, system, testing, timezone", e.headline());
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        e = assertThrows(FluxException.class, () -> run(extended, "import \"nope\""));
        assertEquals("error @1:8-1:14: package \"nope\" not found; available packages: acme/greet, array, csv, experimental/prometheus, influxdata/influxdb, math, regexp, strings, system, testing, timezone",
                e.headline());
    }

    @Test
    void twoEnginesMayOfferDifferentPackagesUnderOnePath() {
        Engine one = Engine.create().withPackage("acme/greet", "package greet\nhello = \"one\"", null);
        Engine two = Engine.create().withPackage("acme/greet", "package greet\nhello = \"two\"", null);
        assertEquals(new StringValue("one"), run(one, "import \"acme/greet\"\ngreet.hello"));
        assertEquals(new StringValue("two"), run(two, "import \"acme/greet\"\ngreet.hello"));
    }

    @Test
    void aDeclaredBuiltinWithoutJavaImplementationIsAnInternalError() {
        Engine engine = Engine.create().withPackage("acme/broken", "package broken\nbuiltin missing : () => int",
                defs -> { });
        FluxException e = assertThrows(FluxException.class, () -> run(engine, "import \"acme/broken\"\n1"));
        assertEquals(ErrorCode.INTERNAL, e.code());
        assertEquals("builtin missing of package acme/broken has no implementation", e.getMessage());
    }

    @Test
    void aSyntaxErrorInAPackageIsReportedWithThePackageName() {
        Engine engine = Engine.create().withPackage("acme/bad", "package bad\nx = (1 +)", null);
        FluxException e = assertThrows(FluxException.class, () -> run(engine, "import \"acme/bad\"\n1"));
        assertEquals(ErrorCode.SYNTAX, e.code());
        assertEquals("acme/bad.flux", e.diagnostics().get(0).sourceName());
        assertEquals("error @2:9-2:10: unexpected ')', expected an expression after '+'", e.headline());
    }

    @Test
    void builtinValuesMayBeUsedAcrossRuns() {
        Engine engine = mathx();
        Script script = engine.compile("s.flux", "import \"acme/mathx\"\nmathx.double(v: mathx.answer)");
        assertEquals(IntValue.of(84), script.run(RunOptions.defaults()).last());
        assertEquals(IntValue.of(84), script.run(RunOptions.defaults()).last());
    }

    // ------------------------------------------------------------------ diagnostics

    @Test
    void compileErrorsCarryEveryDiagnosticWithItsPosition() {
        String source = "x = (1 +)\ny = \"\\q\"";
        FluxException e = assertThrows(FluxException.class, () -> Engine.create().compile("bad.flux", source));
        assertEquals(ErrorCode.SYNTAX, e.code());
        List<Diagnostic> ds = e.diagnostics();
        assertEquals(2, ds.size());
        assertEquals("bad.flux", ds.get(0).sourceName());
        assertEquals("1:9-1:10", ds.get(0).span().toString());
        assertEquals("unexpected ')', expected an expression after '+'", ds.get(0).message());
        assertEquals("2:6-2:8", ds.get(1).span().toString());
        assertEquals("invalid escape sequence \\q", ds.get(1).message());
        assertEquals("""
                error @1:9-1:10: unexpected ')', expected an expression after '+'
                 1 | x = (1 +)
                   |         ^
                error @2:6-2:8: invalid escape sequence \\q
                 2 | y = "\\q"
                   |      ^^
                """, DiagnosticPrinter.render(e, source));
    }

    @Test
    void runtimeErrorsRenderAgainstTheScript() {
        Script script = Engine.create().compile("run.flux", "f = (x) => x / 0\nf(x: 1)");
        FluxException e = assertThrows(FluxException.class, () -> script.run(RunOptions.defaults()));
        assertEquals("""
                error @1:12-1:17: cannot divide by zero
                 1 | f = (x) => x / 0
                   |            ^^^^^
                """, script.render(e));
    }

    @Test
    void aFailedRunDoesNotSpoilTheNext() {
        Script script = Engine.create().compile("s.flux", "x = if now() > 2025-01-01T00:00:00Z then die(msg: \"late\") else 1\nx");
        FluxException e = assertThrows(FluxException.class,
                () -> script.run(RunOptions.defaults().withNow(Instant.parse("2026-01-01T00:00:00Z"))));
        assertEquals(ErrorCode.ABORTED, e.code());
        assertEquals("late", e.getMessage());
        assertEquals(IntValue.of(1), script.run(RunOptions.defaults().withNow(T1)).last());
    }

    @Test
    void valuesAreOrdinaryJavaObjects() {
        Value v = run(Engine.create(), "[1, 2, 3]");
        ArrayValue a = (ArrayValue) v;
        assertEquals(3, a.size());
        assertSame(IntValue.of(1), a.get(0));
    }
}
