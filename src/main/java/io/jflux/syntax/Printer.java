package io.jflux.syntax;

import io.jflux.syntax.Expression.*;
import io.jflux.syntax.Statement.*;
import io.jflux.syntax.TypeExpression.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical printer: writes a syntax tree back as Flux source in the style of {@code flux fmt}.
 *
 * <p>Layout rules: 4-space indentation; the package clause, then the imports, each section followed by a blank
 * line; one statement per line, with a blank line kept where the source had one ({@link Leading#blankLineBefore});
 * comments ({@code //text}) and attributes on their own lines before what they annotate; every pipeline that stands
 * as a value has each {@code |> call()} on a line of its own, one level deeper than the start of the chain (a
 * pipeline inside an operation or parentheses stays on its line); a record, argument list, array, dictionary,
 * parameter list or type list is written on one line unless it has more than four items, holds a comment, has an
 * item that spans several lines, or would run past column {@value #WIDTH} — then each item goes on its own line,
 * one level deeper, with a trailing comma. Inside a string interpolation nothing is broken that need not be. The
 * layout depends on the tree alone, never on how the source was laid out, so printing is idempotent.
 *
 * <p>Parentheses: every {@link ParenExpression} is written as it stands, and parentheses are added only where a
 * tree built without them could not otherwise be read back (a child binding more weakly than its place requires).
 * A tree that came from the parser therefore prints back to a tree of the same shape.
 *
 * <p>Literals: strings are re-escaped ({@code \\ \" \n \r \t}, and {@code \$} before a {@code {} that would
 * otherwise start an interpolation), so a printed string never spans lines; regular expressions escape {@code /};
 * floats always carry a decimal point and read back as the same double.
 */
public final class Printer {

    private static final String INDENT = "    ";
    /** Lists with more items than this are written one item per line. */
    private static final int MULTILINE = 4;
    /** Lists that would run past this column are written one item per line. */
    static final int WIDTH = 120;

    // Binding strengths: what a position requires of the expression placed there (see the grammar).
    private static final int P_LOWEST = 0;      // if/then/else, function literals
    private static final int P_NOT = Operator.NOT.precedence();
    private static final int P_PIPE = Operator.PIPE.precedence();
    private static final int P_UNARY = Operator.NEGATE.precedence();
    private static final int P_POSTFIX = 10;
    private static final int P_PRIMARY = 11;

    /** Greater than zero while printing inside a string interpolation: keep things on one line. */
    private int flat;

    private Printer() {}

    /** The canonical source of a whole file, ending with a newline (empty for an empty file). */
    public static String print(SourceFile f) {
        return new Printer().file(f);
    }

    /** The canonical source of one expression, without a trailing newline. */
    public static String print(Expression e) {
        return new Printer().expr(e, 0, 0, P_LOWEST, true);
    }

    // ------------------------------------------------------------------ files and statements

    private String file(SourceFile f) {
        StringBuilder out = new StringBuilder();
        boolean section = false;
        if (f.packageClause() != null) {
            SourceFile.PackageClause p = f.packageClause();
            leading(out, p.leading(), 0);
            out.append("package ").append(p.name().name()).append('\n');
            section = true;
        }
        for (int i = 0; i < f.imports().size(); i++) {
            SourceFile.ImportDeclaration imp = f.imports().get(i);
            if (i == 0 ? section : imp.leading().blankLineBefore()) {
                out.append('\n');
            }
            leading(out, imp.leading(), 0);
            out.append("import ");
            if (imp.alias() != null) {
                out.append(imp.alias().name()).append(' ');
            }
            out.append(quote(imp.path().value())).append('\n');
            section = true;
        }
        statements(out, f.body(), 0, section);
        comments(out, f.trailingComments(), 0);
        return out.toString();
    }

    /** Statements one per line at {@code ind}, each line ended; {@code blankFirst} puts a blank line first. */
    private void statements(StringBuilder out, List<Statement> body, int ind, boolean blankFirst) {
        for (int i = 0; i < body.size(); i++) {
            Statement s = body.get(i);
            if (i == 0 ? blankFirst : s.leading().blankLineBefore()) {
                out.append('\n');
            }
            leading(out, s.leading(), ind);
            indent(out, ind);
            out.append(statement(s, ind)).append('\n');
        }
    }

    private void leading(StringBuilder out, Leading leading, int ind) {
        comments(out, leading.comments(), ind);
        for (Attribute a : leading.attributes()) {
            indent(out, ind);
            StringBuilder line = new StringBuilder("@").append(a.name()).append('(');
            for (int i = 0; i < a.params().size(); i++) {
                if (i > 0) {
                    line.append(", ");
                }
                line.append(expr(a.params().get(i), ind, end(ind * 4, line), P_PRIMARY, true));
            }
            out.append(line).append(")\n");
        }
    }

    private static void comments(StringBuilder out, List<String> comments, int ind) {
        for (String c : comments) {
            indent(out, ind);
            out.append("//").append(c).append('\n');
        }
    }

    private String statement(Statement s, int ind) {
        int col = ind * 4;
        if (s instanceof VariableAssignment v) {
            String prefix = v.id().name() + " = ";
            return prefix + expr(v.init(), ind, col + prefix.length(), P_LOWEST, true);
        }
        if (s instanceof ExpressionStatement e) {
            return expr(e.expression(), ind, col, P_LOWEST, true);
        }
        if (s instanceof ReturnStatement r) {
            return "return " + expr(r.argument(), ind, col + 7, P_LOWEST, true);
        }
        if (s instanceof OptionStatement o) {
            String name = o.pkg() == null ? o.name().name() : o.pkg().name() + "." + o.name().name();
            String prefix = "option " + name + " = ";
            return prefix + expr(o.value(), ind, col + prefix.length(), P_LOWEST, true);
        }
        if (s instanceof BuiltinStatement b) {
            String prefix = "builtin " + b.name().name() + " : ";
            return prefix + typeExpression(b.type(), ind, col + prefix.length());
        }
        TestcaseStatement t = (TestcaseStatement) s;
        StringBuilder sb = new StringBuilder("testcase ").append(t.name().name());
        if (t.extendsPath() != null) {
            sb.append(" extends ").append(quote(t.extendsPath().value()));
        }
        return sb.append(' ').append(block(t.block(), ind)).toString();
    }

    private String block(Block b, int ind) {
        if (b.body().isEmpty() && b.trailingComments().isEmpty()) {
            return "{}";
        }
        StringBuilder out = new StringBuilder("{\n");
        statements(out, b.body(), ind + 1, false);
        comments(out, b.trailingComments(), ind + 1);
        indent(out, ind);
        return out.append('}').toString();
    }

    // ------------------------------------------------------------------ expressions

    /**
     * The source of {@code e} placed at indentation {@code ind}, starting at column {@code col}, where its place
     * requires binding strength at least {@code min}; {@code tail} says that nothing follows it before a closing
     * delimiter, so that constructs which extend as far right as they can (function literals with an expression
     * body) need no parentheses.
     */
    private String expr(Expression e, int ind, int col, int min, boolean tail) {
        if (strength(e, tail) < min) {
            return "(" + parenthesized(e, ind, col + 1) + ")";
        }
        if (e instanceof PipeExpression p) {
            // A pipeline standing as a value is broken into lines; one inside an operation stays on its line.
            return pipe(p, ind, col, min == P_LOWEST && flat == 0);
        }
        return bare(e, ind, col, tail);
    }

    /** What goes between parentheses. */
    private String parenthesized(Expression e, int ind, int col) {
        if (e instanceof PipeExpression p) {
            return pipe(p, ind, col, false);
        }
        return bare(e, ind, col, true);
    }

    /** How strongly {@code e} binds, as written without added parentheses. */
    private static int strength(Expression e, boolean tail) {
        if (e instanceof ConditionalExpression) {
            return P_LOWEST;
        }
        if (e instanceof LogicalExpression l) {
            return l.operator().precedence();
        }
        if (e instanceof BinaryExpression b) {
            return b.operator().precedence();
        }
        if (e instanceof UnaryExpression u) {
            return u.operator().precedence();
        }
        if (e instanceof PipeExpression) {
            return P_PIPE;
        }
        if (e instanceof CallExpression || e instanceof MemberExpression || e instanceof IndexExpression) {
            return P_POSTFIX;
        }
        if (e instanceof FunctionExpression f && !(f.body() instanceof Block) && !tail) {
            return P_LOWEST; // its body would swallow what follows
        }
        return P_PRIMARY;
    }

    private String bare(Expression e, int ind, int col, boolean tail) {
        if (e instanceof Identifier id) {
            return id.name();
        }
        if (e instanceof IntegerLiteral i) {
            return Long.toString(i.value());
        }
        if (e instanceof FloatLiteral f) {
            return formatFloat(f.value());
        }
        if (e instanceof StringLiteral s) {
            return quote(s.value());
        }
        if (e instanceof StringExpression s) {
            return stringExpression(s, ind, col);
        }
        if (e instanceof DurationLiteral d) {
            StringBuilder sb = new StringBuilder();
            for (DurationPart p : d.parts()) {
                sb.append(p.magnitude()).append(p.unit());
            }
            return sb.toString();
        }
        if (e instanceof DateTimeLiteral d) {
            return d.text();
        }
        if (e instanceof RegexLiteral r) {
            return "/" + r.pattern().replace("/", "\\/") + "/";
        }
        if (e instanceof PipeLiteral) {
            return "<-";
        }
        if (e instanceof LabelLiteral l) {
            return "." + l.name();
        }
        if (e instanceof ParenExpression p) {
            return "(" + parenthesized(p.expression(), ind, col + 1) + ")";
        }
        if (e instanceof RecordExpression r) {
            return record(r, ind, col);
        }
        if (e instanceof ArrayExpression a) {
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < a.elements().size(); i++) {
                Expression el = a.elements().get(i);
                items.add(new Item(a.comments().get(i), expr(el, ind + 1, (ind + 1) * 4, P_LOWEST, true)));
            }
            return list("[", "]", items, ind, col);
        }
        if (e instanceof DictExpression d) {
            if (d.items().isEmpty()) {
                return "[:]";
            }
            List<Item> items = new ArrayList<>();
            for (DictItem item : d.items()) {
                String key = expr(item.key(), ind + 1, (ind + 1) * 4, P_LOWEST, true) + ": ";
                String value = expr(item.value(), ind + 1, end((ind + 1) * 4, key), P_LOWEST, true);
                items.add(new Item(item.comments(), key + value));
            }
            return list("[", "]", items, ind, col);
        }
        if (e instanceof FunctionExpression f) {
            return function(f, ind, col, tail);
        }
        if (e instanceof CallExpression c) {
            return call(c, ind, col);
        }
        if (e instanceof PipeExpression p) {
            return pipe(p, ind, col, false);
        }
        if (e instanceof MemberExpression m) {
            String object = object(m.object(), ind, col);
            if (m.property() instanceof Identifier id) {
                return object + "." + id.name();
            }
            return object + "[" + quote(((StringLiteral) m.property()).value()) + "]";
        }
        if (e instanceof IndexExpression i) {
            String object = object(i.array(), ind, col) + "[";
            return object + expr(i.index(), ind, end(col, object), P_LOWEST, true) + "]";
        }
        if (e instanceof BinaryExpression b) {
            return binary(b.operator(), b.left(), b.right(), ind, col, tail);
        }
        if (e instanceof LogicalExpression l) {
            return binary(l.operator(), l.left(), l.right(), ind, col, tail);
        }
        if (e instanceof UnaryExpression u) {
            if (u.operator() == Operator.NOT || u.operator() == Operator.EXISTS) {
                String op = u.operator().symbol() + " ";
                return op + expr(u.argument(), ind, col + op.length(), P_NOT, tail);
            }
            return u.operator().symbol() + expr(u.argument(), ind, col + 1, P_UNARY, tail);
        }
        return conditional((ConditionalExpression) e, ind, col, tail, false);
    }

    /** A left-associative binary operation: the right operand must bind more strongly than the operator. */
    private String binary(Operator op, Expression left, Expression right, int ind, int col, boolean tail) {
        int p = op.precedence();
        String l = expr(left, ind, col, p, false) + " " + op.symbol() + " ";
        return l + expr(right, ind, end(col, l), p + 1, tail);
    }

    /** The object of a member, index or call: a postfix expression (an integer would read as a float). */
    private String object(Expression e, int ind, int col) {
        if (e instanceof IntegerLiteral) {
            return "(" + bare(e, ind, col + 1, true) + ")";
        }
        return expr(e, ind, col, P_POSTFIX, false);
    }

    /** {@code if/then/else} on one line if it fits, else with each branch on its own lines ({@code broken}). */
    private String conditional(ConditionalExpression c, int ind, int col, boolean tail, boolean broken) {
        String test = expr(c.test(), ind, col + 3, P_LOWEST, true);
        String then = expr(c.consequent(), ind + 1, (ind + 1) * 4, P_LOWEST, true);
        // An else-if continues the line of 'else' and is broken along with its chain; a plain alternate goes one
        // level deeper.
        ConditionalExpression elseIf = c.alternate() instanceof ConditionalExpression n ? n : null;
        boolean nested = elseIf != null;
        String alternate = null;
        if (!broken) {
            int altInd = nested ? ind : ind + 1;
            alternate = expr(c.alternate(), altInd, nested ? ind * 4 + 5 : altInd * 4, P_LOWEST, tail);
            String oneLine = "if " + test + " then " + then + " else " + alternate;
            if (!multiline(oneLine) && (flat > 0 || col + oneLine.length() <= WIDTH)) {
                return oneLine;
            }
        }
        if (nested) {
            alternate = conditional(elseIf, ind, ind * 4 + 5, tail, true);
        } else if (alternate == null) {
            alternate = expr(c.alternate(), ind + 1, (ind + 1) * 4, P_LOWEST, tail);
        }
        StringBuilder sb = new StringBuilder("if ").append(test).append(" then\n");
        indent(sb, ind + 1);
        sb.append(then).append('\n');
        indent(sb, ind);
        if (nested) {
            return sb.append("else ").append(alternate).toString();
        }
        sb.append("else\n");
        indent(sb, ind + 1);
        return sb.append(alternate).toString();
    }

    private String pipe(PipeExpression p, int ind, int col, boolean breakLines) {
        List<PipeExpression> pipes = new ArrayList<>();
        Expression base = p;
        while (base instanceof PipeExpression pe) {
            pipes.add(pe);
            if (!pe.comments().isEmpty()) {
                breakLines = true; // comments before a |> need the pipeline on several lines
            }
            base = pe.argument();
        }
        StringBuilder sb = new StringBuilder(expr(base, ind, col, P_PIPE, false));
        for (int i = pipes.size() - 1; i >= 0; i--) {
            PipeExpression pe = pipes.get(i);
            if (breakLines) {
                sb.append('\n');
                for (String c : pe.comments()) {
                    indent(sb, ind + 1);
                    sb.append("//").append(c).append('\n');
                }
                indent(sb, ind + 1);
                sb.append("|> ").append(call(pe.call(), ind + 1, (ind + 1) * 4 + 3));
            } else {
                sb.append(" |> ");
                sb.append(call(pe.call(), ind, end(col, sb)));
            }
        }
        return sb.toString();
    }

    private String call(CallExpression c, int ind, int col) {
        String callee = object(c.callee(), ind, col);
        return callee + list("(", ")", properties(c.arguments(), ind + 1, ": "), ind, end(col, callee));
    }

    private String record(RecordExpression r, int ind, int col) {
        if (r.properties().isEmpty() && r.with() == null) {
            return "{}";
        }
        List<Item> items = properties(r.properties(), ind + 1, ": ");
        if (r.with() == null) {
            return list("{", "}", items, ind, col);
        }
        return withList("{" + r.with().name() + " with", items, ind, col);
    }

    /** {@code {r with ...}} and {@code {A with ...}}: on one line a space follows 'with', else a line break. */
    private String withList(String open, List<Item> items, int ind, int col) {
        if (items.isEmpty()) {
            return open + "}";
        }
        if (breaks(open + " ", "}", items, col)) {
            return list(open, "}", items, ind, col, true);
        }
        return list(open + " ", "}", items, ind, col);
    }

    private String function(FunctionExpression f, int ind, int col, boolean tail) {
        String params = list("(", ")", properties(f.params(), ind + 1, "="), ind, col) + " => ";
        int bodyCol = end(col, params);
        if (f.body() instanceof Block b) {
            return params + block(b, ind);
        }
        Expression body = (Expression) f.body();
        String text = expr(body, ind, bodyCol, P_LOWEST, tail);
        if (text.startsWith("{")) {
            // A body starting with '{' would read as a block.
            text = "(" + parenthesized(body, ind, bodyCol + 1) + ")";
        }
        return params + text;
    }

    /** Properties as list items for indentation {@code ind}: {@code key<separator>value}, or the key alone. */
    private List<Item> properties(List<Property> props, int ind, String separator) {
        List<Item> items = new ArrayList<>(props.size());
        for (Property p : props) {
            String key = p.key() instanceof Identifier id ? id.name() : quote(((StringLiteral) p.key()).value());
            String text = key;
            if (p.value() != null) {
                String prefix = key + separator;
                text = prefix + expr(p.value(), ind, ind * 4 + prefix.length(), P_LOWEST, true);
            }
            items.add(new Item(p.comments(), text));
        }
        return items;
    }

    /** One item of a bracketed list: the comments before it and its text. */
    private record Item(List<String> comments, String text) {}

    /** Whether a list starting at column {@code col} is written one item per line. */
    private boolean breaks(String open, String close, List<Item> items, int col) {
        if (flat == 0 && items.size() > MULTILINE) {
            return true;
        }
        int length = open.length() + close.length() + Math.max(0, 2 * (items.size() - 1));
        for (Item item : items) {
            if (!item.comments().isEmpty() || multiline(item.text())) {
                return true;
            }
            length += item.text().length();
        }
        return flat == 0 && col + length > WIDTH;
    }

    /**
     * Items between {@code open} and {@code close}, the list starting at column {@code col}: on one line, or each
     * on its own line one level deeper with a trailing comma (items were printed for indentation {@code ind + 1}).
     */
    private String list(String open, String close, List<Item> items, int ind, int col) {
        return list(open, close, items, ind, col, false);
    }

    /** Like {@link #list(String, String, List, int, int)}, one item per line in any case when {@code force}. */
    private String list(String open, String close, List<Item> items, int ind, int col, boolean force) {
        StringBuilder sb = new StringBuilder(open);
        if (!force && !breaks(open, close, items, col)) {
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(items.get(i).text());
            }
            return sb.append(close).toString();
        }
        sb.append('\n');
        for (Item item : items) {
            comments(sb, item.comments(), ind + 1);
            indent(sb, ind + 1);
            sb.append(item.text()).append(",\n");
        }
        indent(sb, ind);
        return sb.append(close).toString();
    }

    private static boolean multiline(String s) {
        return s.indexOf('\n') >= 0;
    }

    /** The column just after {@code text} written from column {@code col}. */
    private static int end(int col, CharSequence text) {
        int nl = text.toString().lastIndexOf('\n');
        return nl < 0 ? col + text.length() : text.length() - nl - 1;
    }

    private static void indent(StringBuilder sb, int ind) {
        for (int i = 0; i < ind; i++) {
            sb.append(INDENT);
        }
    }

    // ------------------------------------------------------------------ literals

    private String stringExpression(StringExpression s, int ind, int col) {
        StringBuilder sb = new StringBuilder("\"");
        List<StringPart> parts = s.parts();
        for (int i = 0; i < parts.size(); i++) {
            StringPart part = parts.get(i);
            if (part instanceof TextPart t) {
                escape(sb, t.value());
            } else {
                sb.append("${");
                flat++;
                try {
                    sb.append(expr(((InterpolatedPart) part).expression(), ind, end(col, sb), P_LOWEST, true));
                } finally {
                    flat--;
                }
                sb.append('}');
            }
        }
        return sb.append('"').toString();
    }

    /** A string literal: quoted and escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        escape(sb, s);
        return sb.append('"').toString();
    }

    /**
     * Escapes string text. A {@code $} is escaped only before a {@code {} ({@code \${}, the one escape of a dollar
     * Flux has); one that ends a text part before an interpolation stays plain: {@code "$${n}"} is a dollar, then
     * the interpolation.
     */
    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '$' -> sb.append(i + 1 < s.length() && s.charAt(i + 1) == '{' ? "\\$" : "$");
                default -> sb.append(c);
            }
        }
    }

    /**
     * A float as Flux writes it: plain decimal digits (Flux has no exponent), always with a decimal point, reading
     * back as the same double.
     */
    static String formatFloat(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("a float literal cannot be " + v);
        }
        if (v == 0 && 1 / v < 0) {
            return "-0.0";
        }
        String s = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        return s.indexOf('.') >= 0 ? s : s + ".0";
    }

    // ------------------------------------------------------------------ types

    private String typeExpression(TypeExpression t, int ind, int col) {
        if (t.constraints().isEmpty()) {
            return monoType(t.type(), ind, col);
        }
        List<String> constraints = new ArrayList<>();
        for (Constraint c : t.constraints()) {
            StringBuilder k = new StringBuilder(c.tvar().name()).append(": ");
            for (int i = 0; i < c.kinds().size(); i++) {
                if (i > 0) {
                    k.append(" + ");
                }
                k.append(c.kinds().get(i).name());
            }
            constraints.add(k.toString());
        }
        String oneLine = " where " + String.join(", ", constraints);
        String type = monoType(t.type(), ind, col, constraints.size() <= MULTILINE ? oneLine.length() : 0);
        if (constraints.size() <= MULTILINE && end(col, type) + oneLine.length() <= WIDTH) {
            return type + oneLine;
        }
        StringBuilder sb = new StringBuilder(type).append(" where\n");
        for (int i = 0; i < constraints.size(); i++) {
            indent(sb, ind + 1);
            sb.append(constraints.get(i));
            if (i < constraints.size() - 1) {
                sb.append(",\n");
            }
        }
        return sb.toString();
    }

    private String monoType(MonoType t, int ind, int col) {
        return monoType(t, ind, col, 0);
    }

    /** A type starting at column {@code col}, followed on its line by {@code trailing} more characters. */
    private String monoType(MonoType t, int ind, int col, int trailing) {
        if (t instanceof NamedType n) {
            return n.name().name();
        }
        if (t instanceof GenericType g) {
            String open = g.name().name() + "[";
            return open + monoType(g.argument(), ind, col + open.length()) + "]";
        }
        if (t instanceof ArrayType a) {
            return "[" + monoType(a.element(), ind, col + 1) + "]";
        }
        if (t instanceof DictType d) {
            String key = "[" + monoType(d.key(), ind, col + 1) + ":";
            return key + monoType(d.value(), ind, end(col, key)) + "]";
        }
        if (t instanceof RecordType r) {
            List<Item> items = new ArrayList<>();
            for (PropertyType p : r.properties()) {
                String key = (p.name() instanceof Identifier id ? id.name()
                        : quote(((StringLiteral) p.name()).value())) + ": ";
                items.add(new Item(List.of(), key + monoType(p.type(), ind + 1, (ind + 1) * 4 + key.length())));
            }
            if (r.tvar() == null) {
                return list("{", "}", items, ind, col);
            }
            return withList("{" + r.tvar().name() + " with", items, ind, col);
        }
        FunctionType f = (FunctionType) t;
        List<Item> items = new ArrayList<>();
        for (ParameterType p : f.parameters()) {
            String prefix = switch (p.kind()) {
                case REQUIRED -> p.name().name() + ": ";
                case OPTIONAL -> "?" + p.name().name() + ": ";
                case PIPE -> "<-" + (p.name() == null ? "" : p.name().name()) + ": ";
            };
            String label = p.defaultLabel() == null ? "" : " = " + quote(p.defaultLabel().value());
            items.add(new Item(List.of(), prefix + monoType(p.type(), ind + 1, (ind + 1) * 4 + prefix.length())
                    + label));
        }
        String params = list("(", ")", items, ind, col, false) + " => ";
        String result = monoType(f.result(), ind, end(col, params));
        if (!multiline(params) && !multiline(result) && end(col, params + result) + trailing > WIDTH) {
            // Too long for one line: the parameters give way first.
            params = list("(", ")", items, ind, col, true) + " => ";
            result = monoType(f.result(), ind, end(col, params));
        }
        return params + result;
    }
}
