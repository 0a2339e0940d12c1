package io.jflux.eval;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.syntax.Span;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles Flux regular expressions, which have Go's (RE2) syntax and meaning, into {@link java.util.regex}
 * patterns that match the same strings: {@code $} is the end of the text unless multi-line mode is on, {@code .}
 * matches {@code \r}, {@code \b} is an ASCII word boundary, {@code (?P<name>...)} and POSIX classes are spelled
 * the Java way, and group names Java forbids are encoded ({@link #javaGroupName}).
 */
public final class Regexes {

    private Regexes() {}

    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"),
            Map.entry("ascii", "\\p{ASCII}"), Map.entry("blank", "\\p{Blank}"),
            Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "\\p{Lower}"),
            Map.entry("print", "\\p{Print}"), Map.entry("punct", "\\p{Punct}"),
            Map.entry("space", "\\s"), Map.entry("upper", "\\p{Upper}"),
            Map.entry("word", "\\w"), Map.entry("xdigit", "\\p{XDigit}"));

    private static final String WORD = "[0-9A-Za-z_]";
    private static final String ASCII_BOUNDARY = "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
    private static final String ASCII_NON_BOUNDARY = "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))";
    private static final Pattern MULTILINE_FLAG = Pattern.compile("\\(\\?[a-zA-Z]*m");

    public static RegexValue compile(String source, Span span) {
        try {
            return new RegexValue(source, Pattern.compile(translate(source), Pattern.UNIX_LINES));
        } catch (IllegalArgumentException e) {
            String why = e instanceof PatternSyntaxException p ? p.getDescription() : e.getMessage();
            throw new FluxException(ErrorCode.INVALID, "invalid regular expression /" + source + "/: " + why, span);
        }
    }

    /** The name Java uses for a group Go calls {@code goName} (Java allows only letters and digits). */
    public static String javaGroupName(String goName) {
        if (goName.matches("[A-Za-z][A-Za-z0-9]*") && !goName.startsWith("jfxg")) {
            return goName;
        }
        StringBuilder sb = new StringBuilder("jfxg");
        for (byte b : goName.getBytes(StandardCharsets.UTF_8)) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    /** Rewrites an RE2 pattern into Java syntax with the same meaning. */
    static String translate(String re) {
        boolean multiline = MULTILINE_FLAG.matcher(re).find();
        StringBuilder out = new StringBuilder(re.length() + 16);
        int i = 0;
        int n = re.length();
        while (i < n) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = re.charAt(i + 1);
                if (e == 'Q') {
                    int end = re.indexOf("\\E", i + 2);
                    int stop = end < 0 ? n : end + 2;
                    out.append(re, i, stop);
                    i = stop;
                    continue;
                }
                if (e == 'b') {
                    out.append(ASCII_BOUNDARY);
                } else if (e == 'B') {
                    out.append(ASCII_NON_BOUNDARY);
                } else {
                    out.append(c).append(e);
                }
                i += 2;
                continue;
            }
            if (c == '[') {
                i = characterClass(re, i, out);
                continue;
            }
            if (c == '$' && !multiline) {
                out.append("\\z");
                i++;
                continue;
            }
            if (c == '(' && re.startsWith("(?P<", i)) {
                i = namedGroup(re, i + 4, out);
                continue;
            }
            if (c == '(' && re.startsWith("(?<", i) && i + 3 < n && re.charAt(i + 3) != '=' && re.charAt(i + 3) != '!') {
                i = namedGroup(re, i + 3, out);
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static int namedGroup(String re, int nameStart, StringBuilder out) {
        int close = re.indexOf('>', nameStart);
        if (close < 0) {
            throw new IllegalArgumentException("unterminated group name");
        }
        out.append("(?<").append(javaGroupName(re.substring(nameStart, close))).append('>');
        return close + 1;
    }

    /** Copies a bracketed class starting at {@code start}; returns the index after it. */
    private static int characterClass(String re, int start, StringBuilder out) {
        int n = re.length();
        int i = start + 1;
        out.append('[');
        if (i < n && re.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        if (i < n && re.charAt(i) == ']') { // a ']' first is a literal in RE2
            out.append("\\]");
            i++;
        }
        while (i < n) {
            char c = re.charAt(i);
            if (c == ']') {
                out.append(']');
                return i + 1;
            }
            if (c == '\\' && i + 1 < n) {
                out.append(c).append(re.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '[' && re.startsWith("[:", i)) {
                int end = re.indexOf(":]", i + 2);
                if (end > 0) {
                    String name = re.substring(i + 2, end);
                    boolean negated = name.startsWith("^");
                    String java = POSIX.get(negated ? name.substring(1) : name);
                    if (java != null) {
                        out.append(negated ? negate(java) : java);
                        i = end + 2;
                        continue;
                    }
                }
            }
            if (c == '[' || c == '&') { // literal inside an RE2 class; Java would read nesting or intersection
                out.append('\\').append(c);
                i++;
                continue;
            }
            out.append(c);
            i++;
        }
        return i; // unterminated: Pattern.compile reports it
    }

    private static String negate(String javaClass) {
        if (javaClass.startsWith("\\p")) {
            return "\\P" + javaClass.substring(2);
        }
        return javaClass.equals("\\s") ? "\\S" : "\\W";
    }
}
