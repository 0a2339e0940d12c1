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

/** {@code import "strings"}: Go semantics, byte offsets for positions, code points for strlen and substring. */
class StringsPackageTest {

    /** {expression, expected as {@link FluxEval#show} writes it}; backticks stand for double quotes. */
    private static final String[][] CASES = {
        // title: the first letter of each word; ASCII punctuation and Unicode spaces separate words
        {"strings.title(v: `the little blue truck`)", "`The Little Blue Truck`"},
        {"strings.title(v: `hELLO wORLD`)", "`HELLO WORLD`"},
        {"strings.title(v: `o'neil is here-now_ok x.y`)", "`O'Neil Is Here-Now_ok X.Y`"},
        {"strings.title(v: `élan vital`)", "`Élan Vital`"},
        {"strings.title(v: `ǳemal`)", "`ǲemal`"},
        {"strings.title(v: ``)", "``"},
        // case mappings are one code point to one code point
        {"strings.toUpper(v: `lowercase`)", "`LOWERCASE`"},
        {"strings.toUpper(v: `LoLlErCaSe`)", "`LOLLERCASE`"},
        {"strings.toUpper(v: `ǳ`)", "`Ǳ`"},
        {"strings.toUpper(v: `straße héllo`)", "`STRAßE HÉLLO`"},
        {"strings.toLower(v: `LoLlErCaSe ÀÉÎ`)", "`lollercase àéî`"},
        {"strings.toTitle(v: `ǳ`)", "`ǲ`"},
        {"strings.toTitle(v: `abc`)", "`ABC`"},
        // trimming: the cutset is a set of characters
        {"strings.trim(v: `.abc.`, cutset: `.`)", "`abc`"},
        {"strings.trim(v: `smpl_x_smpl`, cutset: `smpl_`)", "`x`"},
        {"strings.trim(v: `  x `, cutset: ``)", "`  x `"},
        {"strings.trim(v: `aaa`, cutset: `a`)", "``"},
        {"strings.trim(v: `€x€£`, cutset: `£€`)", "`x`"},
        {"strings.trimLeft(v: `...x..`, cutset: `.`)", "`x..`"},
        {"strings.trimRight(v: `...x..`, cutset: `.`)", "`...x`"},
        {"strings.trimPrefix(v: `smpl_x`, prefix: `smpl_`)", "`x`"},
        {"strings.trimPrefix(v: `aab`, prefix: `a`)", "`ab`"},
        {"strings.trimPrefix(v: `x`, prefix: `y`)", "`x`"},
        {"strings.trimSuffix(v: `x_ex1`, suffix: `_ex1`)", "`x`"},
        {"strings.trimSuffix(v: `aab`, suffix: `b`)", "`aa`"},
        {"strings.trimSpace(v: ` \\t x y \\n\\r`)", "`x y`"},
        {"strings.trimSpace(v: `\u00a0\u3000x\u2003\u0085`)", "`x`"},
        {"strings.trimSpace(v: `\u200bx`)", "`\u200bx`"},
        // predicates
        {"strings.hasPrefix(v: `smpl_5`, prefix: `smpl`)", "true"},
        {"strings.hasPrefix(v: `abc`, prefix: ``)", "true"},
        {"strings.hasPrefix(v: `abc`, prefix: `abd`)", "false"},
        {"strings.hasSuffix(v: `abc4`, suffix: `4`)", "true"},
        {"strings.hasSuffix(v: `abc`, suffix: `b`)", "false"},
        {"strings.containsStr(v: `abc`, substr: `bc`)", "true"},
        {"strings.containsStr(v: `abc`, substr: ``)", "true"},
        {"strings.containsStr(v: `abc`, substr: `cb`)", "false"},
        {"strings.containsAny(v: `abc`, chars: `xyzc`)", "true"},
        {"strings.containsAny(v: `a€b`, chars: `€`)", "true"},
        {"strings.containsAny(v: `abc`, chars: ``)", "false"},
        {"strings.containsAny(v: ``, chars: `a`)", "false"},
        {"strings.equalFold(v: `Go`, t: `GO`)", "true"},
        {"strings.equalFold(v: `RJqcVGNlcJ`, t: `rjQCvGNLCj`)", "true"},
        {"strings.equalFold(v: `σς`, t: `ΣΣ`)", "true"},
        {"strings.equalFold(v: `k`, t: `\u212a`)", "true"},
        {"strings.equalFold(v: `ſ`, t: `S`)", "true"},
        {"strings.equalFold(v: `\u0130`, t: `i`)", "false"},
        {"strings.equalFold(v: `\u0131`, t: `I`)", "false"},
        {"strings.equalFold(v: `ab`, t: `a`)", "false"},
        {"strings.equalFold(v: `a`, t: `b`)", "false"},
        // compare orders bytes (code points), not UTF-16 units
        {"strings.compare(v: `a`, t: `b`)", "-1"},
        {"strings.compare(v: `b`, t: `a`)", "1"},
        {"strings.compare(v: `a`, t: `a`)", "0"},
        {"strings.compare(v: `a`, t: ``)", "1"},
        {"strings.compare(v: `\uff5e`, t: `😀`)", "-1"},
        // counting and positions (bytes)
        {"strings.countStr(v: `cheese`, substr: `e`)", "3"},
        {"strings.countStr(v: `aaaa`, substr: `aa`)", "2"},
        {"strings.countStr(v: `five`, substr: ``)", "5"},
        {"strings.countStr(v: `€😀`, substr: ``)", "3"},
        {"strings.index(v: `chicken`, substr: `ken`)", "4"},
        {"strings.index(v: `chicken`, substr: `dmr`)", "-1"},
        {"strings.index(v: `£ab`, substr: `a`)", "2"},
        {"strings.index(v: `😀x`, substr: `x`)", "4"},
        {"strings.index(v: `abc`, substr: ``)", "0"},
        {"strings.lastIndex(v: `go gopher`, substr: `go`)", "3"},
        {"strings.lastIndex(v: `a€a`, substr: `a`)", "4"},
        {"strings.lastIndex(v: `€€`, substr: ``)", "6"},
        {"strings.lastIndex(v: `abc`, substr: `x`)", "-1"},
        {"strings.indexAny(v: `golang`, chars: `ly`)", "2"},
        {"strings.indexAny(v: `£x`, chars: `x€`)", "2"},
        {"strings.indexAny(v: `abc`, chars: ``)", "-1"},
        {"strings.indexAny(v: `abc`, chars: `xyz`)", "-1"},
        {"strings.lastIndexAny(v: `go gopher`, chars: `go`)", "4"},
        {"strings.lastIndexAny(v: `€£`, chars: `£€`)", "3"},
        {"strings.lastIndexAny(v: `abc`, chars: ``)", "-1"},
        // one-byte character tests
        {"strings.isDigit(v: `1`)", "true"},
        {"strings.isDigit(v: `a`)", "false"},
        {"strings.isLetter(v: `a`)", "true"},
        {"strings.isLetter(v: `1`)", "false"},
        {"strings.isLower(v: `a`)", "true"},
        {"strings.isLower(v: `A`)", "false"},
        {"strings.isUpper(v: `A`)", "true"},
        {"strings.isUpper(v: `a`)", "false"},
        // building
        {"strings.repeat(v: `ha`, i: 3)", "`hahaha`"},
        {"strings.repeat(v: `x`, i: 0)", "``"},
        {"strings.repeat(v: ``, i: 5)", "``"},
        {"strings.replace(v: `This sucks. Everything sucks.`, t: `sucks`, u: `is fine`, i: 1)",
            "`This is fine. Everything sucks.`"},
        {"strings.replace(v: `oink oink oink`, t: `k`, u: `ky`, i: 2)", "`oinky oinky oink`"},
        {"strings.replace(v: `oink oink oink`, t: `oink`, u: `moo`, i: -1)", "`moo moo moo`"},
        {"strings.replace(v: `oink oink`, t: `oink`, u: `moo`, i: 0)", "`oink oink`"},
        {"strings.replace(v: `abc`, t: ``, u: `-`, i: 2)", "`-a-bc`"},
        {"strings.replace(v: `a€`, t: ``, u: `|`, i: -1)", "`|a|€|`"},
        {"strings.replaceAll(v: `This sucks. Everything sucks.`, t: `sucks`, u: `is fine`)",
            "`This is fine. Everything is fine.`"},
        {"strings.replaceAll(v: `ab`, t: ``, u: `-`)", "`-a-b-`"},
        {"strings.replaceAll(v: `aaa`, t: `aa`, u: `b`)", "`ba`"},
        // splitting
        {"strings.split(v: `foo, bar, baz, quz`, t: `, `)", "[`foo`, `bar`, `baz`, `quz`]"},
        {"strings.split(v: `,a,`, t: `,`)", "[``, `a`, ``]"},
        {"strings.split(v: ``, t: `,`)", "[``]"},
        {"strings.split(v: `a€😀`, t: ``)", "[`a`, `€`, `😀`]"},
        {"strings.split(v: ``, t: ``)", "[]"},
        {"strings.splitAfter(v: `foo, bar, baz, quz`, t: `, `)", "[`foo, `, `bar, `, `baz, `, `quz`]"},
        {"strings.splitAfter(v: `a,b,`, t: `,`)", "[`a,`, `b,`, ``]"},
        {"strings.splitN(v: `foo, bar, baz, quz`, t: `, `, i: 3)", "[`foo`, `bar`, `baz, quz`]"},
        {"strings.splitN(v: `foo, bar, baz, quz`, t: `, `, i: -1)", "[`foo`, `bar`, `baz`, `quz`]"},
        {"strings.splitN(v: `foo, bar`, t: `, `, i: 0)", "[]"},
        {"strings.splitN(v: `a,b,c`, t: `,`, i: 1)", "[`a,b,c`]"},
        {"strings.splitN(v: `a,b`, t: `,`, i: 10)", "[`a`, `b`]"},
        {"strings.splitN(v: `abc`, t: ``, i: 2)", "[`a`, `bc`]"},
        {"strings.splitAfterN(v: `foo, bar, baz, quz`, t: `, `, i: 3)", "[`foo, `, `bar, `, `baz, quz`]"},
        {"strings.joinStr(arr: [`foo`, `bar`, `baz`, `quz`], v: `, `)", "`foo, bar, baz, quz`"},
        {"strings.joinStr(arr: [`a`], v: `,`)", "`a`"},
        {"strings.joinStr(arr: strings.split(v: ``, t: ``), v: `,`)", "``"},
        // code points
        {"strings.strlen(v: `hello`)", "5"},
        {"strings.strlen(v: ``)", "0"},
        {"strings.strlen(v: `£€😀`)", "3"},
        {"strings.substring(v: `What's the Story, Morning Glory`, start: 18, end: 31)", "`Morning Glory`"},
        {"strings.substring(v: `hello world`, start: 6, end: 11)", "`world`"},
        {"strings.substring(v: `convert £ to €`, start: 8, end: 14)", "`£ to €`"},
        {"strings.substring(v: `convert £ to €`, start: 8, end: 13)", "`£ to `"},
        {"strings.substring(v: `start out of bounds`, start: -1, end: 5)", "`start`"},
        {"strings.substring(v: `end out of bounds`, start: 11, end: 100)", "`bounds`"},
        {"strings.substring(v: `end <= start`, start: 5, end: -1)", "``"},
        {"strings.substring(v: `end <= start`, start: 12, end: 100)", "``"},
        {"strings.substring(v: `abc`, start: 5, end: 10)", "``"},
        {"strings.substring(v: `😀ab`, start: 1, end: 2)", "`a`"},
    };

    static Stream<Arguments> cases() {
        return Arrays.stream(CASES).map(c -> Arguments.of(c[0], c[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluates(String expression, String expected) {
        assertEquals(expected, FluxEval.show(FluxEval.eval("strings", "", expression)));
    }

    /** {expression, a part of the error message}. */
    private static final String[][] ERRORS = {
        {"strings.isDigit(v: `ab`)", "argument length is not equal to 1"},
        {"strings.isDigit(v: ``)", "argument length is not equal to 1"},
        {"strings.isLetter(v: `é`)", "argument length is not equal to 1"},
        {"strings.isUpper(v: `AB`)", "argument length is not equal to 1"},
        {"strings.repeat(v: `x`, i: -1)", "argument i of repeat must not be negative"},
        {"strings.toUpper(v: 1)", "argument v of toUpper: expected string but found int"},
        {"strings.substring(v: `abc`, start: 1.0, end: 2)", "argument start of substring: expected int but found float"},
        {"strings.joinStr(arr: [1, 2], v: `,`)", "argument arr of joinStr: expected [string] but found [int]"},
        {"strings.toUpper(v: {}.missing)", "argument v: expected string but found null"},
        {"strings.trim(v: `x`, cutset: {}.missing)", "argument cutset: expected string but found null"},
        {"strings.title()", "missing required argument v"},
        {"strings.title(v: `x`, w: `y`)", "found unexpected argument w"},
    };

    static Stream<Arguments> errors() {
        return Arrays.stream(ERRORS).map(c -> Arguments.of(c[0], c[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void fails(String expression, String message) {
        FluxException e = assertThrows(FluxException.class, () -> FluxEval.eval("strings", "", expression));
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    }
}
