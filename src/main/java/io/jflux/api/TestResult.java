package io.jflux.api;

/**
 * How one test case went: passed, or failed with a reason (an error with its position, or the first table that
 * differs). {@code file} is the name of the script the test case stands in.
 */
public record TestResult(String file, String name, boolean passed, String reason) {

    static TestResult pass(String file, String name) {
        return new TestResult(file, name, true, null);
    }

    static TestResult fail(String file, String name, String reason) {
        return new TestResult(file, name, false, reason);
    }

    /** A test file that could not be read or parsed: it has no test case to name. */
    public static TestResult fileFailed(String file, String reason) {
        return new TestResult(file, null, false, reason);
    }

    /**
     * {@code PASS <file>:<name>} or {@code FAIL <file>:<name>: <reason>}; the lines of a reason after its first
     * are indented by four spaces. No final newline.
     */
    public String line() {
        String where = name == null ? file : file + ":" + name;
        if (passed) {
            return "PASS " + where;
        }
        return "FAIL " + where + ": " + reason.replace("\n", "\n    ");
    }
}
