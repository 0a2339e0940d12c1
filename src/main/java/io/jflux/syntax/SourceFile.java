package io.jflux.syntax;

import java.util.List;

/**
 * A parsed Flux file: optional package clause, imports, statements, and the comments that stand after the last
 * statement. {@code name} is where the source came from (a path, {@code -} or {@code <expr>}).
 */
public record SourceFile(Span span, String name, PackageClause packageClause, List<ImportDeclaration> imports,
                         List<Statement> body, List<String> trailingComments) implements Node {

    public SourceFile {
        imports = List.copyOf(imports);
        body = List.copyOf(body);
        trailingComments = List.copyOf(trailingComments);
    }

    /** {@code package name}. */
    public record PackageClause(Span span, Leading leading, Expression.Identifier name) implements Node {}

    /** {@code import [alias] "path"}; {@code alias} may be null. */
    public record ImportDeclaration(Span span, Leading leading, Expression.Identifier alias,
                                    Expression.StringLiteral path) implements Node {}
}
