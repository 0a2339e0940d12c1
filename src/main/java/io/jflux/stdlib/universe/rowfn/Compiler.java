package io.jflux.stdlib.universe.rowfn;

import io.jflux.diag.FluxException;
import io.jflux.eval.BoolValue;
import io.jflux.eval.Durations;
import io.jflux.eval.FloatValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.NullValue;
import io.jflux.eval.Operators;
import io.jflux.eval.RecordValue;
import io.jflux.eval.RegexValue;
import io.jflux.eval.Regexes;
import io.jflux.eval.Scope;
import io.jflux.eval.StringValue;
import io.jflux.eval.TimeValue;
import io.jflux.eval.Value;
import io.jflux.stdlib.universe.rowfn.Nodes.AllNull;
import io.jflux.stdlib.universe.rowfn.Nodes.Arith;
import io.jflux.stdlib.universe.rowfn.Nodes.CmpMode;
import io.jflux.stdlib.universe.rowfn.Nodes.Column;
import io.jflux.stdlib.universe.rowfn.Nodes.Compare;
import io.jflux.stdlib.universe.rowfn.Nodes.Cond;
import io.jflux.stdlib.universe.rowfn.Nodes.Const;
import io.jflux.stdlib.universe.rowfn.Nodes.Exists;
import io.jflux.stdlib.universe.rowfn.Nodes.Interpolate;
import io.jflux.stdlib.universe.rowfn.Nodes.Logic;
import io.jflux.stdlib.universe.rowfn.Nodes.Negate;
import io.jflux.stdlib.universe.rowfn.Nodes.Not;
import io.jflux.stdlib.universe.rowfn.Nodes.Regex;
import io.jflux.stdlib.universe.rowfn.Nodes.RegexConst;
import io.jflux.syntax.Expression;
import io.jflux.syntax.Expression.BinaryExpression;
import io.jflux.syntax.Expression.ConditionalExpression;
import io.jflux.syntax.Expression.DateTimeLiteral;
import io.jflux.syntax.Expression.DurationLiteral;
import io.jflux.syntax.Expression.FloatLiteral;
import io.jflux.syntax.Expression.Identifier;
import io.jflux.syntax.Expression.IntegerLiteral;
import io.jflux.syntax.Expression.InterpolatedPart;
import io.jflux.syntax.Expression.LogicalExpression;
import io.jflux.syntax.Expression.MemberExpression;
import io.jflux.syntax.Expression.ParenExpression;
import io.jflux.syntax.Expression.Property;
import io.jflux.syntax.Expression.RecordExpression;
import io.jflux.syntax.Expression.RegexLiteral;
import io.jflux.syntax.Expression.StringExpression;
import io.jflux.syntax.Expression.StringLiteral;
import io.jflux.syntax.Expression.StringPart;
import io.jflux.syntax.Expression.TextPart;
import io.jflux.syntax.Expression.UnaryExpression;
import io.jflux.syntax.Operator;
import io.jflux.syntax.Span;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles the body of a row function {@code (r) => ...} for one table schema into {@link Vec} nodes. Columns
 * ({@code r.x}, {@code r["x"]}) are resolved to indexes, and the function's free variables are read once, here.
 * Shapes it does not know give null, and the caller evaluates row by row instead; so does anything whose
 * types the interpreter would reject, so that both ways give the same values and the same errors.
 */
final class Compiler {

    private final String param;
    private final Scope scope;
    private final List<ColumnMeta> schema;

    Compiler(String param, Scope scope, List<ColumnMeta> schema) {
        this.param = param;
        this.scope = scope;
        this.schema = schema;
    }

    /** An operand: any value but a regular expression. */
    Vec operand(Expression e) {
        Vec v = compile(e);
        return v instanceof RegexConst ? null : v;
    }

    private Vec compile(Expression e) {
        if (e instanceof ParenExpression p) {
            return compile(p.expression());
        }
        if (e instanceof IntegerLiteral i) {
            return new Const(IntValue.of(i.value()));
        }
        if (e instanceof FloatLiteral f) {
            return new Const(new FloatValue(f.value()));
        }
        if (e instanceof StringLiteral s) {
            return new Const(new StringValue(s.value()));
        }
        if (e instanceof DateTimeLiteral d) {
            return new Const(new TimeValue(d.epochNanos()));
        }
        if (e instanceof DurationLiteral d) {
            try {
                return new Const(Durations.fromParts(d.parts(), d.span()));
            } catch (FluxException ex) {
                return null;
            }
        }
        if (e instanceof RegexLiteral r) {
            try {
                return new RegexConst(Regexes.compile(r.pattern(), r.span()).pattern());
            } catch (FluxException ex) {
                return null;
            }
        }
        if (e instanceof Identifier id) {
            if (id.name().equals(param)) {
                return null;
            }
            return constant(scope.lookup(id.name()));
        }
        if (e instanceof MemberExpression m) {
            return member(m);
        }
        if (e instanceof UnaryExpression u) {
            return unary(u);
        }
        if (e instanceof LogicalExpression l) {
            Vec a = operand(l.left());
            Vec b = operand(l.right());
            if (a == null || b == null || !boolOrNull(a) || !boolOrNull(b)) {
                return null;
            }
            return new Logic(l.operator() == Operator.AND, a, b);
        }
        if (e instanceof BinaryExpression b) {
            return binary(b);
        }
        if (e instanceof ConditionalExpression c) {
            return conditional(c);
        }
        if (e instanceof StringExpression s) {
            return interpolation(s);
        }
        return null;
    }

    private static boolean boolOrNull(Vec v) {
        return v.type == null || v.type == ColumnType.BOOL;
    }

    private static Vec constant(Value v) {
        if (v == null) {
            return null;
        }
        if (v instanceof RegexValue r) {
            return new RegexConst(r.pattern());
        }
        return Const.fits(v) ? new Const(v) : null;
    }

    /** The column {@code label} of the row, or a column of nulls when the table lacks it. */
    Vec column(String label) {
        for (int i = 0; i < schema.size(); i++) {
            if (schema.get(i).label().equals(label)) {
                return new Column(i, schema.get(i).type());
            }
        }
        return new Const(NullValue.NULL);
    }

    /** The index of the column read by {@code e} when it is exactly {@code r.label} of a column the table has. */
    int columnOf(Expression e) {
        while (e instanceof ParenExpression p) {
            e = p.expression();
        }
        if (e instanceof MemberExpression m && m.object() instanceof Identifier o && o.name().equals(param)) {
            String label = m.property().key();
            for (int i = 0; i < schema.size(); i++) {
                if (schema.get(i).label().equals(label)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private Vec member(MemberExpression m) {
        if (m.object() instanceof Identifier o && o.name().equals(param)) {
            return column(m.property().key());
        }
        Value object = constantValue(m.object());
        if (object instanceof RecordValue r) {
            Value v = r.get(m.property().key());
            return constant(v == null ? NullValue.NULL : v);
        }
        if (object != null && object.isNull()) {
            return new Const(NullValue.NULL);
        }
        return null;
    }

    /** The value of a chain of identifiers and members that does not involve the row, or null. */
    private Value constantValue(Expression e) {
        if (e instanceof Identifier id) {
            return id.name().equals(param) ? null : scope.lookup(id.name());
        }
        if (e instanceof MemberExpression m) {
            Value object = constantValue(m.object());
            if (object instanceof RecordValue r) {
                Value v = r.get(m.property().key());
                return v == null ? NullValue.NULL : v;
            }
            return object != null && object.isNull() ? NullValue.NULL : null;
        }
        if (e instanceof ParenExpression p) {
            return constantValue(p.expression());
        }
        return null;
    }

    private Vec unary(UnaryExpression u) {
        Vec x = operand(u.argument());
        if (x == null) {
            return null;
        }
        switch (u.operator()) {
            case EXISTS:
                return new Exists(x);
            case NOT:
                return boolOrNull(x) ? new Not(x) : null;
            case NEGATE:
                if (x.type == null) {
                    return x;
                }
                if (!Nodes.numeric(x.type) && x.type != ColumnType.DURATION) {
                    return null;
                }
                if (x instanceof Const c) {
                    return new Const(Operators.negate(c.value, u.span()));
                }
                return new Negate(x);
            default:
                return x.type == null || Nodes.numeric(x.type) || x.type == ColumnType.DURATION ? x : null;
        }
    }

    private Vec binary(BinaryExpression b) {
        Operator op = b.operator();
        Vec l = operand(b.left());
        if (l == null) {
            return null;
        }
        if (op == Operator.REGEX_MATCH || op == Operator.REGEX_NOT_MATCH) {
            Vec r = compile(b.right());
            if (!(r instanceof RegexConst re) || (l.type != null && l.type != ColumnType.STRING)) {
                return null;
            }
            return new Regex(l, re.pattern, op == Operator.REGEX_NOT_MATCH);
        }
        Vec r = operand(b.right());
        if (r == null) {
            return null;
        }
        if (l instanceof Const x && r instanceof Const y) {
            try {
                Value v = Operators.binary(op, x.value, y.value, b.span());
                return constant(v);
            } catch (FluxException ex) {
                if (l.type == null || r.type == null) {
                    return null;
                }
                // Not folded: the error belongs to the rows that reach it.
            }
        }
        switch (op) {
            case EQ:
            case NEQ:
            case LT:
            case LTE:
            case GT:
            case GTE: {
                if (l.type == null || r.type == null) {
                    return new Compare(op, l, r, CmpMode.SIGNED);
                }
                CmpMode mode = Nodes.cmpMode(l.type, r.type, op);
                return mode == null ? null : new Compare(op, l, r, mode);
            }
            default:
                break;
        }
        if (l.type == null || r.type == null) {
            ColumnType other = l.type == null ? r.type : l.type;
            if (l.mayFail() || r.mayFail()) {
                return null;
            }
            ColumnType t = other == null ? null : Arith.typeOf(op, other, other);
            return t == null ? new Const(NullValue.NULL) : new AllNull(t);
        }
        ColumnType t = Arith.typeOf(op, l.type, r.type);
        return t == null ? null : new Arith(t, op, l, r, b.span());
    }

    private Vec conditional(ConditionalExpression c) {
        Vec test = operand(c.test());
        Vec a = operand(c.consequent());
        Vec b = operand(c.alternate());
        if (test == null || a == null || b == null || !boolOrNull(test)) {
            return null;
        }
        ColumnType t;
        if (a.type == b.type || b.type == null) {
            t = a.type;
        } else if (a.type == null) {
            t = b.type;
        } else {
            return null;
        }
        if (test instanceof Const k) {
            return k.value instanceof BoolValue bv && bv.value() ? a : b;
        }
        return new Cond(t, test, a, b);
    }

    private Vec interpolation(StringExpression s) {
        List<Object> parts = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (StringPart p : s.parts()) {
            if (p instanceof TextPart t) {
                parts.add(t.value());
                continue;
            }
            Expression inner = ((InterpolatedPart) p).expression();
            Vec v = operand(inner);
            if (v == null) {
                return null;
            }
            parts.add(v);
            spans.add(inner.span());
        }
        return new Interpolate(parts, spans);
    }

    // ------------------------------------------------------------------ records for map

    /**
     * The output columns of a {@code map} body that is a record literal ({@code {r with ...}} or
     * {@code {a: ..., b: ...}}), by label in the order written: an Integer (an input column passed through
     * unchanged) or a Vec. Null when the body is of another shape or a property does not compile.
     */
    Map<String, Object> record(Expression body) {
        while (body instanceof ParenExpression p) {
            body = p.expression();
        }
        if (!(body instanceof RecordExpression rec)) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (rec.with() != null) {
            if (!rec.with().name().equals(param)) {
                return null;
            }
            for (int i = 0; i < schema.size(); i++) {
                fields.put(schema.get(i).label(), i);
            }
        }
        for (Property p : rec.properties()) {
            Expression value = p.value() == null ? (Identifier) p.key() : p.value();
            String key = p.key().key();
            int col = columnOf(value);
            if (col >= 0) {
                fields.remove(key);
                fields.put(key, col);
                continue;
            }
            Vec v = operand(value);
            if (v == null) {
                return null;
            }
            fields.remove(key);
            fields.put(key, v);
        }
        return fields;
    }

    /**
     * What can be known, without running it, of the type of each property of a record-literal body: the
     * column type, {@link #ALWAYS_NULL}, or nothing (absent). Used by the row-by-row {@code map}.
     */
    Map<String, Object> recordTypes(Expression body) {
        while (body instanceof ParenExpression p) {
            body = p.expression();
        }
        Map<String, Object> types = new LinkedHashMap<>();
        if (body instanceof Identifier id && id.name().equals(param)) {
            for (ColumnMeta c : schema) {
                types.put(c.label(), c.type());
            }
            return types;
        }
        if (!(body instanceof RecordExpression rec)) {
            return types;
        }
        if (rec.with() != null && rec.with().name().equals(param)) {
            for (ColumnMeta c : schema) {
                types.put(c.label(), c.type());
            }
        }
        for (Property p : rec.properties()) {
            Expression value = p.value() == null ? (Identifier) p.key() : p.value();
            Vec v = operand(value);
            types.remove(p.key().key());
            if (v != null) {
                types.put(p.key().key(), v.type == null ? ALWAYS_NULL : v.type);
            }
        }
        return types;
    }

    /** Marks a property whose value is null in every row. */
    static final Object ALWAYS_NULL = new Object();
}
