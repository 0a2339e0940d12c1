package io.jflux.syntax;

import io.jflux.diag.Diagnostic;
import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.syntax.Expression.*;
import io.jflux.syntax.Statement.*;
import io.jflux.syntax.TypeExpression.*;
import io.jflux.syntax.antlr.FluxLexer;
import io.jflux.syntax.antlr.FluxParser;
import io.jflux.syntax.antlr.FluxParser.*;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns source text into the syntax tree. The only class that knows ANTLR: it runs the generated parser (SLL
 * prediction first, full LL only when SLL fails), collects every syntax error with its span, and builds the
 * immutable tree, attaching comments to the statements and properties they precede.
 */
final class AstBuilder {

    private final String sourceName;
    private final CommonTokenStream tokens;
    private final BitSet claimedComments = new BitSet();
    private final List<Diagnostic> errors;
    private Token lastStringToken;
    private Span lastStringSpan;

    private AstBuilder(String sourceName, CommonTokenStream tokens, List<Diagnostic> errors) {
        this.sourceName = sourceName;
        this.tokens = tokens;
        this.errors = errors;
    }

    // ------------------------------------------------------------------ entry points

    static Parser.Result parseFile(String sourceName, String source) {
        List<Diagnostic> errors = new ArrayList<>();
        FluxLexer lexer = new FluxLexer(CharStreams.fromString(source, sourceName));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        FluxParser parser = new FluxParser(tokens);
        AstBuilder builder = new AstBuilder(sourceName, tokens, errors);
        SourceFile file;
        try {
            file = builder.fastFile(parser);
            if (file == null) {
                // Something SLL prediction could not settle, or a syntax error: parse the whole file again with
                // full LL prediction and error recovery, so every error is reported.
                tokens.seek(0);
                parser.reset();
                builder = new AstBuilder(sourceName, tokens, errors);
                FileContext tree = runParser(parser, tokens, sourceName, errors, FluxParser::file, "end of input");
                if (!errors.isEmpty()) {
                    // The tree is incomplete, but the literals can still be checked: report their errors too.
                    new AstBuilder(sourceName, tokens, errors).checkLiterals();
                    throw new FluxException(sortedByPosition(errors));
                }
                file = builder.file(tree);
            }
        } catch (StackOverflowError e) {
            throw new FluxException(ErrorCode.SYNTAX, "expression nested too deeply");
        }
        if (!errors.isEmpty()) {
            throw new FluxException(sortedByPosition(errors));
        }
        int comments = 0;
        for (Token t : tokens.getTokens()) {
            if (t.getType() == FluxLexer.COMMENT) {
                comments++;
            }
        }
        return new Parser.Result(file, comments - builder.claimedComments.cardinality());
    }

    /**
     * The fast path: SLL prediction, no error recovery, one statement's parse tree at a time. Returns null when
     * the input needs the slow path (full LL or error reporting).
     */
    private SourceFile fastFile(FluxParser parser) {
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new org.antlr.v4.runtime.BailErrorStrategy());
        try {
            Token start = tokens.LT(1);
            HeaderContext header = parser.header();
            SourceFile.PackageClause pkg = packageClause(header.packageClause());
            List<SourceFile.ImportDeclaration> imports = imports(header.importDeclaration());
            List<Statement> body = new ArrayList<>();
            while (tokens.LA(1) != Token.EOF) {
                StatementContext s = parser.statement();
                body.add(statement(s, !body.isEmpty()));
            }
            Token eof = tokens.LT(1);
            List<String> trailing = commentsBefore(eof);
            Span whole = new Span(start.getLine(), start.getCharPositionInLine() + 1, eof.getLine(),
                    eof.getCharPositionInLine() + 1);
            return new SourceFile(whole, sourceName, pkg, imports, body, trailing);
        } catch (ParseCancellationException e) {
            claimedComments.clear();
            return null;
        }
    }

    /** Reports the errors of every integer, string and date-time literal token (escapes, ranges, offsets). */
    private void checkLiterals() {
        for (Token t : tokens.getTokens()) {
            switch (t.getType()) {
                case FluxLexer.INT: integer(tokenSpan(t), t.getText()); break;
                case FluxLexer.STRING: string(t); break;
                case FluxLexer.DATETIME: dateTime(tokenSpan(t), t.getText()); break;
                default: break;
            }
        }
    }

    private static List<Diagnostic> sortedByPosition(List<Diagnostic> errors) {
        List<Diagnostic> sorted = new ArrayList<>(errors);
        sorted.sort(java.util.Comparator.comparingInt((Diagnostic d) -> d.span().startLine())
                .thenComparingInt(d -> d.span().startColumn()));
        return sorted;
    }

    private interface Entry<T extends ParserRuleContext> {
        T run(FluxParser parser);
    }

    private static <T extends ParserRuleContext> T runParser(FluxParser parser, CommonTokenStream tokens,
                                                             String sourceName, List<Diagnostic> errors,
                                                             Entry<T> entry, String endName) {
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new org.antlr.v4.runtime.BailErrorStrategy());
        try {
            return entry.run(parser);
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(new ErrorCollector(sourceName, errors, endName));
            return entry.run(parser);
        }
    }

    /** Turns ANTLR's reports into Flux diagnostics: what was found, and what was expected when that is short. */
    private static final class ErrorCollector extends BaseErrorListener {
        private final String sourceName;
        private final List<Diagnostic> errors;
        private int lastLine = -1;
        private int lastStatement = -1;
        private int lastColumn = -1;
        private boolean misplacedIf;

        private final String endName;

        ErrorCollector(String sourceName, List<Diagnostic> errors, String endName) {
            this.sourceName = sourceName;
            this.errors = errors;
            this.endName = endName;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                String msg, RecognitionException e) {
            if (line == lastLine) {
                return; // one report per line: recovery often finds the consequences of an error next to it
            }
            if (recognizer instanceof FluxParser p && p.getContext() != null) {
                // One report per top-level statement: after the first error, recovery inside the same
                // statement mostly finds the consequences of that error, not new ones.
                ParserRuleContext top = p.getContext();
                while (top.getParent() != null && !(top.getParent() instanceof FileContext)) {
                    top = top.getParent();
                }
                if (top.getParent() instanceof FileContext && top.getStart() != null) {
                    int statement = top.getStart().getTokenIndex();
                    if (statement == lastStatement) {
                        return;
                    }
                    lastStatement = statement;
                }
            }
            lastLine = line;
            lastColumn = column;
            Token t = offendingSymbol instanceof Token tok ? tok : null;
            if (t != null && misplacedIf && (t.getType() == FluxLexer.THEN || t.getType() == FluxLexer.ELSE)) {
                return; // the rest of an if/then/else already reported
            }
            misplacedIf = false;
            Span span = t == null ? new Span(line, column + 1, line, column + 2) : where(recognizer, t);
            String message;
            if (t != null && t.getType() == FluxLexer.IF) {
                misplacedIf = true;
                message = "unexpected 'if': an if/then/else cannot be an operand, write it in parentheses:"
                        + " (if ... then ... else ...)";
            } else if (t != null && t.getType() == FluxLexer.IMPORT) {
                message = "unexpected 'import': imports must come before every other statement"
                        + " (after the package clause, if any)";
            } else if (t != null && t.getType() == FluxLexer.PACKAGE) {
                message = "unexpected 'package': the package clause must come first in the file";
            } else if (t != null && t.getType() == FluxLexer.LBRACE && previous(recognizer, t) == FluxLexer.ARROW) {
                message = "unexpected '{': a function body in braces is a block of statements that must end in"
                        + " return; to return a record, write it in parentheses: () => ({...})";
            } else if (t != null && BINARY.contains(t.getType()) && !startsOperand(next(recognizer, t))) {
                // The parser stops before an operator whose right operand is missing; the fault is after it.
                Token after = nextToken(recognizer, t);
                span = where(recognizer, after);
                lastLine = after.getLine();
                lastColumn = after.getCharPositionInLine();
                message = "unexpected " + describe(after) + ", expected an expression after " + quote(t.getText());
            } else if (t != null && !startsOperand(t) && BINARY.contains(previous(recognizer, t))) {
                message = "unexpected " + describe(t) + ", expected an expression after "
                        + quote(previousToken(recognizer, t).getText());
            } else if (t != null && t.getType() == FluxLexer.ERROR_CHAR) {
                message = "invalid character " + quote(t.getText());
            } else if (t != null && t.getType() == FluxLexer.UNTERMINATED_STRING) {
                message = "unterminated string literal: no closing \" before the end of the input";
                span = new Span(span.startLine(), span.startColumn(), span.startLine(), span.startColumn() + 1);
            } else {
                String found = t == null ? "input" : describe(t);
                IntervalSet expected = null;
                if (e instanceof InputMismatchException || e == null) {
                    expected = ((FluxParser) recognizer).getExpectedTokens();
                } else if (e instanceof NoViableAltException) {
                    expected = null;
                } else {
                    expected = e.getExpectedTokens();
                }
                if (msg != null && msg.startsWith("missing ")) {
                    message = "expected " + describeSet(expected, recognizer) + ", got " + found;
                } else {
                    message = "unexpected " + found;
                    if (expected != null && expected.contains(FluxLexer.IDENT) && expected.contains(FluxLexer.INT)) {
                        message += ", expected an expression";
                    } else if (expected != null && expected.size() <= 4) {
                        message += ", expected " + describeSet(expected, recognizer);
                    }
                }
            }
            errors.add(new Diagnostic(ErrorCode.SYNTAX, message, sourceName, span));
        }

        /** Where to show {@code t}: its span, or for the end of the input, just after the last thing written. */
        private static Span where(Recognizer<?, ?> recognizer, Token t) {
            if (t.getType() == Token.EOF) {
                Token before = previousToken(recognizer, t); // not a comment: the last thing written
                if (before != null) {
                    Span last = tokenSpan(before);
                    return new Span(last.endLine(), last.endColumn(), last.endLine(), last.endColumn());
                }
            }
            return tokenSpan(t);
        }

        private static final java.util.Set<Integer> BINARY = java.util.Set.of(FluxLexer.ADD, FluxLexer.SUB,
                FluxLexer.MUL, FluxLexer.DIV, FluxLexer.MOD, FluxLexer.POW, FluxLexer.EQ, FluxLexer.NEQ,
                FluxLexer.LT, FluxLexer.LTE, FluxLexer.GT, FluxLexer.GTE, FluxLexer.REGEXEQ, FluxLexer.REGEXNEQ,
                FluxLexer.AND, FluxLexer.OR, FluxLexer.PIPE_FORWARD);

        private static final java.util.Set<Integer> OPERAND_START = java.util.Set.of(FluxLexer.IDENT,
                FluxLexer.WITH, FluxLexer.WHERE, FluxLexer.EXTENDS, FluxLexer.INT, FluxLexer.FLOAT,
                FluxLexer.DURATION, FluxLexer.DATETIME, FluxLexer.REGEX, FluxLexer.STRING, FluxLexer.PIPE_RECEIVE,
                FluxLexer.DOT, FluxLexer.LBRACE, FluxLexer.LBRACK, FluxLexer.LPAREN, FluxLexer.ADD, FluxLexer.SUB,
                FluxLexer.NOT, FluxLexer.EXISTS, FluxLexer.IF, FluxLexer.DIV, FluxLexer.ERROR_CHAR,
                FluxLexer.UNTERMINATED_STRING);

        private static boolean startsOperand(Token t) {
            return t != null && OPERAND_START.contains(t.getType());
        }

        private static Token next(Recognizer<?, ?> recognizer, Token t) {
            return nextToken(recognizer, t);
        }

        /** The visible token after {@code t} (EOF at the end). */
        private static Token nextToken(Recognizer<?, ?> recognizer, Token t) {
            org.antlr.v4.runtime.TokenStream stream = ((FluxParser) recognizer).getTokenStream();
            for (int i = t.getTokenIndex() + 1; i < stream.size(); i++) {
                Token after = stream.get(i);
                if (after.getChannel() == Token.DEFAULT_CHANNEL) {
                    return after;
                }
            }
            return stream.get(stream.size() - 1);
        }

        /** The type of the visible token before {@code t}, or -1. */
        private static int previous(Recognizer<?, ?> recognizer, Token t) {
            Token before = previousToken(recognizer, t);
            return before == null ? -1 : before.getType();
        }

        /** The visible token before {@code t}, or null. */
        private static Token previousToken(Recognizer<?, ?> recognizer, Token t) {
            if (!(recognizer instanceof FluxParser p) || t.getTokenIndex() < 0) {
                return null;
            }
            org.antlr.v4.runtime.TokenStream stream = p.getTokenStream();
            for (int i = t.getTokenIndex() - 1; i >= 0; i--) {
                Token before = stream.get(i);
                if (before.getChannel() == Token.DEFAULT_CHANNEL) {
                    return before;
                }
            }
            return null;
        }

        private String describe(Token t) {
            if (t.getType() == Token.EOF) {
                return endName;
            }
            return quote(t.getText());
        }

        private static String quote(String text) {
            if (text.length() > 24) {
                text = text.substring(0, 21) + "...";
            }
            return "'" + text.replace("\n", "\\n") + "'";
        }

        private String describeSet(IntervalSet set, Recognizer<?, ?> recognizer) {
            if (set == null || set.isNil()) {
                return "more input";
            }
            List<String> names = new ArrayList<>();
            for (int type : set.toArray()) {
                if (set.contains(FluxLexer.IDENT)
                        && (type == FluxLexer.WITH || type == FluxLexer.WHERE || type == FluxLexer.EXTENDS)) {
                    continue; // contextual words are identifiers; naming them confuses
                }
                names.add(tokenName(type, recognizer));
            }
            if (names.size() > 4) {
                return "one of " + String.join(", ", names.subList(0, 4)) + ", ...";
            }
            return names.size() == 1 ? names.get(0)
                    : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        }

        private String tokenName(int type, Recognizer<?, ?> recognizer) {
            if (type == Token.EOF) {
                return endName;
            }
            String literal = recognizer.getVocabulary().getLiteralName(type);
            if (literal != null) {
                return literal;
            }
            switch (type) {
                case FluxLexer.IDENT: return "identifier";
                case FluxLexer.INT: return "integer";
                case FluxLexer.FLOAT: return "float";
                case FluxLexer.STRING: return "string";
                case FluxLexer.DURATION: return "duration";
                case FluxLexer.DATETIME: return "date-time";
                case FluxLexer.REGEX: return "regex";
                default: return recognizer.getVocabulary().getDisplayName(type);
            }
        }
    }

    // ------------------------------------------------------------------ spans and comments

    static Span tokenSpan(Token t) {
        int line = t.getLine();
        int col = t.getCharPositionInLine() + 1;
        if (t.getType() == Token.EOF) {
            return new Span(line, col, line, col);
        }
        if (t.getType() != FluxLexer.STRING && t.getType() != FluxLexer.UNTERMINATED_STRING
                && t.getStartIndex() >= 0) {
            // Only strings span lines; stream indexes count code points, as columns do.
            return new Span(line, col, line, col + t.getStopIndex() - t.getStartIndex() + 1);
        }
        String text = t.getText();
        int endLine = line;
        int endCol = col;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                endLine++;
                endCol = 1;
            } else {
                endCol++;
            }
        }
        return new Span(line, col, endLine, endCol);
    }

    private Span span(ParserRuleContext ctx) {
        Token first = ctx.getStart();
        Token stop = ctx.getStop();
        if (stop == null || stop.getTokenIndex() < first.getTokenIndex()) {
            return span(first);
        }
        if (stop.getType() != FluxLexer.STRING) {
            // The end of a token that cannot span lines needs no text: stream indexes count code points.
            return new Span(first.getLine(), first.getCharPositionInLine() + 1, stop.getLine(),
                    stop.getCharPositionInLine() + 1 + stop.getStopIndex() - stop.getStartIndex() + 1);
        }
        return span(first).to(span(stop));
    }

    /** A token's span; string tokens (which may hold newlines) are measured once and remembered. */
    private Span span(Token t) {
        if (t.getType() != FluxLexer.STRING) {
            return tokenSpan(t);
        }
        if (t == lastStringToken) {
            return lastStringSpan;
        }
        lastStringToken = t;
        lastStringSpan = tokenSpan(t);
        return lastStringSpan;
    }

    /**
     * What stands before {@code first}. A blank line is kept only between two items of one list (two imports, or
     * two statements of a file or block): before the first item the canonical layout decides, so the tree does not
     * record it ({@code afterSibling} false).
     */
    private Leading leading(Token first, List<Attribute> attributes, boolean afterSibling) {
        List<String> comments = new ArrayList<>();
        int index = first.getTokenIndex();
        int firstIndex = index;
        int firstLine = first.getLine();
        List<Token> hidden = tokens.getHiddenTokensToLeft(index);
        if (hidden != null) {
            for (Token h : hidden) {
                if (h.getType() == FluxLexer.COMMENT && !claimedComments.get(h.getTokenIndex())) {
                    claimedComments.set(h.getTokenIndex());
                    comments.add(h.getText().substring(2));
                    if (h.getTokenIndex() < firstIndex) {
                        firstIndex = h.getTokenIndex();
                        firstLine = h.getLine();
                    }
                }
            }
        }
        // A blank line counts only between two things, not at the top of a file.
        boolean blank = firstIndex > 0 && firstLine - tokenSpan(tokens.get(firstIndex - 1)).endLine() >= 2;
        return new Leading(comments, attributes, blank && afterSibling);
    }

    private List<String> commentsBefore(Token t) {
        List<String> comments = new ArrayList<>();
        List<Token> hidden = tokens.getHiddenTokensToLeft(t.getTokenIndex());
        if (hidden != null) {
            for (Token h : hidden) {
                if (h.getType() == FluxLexer.COMMENT && !claimedComments.get(h.getTokenIndex())) {
                    claimedComments.set(h.getTokenIndex());
                    comments.add(h.getText().substring(2));
                }
            }
        }
        return comments;
    }

    private void error(Span span, String message) {
        errors.add(new Diagnostic(ErrorCode.SYNTAX, message, sourceName, span));
    }

    // ------------------------------------------------------------------ files and statements

    private SourceFile file(FileContext ctx) {
        SourceFile.PackageClause pkg = packageClause(ctx.packageClause());
        List<SourceFile.ImportDeclaration> imports = imports(ctx.importDeclaration());
        List<Statement> body = new ArrayList<>();
        for (StatementContext s : ctx.statement()) {
            body.add(statement(s, !body.isEmpty()));
        }
        List<String> trailing = commentsBefore(ctx.EOF().getSymbol());
        Span whole = span(ctx);
        return new SourceFile(whole, sourceName, pkg, imports, body, trailing);
    }

    private SourceFile.PackageClause packageClause(PackageClauseContext p) {
        if (p == null) {
            return null;
        }
        List<Attribute> attrs = attributes(p.attribute());
        return new SourceFile.PackageClause(span(p), leading(p.getStart(), attrs, false), identifier(p.identifier()));
    }

    private List<SourceFile.ImportDeclaration> imports(List<ImportDeclarationContext> list) {
        List<SourceFile.ImportDeclaration> imports = new ArrayList<>();
        for (ImportDeclarationContext i : list) {
            List<Attribute> attrs = attributes(i.attribute());
            Identifier alias = i.identifier() == null ? null : identifier(i.identifier());
            Leading lead = leading(i.getStart(), attrs, !imports.isEmpty());
            imports.add(new SourceFile.ImportDeclaration(span(i), lead, alias, plainString(i.stringLiteral())));
        }
        return imports;
    }

    private List<Attribute> attributes(List<AttributeContext> list) {
        List<Attribute> out = new ArrayList<>();
        for (AttributeContext a : list) {
            List<Expression> params = new ArrayList<>();
            for (AttributeParamContext p : a.attributeParam()) {
                params.add(primary(p.primaryExpression()));
            }
            out.add(new Attribute(span(a), a.identifier().getText(), params));
        }
        return out;
    }

    private Statement statement(StatementContext ctx, boolean afterSibling) {
        Leading lead = leading(ctx.getStart(), attributes(ctx.attribute()), afterSibling);
        Span sp = span(ctx);
        StatementBodyContext body = ctx.statementBody();
        if (body instanceof OptionStatementContext o) {
            Identifier pkg = null;
            Identifier name;
            if (o.identifier().size() == 2) {
                pkg = identifier(o.identifier(0));
                name = identifier(o.identifier(1));
            } else {
                name = identifier(o.identifier(0));
            }
            return new OptionStatement(sp, lead, pkg, name, expression(o.expression()));
        }
        if (body instanceof BuiltinStatementContext b) {
            return new BuiltinStatement(sp, lead, identifier(b.identifier()), typeExpression(b.typeExpression()));
        }
        if (body instanceof TestcaseStatementContext t) {
            StringLiteral ext = t.stringLiteral() == null ? null : plainString(t.stringLiteral());
            return new TestcaseStatement(sp, lead, identifier(t.identifier()), ext, block(t.block()));
        }
        if (body instanceof ReturnStatementContext r) {
            return new ReturnStatement(sp, lead, expression(r.expression()));
        }
        if (body instanceof VariableAssignmentContext v) {
            return new VariableAssignment(sp, lead, identifier(v.identifier()), expression(v.expression()));
        }
        ExpressionStatementContext e = (ExpressionStatementContext) body;
        return new ExpressionStatement(sp, lead, expression(e.expression()));
    }

    private Block block(BlockContext ctx) {
        List<Statement> body = new ArrayList<>();
        for (StatementContext s : ctx.statement()) {
            body.add(statement(s, !body.isEmpty()));
        }
        return new Block(span(ctx), body, commentsBefore(ctx.RBRACE().getSymbol()));
    }

    // ------------------------------------------------------------------ expressions

    private Expression expression(ExpressionContext ctx) {
        if (ctx instanceof ConditionalExpressionContext c) {
            return new ConditionalExpression(span(c), expression(c.expression(0)), expression(c.expression(1)),
                    expression(c.expression(2)));
        }
        return logical(((PlainExpressionContext) ctx).logical());
    }

    private Expression logical(LogicalContext ctx) {
        if (ctx instanceof LogicalOperandContext o) {
            return operand(o.operand());
        }
        if (ctx instanceof LogicalUnaryContext u) {
            Operator op = u.op.getType() == FluxLexer.NOT ? Operator.NOT : Operator.EXISTS;
            return new UnaryExpression(span(u), op, logical(u.logical()));
        }
        if (ctx instanceof LogicalAndContext a) {
            return new LogicalExpression(span(a), Operator.AND, logical(a.logical(0)), logical(a.logical(1)));
        }
        LogicalOrContext o = (LogicalOrContext) ctx;
        return new LogicalExpression(span(o), Operator.OR, logical(o.logical(0)), logical(o.logical(1)));
    }

    private Expression operand(OperandContext ctx) {
        if (ctx instanceof PrimaryOperandContext p) {
            return primary(p.primaryExpression());
        }
        if (ctx instanceof CallExpressionContext c) {
            List<Property> args = c.arguments() == null ? List.of() : properties(c.arguments().property());
            return new CallExpression(span(c), operand(c.operand()), args);
        }
        if (ctx instanceof MemberAccessContext m) {
            return new MemberExpression(span(m), operand(m.operand()), identifier(m.identifier()));
        }
        if (ctx instanceof PipeExpressionContext p) {
            Expression left = operand(p.operand(0));
            Expression right = operand(p.operand(1));
            if (!(right instanceof CallExpression call)) {
                error(right.span(), "pipe destination must be a function call");
                return left;
            }
            List<String> comments = commentsBefore(p.PIPE_FORWARD().getSymbol());
            comments.addAll(commentsBefore(p.operand(1).getStart()));
            return new PipeExpression(span(p), left, call, comments);
        }
        if (ctx instanceof ComparisonExpressionContext c) {
            Operator op;
            switch (c.op.getType()) {
                case FluxLexer.EQ: op = Operator.EQ; break;
                case FluxLexer.NEQ: op = Operator.NEQ; break;
                case FluxLexer.LT: op = Operator.LT; break;
                case FluxLexer.LTE: op = Operator.LTE; break;
                case FluxLexer.GT: op = Operator.GT; break;
                case FluxLexer.GTE: op = Operator.GTE; break;
                case FluxLexer.REGEXEQ: op = Operator.REGEX_MATCH; break;
                default: op = Operator.REGEX_NOT_MATCH; break;
            }
            return new BinaryExpression(span(c), op, operand(c.operand(0)), operand(c.operand(1)));
        }
        if (ctx instanceof AdditiveExpressionContext a) {
            Operator op = a.op.getType() == FluxLexer.ADD ? Operator.ADD : Operator.SUB;
            return new BinaryExpression(span(a), op, operand(a.operand(0)), operand(a.operand(1)));
        }
        if (ctx instanceof MultiplicativeExpressionContext m) {
            Operator op = m.op.getType() == FluxLexer.MUL ? Operator.MUL
                    : m.op.getType() == FluxLexer.DIV ? Operator.DIV : Operator.MOD;
            return new BinaryExpression(span(m), op, operand(m.operand(0)), operand(m.operand(1)));
        }
        if (ctx instanceof PowerExpressionContext p) {
            return new BinaryExpression(span(p), Operator.POW, operand(p.operand(0)), operand(p.operand(1)));
        }
        if (ctx instanceof UnaryExpressionContext u) {
            Operator op = u.op.getType() == FluxLexer.SUB ? Operator.NEGATE : Operator.PLUS;
            return new UnaryExpression(span(u), op, operand(u.operand()));
        }
        IndexAccessContext i = (IndexAccessContext) ctx;
        Expression index = expression(i.expression());
        if (index instanceof StringLiteral s) {
            return new MemberExpression(span(i), operand(i.operand()), s);
        }
        return new IndexExpression(span(i), operand(i.operand()), index);
    }

    private List<Property> properties(List<PropertyContext> list) {
        List<Property> out = new ArrayList<>(list.size());
        for (PropertyContext p : list) {
            out.add(property(p));
        }
        return out;
    }

    private Property property(PropertyContext p) {
        List<String> comments = commentsBefore(p.getStart());
        PropertyKeyContext k = p.propertyKey();
        PropertyKey key = k.identifier() != null ? identifier(k.identifier()) : plainString(k.stringLiteral());
        Expression value = p.expression() == null ? null : expression(p.expression());
        return new Property(span(p), comments, key, value);
    }

    private Expression primary(PrimaryExpressionContext ctx) {
        Span sp = span(ctx);
        if (ctx instanceof IdentifierExpressionContext i) {
            return identifier(i.identifier());
        }
        if (ctx instanceof IntegerLiteralContext i) {
            return integer(sp, i.INT().getText());
        }
        if (ctx instanceof FloatLiteralContext f) {
            return new FloatLiteral(sp, Double.parseDouble(f.FLOAT().getText()));
        }
        if (ctx instanceof DurationLiteralContext d) {
            return duration(sp, d.DURATION().getText());
        }
        if (ctx instanceof DateTimeLiteralContext d) {
            return dateTime(sp, d.DATETIME().getText());
        }
        if (ctx instanceof RegexLiteralContext r) {
            String text = r.REGEX().getText();
            return new RegexLiteral(sp, text.substring(1, text.length() - 1).replace("\\/", "/"));
        }
        if (ctx instanceof StringExpressionContext s) {
            return string(s.stringLiteral().STRING().getSymbol());
        }
        if (ctx instanceof PipeLiteralContext) {
            return new PipeLiteral(sp);
        }
        if (ctx instanceof LabelLiteralContext l) {
            return new LabelLiteral(sp, l.identifier().getText());
        }
        if (ctx instanceof RecordLiteralContext r) {
            RecordBodyContext body = r.recordBody();
            if (body == null) {
                return new RecordExpression(sp, null, List.of());
            }
            Identifier with = body.WITH() != null ? identifier(body.identifier()) : null;
            return new RecordExpression(sp, with, properties(body.property()));
        }
        if (ctx instanceof ArrayLiteralContext a) {
            List<Expression> elements = new ArrayList<>();
            List<List<String>> comments = new ArrayList<>();
            for (ExpressionContext e : a.expression()) {
                comments.add(commentsBefore(e.getStart()));
                elements.add(expression(e));
            }
            return new ArrayExpression(sp, elements, comments);
        }
        if (ctx instanceof DictLiteralContext d) {
            List<DictItem> items = new ArrayList<>();
            for (DictItemContext item : d.dictItem()) {
                List<String> comments = commentsBefore(item.getStart());
                items.add(new DictItem(span(item), comments, expression(item.expression(0)),
                        expression(item.expression(1))));
            }
            return new DictExpression(sp, items);
        }
        if (ctx instanceof EmptyDictLiteralContext) {
            return new DictExpression(sp, List.of());
        }
        if (ctx instanceof FunctionLiteralContext f) {
            List<Property> params = new ArrayList<>();
            if (f.parameters() != null) {
                for (ParameterContext p : f.parameters().parameter()) {
                    Expression def = p.expression() == null ? null : expression(p.expression());
                    params.add(new Property(span(p), commentsBefore(p.getStart()), identifier(p.identifier()), def));
                }
            }
            FunctionBodyContext b = f.functionBody();
            Node body = b.block() != null ? block(b.block()) : expression(b.expression());
            return new FunctionExpression(sp, params, body);
        }
        ParenExpressionContext p = (ParenExpressionContext) ctx;
        return new ParenExpression(sp, expression(p.expression()));
    }

    private Identifier identifier(IdentifierContext ctx) {
        Token t = ctx.getStart();
        return new Identifier(span(t), t.getText());
    }

    private StringLiteral plainString(StringLiteralContext ctx) {
        Expression e = string(ctx.STRING().getSymbol());
        if (e instanceof StringLiteral s) {
            return s;
        }
        error(e.span(), "string interpolation is not allowed here");
        return new StringLiteral(e.span(), "");
    }

    // ------------------------------------------------------------------ literals

    private IntegerLiteral integer(Span sp, String text) {
        if (text.length() > 1 && text.charAt(0) == '0') {
            error(sp, "invalid integer literal " + text + ": leading zeros are not allowed");
            return new IntegerLiteral(sp, 0);
        }
        try {
            return new IntegerLiteral(sp, Long.parseLong(text));
        } catch (NumberFormatException e) {
            error(sp, "integer literal " + text + " is out of range for int (the largest is 9223372036854775807)");
            return new IntegerLiteral(sp, 0);
        }
    }

    private static Expression duration(Span sp, String text) {
        List<DurationPart> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            long magnitude;
            try {
                magnitude = Long.parseLong(text.substring(start, i));
            } catch (NumberFormatException e) {
                throw new FluxException(ErrorCode.SYNTAX, "duration magnitude out of range", sp);
            }
            int unitStart = i;
            while (i < text.length() && !Character.isDigit(text.charAt(i))) {
                i++;
            }
            String unit = text.substring(unitStart, i);
            if (unit.equals("\u00B5s") || unit.equals("\u03BCs")) {
                unit = "us";
            }
            parts.add(new DurationPart(magnitude, unit));
        }
        return new DurationLiteral(sp, parts);
    }

    private Expression dateTime(Span sp, String text) {
        try {
            return new DateTimeLiteral(sp, text, Literals.parseDateTime(text));
        } catch (IllegalArgumentException e) {
            error(sp, "invalid date-time literal " + text + ": " + e.getMessage());
            return new DateTimeLiteral(sp, text, 0);
        }
    }

    /**
     * A string token: escapes decoded, each {@code ${...}} parsed as an expression with its true position.
     * Produces a {@link StringLiteral} when there is no interpolation.
     */
    private Expression string(Token token) {
        String text = token.getText();
        Span sp = span(token);
        List<StringPart> parts = new ArrayList<>();
        ByteArrayOutputStream bytes = null;
        Span bytesStart = null;
        StringBuilder current = new StringBuilder();
        int line = token.getLine();
        int col = token.getCharPositionInLine() + 1; // column of the opening quote
        int end = text.length() - 1;
        int i = 1;
        col++;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < end + 1) {
                char n = text.charAt(i + 1);
                if (n == 'x' && i + 3 < end + 1 && isHex(text.charAt(i + 2)) && isHex(text.charAt(i + 3))) {
                    if (bytes == null) {
                        bytes = new ByteArrayOutputStream();
                    }
                    if (bytes.size() == 0) {
                        bytesStart = new Span(line, col, line, col);
                    }
                    bytes.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
                    i += 4;
                    col += 4;
                    continue;
                }
                flushBytes(bytes, current, bytesStart, line, col);
                switch (n) {
                    case 'n': current.append('\n'); break;
                    case 'r': current.append('\r'); break;
                    case 't': current.append('\t'); break;
                    case '\\': current.append('\\'); break;
                    case '"': current.append('"'); break;
                    case '$':
                        if (i + 2 < end && text.charAt(i + 2) == '{') {
                            current.append('$');
                        } else {
                            error(new Span(line, col, line, col + 2),
                                    "invalid escape sequence \\$ (only \\${ may be escaped, to write a literal ${)");
                        }
                        break;
                    default:
                        error(new Span(line, col, line, col + 2), "invalid escape sequence \\" + n);
                }
                i += 2;
                col += 2;
                continue;
            }
            flushBytes(bytes, current, bytesStart, line, col);
            if (c == '$' && i + 1 < end && text.charAt(i + 1) == '{') {
                int close = interpolationEnd(text, i + 2);
                if (current.length() > 0) {
                    parts.add(new TextPart(current.toString()));
                    current.setLength(0);
                }
                String inner = text.substring(i + 2, close);
                parts.add(new InterpolatedPart(parseInterpolationTokens(sourceName, inner, line, col + 1, errors)));
                // advance position over "${" inner "}"
                for (int k = i; k <= close; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                        col = 1;
                    } else if (!Character.isLowSurrogate(text.charAt(k))) {
                        col++;
                    }
                }
                i = close + 1;
                continue;
            }
            current.append(c);
            if (c == '\n') {
                line++;
                col = 1;
            } else if (!Character.isLowSurrogate(c)) {
                col++;
            }
            i++;
        }
        flushBytes(bytes, current, bytesStart, line, col);
        if (parts.isEmpty()) {
            return new StringLiteral(sp, current.toString());
        }
        if (current.length() > 0) {
            parts.add(new TextPart(current.toString()));
        }
        return new StringExpression(sp, parts);
    }

    /** Appends the bytes of a run of \\xHH escapes, which must form valid UTF-8 (ending at line:col). */
    private void flushBytes(ByteArrayOutputStream bytes, StringBuilder current, Span start, int line, int col) {
        if (bytes != null && bytes.size() > 0) {
            try {
                current.append(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray())));
            } catch (CharacterCodingException e) {
                error(new Span(start.startLine(), start.startColumn(), line, col),
                        "invalid UTF-8: the \\x escapes of a string must spell whole UTF-8 characters");
            }
            bytes.reset();
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** The index of the '}' closing an interpolation whose content starts at {@code from}. */
    private static int interpolationEnd(String text, int from) {
        int depth = 0;
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i = stringEnd(text, i + 1);
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
            i++;
        }
        return text.length() - 1;
    }

    /** The index of the '"' closing a nested string whose content starts at {@code from}. */
    private static int stringEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                return i;
            }
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                i = interpolationEnd(text, i + 2);
            }
            i++;
        }
        return i;
    }

    static Expression buildInterpolation(String sourceName, CommonTokenStream tokens, ExpressionContext ctx,
                                         List<Diagnostic> errors) {
        AstBuilder b = new AstBuilder(sourceName, tokens, errors);
        return b.expression(ctx);
    }

    static Expression parseInterpolationTokens(String sourceName, String inner, int line, int column,
                                               List<Diagnostic> errors) {
        FluxLexer lexer = new FluxLexer(CharStreams.fromString(inner, sourceName));
        lexer.removeErrorListeners();
        lexer.setLine(line);
        lexer.setCharPositionInLine(column);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        FluxParser parser = new FluxParser(tokens);
        int before = errors.size();
        InterpolationContext ctx = runParser(parser, tokens, sourceName, errors, FluxParser::interpolation,
                "'}' (the end of the interpolation)");
        if (errors.size() > before) {
            return new Identifier(new Span(line, column + 1, line, column + 1), "_");
        }
        return buildInterpolation(sourceName, tokens, ctx.expression(), errors);
    }

    // ------------------------------------------------------------------ types

    private TypeExpression typeExpression(TypeExpressionContext ctx) {
        List<Constraint> constraints = new ArrayList<>();
        for (TypeConstraintContext c : ctx.typeConstraint()) {
            List<TerminalNode> ids = c.IDENT();
            List<Identifier> kinds = new ArrayList<>();
            for (int i = 1; i < ids.size(); i++) {
                kinds.add(new Identifier(span(ids.get(i).getSymbol()), ids.get(i).getText()));
            }
            constraints.add(new Constraint(span(c), new Identifier(span(ids.get(0).getSymbol()), ids.get(0).getText()),
                    kinds));
        }
        return new TypeExpression(span(ctx), monoType(ctx.monoType()), constraints);
    }

    private MonoType monoType(MonoTypeContext ctx) {
        Span sp = span(ctx);
        if (ctx instanceof NamedTypeContext n) {
            return new NamedType(sp, ident(n.IDENT()));
        }
        if (ctx instanceof GenericTypeContext g) {
            return new GenericType(sp, ident(g.IDENT()), monoType(g.monoType()));
        }
        if (ctx instanceof ArrayTypeContext a) {
            return new ArrayType(sp, monoType(a.monoType()));
        }
        if (ctx instanceof DictTypeContext d) {
            return new DictType(sp, monoType(d.monoType(0)), monoType(d.monoType(1)));
        }
        if (ctx instanceof RecordTypeContext r) {
            Identifier tvar = r.WITH() != null ? ident(r.IDENT()) : null;
            List<PropertyType> props = new ArrayList<>();
            for (PropertyTypeContext p : r.propertyType()) {
                PropertyKey key = p.IDENT() != null ? ident(p.IDENT()) : plainString(p.stringLiteral());
                props.add(new PropertyType(span(p), key, monoType(p.monoType())));
            }
            return new RecordType(sp, tvar, props);
        }
        FunctionTypeContext f = (FunctionTypeContext) ctx;
        List<ParameterType> params = new ArrayList<>();
        for (ParameterTypeContext p : f.parameterType()) {
            if (p instanceof OptionalParameterTypeContext o) {
                StringLiteral label = o.stringLiteral() == null ? null : plainString(o.stringLiteral());
                params.add(new ParameterType(span(o), ParameterKind.OPTIONAL, ident(o.IDENT()), monoType(o.monoType()),
                        label));
            } else if (p instanceof PipeParameterTypeContext pp) {
                Identifier name = pp.IDENT() == null ? null : ident(pp.IDENT());
                params.add(new ParameterType(span(pp), ParameterKind.PIPE, name, monoType(pp.monoType())));
            } else {
                RequiredParameterTypeContext r = (RequiredParameterTypeContext) p;
                params.add(new ParameterType(span(r), ParameterKind.REQUIRED, ident(r.IDENT()), monoType(r.monoType())));
            }
        }
        return new FunctionType(sp, params, monoType(f.monoType()));
    }

    private Identifier ident(TerminalNode node) {
        return new Identifier(span(node.getSymbol()), node.getText());
    }
}
