package io.jflux.stdlib.strings;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.Arguments;
import io.jflux.eval.ArrayValue;
import io.jflux.eval.BoolValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.Operators;
import io.jflux.eval.StringValue;
import io.jflux.eval.Value;
import io.jflux.stdlib.Definitions;
import io.jflux.stdlib.JavaPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * {@code import "strings"}: Go's {@code strings} functions. Positions are UTF-8 byte offsets except in
 * {@code strlen} and {@code substring}, which count code points. A null argument is an error, as upstream.
 */
public final class StringsPackage implements JavaPackage {

    @Override
    public void define(Definitions defs) {
        defs.function("title", (a, in) -> str(GoStrings.title(a.string("v"))))
            .function("toUpper", (a, in) -> str(GoStrings.toUpper(a.string("v"))))
            .function("toLower", (a, in) -> str(GoStrings.toLower(a.string("v"))))
            .function("toTitle", (a, in) -> str(GoStrings.toTitle(a.string("v"))))
            .function("trim", (a, in) -> str(GoStrings.trim(a.string("v"), a.string("cutset"))))
            .function("trimLeft", (a, in) -> str(GoStrings.trimLeft(a.string("v"), a.string("cutset"))))
            .function("trimRight", (a, in) -> str(GoStrings.trimRight(a.string("v"), a.string("cutset"))))
            .function("trimPrefix", (a, in) -> {
                String v = a.string("v");
                String prefix = a.string("prefix");
                return str(v.startsWith(prefix) ? v.substring(prefix.length()) : v);
            })
            .function("trimSuffix", (a, in) -> {
                String v = a.string("v");
                String suffix = a.string("suffix");
                return str(v.endsWith(suffix) ? v.substring(0, v.length() - suffix.length()) : v);
            })
            .function("trimSpace", (a, in) -> str(GoStrings.trimSpace(a.string("v"))))
            .function("hasPrefix", (a, in) -> BoolValue.of(a.string("v").startsWith(a.string("prefix"))))
            .function("hasSuffix", (a, in) -> BoolValue.of(a.string("v").endsWith(a.string("suffix"))))
            .function("containsStr", (a, in) -> BoolValue.of(a.string("v").contains(a.string("substr"))))
            .function("containsAny", (a, in) -> BoolValue.of(GoStrings.indexAny(a.string("v"), a.string("chars")) >= 0))
            .function("equalFold", (a, in) -> BoolValue.of(GoStrings.equalFold(a.string("v"), a.string("t"))))
            .function("compare", (a, in) -> IntValue.of(Operators.compareUtf8(a.string("v"), a.string("t"))))
            .function("countStr", (a, in) -> IntValue.of(GoStrings.count(a.string("v"), a.string("substr"))))
            .function("index", (a, in) -> IntValue.of(GoStrings.index(a.string("v"), a.string("substr"))))
            .function("lastIndex", (a, in) -> IntValue.of(GoStrings.lastIndex(a.string("v"), a.string("substr"))))
            .function("indexAny", (a, in) -> IntValue.of(GoStrings.indexAny(a.string("v"), a.string("chars"))))
            .function("lastIndexAny", (a, in) ->
                    IntValue.of(GoStrings.lastIndexAny(a.string("v"), a.string("chars"))))
            .function("isDigit", (a, in) -> oneByte(a, c -> c >= '0' && c <= '9'))
            .function("isLetter", (a, in) -> oneByte(a, c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'))
            .function("isLower", (a, in) -> oneByte(a, c -> c >= 'a' && c <= 'z'))
            .function("isUpper", (a, in) -> oneByte(a, c -> c >= 'A' && c <= 'Z'))
            .function("repeat", StringsPackage::repeat)
            .function("replace", (a, in) ->
                    str(GoStrings.replace(a.string("v"), a.string("t"), a.string("u"), a.integer("i"))))
            .function("replaceAll", (a, in) ->
                    str(GoStrings.replace(a.string("v"), a.string("t"), a.string("u"), -1)))
            .function("split", (a, in) -> strings(GoStrings.split(a.string("v"), a.string("t"), false, -1)))
            .function("splitAfter", (a, in) -> strings(GoStrings.split(a.string("v"), a.string("t"), true, -1)))
            .function("splitN", (a, in) ->
                    strings(GoStrings.split(a.string("v"), a.string("t"), false, a.integer("i"))))
            .function("splitAfterN", (a, in) ->
                    strings(GoStrings.split(a.string("v"), a.string("t"), true, a.integer("i"))))
            .function("joinStr", StringsPackage::joinStr)
            .function("strlen", (a, in) -> {
                String v = a.string("v");
                return IntValue.of(v.codePointCount(0, v.length()));
            })
            .function("substring", (a, in) ->
                    str(GoStrings.substring(a.string("v"), a.integer("start"), a.integer("end"))));
    }

    private static StringValue str(String s) {
        return new StringValue(s);
    }

    private static ArrayValue strings(List<String> parts) {
        List<Value> out = new ArrayList<>(parts.size());
        for (String p : parts) {
            out.add(new StringValue(p));
        }
        return new ArrayValue(out);
    }

    /**
     * The character predicates take a string of exactly one UTF-8 byte (so only ASCII characters pass), as the
     * reference implementation does.
     */
    private static Value oneByte(Arguments a, IntPredicate test) {
        String v = a.string("v");
        if (v.length() != 1 || v.charAt(0) >= 0x80) {
            throw new FluxException(ErrorCode.INVALID,
                    "\"v\" is not a valid argument: argument length is not equal to 1", a.spanOf("v"));
        }
        return BoolValue.of(test.test(v.charAt(0)));
    }

    private static Value repeat(Arguments a, io.jflux.eval.Interpreter in) {
        String v = a.string("v");
        long i = a.integer("i");
        if (i < 0) {
            throw new FluxException(ErrorCode.INVALID, "argument i of repeat must not be negative, got " + i,
                    a.spanOf("i"));
        }
        if (!v.isEmpty() && i > (Integer.MAX_VALUE - 16) / v.length()) {
            throw new FluxException(ErrorCode.RESOURCE_EXHAUSTED, "repeat: the result would be too long",
                    a.callSite());
        }
        return str(v.repeat((int) (v.isEmpty() ? 0 : i)));
    }

    private static Value joinStr(Arguments a, io.jflux.eval.Interpreter in) {
        ArrayValue arr = a.array("arr");
        String sep = a.string("v");
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < arr.size(); k++) {
            if (!(arr.get(k) instanceof StringValue s)) {
                throw new FluxException(ErrorCode.INVALID, "argument arr of joinStr: element " + k
                        + " is " + arr.get(k).kind().fluxName() + ", expected string", a.spanOf("arr"));
            }
            if (k > 0) {
                sb.append(sep);
            }
            sb.append(s.value());
        }
        return str(sb.toString());
    }
}
