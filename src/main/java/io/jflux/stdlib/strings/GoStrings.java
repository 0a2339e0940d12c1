package io.jflux.stdlib.strings;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code strings} semantics on Java strings. Flux strings are UTF-8 and Go reports positions in bytes of
 * that encoding, while Java strings are UTF-16: everything here works on code points and converts positions to
 * UTF-8 byte offsets where Go returns them. Flux strings are always valid UTF-8, so there are no lone surrogates.
 */
public final class GoStrings {

    private GoStrings() {}

    // ------------------------------------------------------------------ positions

    /** The number of bytes the UTF-8 encoding of {@code s.substring(0, charIndex)} takes. */
    public static int byteOffset(String s, int charIndex) {
        int bytes = 0;
        for (int i = 0; i < charIndex; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++; // the low surrogate belongs to the same code point
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The length of {@code s} in UTF-8 bytes. */
    public static int byteLength(String s) {
        return byteOffset(s, s.length());
    }

    /** The number of chars the code point starting at {@code i} takes (1 at the end of the string). */
    public static int charWidthAt(String s, int i) {
        return i < s.length() ? Character.charCount(s.codePointAt(i)) : 1;
    }

    // ------------------------------------------------------------------ case

    /** Maps every code point (Go maps rune by rune with the simple, one-to-one case mappings). */
    private static String mapCodePoints(String s, java.util.function.IntUnaryOperator f) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(f.applyAsInt(cp)));
        return sb.toString();
    }

    public static String toUpper(String s) {
        return mapCodePoints(s, Character::toUpperCase);
    }

    public static String toLower(String s) {
        return mapCodePoints(s, Character::toLowerCase);
    }

    public static String toTitle(String s) {
        return mapCodePoints(s, Character::toTitleCase);
    }

    /** Go's {@code strings.Title}: title-cases each code point that follows a word separator. */
    public static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int prev = ' ';
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            sb.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(cp) : cp);
            prev = cp;
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** Go's word separator for Title: ASCII other than letters, digits and '_', and (beyond ASCII) white space. */
    private static boolean isSeparator(int cp) {
        if (cp <= 0x7F) {
            return !(cp >= '0' && cp <= '9' || cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp == '_');
        }
        if (Character.isLetter(cp) || Character.isDigit(cp)) {
            return false;
        }
        return isSpace(cp);
    }

    /** Go's {@code unicode.IsSpace}: the Latin-1 spaces plus the White_Space property. */
    public static boolean isSpace(int cp) {
        switch (cp) {
            case '\t': case '\n': case 0x0B: case '\f': case '\r': case ' ': case 0x85: case 0xA0:
            case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200A;
        }
    }

    /**
     * A canonical member of the simple case-folding orbit of a code point. The dotted and dotless i of Turkish
     * (U+0130, U+0131) have no simple folding in Unicode, so Go leaves them alone, although Java's case mappings
     * would take them to i.
     */
    private static int fold(int cp) {
        if (cp == 0x130 || cp == 0x131) {
            return cp;
        }
        return Character.toLowerCase(Character.toUpperCase(cp));
    }

    /** Go's {@code strings.EqualFold}: equal code point by code point under simple case folding. */
    public static boolean equalFold(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb && fold(ca) != fold(cb)) {
                return false;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return i == a.length() && j == b.length();
    }

    // ------------------------------------------------------------------ trimming

    private static boolean inSet(String set, int cp) {
        return set.indexOf(cp) >= 0;
    }

    /** Drops the code points found in {@code cutset} from the start of {@code s}. */
    public static String trimLeft(String s, String cutset) {
        if (s.isEmpty() || cutset.isEmpty()) {
            return s;
        }
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!inSet(cutset, cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return s.substring(i);
    }

    /** Drops the code points found in {@code cutset} from the end of {@code s}. */
    public static String trimRight(String s, String cutset) {
        if (s.isEmpty() || cutset.isEmpty()) {
            return s;
        }
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!inSet(cutset, cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    public static String trim(String s, String cutset) {
        return trimRight(trimLeft(s, cutset), cutset);
    }

    public static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    // ------------------------------------------------------------------ searching

    /** Go's {@code strings.Count}: non-overlapping occurrences; an empty substring counts code points + 1. */
    public static long count(String s, String sub) {
        if (sub.isEmpty()) {
            return s.codePointCount(0, s.length()) + 1L;
        }
        long n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
            n++;
        }
        return n;
    }

    /** The byte offset of the first occurrence of {@code sub}, or -1. */
    public static int index(String s, String sub) {
        int i = s.indexOf(sub);
        return i < 0 ? -1 : byteOffset(s, i);
    }

    /** The byte offset of the last occurrence of {@code sub}, or -1 (an empty {@code sub} gives the length). */
    public static int lastIndex(String s, String sub) {
        int i = s.lastIndexOf(sub);
        return i < 0 ? -1 : byteOffset(s, i);
    }

    /** The byte offset of the first code point of {@code s} that occurs in {@code chars}, or -1. */
    public static int indexAny(String s, String chars) {
        if (chars.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (inSet(chars, cp)) {
                return byteOffset(s, i);
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /** The byte offset of the last code point of {@code s} that occurs in {@code chars}, or -1. */
    public static int lastIndexAny(String s, String chars) {
        if (chars.isEmpty()) {
            return -1;
        }
        for (int end = s.length(); end > 0; ) {
            int cp = s.codePointBefore(end);
            end -= Character.charCount(cp);
            if (inSet(chars, cp)) {
                return byteOffset(s, end);
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ building

    /**
     * Go's {@code strings.Replace}: the first {@code n} non-overlapping occurrences of {@code old} (all of them
     * when {@code n < 0}). An empty {@code old} matches at the start and after each code point.
     */
    public static String replace(String s, String old, String repl, long n) {
        if (old.equals(repl) || n == 0) {
            return s;
        }
        long m = count(s, old);
        if (m == 0) {
            return s;
        }
        if (n < 0 || m < n) {
            n = m;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int start = 0;
        for (long i = 0; i < n; i++) {
            int j;
            if (old.isEmpty()) {
                j = i > 0 ? start + charWidthAt(s, start) : start;
            } else {
                j = s.indexOf(old, start);
            }
            sb.append(s, start, j).append(repl);
            start = j + old.length();
        }
        sb.append(s, start, s.length());
        return sb.toString();
    }

    /**
     * Go's {@code genSplit}: cuts {@code s} at {@code sep} into at most {@code n} pieces ({@code n < 0}: all),
     * each keeping the separator when {@code keepSeparator}. An empty separator splits into code points.
     */
    public static List<String> split(String s, String sep, boolean keepSeparator, long n) {
        List<String> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        if (sep.isEmpty()) {
            long runes = s.codePointCount(0, s.length());
            if (n < 0 || n > runes) {
                n = runes;
            }
            int i = 0;
            for (long k = 0; k < n - 1; k++) {
                int w = Character.charCount(s.codePointAt(i));
                out.add(s.substring(i, i + w));
                i += w;
            }
            if (n > 0) {
                out.add(s.substring(i));
            }
            return out;
        }
        if (n < 0) {
            n = count(s, sep) + 1;
        }
        int start = 0;
        while (out.size() < n - 1) {
            int m = s.indexOf(sep, start);
            if (m < 0) {
                break;
            }
            out.add(s.substring(start, keepSeparator ? m + sep.length() : m));
            start = m + sep.length();
        }
        out.add(s.substring(start));
        return out;
    }

    /** The code points of {@code s} from {@code start} to {@code end}, both clamped to the string. */
    public static String substring(String s, long start, long end) {
        int runes = s.codePointCount(0, s.length());
        long a = Math.min(Math.max(start, 0), runes);
        long b = Math.min(end, runes);
        if (b <= a) {
            return "";
        }
        int from = s.offsetByCodePoints(0, (int) a);
        int to = s.offsetByCodePoints(from, (int) (b - a));
        return s.substring(from, to);
    }
}
