package io.jflux.stdlib.regexp;

import io.jflux.eval.ArrayValue;
import io.jflux.eval.BoolValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.RegexValue;
import io.jflux.eval.Regexes;
import io.jflux.eval.StringValue;
import io.jflux.eval.Value;
import io.jflux.stdlib.Definitions;
import io.jflux.stdlib.JavaPackage;
import io.jflux.stdlib.strings.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/** {@code import "regexp"}: Go's {@code regexp} functions over Flux regular expressions. Nulls are errors. */
public final class RegexpPackage implements JavaPackage {

    @Override
    public void define(Definitions defs) {
        defs.function("compile", (a, in) -> Regexes.compile(a.string("v"), a.spanOf("v")))
            .function("quoteMeta", (a, in) -> new StringValue(GoRegexp.quoteMeta(a.string("v"))))
            .function("findString", (a, in) -> {
                Matcher m = a.regex("r").pattern().matcher(a.string("v"));
                return new StringValue(m.find() ? m.group() : "");
            })
            .function("findStringIndex", (a, in) -> {
                String v = a.string("v");
                Matcher m = a.regex("r").pattern().matcher(v);
                if (!m.find()) {
                    return ArrayValue.EMPTY;
                }
                return new ArrayValue(List.of(IntValue.of(GoStrings.byteOffset(v, m.start())),
                        IntValue.of(GoStrings.byteOffset(v, m.end()))));
            })
            .function("matchRegexpString", (a, in) ->
                    BoolValue.of(a.regex("r").pattern().matcher(a.string("v")).find()))
            .function("replaceAllString", (a, in) -> new StringValue(
                    GoRegexp.replaceAll(a.regex("r").pattern(), a.string("v"), a.string("t"))))
            .function("splitRegexp", (a, in) -> {
                RegexValue r = a.regex("r");
                List<Value> out = new ArrayList<>();
                for (String s : GoRegexp.split(r.pattern(), r.source(), a.string("v"), a.integer("i"))) {
                    out.add(new StringValue(s));
                }
                return new ArrayValue(out);
            })
            .function("getString", (a, in) -> new StringValue(a.regex("r").source()));
    }
}
