package io.jflux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built command as a user runs it: {@code bin/jflux} starting {@code target/jflux.jar} in a new JVM, from
 * another working directory and through a symbolic link. Runs in {@code mvn verify}, after the jar is built.
 */
class LauncherIT {

    static final Path HOME = Path.of(System.getProperty("jflux.home", System.getProperty("user.dir")))
            .toAbsolutePath();
    static final Path LAUNCHER = HOME.resolve("bin/jflux");

    record Result(int status, String out, String err) {}

    static Result jflux(Path launcher, Path cwd, String stdin, String... args) throws Exception {
        return jflux(Map.of(), launcher, cwd, stdin, args);
    }

    static Result jflux(Map<String, String> env, Path launcher, Path cwd, String stdin, String... args)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("jflux-out", ".txt");
        Path err = Files.createTempFile("jflux-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("JFLUX_JIT");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "jflux did not finish");
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    @Test
    void runsAnExpressionFromAnyDirectory(@TempDir Path cwd) throws Exception {
        assertEquals(new Result(0, "2\n", ""), jflux(LAUNCHER, cwd, "", "run", "-e", "1 + 1"));
    }

    @Test
    void runsThroughASymbolicLink(@TempDir Path dir) throws Exception {
        Path link = dir.resolve("jflux");
        Files.createSymbolicLink(link, LAUNCHER);
        assertEquals(new Result(0, "HELLO\n", ""),
                jflux(link, dir, "", "run", "-e", "import \"strings\"\nstrings.toUpper(v: \"hello\")"));
    }

    @Test
    void runsTheExampleScriptAndStandardInput(@TempDir Path cwd) throws Exception {
        assertEquals(new Result(0, "Hello, Flux 42!\n", ""),
                jflux(LAUNCHER, cwd, "", "run", HOME.resolve("examples/hello.flux").toString()));
        assertEquals(new Result(0, "ünïcode 6\n", ""),
                jflux(LAUNCHER, cwd, "x = 3\n\"ünïcode ${x * 2}\"\n", "run", "-"));
    }

    @Test
    void nowFromTheCommandLine(@TempDir Path cwd) throws Exception {
        assertEquals(new Result(0, "2030-01-01T00:00:00.000000000Z\n", ""),
                jflux(LAUNCHER, cwd, "", "run", "--now", "2030-01-01T00:00:00Z", "-e", "now()"));
    }

    @Test
    void scriptErrorsAndUsageErrorsHaveTheirExitStatus(@TempDir Path cwd) throws Exception {
        Path script = cwd.resolve("bad.flux");
        Files.writeString(script, "a = 1\nb = a +\n");
        Result syntax = jflux(LAUNCHER, cwd, "", "run", "bad.flux");
        assertEquals(new Result(1, "", "error @2:8-2:8: unexpected end of input, expected an expression after '+'\n"
                + " 2 | b = a +\n   |        ^\n"), syntax);
        Result usage = jflux(LAUNCHER, cwd, "", "run", "--frobnicate");
        assertEquals(2, usage.status());
        assertEquals("error: unknown option --frobnicate\nTry 'jflux run --help' for more information.\n",
                usage.err());
        Result help = jflux(LAUNCHER, cwd, "", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("Commands:"), help.out());
        Result version = jflux(LAUNCHER, cwd, "", "--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("jflux "), version.out());
    }

    @Test
    void formatsAFile(@TempDir Path cwd) throws IOException, Exception {
        Path script = cwd.resolve("f.flux");
        Files.writeString(script, "import \"strings\"\nx=strings.trimSpace(v:\"  a \")\n");
        assertEquals(new Result(0, "import \"strings\"\n\nx = strings.trimSpace(v: \"  a \")\n", ""),
                jflux(LAUNCHER, cwd, "", "fmt", "f.flux"));
    }

    @Test
    void runsTheProjectsFluxTests() throws Exception {
        // from the repository folder, as Maven runs them: prometheus/scrape_test.flux reads a file: URL relative to it
        Result r = jflux(LAUNCHER, HOME, "", "test", "src/test/flux");
        assertEquals("", r.err());
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().matches("(?s)(PASS [^\n]+\n)+\\d+ passed, 0 failed\n"), r.out());
    }

    @Test
    void runsTheTablesExampleFromTheRepositoryFolder() throws Exception {
        Result r = jflux(LAUNCHER, HOME, "", "run", "--format", "csv", "examples/tables.flux");
        assertEquals("", r.err());
        assertEquals(0, r.status());
        assertTrue(r.out().contains("#default,total,,,\r\n,result,table,host,_value\r\n,,0,db-1,537.53\r\n"), r.out());
        assertTrue(r.out().contains("peak_user"), r.out());
    }

    @Test
    void runsTheScrapeExampleFromTheRepositoryFolder() throws Exception {
        Result r = jflux(LAUNCHER, HOME, "", "run", "--format", "csv", "examples/scrape.flux");
        assertEquals("", r.err());
        assertEquals(0, r.status());
        assertTrue(r.out().contains(",result,table,mode,_value\r\n,,0,idle,368131.53\r\n"), r.out());
        assertTrue(r.out().contains(",,0,2000,/metrics,+Inf\r\n"), r.out());
    }

    /** Fails at odd seconds and prints "even TIME" at even ones: each run's now() is its scheduled time. */
    static final String FLIP = "option task = {name: \"flip\", every: 1s}\n"
            + "if int(v: now()) / 1000000000 % 2 == 1 then die(msg: \"odd second\") else \"even ${string(v: now())}\"\n";

    @Test
    void aTaskRunsEverySecondUntilSigtermAndAFailedRunDoesNotStopIt(@TempDir Path cwd) throws Exception {
        Files.writeString(cwd.resolve("flip.flux"), FLIP);
        Path out = cwd.resolve("out.txt");
        Path err = cwd.resolve("err.txt");
        Process p = new ProcessBuilder(LAUNCHER.toString(), "run", "flip.flux").directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Files.readString(err).lines().filter(l -> l.contains(": run scheduled ")).count() < 3) {
            assertTrue(p.isAlive(), Files.readString(err));
            assertTrue(System.nanoTime() < deadline, "fewer than 3 runs in 30s: " + Files.readString(err));
            Thread.sleep(50);
        }
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "jflux did not stop");
        assertEquals(0, p.exitValue(), Files.readString(err));
        List<String> log = Files.readString(err).lines().toList();
        assertTrue(log.get(0).matches("task flip: every 1s, first run scheduled \\S+:\\d\\d\\.000000000Z"), log.get(0));
        List<String> runs = log.subList(1, log.size());
        assertTrue(runs.size() >= 3, log.toString());
        List<String> evens = new ArrayList<>();
        long previous = -1;
        for (String line : runs) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("task flip: run scheduled (\\S+:(\\d\\d)\\.000000000Z) "
                    + "(succeeded in \\d+ms|failed in \\d+ms: error @2:\\d+-2:\\d+: odd second)").matcher(line);
            assertTrue(m.matches(), line);
            long second = java.time.Instant.parse(m.group(1)).getEpochSecond();
            assertEquals(second % 2 == 1, m.group(3).startsWith("failed"), line);
            if (previous >= 0) {
                // One second apart, unless a run overran its slot on a loaded machine (missed points are skipped).
                assertTrue(second > previous, "runs are in schedule order, on whole seconds: " + log);
            }
            previous = second;
            if (second % 2 == 0) {
                evens.add("even " + m.group(1));
            }
        }
        assertEquals(evens, Files.readString(out).lines().toList());
    }

    @Test
    void aCronTaskRunsAtTheSecondsItNames(@TempDir Path cwd) throws Exception {
        Files.writeString(cwd.resolve("even.flux"), "option task = {name: \"even\", cron: \"*/2 * * * * *\"}\n"
                + "string(v: now())\n");
        Path out = cwd.resolve("out.txt");
        Path err = cwd.resolve("err.txt");
        Process p = new ProcessBuilder(LAUNCHER.toString(), "run", "even.flux").directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Files.readString(err).lines().filter(l -> l.contains(": run scheduled ")).count() < 2) {
            assertTrue(p.isAlive(), Files.readString(err));
            assertTrue(System.nanoTime() < deadline, "fewer than 2 runs in 30s: " + Files.readString(err));
            Thread.sleep(50);
        }
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "jflux did not stop");
        assertEquals(0, p.exitValue(), Files.readString(err));
        List<String> log = Files.readString(err).lines().toList();
        assertTrue(log.get(0).matches("task even: cron \"\\*/2 \\* \\* \\* \\* \\*\", first run scheduled "
                + "\\S+:\\d[02468]\\.000000000Z"), log.get(0));
        List<String> printed = new ArrayList<>();
        for (String line : log.subList(1, log.size())) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "task even: run scheduled (\\S+:\\d[02468]\\.000000000Z) succeeded in \\d+ms").matcher(line);
            assertTrue(m.matches(), line);
            printed.add(m.group(1));
        }
        assertEquals(printed, Files.readString(out).lines().toList()); // now() of each run is its scheduled time
    }

    @Test
    void onceRunsATaskOneTime(@TempDir Path cwd) throws Exception {
        Files.writeString(cwd.resolve("flip.flux"), FLIP);
        Result r = jflux(LAUNCHER, cwd, "", "run", "--once", "--now", "2030-01-01T00:00:02Z", "flip.flux");
        assertEquals(0, r.status(), r.err());
        assertEquals("even 2030-01-01T00:00:02.000000000Z\n", r.out());
        assertTrue(r.err().matches("task flip: run scheduled 2030-01-01T00:00:02.000000000Z succeeded in \\d+ms\n"),
                r.err());
        Result odd = jflux(LAUNCHER, cwd, "", "run", "--once", "--now", "2030-01-01T00:00:03Z", "flip.flux");
        assertEquals(1, odd.status());
        assertEquals("", odd.out());
        assertTrue(odd.err().matches("task flip: run scheduled 2030-01-01T00:00:03.000000000Z failed in \\d+ms: "
                + "error @2:\\d+-2:\\d+: odd second\n"), odd.err());
        Result example = jflux(LAUNCHER, HOME, "", "run", "--once", "--now", "2030-01-01T00:00:00Z",
                "examples/task.flux");
        assertEquals(0, example.status(), example.err());
        assertTrue(example.out().contains("idle                     368131.53  2030-01-01T00:00:00.000000000Z"),
                example.out());
        assertTrue(example.err().matches("task cpu_by_mode: run scheduled 2030-01-01T00:00:00.000000000Z succeeded "
                + "in \\d+ms: 1 result, 4 tables, 4 rows\n"), example.err());
    }

    /**
     * The launcher's choice of JIT: the quick compiler alone for a run that ends (a script, a task run --once, a
     * test), the optimizing one too for a task run on its schedule, which goes on; JFLUX_JIT overrides it.
     */
    @Test
    void quickJitForARunThatEndsFullJitForATaskOnItsSchedule(@TempDir Path cwd) throws Exception {
        Files.writeString(cwd.resolve("task.flux"), "option task = {name: \"t\", every: 1s}\n1\n");
        Files.writeString(cwd.resolve("plain.flux"), "x = 1\nx\n");
        Map<String, String> show = Map.of("JFLUX_SHOW_COMMAND", "1");
        String quick = "-XX:TieredStopAtLevel=1";
        assertTrue(jflux(show, LAUNCHER, cwd, "", "run", "plain.flux").out().contains(quick));
        assertTrue(jflux(show, LAUNCHER, cwd, "", "run", "-e", "1 + 1").out().contains(quick));
        assertTrue(jflux(show, LAUNCHER, cwd, "", "run", "--once", "task.flux").out().contains(quick));
        assertTrue(jflux(show, LAUNCHER, cwd, "", "test", "plain.flux").out().contains(quick));
        Result task = jflux(show, LAUNCHER, cwd, "", "run", "task.flux");
        assertTrue(!task.out().contains(quick) && task.out().contains("-XX:FreqInlineSize=100"), task.out());
        Result text = jflux(show, LAUNCHER, cwd, "", "run", "-e", "option  task = {name: \"t\", every: 1s}\n1");
        assertTrue(!text.out().contains(quick), text.out());
        assertTrue(!jflux(Map.of("JFLUX_SHOW_COMMAND", "1", "JFLUX_JIT", "full"), LAUNCHER, cwd, "", "run",
                "plain.flux").out().contains(quick));
        assertTrue(jflux(Map.of("JFLUX_SHOW_COMMAND", "1", "JFLUX_JIT", "quick"), LAUNCHER, cwd, "", "run",
                "task.flux").out().contains(quick));
        // and the plain script still runs, with the flags shown
        assertEquals(new Result(0, "1\n", ""), jflux(LAUNCHER, cwd, "", "run", "plain.flux"));
    }
}
