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
 * comments ({@code //text}) and attributes on their own lines before what they annotate; every pipe forward
 * ({@code |> call()}) on a line of its own, one level deeper than the start of its chain; a record, argument list,
 * array, dictionary, parameter list or type list is written on one line unless it has more than four items, holds a
 * comment, or one of its items spans several lines, in which case each item goes on its own line with a trailing
 * comma. Inside a string interpolation nothing is broken that need not be.
 *
 * <p>Parentheses: every {@link ParenExpression} is written as it stands, and parentheses are added only where a
 * tree built without them could not otherwise be read back (a child binding more weakly than its place requires).
 * A tree that came from the parser therefore prints back to a tree of the same shape.
 *
 * <p>Literals: strings are re-escaped ({@code \\ \" \n \r \t}, and {@code \$} where a {@code $} would start an
 * interpolation), so a printed string never spans lines; regular expressions escape {@code /}; floats always carry a
 * decimal point and read back as the same double.
 */
public final class Printer {

    private static final String INDENT = "    ";
    /** Lists with more items than this are written one item per line. */
    private static final int MULTILINE = 4;

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
        return new Printer().expr(e, 0, P_LOWEST, true);
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
            out.append('@').append(a.name()).append('(');
            for (int i = 0; i < a.params().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                out.append(expr(a.params().get(i), ind, P_PRIMARY, true));
            }
            out.append(")\n");
        }
    }

    private static void comments(StringBuilder out, List<String> comments, int ind) {
        for (String c : comments) {
            indent(out, ind);
            out.append("//").append(c).append('\n');
        }
    }

    private String statement(Statement s, int ind) {
        if (s instanceof VariableAssignment v) {
            return v.id().name() + " = " + expr(v.init(), ind, P_LOWEST, true);
        }
        if (s instanceof ExpressionStatement e) {
            return expr(e.expression(), ind, P_LOWEST, true);
        }
        if (s instanceof ReturnStatement r) {
            return "return " + expr(r.argument(), ind, P_LOWEST, true);
        }
        if (s instanceof OptionStatement o) {
            String name = o.pkg() == null ? o.name().name() : o.pkg().name() + "." + o.name().name();
            return "option " + name + " = " + expr(o.value(), ind, P_LOWEST, true);
        }
        if (s instanceof BuiltinStatement b) {
            return "builtin " + b.name().name() + " : " + typeExpression(b.type(), ind);
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
     * The source of {@code e} placed at indentation {@code ind}, where its place requires binding strength at
     * least {@code min}; {@code tail} says that nothing follows it before a closing delimiter, so that constructs
     * which extend as far right as they can (function literals with an expression body) need no parentheses.
     */
    private String expr(Expression e, int ind, int min, boolean tail) {
        if (strength(e, tail) < min) {
            return "(" + parenthesized(e, ind) + ")";
        }
        if (e instanceof PipeExpression p) {
            // A pipeline standing as a value is broken into lines; one inside an operation stays on its line.
            return pipe(p, ind, min == P_LOWEST && flat == 0);
        }
        return bare(e, ind, tail);
    }

    /** What goes between parentheses. */
    private String parenthesized(Expression e, int ind) {
        if (e instanceof PipeExpression p) {
            return pipe(p, ind, false);
        }
        return bare(e, ind, true);
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

    private String bare(Expression e, int ind, boolean tail) {
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
            return stringExpression(s, ind);
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
            return "(" + parenthesized(p.expression(), ind) + ")";
        }
        if (e instanceof RecordExpression r) {
            return record(r, ind);
        }
        if (e instanceof ArrayExpression a) {
            List<Item> items = new ArrayList<>();
            for (Expression el : a.elements()) {
                items.add(new Item(List.of(), expr(el, ind + 1, P_LOWEST, true)));
            }
            return list("[", "]", items, ind);
        }
        if (e instanceof DictExpression d) {
            if (d.items().isEmpty()) {
                return "[:]";
            }
            List<Item> items = new ArrayList<>();
            for (DictItem item : d.items()) {
                items.add(new Item(List.of(), expr(item.key(), ind + 1, P_LOWEST, true) + ": "
                        + expr(item.value(), ind + 1, P_LOWEST, true)));
            }
            return list("[", "]", items, ind);
        }
        if (e instanceof FunctionExpression f) {
            return function(f, ind, tail);
        }
        if (e instanceof CallExpression c) {
            return call(c, ind);
        }
        if (e instanceof PipeExpression p) {
            return pipe(p, ind, false);
        }
        if (e instanceof MemberExpression m) {
            String object = object(m.object(), ind);
            if (m.property() instanceof Identifier id) {
                return object + "." + id.name();
            }
            return object + "[" + quote(((StringLiteral) m.property()).value()) + "]";
        }
        if (e instanceof IndexExpression i) {
            return object(i.array(), ind) + "[" + expr(i.index(), ind, P_LOWEST, true) + "]";
        }
        if (e instanceof BinaryExpression b) {
            int p = b.operator().precedence();
            return expr(b.left(), ind, p, false) + " " + b.operator().symbol() + " "
                    + expr(b.right(), ind, p + 1, tail);
        }
        if (e instanceof LogicalExpression l) {
            int p = l.operator().precedence();
            return expr(l.left(), ind, p, false) + " " + l.operator().symbol() + " "
                    + expr(l.right(), ind, p + 1, tail);
        }
        if (e instanceof UnaryExpression u) {
            if (u.operator() == Operator.NOT || u.operator() == Operator.EXISTS) {
                return u.operator().symbol() + " " + expr(u.argument(), ind, P_NOT, tail);
            }
            return u.operator().symbol() + expr(u.argument(), ind, P_UNARY, tail);
        }
        return conditional((ConditionalExpression) e, ind, tail);
    }

    /** The object of a member, index or call: a postfix expression (an integer would read as a float). */
    private String object(Expression e, int ind) {
        if (e instanceof IntegerLiteral) {
            return "(" + bare(e, ind, true) + ")";
        }
        return expr(e, ind, P_POSTFIX, false);
    }

    private String conditional(ConditionalExpression c, int ind, boolean tail) {
        String test = expr(c.test(), ind, P_LOWEST, true);
        String then = expr(c.consequent(), ind + 1, P_LOWEST, true);
        boolean nested = c.alternate() instanceof ConditionalExpression;
        String alternate = expr(c.alternate(), nested ? ind : ind + 1, P_LOWEST, tail);
        if (!multiline(test) && !multiline(then) && !multiline(alternate)) {
            return "if " + test + " then " + then + " else " + alternate;
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

    private String pipe(PipeExpression p, int ind, boolean breakLines) {
        List<CallExpression> calls = new ArrayList<>();
        Expression base = p;
        while (base instanceof PipeExpression pe) {
            calls.add(pe.call());
            base = pe.argument();
        }
        StringBuilder sb = new StringBuilder(expr(base, ind, P_PIPE, false));
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (!breakLines) {
                sb.append(" |> ").append(call(calls.get(i), ind));
            } else {
                sb.append('\n');
                indent(sb, ind + 1);
                sb.append("|> ").append(call(calls.get(i), ind + 1));
            }
        }
        return sb.toString();
    }

    private String call(CallExpression c, int ind) {
        return object(c.callee(), ind) + list("(", ")", properties(c.arguments(), ind + 1, ": "), ind);
    }

    private String record(RecordExpression r, int ind) {
        if (r.properties().isEmpty() && r.with() == null) {
            return "{}";
        }
        List<Item> items = properties(r.properties(), ind + 1, ": ");
        if (r.with() == null) {
            return list("{", "}", items, ind);
        }
        String with = "{" + r.with().name() + " with";
        if (items.isEmpty()) {
            return with + "}";
        }
        if (isMultiline(items)) {
            return list(with, "}", items, ind);
        }
        return list(with + " ", "}", items, ind);
    }

    private String function(FunctionExpression f, int ind, boolean tail) {
        String params = list("(", ")", properties(f.params(), ind + 1, "="), ind);
        if (f.body() instanceof Block b) {
            return params + " => " + block(b, ind);
        }
        String body = expr((Expression) f.body(), ind, P_LOWEST, tail);
        if (body.startsWith("{")) {
            // A body starting with '{' would read as a block.
            body = "(" + parenthesized((Expression) f.body(), ind) + ")";
        }
        return params + " => " + body;
    }

    private List<Item> properties(List<Property> props, int ind, String separator) {
        List<Item> items = new ArrayList<>(props.size());
        for (Property p : props) {
            String key = p.key() instanceof Identifier id ? id.name() : quote(((StringLiteral) p.key()).value());
            String text = p.value() == null ? key : key + separator + expr(p.value(), ind, P_LOWEST, true);
            items.add(new Item(p.comments(), text));
        }
        return items;
    }

    /** One item of a bracketed list: the comments before it and its text. */
    private record Item(List<String> comments, String text) {}

    private boolean isMultiline(List<Item> items) {
        if (items.size() > MULTILINE && flat == 0) {
            return true;
        }
        for (Item item : items) {
            if (!item.comments().isEmpty() || multiline(item.text())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Items between {@code open} and {@code close}: on one line, or each on its own line one level deeper with a
     * trailing comma (items were printed for indentation {@code ind + 1}).
     */
    private String list(String open, String close, List<Item> items, int ind) {
        StringBuilder sb = new StringBuilder(open);
        if (!isMultiline(items)) {
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(items.get(i).text());
            }
            return sb.append(close).toString();
        }
        sb.append('\n');
        for (int i = 0; i < items.size(); i++) {
            comments(sb, items.get(i).comments(), ind + 1);
            indent(sb, ind + 1);
            sb.append(items.get(i).text()).append(",\n");
        }
        indent(sb, ind);
        return sb.append(close).toString();
    }

    private static boolean multiline(String s) {
        return s.indexOf('\n') >= 0;
    }

    private static void indent(StringBuilder sb, int ind) {
        for (int i = 0; i < ind; i++) {
            sb.append(INDENT);
        }
    }

    // ------------------------------------------------------------------ literals

    private String stringExpression(StringExpression s, int ind) {
        StringBuilder sb = new StringBuilder("\"");
        List<StringPart> parts = s.parts();
        for (int i = 0; i < parts.size(); i++) {
            StringPart part = parts.get(i);
            if (part instanceof TextPart t) {
                boolean beforeInterpolation = i + 1 < parts.size() && parts.get(i + 1) instanceof InterpolatedPart;
                escape(sb, t.value(), beforeInterpolation);
            } else {
                flat++;
                try {
                    sb.append("${").append(expr(((InterpolatedPart) part).expression(), ind, P_LOWEST, true))
                            .append('}');
                } finally {
                    flat--;
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A string literal: quoted and escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        escape(sb, s, false);
        return sb.append('"').toString();
    }

    /**
     * Escapes string text; a {@code $} is escaped where it would start an interpolation: before a {@code {}, or
     * at the end of the text when an interpolation follows.
     */
    private static void escape(StringBuilder sb, String s, boolean beforeInterpolation) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '$' -> {
                    boolean opens = i + 1 < s.length() ? s.charAt(i + 1) == '{' : beforeInterpolation;
                    sb.append(opens ? "\\$" : "$");
                }
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

    private String typeExpression(TypeExpression t, int ind) {
        StringBuilder sb = new StringBuilder(monoType(t.type(), ind));
        if (t.constraints().isEmpty()) {
            return sb.toString();
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
        if (constraints.size() <= MULTILINE) {
            return sb.append(" where ").append(String.join(", ", constraints)).toString();
        }
        sb.append(" where\n");
        for (int i = 0; i < constraints.size(); i++) {
            indent(sb, ind + 1);
            sb.append(constraints.get(i));
            if (i < constraints.size() - 1) {
                sb.append(',');
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private String monoType(MonoType t, int ind) {
        if (t instanceof NamedType n) {
            return n.name().name();
        }
        if (t instanceof GenericType g) {
            return g.name().name() + "[" + monoType(g.argument(), ind) + "]";
        }
        if (t instanceof ArrayType a) {
            return "[" + monoType(a.element(), ind) + "]";
        }
        if (t instanceof DictType d) {
            return "[" + monoType(d.key(), ind) + ":" + monoType(d.value(), ind) + "]";
        }
        if (t instanceof RecordType r) {
            List<Item> items = new ArrayList<>();
            for (PropertyType p : r.properties()) {
                String key = p.name() instanceof Identifier id ? id.name()
                        : quote(((StringLiteral) p.name()).value());
                items.add(new Item(List.of(), key + ": " + monoType(p.type(), ind + 1)));
            }
            if (r.tvar() == null) {
                return list("{", "}", items, ind);
            }
            String with = "{" + r.tvar().name() + " with";
            return isMultiline(items) ? list(with, "}", items, ind) : list(with + " ", "}", items, ind);
        }
        FunctionType f = (FunctionType) t;
        List<Item> items = new ArrayList<>();
        for (ParameterType p : f.parameters()) {
            String type = monoType(p.type(), ind + 1);
            String text = switch (p.kind()) {
                case REQUIRED -> p.name().name() + ": " + type;
                case OPTIONAL -> "?" + p.name().name() + ": " + type;
                case PIPE -> "<-" + (p.name() == null ? "" : p.name().name()) + ": " + type;
            };
            items.add(new Item(List.of(), text));
        }
        return list("(", ")", items, ind) + " => " + monoType(f.result(), ind);
    }
}
