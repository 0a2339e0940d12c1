package io.jflux.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one command: options (with or without a value) and positional parameters. Small on purpose:
 * the CLI must start fast, and a general option library costs more start-up time than a script run.
 */
final class CommandLine {

    /** A command line that is wrong; its message says how. Exit status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, String> values = new HashMap<>();
    private final List<String> positionals = new ArrayList<>();

    /**
     * Parses {@code args}.
     *
     * @param withValue option names that take a value ({@code --now T}, {@code --now=T}, {@code -e S})
     * @param flags option names that take none
     * @param aliases short names mapped to long ones
     */
    static CommandLine parse(List<String> args, Set<String> withValue, Set<String> flags, Map<String, String> aliases) {
        CommandLine cl = new CommandLine();
        boolean optionsDone = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (optionsDone || a.equals("-") || !a.startsWith("-")) {
                cl.positionals.add(a);
                continue;
            }
            if (a.equals("--")) {
                optionsDone = true;
                continue;
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            name = aliases.getOrDefault(name, name);
            if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("option " + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (cl.values.put(name, value) != null) {
                    throw new UsageException("option " + name + " is given twice");
                }
            } else if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("option " + name + " takes no value");
                }
                cl.values.put(name, "");
            } else {
                throw new UsageException("unknown option " + a);
            }
        }
        return cl;
    }

    boolean has(String option) {
        return values.containsKey(option);
    }

    String value(String option) {
        return values.get(option);
    }

    List<String> positionals() {
        return positionals;
    }

    /** The value of a time option (RFC3339, e.g. 2030-01-01T00:00:00Z), or null when it is not given. */
    java.time.Instant time(String option) {
        String text = values.get(option);
        if (text == null) {
            return null;
        }
        try {
            long nanos = io.jflux.syntax.Literals.parseDateTime(text);
            return java.time.Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                    Math.floorMod(nanos, 1_000_000_000L));
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": '" + text + "' is not an RFC3339 time such as 2030-01-01T00:00:00Z");
        }
    }
}
