package io.jflux.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jflux.eval.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running testcase blocks: what passes, what fails and the reason given, how extends finds its parent. */
class TestcaseTest {

    @TempDir
    Path dir;

    static final String HEAD = "import \"array\"\nimport \"testing\"\n\n"
            + "data = array.from(rows: [{_value: 1}, {_value: 2}])\n\n";

    private Path write(String name, String source) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, source);
        return p;
    }

    /** The lines {@code jflux test} prints for a file, named as given. */
    private List<String> run(Path file, String name) throws IOException {
        Script script = Engine.create().compile(name, Files.readString(file));
        List<String> lines = new ArrayList<>();
        for (Testcase t : script.testcases(file.getParent())) {
            lines.add(t.run(RunOptions.defaults().withNow(Instant.parse("2021-01-01T00:00:00Z"))).line());
        }
        return lines;
    }

    @Test
    void eachTestcaseRunsTheTopLevelStatementsAndItsBlock() throws IOException {
        Path f = write("a_test.flux", HEAD
                + "testcase passes {\n    testing.diff(got: data, want: data)\n}\n"
                + "testcase differs {\n"
                + "    testing.diff(got: data, want: array.from(rows: [{_value: 1}, {_value: 3}]))\n}\n"
                + "testcase fails {\n    x = 1 / 0\n}\n");
        assertEquals(List.of(
                "PASS a_test.flux:passes",
                "FAIL a_test.flux:differs: table {} differs (- want, + got):\n"
                        + "        _diff  _value\n"
                        + "        -      3\n"
                        + "        +      2",
                "FAIL a_test.flux:fails: error @13:9-13:14: cannot divide by zero"), run(f, "a_test.flux"));
    }

    @Test
    void testcasesDoNotSeeEachOthersVariablesAndOptions() throws IOException {
        Path f = write("a_test.flux", HEAD
                + "testcase first {\n    option now = () => 2030-01-01T00:00:00Z\n    y = 1\n"
                + "    testing.assertEqualValues(got: now(), want: 2030-01-01T00:00:00Z)\n}\n"
                + "testcase second {\n    y = 2\n"
                + "    testing.assertEqualValues(got: now(), want: 2021-01-01T00:00:00Z)\n}\n");
        assertEquals(List.of("PASS a_test.flux:first", "PASS a_test.flux:second"), run(f, "a_test.flux"));
    }

    @Test
    void everyStreamIsReadAndOnlyErrorOutputMustBeEmpty() throws IOException {
        Path f = write("a_test.flux", HEAD
                + "testcase other_results_may_have_rows {\n    data\n    data |> yield(name: \"mine\")\n}\n"
                + "testcase a_stream_that_fails_when_read {\n"
                + "    data |> testing.assertEquals(name: \"read\", want: data |> limit(n: 1))\n}\n"
                + "testcase a_named_errorOutput {\n    data |> yield(name: \"errorOutput\")\n}\n"
                + "testcase shouldError_mismatch {\n"
                + "    testing.shouldError(fn: () => die(msg: \"boom\"), want: /bang/)\n}\n");
        assertEquals(List.of(
                "PASS a_test.flux:other_results_may_have_rows",
                "FAIL a_test.flux:a_stream_that_fails_when_read: error @11:13-11:74: testing.assertEquals: test read:"
                        + " tables not equal\n"
                        + "    table {} differs (- want, + got):\n"
                        + "        _diff  _value\n"
                        + "        +      2",
                "FAIL a_test.flux:a_named_errorOutput: result errorOutput is not empty: table {} has 2 rows:\n"
                        + "        _value\n        1\n        2",
                "FAIL a_test.flux:shouldError_mismatch: result errorOutput is not empty: table {} has 1 row:\n"
                        + "        v\n        boom"), run(f, "a_test.flux"));
    }

    @Test
    void superRunsTheParentsStatementsInItsPlace() throws IOException {
        write("base_test.flux", "import \"testing\"\nimport \"array\"\n\none = 1\n\n"
                + "testcase parent {\n    got = array.from(rows: [{v: one + x}])\n"
                + "    testing.diff(got: got, want: array.from(rows: [{v: 3}]))\n}\n");
        Path f = write("child_test.flux", "import \"testing\"\n\n"
                + "testcase two extends \"base_test.parent\" {\n    x = 2\n    super()\n}\n"
                + "testcase three extends \"base.parent\" {\n    x = 3\n    super()\n}\n"
                + "testcase with_extension extends \"base_test.flux.parent\" {\n    x = 2\n    super()\n"
                + "    testing.assertEqualValues(got: one, want: 1)\n}\n");
        assertEquals(List.of(
                "PASS child_test.flux:two",
                "FAIL child_test.flux:three: table {} differs (- want, + got):\n"
                        + "        _diff  v\n        -      3\n        +      4",
                "PASS child_test.flux:with_extension"), run(f, "child_test.flux"));
    }

    @Test
    void aParentMayBeNamedFromATestModuleRoot() throws IOException {
        write("pkg/base_test.flux", "import \"testing\"\n\ntestcase parent {\n"
                + "    testing.assertEqualValues(got: 1, want: 1)\n}\n");
        Path f = write("pkg/sub/child_test.flux", "testcase child extends \"flux/pkg/base_test.parent\" {\n"
                + "    super()\n}\n");
        assertEquals(List.of("PASS child_test.flux:child"), run(f, "child_test.flux"));
    }

    @Test
    void aParentThatCannotBeUsedFailsTheTestcaseWithTheReason() throws IOException {
        write("base_test.flux", "testcase parent {\n    1\n}\n"
                + "testcase extended extends \"base_test.parent\" {\n    super()\n}\n");
        write("broken_test.flux", "testcase parent {\n    x = (\n}\n");
        Path f = write("child_test.flux", ""
                + "testcase no_file extends \"nope.parent\" {\n    super()\n}\n"
                + "testcase no_testcase extends \"base.nope\" {\n    super()\n}\n"
                + "testcase no_dot extends \"base_test\" {\n    super()\n}\n"
                + "testcase chained extends \"base.extended\" {\n    super()\n}\n"
                + "testcase broken extends \"broken.parent\" {\n    super()\n}\n"
                + "testcase no_super extends \"base.parent\" {\n    1\n}\n"
                + "testcase super_without_parent {\n    super()\n}\n");
        String base = dir.resolve("base_test.flux").toString();
        assertEquals(List.of(
                "FAIL child_test.flux:no_file: error @1:26-1:39: cannot extend \"nope.parent\": no file nope, nope.flux"
                        + " or nope_test.flux in " + dir,
                "FAIL child_test.flux:no_testcase: error @4:30-4:41: cannot extend \"base.nope\": " + base
                        + " has no testcase nope",
                "FAIL child_test.flux:no_dot: error @7:25-7:36: cannot extend \"base_test\": expected"
                        + " \"FILE.TESTCASE\", such as \"basics_test.addition\"",
                "FAIL child_test.flux:chained: error @10:26-10:41: cannot extend \"base.extended\": testcase extended"
                        + " of " + base + " extends another testcase itself",
                "FAIL child_test.flux:broken: error @13:25-13:40: cannot extend \"broken.parent\": "
                        + dir.resolve("broken_test.flux") + " does not parse: error @3:1-3:2: unexpected '}'",
                "FAIL child_test.flux:no_super: error @16:10-16:18: testcase no_super extends \"base.parent\" but"
                        + " does not call super()",
                "FAIL child_test.flux:super_without_parent: error @20:5-20:12: super() is only allowed in a"
                        + " testcase that extends another"), run(f, "child_test.flux"));
    }

    @Test
    void testcasesAreListedInOrderWithWhatTheyExtend() {
        Script s = Engine.create().compile("x_test.flux",
                "a = 1\ntestcase one {\n    a\n}\ntestcase two extends \"y.z\" {\n    super()\n}\n");
        List<String> names = new ArrayList<>();
        for (Testcase t : s.testcases()) {
            names.add(t.file() + ":" + t.name() + (t.extendsPath() == null ? "" : " extends " + t.extendsPath()));
        }
        assertEquals(List.of("x_test.flux:one", "x_test.flux:two extends y.z"), names);
    }

    @Test
    void runningAScriptStillSkipsItsTestcases() {
        Script s = Engine.create().compile("x_test.flux", "a = 1\ntestcase one {\n    die(msg: \"no\")\n}\na + 1\n");
        try (Execution run = s.run(RunOptions.defaults())) {
            assertEquals("2", Values.display(run.last()));
        }
    }
}
