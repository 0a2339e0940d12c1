package io.jflux.syntax;

import java.util.List;

/** The type of a {@code builtin} declaration: a monotype with {@code where} constraints on its type variables. */
public record TypeExpression(Span span, MonoType type, List<Constraint> constraints) implements Node {

    public TypeExpression {
        constraints = List.copyOf(constraints);
    }

    /** {@code A: Addable + Comparable}. */
    public record Constraint(Span span, Expression.Identifier tvar, List<Expression.Identifier> kinds) implements Node {
        public Constraint {
            kinds = List.copyOf(kinds);
        }
    }

    /** Type syntax. */
    public sealed interface MonoType extends Node {}

    /** A basic type ({@code int}, {@code string}, ...) or a type variable ({@code A}). */
    public record NamedType(Span span, Expression.Identifier name) implements MonoType {}

    /** {@code stream[A]}, {@code vector[A]}. */
    public record GenericType(Span span, Expression.Identifier name, MonoType argument) implements MonoType {}

    public record ArrayType(Span span, MonoType element) implements MonoType {}

    public record DictType(Span span, MonoType key, MonoType value) implements MonoType {}

    /** {@code {A with a: int}}; {@code tvar} null for a closed record. */
    public record RecordType(Span span, Expression.Identifier tvar, List<PropertyType> properties) implements MonoType {
        public RecordType {
            properties = List.copyOf(properties);
        }
    }

    public record PropertyType(Span span, Expression.PropertyKey name, MonoType type) implements Node {}

    public enum ParameterKind { REQUIRED, OPTIONAL, PIPE }

    /**
     * A function parameter type; {@code name} is null only for an anonymous pipe parameter {@code <-: T}.
     * An optional parameter may name its default label: {@code ?column: C = "_value"} ({@code defaultLabel},
     * otherwise null).
     */
    public record ParameterType(Span span, ParameterKind kind, Expression.Identifier name, MonoType type,
                                Expression.StringLiteral defaultLabel) implements Node {
        public ParameterType(Span span, ParameterKind kind, Expression.Identifier name, MonoType type) {
            this(span, kind, name, type, null);
        }
    }

    public record FunctionType(Span span, List<ParameterType> parameters, MonoType result) implements MonoType {
        public FunctionType {
            parameters = List.copyOf(parameters);
        }
    }
}
