package io.jflux.syntax;

import java.util.List;

/** Flux expressions. Lists are copied on construction; nullable components say so. */
public sealed interface Expression extends Node {

    /** A record or argument key: an identifier or a string literal. */
    sealed interface PropertyKey extends Node permits Identifier, StringLiteral {
        /** The key as a name. */
        String key();
    }

    record Identifier(Span span, String name) implements Expression, PropertyKey {
        @Override
        public String key() {
            return name;
        }
    }

    record IntegerLiteral(Span span, long value) implements Expression {}

    record FloatLiteral(Span span, double value) implements Expression {}

    record StringLiteral(Span span, String value) implements Expression, PropertyKey {
        @Override
        public String key() {
            return value;
        }
    }

    /** A string with interpolations: parts are {@link TextPart}s and {@link InterpolatedPart}s. */
    record StringExpression(Span span, List<StringPart> parts) implements Expression {
        public StringExpression {
            parts = List.copyOf(parts);
        }
    }

    sealed interface StringPart permits TextPart, InterpolatedPart {}

    record TextPart(String value) implements StringPart {}

    record InterpolatedPart(Expression expression) implements StringPart {}

    /** One magnitude-unit pair of a duration literal; units as written ({@code mo}, {@code µs} kept as {@code us}). */
    record DurationPart(long magnitude, String unit) {}

    record DurationLiteral(Span span, List<DurationPart> parts) implements Expression {
        public DurationLiteral {
            parts = List.copyOf(parts);
        }
    }

    /** A date-time literal: its text as written, and the instant in nanoseconds since the Unix epoch (UTC). */
    record DateTimeLiteral(Span span, String text, long epochNanos) implements Expression {}

    /** A regular expression literal; {@code pattern} has {@code \/} already turned into {@code /}. */
    record RegexLiteral(Span span, String pattern) implements Expression {}

    /** {@code <-}, the default of a pipe parameter. */
    record PipeLiteral(Span span) implements Expression {}

    /** {@code .name}, a label. */
    record LabelLiteral(Span span, String name) implements Expression {}

    /** {@code key: value}; {@code value} is null for the shorthand {@code {a, b}}. */
    record Property(Span span, List<String> comments, PropertyKey key, Expression value) implements Node {
        public Property {
            comments = List.copyOf(comments);
        }
    }

    /** {@code {a: 1}} or {@code {r with a: 1}}; {@code with} is null for a plain record. */
    record RecordExpression(Span span, Identifier with, List<Property> properties) implements Expression {
        public RecordExpression {
            properties = List.copyOf(properties);
        }
    }

    /**
     * {@code [a, b]}; {@code comments} holds, for each element, the comments that stand on their own lines before it
     * (an empty list for none; an empty {@code comments} stands for no comments at all).
     */
    record ArrayExpression(Span span, List<Expression> elements, List<List<String>> comments) implements Expression {
        public ArrayExpression {
            elements = List.copyOf(elements);
            if (comments.isEmpty()) {
                comments = java.util.Collections.nCopies(elements.size(), List.of());
            } else if (comments.size() != elements.size()) {
                throw new IllegalArgumentException("one list of comments per element");
            }
            comments = comments.stream().map(List::copyOf).toList();
        }

        public ArrayExpression(Span span, List<Expression> elements) {
            this(span, elements, List.of());
        }
    }

    /** {@code key: value} in a dictionary, with the comments that stand on their own lines before it. */
    record DictItem(Span span, List<String> comments, Expression key, Expression value) implements Node {
        public DictItem {
            comments = List.copyOf(comments);
        }

        public DictItem(Span span, Expression key, Expression value) {
            this(span, List.of(), key, value);
        }
    }

    /** {@code ["a": 1]}; empty for {@code [:]}. */
    record DictExpression(Span span, List<DictItem> items) implements Expression {
        public DictExpression {
            items = List.copyOf(items);
        }
    }

    /**
     * A function literal. Parameters are properties whose value is the default (null when there is none, a
     * {@link PipeLiteral} for the pipe parameter). The body is a {@link Block} or an {@link Expression}.
     */
    record FunctionExpression(Span span, List<Property> params, Node body) implements Expression {
        public FunctionExpression {
            params = List.copyOf(params);
        }
    }

    record ParenExpression(Span span, Expression expression) implements Expression {}

    /** A call; named arguments only. */
    record CallExpression(Span span, Expression callee, List<Property> arguments) implements Expression {
        public CallExpression {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code argument |> call}; {@code comments} stand on their own lines before the {@code |>}. */
    record PipeExpression(Span span, Expression argument, CallExpression call, List<String> comments)
            implements Expression {
        public PipeExpression {
            comments = List.copyOf(comments);
        }

        public PipeExpression(Span span, Expression argument, CallExpression call) {
            this(span, argument, call, List.of());
        }
    }

    /** {@code a.b} (identifier key) or {@code a["b"]} (string key). */
    record MemberExpression(Span span, Expression object, PropertyKey property) implements Expression {}

    /** {@code a[i]} where {@code i} is not a string literal. */
    record IndexExpression(Span span, Expression array, Expression index) implements Expression {}

    /** Arithmetic and comparison operators. */
    record BinaryExpression(Span span, Operator operator, Expression left, Expression right) implements Expression {}

    /** {@code and}, {@code or}: they short-circuit. */
    record LogicalExpression(Span span, Operator operator, Expression left, Expression right) implements Expression {}

    /** {@code - + not exists}. */
    record UnaryExpression(Span span, Operator operator, Expression argument) implements Expression {}

    record ConditionalExpression(Span span, Expression test, Expression consequent, Expression alternate)
            implements Expression {}
}
