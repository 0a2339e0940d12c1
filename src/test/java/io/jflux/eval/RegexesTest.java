package io.jflux.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jflux.api.Engine;
import io.jflux.api.RunOptions;
import io.jflux.syntax.Span;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Flux regexes mean what Go's RE2 means, though Java's engine runs them: one row per difference. */
class RegexesTest {

    @ParameterizedTest(name = "/{0}/ finds in \"{1}\": {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "a$|a\\n|false",              // $ is the end of the text, not before a final newline
        "a$|xa|true",
        "(?m)a$|a\\nb|true",          // unless multi-line mode is on
        "^.$|\\r|true",               // . matches a carriage return
        "x\\b|xé|true",               // \b: ASCII word characters only
        "x\\B|xé|false",
        "\\bé|é|false",
        "[[:alpha:]]+$|abc|true",
        "^[[:^digit:]]+$|abc|true",
        "^[[:^digit:]]+$|ab1|false",
        "^[]a]+$|]a]|true",           // ']' first in a class is a literal
        "^[a[]+$|a[|true",            // '[' in a class is a literal
        "^(?P<first_name>\\w+)$|flux|true",
        "(?i)FLUX|flux|true",
        "\\Q$.\\E|a$.b|true",
    })
    void matchesAsGoDoes(String pattern, String input, boolean found) {
        String text = input.replace("\\n", "\n").replace("\\r", "\r");
        RegexValue re = Regexes.compile(pattern, Span.NONE);
        assertEquals(found, re.pattern().matcher(text).find());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "first_name|jfxg66697273745f6e616d65",
        "name|name",
        "n2|n2",
    })
    void groupNamesJavaForbidsAreEncoded(String go, String java) {
        assertEquals(java, Regexes.javaGroupName(go));
    }

    @org.junit.jupiter.api.Test
    void namedGroupsWithUnderscoresWorkInTemplates() {
        String src = "import \"regexp\"\n"
                + "regexp.replaceAllString(r: /(?P<first_name>\\w+) (?P<last>\\w+)/, v: \"Ada Lovelace\","
                + " t: \"\\${last}, \\${first_name}\")";
        Value v = Engine.create().compile("t.flux", src).run(RunOptions.defaults()).last();
        assertEquals(new StringValue("Lovelace, Ada"), v);
    }
}
