package io.jflux.eval;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.syntax.Span;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiles Flux (RE2/Go syntax) regular expressions with {@link java.util.regex}. */
public final class Regexes {

    private Regexes() {}

    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("[:alnum:]", "\\p{Alnum}"), Map.entry("[:alpha:]", "\\p{Alpha}"),
            Map.entry("[:ascii:]", "\\p{ASCII}"), Map.entry("[:blank:]", "\\p{Blank}"),
            Map.entry("[:cntrl:]", "\\p{Cntrl}"), Map.entry("[:digit:]", "\\p{Digit}"),
            Map.entry("[:graph:]", "\\p{Graph}"), Map.entry("[:lower:]", "\\p{Lower}"),
            Map.entry("[:print:]", "\\p{Print}"), Map.entry("[:punct:]", "\\p{Punct}"),
            Map.entry("[:space:]", "\\s"), Map.entry("[:upper:]", "\\p{Upper}"),
            Map.entry("[:word:]", "\\w"), Map.entry("[:xdigit:]", "\\p{XDigit}"));

    /** Translates the RE2 spellings Java lacks: {@code (?P<name>...)} groups and POSIX classes. */
    static String translate(String re2) {
        String s = re2.replace("(?P<", "(?<");
        if (s.contains("[:")) {
            for (Map.Entry<String, String> e : POSIX.entrySet()) {
                s = s.replace(e.getKey(), e.getValue());
            }
        }
        return s;
    }

    public static RegexValue compile(String source, Span span) {
        try {
            return new RegexValue(source, Pattern.compile(translate(source)));
        } catch (PatternSyntaxException e) {
            throw new FluxException(ErrorCode.INVALID, "invalid regular expression /" + source + "/: "
                    + e.getDescription(), span);
        }
    }
}
