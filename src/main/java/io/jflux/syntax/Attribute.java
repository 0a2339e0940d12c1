package io.jflux.syntax;

import java.util.List;

/** An attribute such as {@code @edition("2022.1")}; its parameters are literals. */
public record Attribute(Span span, String name, List<Expression> params) implements Node {
    public Attribute {
        params = List.copyOf(params);
    }
}
