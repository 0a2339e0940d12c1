package io.jflux.stdlib.regexp;

import io.jflux.stdlib.strings.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of Go's {@code regexp} API that {@code java.util.regex} does differently: which successive matches
 * count (Go drops an empty match that touches the previous match), {@code Expand} templates and {@code Split}.
 * Positions are Java char indexes unless a method says otherwise.
 */
final class GoRegexp {

    private GoRegexp() {}

    private static final String SPECIAL = "\\.+*?()|[]{}^$";

    /** Go's {@code QuoteMeta}: a backslash before each of {@code \ . + * ? ( ) | [ ] { } ^ $}. */
    static String quoteMeta(String s) {
        StringBuilder sb = new StringBuilder(s.length() * 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Go's {@code FindAllStringIndex}: at most {@code n} matches ({@code n < 0}: all) as {start, end} pairs.
     * After each match the search goes on at its end, or one code point further for an empty match, and an
     * empty match that starts where the previous match ended is not reported.
     */
    static List<int[]> findAll(Pattern p, String s, long n) {
        List<int[]> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        int pos = 0;
        int prevEnd = -1;
        while ((n < 0 || out.size() < n) && pos <= s.length() && m.find(pos)) {
            int start = m.start();
            int end = m.end();
            boolean accept = true;
            if (end == pos) { // an empty match at the search position
                accept = start != prevEnd;
                pos += GoStrings.charWidthAt(s, pos);
            } else {
                pos = end;
            }
            prevEnd = end;
            if (accept) {
                out.add(new int[] {start, end});
            }
        }
        return out;
    }

    /** Go's {@code Regexp.Split}. */
    static List<String> split(Pattern p, String source, String s, long n) {
        List<String> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        if (!source.isEmpty() && s.isEmpty()) {
            out.add("");
            return out;
        }
        int beg = 0;
        int end = 0;
        for (int[] match : findAll(p, s, n)) {
            if (n > 0 && out.size() == n - 1) {
                break;
            }
            end = match[0];
            if (match[1] != 0) {
                out.add(s.substring(beg, end));
            }
            beg = match[1];
        }
        if (end != s.length()) {
            out.add(s.substring(beg));
        }
        return out;
    }

    /**
     * Go's {@code ReplaceAllString}: every match replaced by {@code template} expanded against it, except an
     * empty match right after the previous match (which would replace twice at one place).
     */
    static String replaceAll(Pattern p, String s, String template) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        int lastMatchEnd = 0;
        int searchPos = 0;
        while (searchPos <= s.length() && m.find(searchPos)) {
            int start = m.start();
            int end = m.end();
            sb.append(s, lastMatchEnd, start);
            if (end > lastMatchEnd || start == 0) {
                expand(sb, template, m);
            }
            lastMatchEnd = end;
            int width = searchPos < s.length() ? GoStrings.charWidthAt(s, searchPos) : 0;
            if (searchPos + width > end) {
                searchPos += width;
            } else if (searchPos + 1 > end) {
                searchPos++;
            } else {
                searchPos = end;
            }
        }
        sb.append(s, lastMatchEnd, s.length());
        return sb.toString();
    }

    /**
     * Go's {@code Regexp.Expand}: appends {@code template} with {@code $n}, {@code ${n}}, {@code $name} and
     * {@code ${name}} replaced by the submatch (nothing when it does not exist or did not take part) and
     * {@code $$} by {@code $}. A name is the longest run of letters, digits and '_'; a {@code $} that starts
     * no valid reference stays as it is.
     */
    static void expand(StringBuilder dst, String template, Matcher m) {
        int i = 0;
        while (i < template.length()) {
            int dollar = template.indexOf('$', i);
            if (dollar < 0) {
                break;
            }
            dst.append(template, i, dollar);
            i = dollar + 1;
            if (i < template.length() && template.charAt(i) == '$') {
                dst.append('$');
                i++;
                continue;
            }
            boolean brace = i < template.length() && template.charAt(i) == '{';
            int nameStart = brace ? i + 1 : i;
            int nameEnd = nameStart;
            while (nameEnd < template.length()) {
                int cp = template.codePointAt(nameEnd);
                if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
                    break;
                }
                nameEnd += Character.charCount(cp);
            }
            if (nameEnd == nameStart || brace && (nameEnd >= template.length() || template.charAt(nameEnd) != '}')) {
                dst.append('$'); // malformed: the dollar is plain text
                continue;
            }
            String name = template.substring(nameStart, nameEnd);
            i = brace ? nameEnd + 1 : nameEnd;
            String group = group(m, name);
            if (group != null) {
                dst.append(group);
            }
        }
        dst.append(template, i, template.length());
    }

    /** The text of submatch {@code name} (a number or a group name), or null. */
    private static String group(Matcher m, String name) {
        int num = groupNumber(name);
        try {
            if (num >= 0) {
                return num <= m.groupCount() ? m.group(num) : null;
            }
            return m.group(io.jflux.eval.Regexes.javaGroupName(name));
        } catch (IllegalArgumentException e) {
            return null; // no group of that name
        }
    }

    /** The group number a name spells (ASCII digits, no leading zero, below 10^8), or -1. */
    private static int groupNumber(String name) {
        int num = 0;
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (c < '0' || c > '9' || num >= 100_000_000) {
                return -1;
            }
            num = num * 10 + (c - '0');
        }
        return name.charAt(0) == '0' && name.length() > 1 ? -1 : num;
    }
}
