package io.jflux.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jflux.diag.FluxException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code import "regexp"}: Go's matching rules for successive matches, Expand templates and Split. */
class RegexpPackageTest {

    /** {expression, expected as {@link FluxEval#show} writes it}; backticks stand for double quotes. */
    private static final String[][] CASES = {
        {"regexp.compile(v: `abcd`)", "abcd"},
        {"regexp.matchRegexpString(r: regexp.compile(v: `^a.c$`), v: `abc`)", "true"},
        {"regexp.getString(r: regexp.compile(v: `x+`))", "`x+`"},
        {"regexp.quoteMeta(v: `.+*?()|[]{}^$`)", "`\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$`"},
        {"regexp.quoteMeta(v: `Escaping symbols like: a-b, 1/2 \\\\`)", "`Escaping symbols like: a-b, 1/2 \\\\`"},
        {"regexp.findString(r: /foo.?/, v: `seafood fool`)", "`food`"},
        {"regexp.findString(r: /x+/, v: `abc`)", "``"},
        {"regexp.findString(r: /a*/, v: `baaa`)", "``"},
        {"regexp.findStringIndex(r: /ab?/, v: `tablet`)", "[1, 3]"},
        {"regexp.findStringIndex(r: /ab?/, v: `tablett`)", "[1, 3]"},
        {"regexp.findStringIndex(r: /x/, v: `abc`)", "[]"},
        {"regexp.findStringIndex(r: /€+/, v: `a£€€b`)", "[3, 9]"},
        {"regexp.matchRegexpString(r: /(gopher){2}/, v: `gophergophergopher`)", "true"},
        {"regexp.matchRegexpString(r: /^b/, v: `ab`)", "false"},
        {"regexp.matchRegexpString(r: /b/, v: `ab`)", "true"},
        // replaceAllString: Expand templates
        {"regexp.replaceAllString(r: /a(x*)b/, v: `-ab-axxb-`, t: `T`)", "`-T-T-`"},
        {"regexp.replaceAllString(r: /a(x*)b/, v: `-ab-axxb-`, t: `$1`)", "`--xx-`"},
        {"regexp.replaceAllString(r: /a(x*)b/, v: `-ab-axxb-`, t: `$1W`)", "`---`"},
        {"regexp.replaceAllString(r: /a(x*)b/, v: `-ab-axxb-`, t: `\\${1}W`)", "`-W-xxW-`"},
        {"regexp.replaceAllString(r: /a(?P<x>x*)b/, v: `-ab-axxb-`, t: `\\${x}!`)", "`-!-xx!-`"},
        {"regexp.replaceAllString(r: /a(?P<x>x*)b/, v: `-ab-axxb-`, t: `$x.`)", "`-.-xx.-`"},
        {"regexp.replaceAllString(r: /a(x*)b/, v: `-ab-axxb-`, t: `$$1`)", "`-$1-$1-`"},
        {"regexp.replaceAllString(r: /a(x*)b/, v: `-ab-axxb-`, t: `$`)", "`-$-$-`"},
        {"regexp.replaceAllString(r: /a(x*)b/, v: `-ab-axxb-`, t: `\\${1`)", "`-${1-${1-`"},
        {"regexp.replaceAllString(r: /a(x*)b/, v: `-ab-axxb-`, t: `$2<$0>`)", "`-<ab>-<axxb>-`"},
        {"regexp.replaceAllString(r: /a(x*)b/, v: `-ab-axxb-`, t: `$01`)", "`---`"},
        {"regexp.replaceAllString(r: /(a)|(b)/, v: `ab`, t: `[$1$2]`)", "`[a][b]`"},
        {"regexp.replaceAllString(r: /[sm]|\\d/, v: `smpl_5x`, t: ``)", "`pl_x`"},
        // an empty match right after a match is not replaced
        {"regexp.replaceAllString(r: /a*/, v: `baaac`, t: `-`)", "`-b-c-`"},
        {"regexp.replaceAllString(r: /a*/, v: `bab`, t: `-`)", "`-b-b-`"},
        {"regexp.replaceAllString(r: /x*/, v: `€`, t: `-`)", "`-€-`"},
        // splitRegexp
        {"regexp.splitRegexp(r: /a*/, v: `abaabaccadaaae`, i: -1)", "[``, `b`, `b`, `c`, `c`, `d`, `e`]"},
        {"regexp.splitRegexp(r: /a*/, v: `abaabaccadaaae`, i: 5)", "[``, `b`, `b`, `c`, `cadaaae`]"},
        {"regexp.splitRegexp(r: /,/, v: `a,b,c`, i: 0)", "[]"},
        {"regexp.splitRegexp(r: /,/, v: `a,b,c`, i: 2)", "[`a`, `b,c`]"},
        {"regexp.splitRegexp(r: /,/, v: `a,b,c`, i: 1)", "[`a,b,c`]"},
        {"regexp.splitRegexp(r: /x*/, v: ``, i: -1)", "[``]"},
        {"regexp.splitRegexp(r: /\\s+/, v: ` a  b `, i: -1)", "[``, `a`, `b`, ``]"},
        {"regexp.splitRegexp(r: regexp.compile(v: ``), v: `abc`, i: -1)", "[`a`, `b`, `c`]"},
        {"regexp.splitRegexp(r: /b/, v: `€b😀`, i: -1)", "[`€`, `😀`]"},
        {"regexp.getString(r: /[a-zA-Z]/)", "`[a-zA-Z]`"},
    };

    static Stream<Arguments> cases() {
        return Arrays.stream(CASES).map(c -> Arguments.of(c[0], c[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluates(String expression, String expected) {
        assertEquals(expected, FluxEval.show(FluxEval.eval("regexp", "", expression)));
    }

    /** {expression, a part of the error message}. */
    private static final String[][] ERRORS = {
        {"regexp.compile(v: `a(`)", "invalid regular expression"},
        {"regexp.findString(r: `abc`, v: `x`)", "argument r of findString: expected regexp but found string"},
        {"regexp.splitRegexp(r: /a/, v: `x`, i: 1.0)", "argument i of splitRegexp: expected int but found float"},
        {"regexp.findString(r: /a/, v: {}.missing)", "argument v: expected string but found null"},
        {"regexp.getString(r: {}.missing)", "argument r: expected regexp but found null"},
    };

    static Stream<Arguments> errors() {
        return Arrays.stream(ERRORS).map(c -> Arguments.of(c[0], c[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void fails(String expression, String message) {
        FluxException e = assertThrows(FluxException.class, () -> FluxEval.eval("regexp", "", expression));
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    }
}
