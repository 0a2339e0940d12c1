package io.jflux.eval;

import java.util.regex.Pattern;

/** A compiled regular expression; {@code source} is the pattern as Flux wrote it. */
public record RegexValue(String source, Pattern pattern) implements Value {
    @Override
    public Kind kind() {
        return Kind.REGEXP;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegexValue r && r.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }
}
