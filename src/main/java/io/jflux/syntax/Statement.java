package io.jflux.syntax;

import java.util.List;

/** Flux statements. Each carries what stands before it in the source ({@link Leading}). */
public sealed interface Statement extends Node {

    Leading leading();

    /** {@code option name = value} or {@code option pkg.name = value} ({@code pkg} null when absent). */
    record OptionStatement(Span span, Leading leading, Expression.Identifier pkg, Expression.Identifier name,
                           Expression value) implements Statement {}

    /** {@code builtin name : type}. */
    record BuiltinStatement(Span span, Leading leading, Expression.Identifier name, TypeExpression type)
            implements Statement {}

    /** {@code testcase name [extends "path"] { ... }}. */
    record TestcaseStatement(Span span, Leading leading, Expression.Identifier name,
                             Expression.StringLiteral extendsPath, Block block) implements Statement {}

    record ReturnStatement(Span span, Leading leading, Expression argument) implements Statement {}

    record VariableAssignment(Span span, Leading leading, Expression.Identifier id, Expression init)
            implements Statement {}

    record ExpressionStatement(Span span, Leading leading, Expression expression) implements Statement {}

    /** {@code { statements }}; {@code trailingComments} stand before the closing brace. */
    record Block(Span span, List<Statement> body, List<String> trailingComments) implements Node {
        public Block {
            body = List.copyOf(body);
            trailingComments = List.copyOf(trailingComments);
        }
    }
}
