package io.jflux.eval;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.syntax.Expression;
import io.jflux.syntax.Expression.*;
import io.jflux.syntax.Node;
import io.jflux.syntax.Operator;
import io.jflux.syntax.Parser;
import io.jflux.syntax.SourceFile;
import io.jflux.syntax.SourceFile.ImportDeclaration;
import io.jflux.syntax.Span;
import io.jflux.syntax.Statement;
import io.jflux.syntax.Statement.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates Flux syntax trees. One interpreter serves one execution: it owns the universe and the packages
 * imported during that execution (so options set by one execution never leak into another).
 */
public final class Interpreter {

    /** The value of one expression statement of the main file. */
    public record Result(Span span, Value value) {}

    /** Parsed package sources, by path and source text. */
    private static final Map<String, SourceFile> PARSED_PACKAGES = new ConcurrentHashMap<>();

    private final ExecutionContext context;
    private final Map<String, PackageValue> packages = new HashMap<>();
    private final Map<RegexLiteral, RegexValue> regexCache = new IdentityHashMap<>();
    private final Scope universe;
    private String currentPackage = "main";

    public Interpreter(ExecutionContext context) {
        this.context = context;
        this.universe = loadPackage("universe", Span.NONE).scope();
        Value fixedNow = new BuiltinFunction("now", new Signature(List.of()),
                (args, in) -> new TimeValue(context.now()));
        if (universe.isOption("now")) {
            universe.defineOption("now", fixedNow);
        }
    }

    public ExecutionContext context() {
        return context;
    }

    public Scope universe() {
        return universe;
    }

    /** A fresh scope for a main package, whose parent is the universe. */
    public Scope newMainScope() {
        return new Scope(universe);
    }

    // ------------------------------------------------------------------ files and statements

    /** Runs a main file in {@code scope}; returns the values of its expression statements in order. */
    public List<Result> run(SourceFile file, Scope scope) {
        List<Result> results = new ArrayList<>();
        try {
            for (ImportDeclaration imp : file.imports()) {
                importPackage(imp, scope);
            }
            for (Statement s : file.body()) {
                execute(s, scope, results);
            }
        } catch (StackOverflowError e) {
            throw new FluxException(ErrorCode.RESOURCE_EXHAUSTED, "stack overflow: recursion is too deep");
        }
        return results;
    }

    /** Binds an import in {@code scope}. */
    public void importPackage(ImportDeclaration imp, Scope scope) {
        String path = imp.path().value();
        PackageValue pkg = loadPackage(path, imp.path().span());
        String name = imp.alias() != null ? imp.alias().name() : pkg.name();
        scope.define(name, pkg);
    }

    private void execute(Statement s, Scope scope, List<Result> results) {
        if (s instanceof ExpressionStatement e) {
            Value v = evaluate(e.expression(), scope);
            if (results != null) {
                results.add(new Result(e.span(), v));
            }
        } else if (s instanceof VariableAssignment v) {
            String name = v.id().name();
            if (scope.definesLocally(name)) {
                throw new FluxException(ErrorCode.INVALID, "variable " + name
                        + " is already defined in this scope (variables cannot be reassigned)", v.id().span());
            }
            Value value = evaluate(v.init(), scope);
            if (value instanceof Closure c) {
                c.nameIfAnonymous(name);
            }
            scope.define(name, value);
        } else if (s instanceof OptionStatement o) {
            setOption(o, scope);
        } else if (s instanceof BuiltinStatement b) {
            Value v = context.loader().builtin(currentPackage, b.name().name(), b.type(), b.span());
            scope.define(b.name().name(), v);
        } else if (s instanceof TestcaseStatement) {
            // Test cases run under `jflux test`, not as part of the file.
        } else if (s instanceof ReturnStatement r) {
            throw new FluxException(ErrorCode.INVALID, "return is only allowed inside a function body", r.span());
        }
    }

    private void setOption(OptionStatement o, Scope scope) {
        Value value = evaluate(o.value(), scope);
        String name = o.name().name();
        if (value instanceof Closure c) {
            c.nameIfAnonymous(name);
        }
        if (o.pkg() != null) {
            Value p = scope.lookup(o.pkg().name());
            if (!(p instanceof PackageValue pkg)) {
                throw new FluxException(ErrorCode.INVALID, o.pkg().name() + " is not an imported package",
                        o.pkg().span());
            }
            if (!pkg.scope().isOption(name)) {
                throw new FluxException(ErrorCode.INVALID, "package " + pkg.path() + " has no option " + name,
                        o.name().span());
            }
            pkg.scope().defineOption(name, value);
            return;
        }
        Scope owner = scope.optionOwner(name);
        (owner != null ? owner : scope).defineOption(name, value);
    }

    /** Runs a function body: an expression, or a block that must end in {@code return}. */
    Value invokeBody(Closure closure, Node body, Scope local) {
        if (body instanceof Expression e) {
            return evaluate(e, local);
        }
        Block block = (Block) body;
        for (Statement s : block.body()) {
            if (s instanceof ReturnStatement r) {
                return evaluate(r.argument(), local);
            }
            execute(s, local, null);
        }
        throw new FluxException(ErrorCode.INVALID, "function " + closure.name() + " ended without a return statement",
                block.span());
    }

    // ------------------------------------------------------------------ packages

    private boolean universeCompleted;

    /**
     * Evaluates the universe's deferred part (its functions written in Flux) the first time a name is not found;
     * true when that happened now, so the lookup is worth trying again.
     */
    private boolean completeUniverse() {
        if (universeCompleted) {
            return false;
        }
        universeCompleted = true;
        String source = context.loader().deferredSource("universe");
        if (source == null) {
            return false;
        }
        SourceFile file = PARSED_PACKAGES.computeIfAbsent("universe/functions.flux\0" + source,
                k -> Parser.parse("universe/functions.flux", source));
        String previous = currentPackage;
        currentPackage = "universe";
        try {
            for (Statement s : file.body()) {
                execute(s, universe, null);
            }
        } finally {
            currentPackage = previous;
        }
        return true;
    }

    /** The package at {@code path}, loaded and evaluated once per execution. */
    public PackageValue loadPackage(String path, Span span) {
        PackageValue loaded = packages.get(path);
        if (loaded != null) {
            return loaded;
        }
        PackageLoader loader = context.loader();
        if (!loader.exists(path)) {
            throw new FluxException(ErrorCode.NOT_FOUND, "package \"" + path + "\" not found; available packages: "
                    + String.join(", ", loader.available()), span);
        }
        // Keyed by the source too: two engines may offer different packages under one path.
        String source = loader.fluxSource(path);
        String text = source == null ? "" : source;
        SourceFile file = PARSED_PACKAGES.computeIfAbsent(path + "\u0000" + text,
                k -> Parser.parse(path + ".flux", text));
        Scope scope = new Scope(path.equals("universe") ? null : universe);
        String name = file.packageClause() != null ? file.packageClause().name().name()
                : path.substring(path.lastIndexOf('/') + 1);
        PackageValue pkg = new PackageValue(path, name, scope);
        packages.put(path, pkg);
        String previous = currentPackage;
        currentPackage = path;
        try {
            for (ImportDeclaration imp : file.imports()) {
                importPackage(imp, scope);
            }
            for (Statement s : file.body()) {
                execute(s, scope, null);
            }
        } finally {
            currentPackage = previous;
        }
        return pkg;
    }

    // ------------------------------------------------------------------ expressions

    /** Evaluates an expression in a scope. */
    public Value evaluate(Expression e, Scope scope) {
        if (e instanceof Identifier id) {
            Value v = scope.lookup(id.name());
            if (v == null && completeUniverse()) {
                v = scope.lookup(id.name());
            }
            if (v == null) {
                throw new FluxException(ErrorCode.INVALID, "undefined identifier " + id.name(), id.span());
            }
            return v;
        }
        if (e instanceof CallExpression c) {
            return call(c, null, scope);
        }
        if (e instanceof PipeExpression p) {
            Value piped = evaluate(p.argument(), scope);
            return call(p.call(), piped, scope);
        }
        if (e instanceof MemberExpression m) {
            return member(m, evaluate(m.object(), scope));
        }
        if (e instanceof BinaryExpression b) {
            Value l = evaluate(b.left(), scope);
            Value r = evaluate(b.right(), scope);
            return Operators.binary(b.operator(), l, r, b.span());
        }
        if (e instanceof LogicalExpression l) {
            return logical(l, scope);
        }
        if (e instanceof IntegerLiteral i) {
            return IntValue.of(i.value());
        }
        if (e instanceof StringLiteral s) {
            return new StringValue(s.value());
        }
        if (e instanceof FloatLiteral f) {
            return new FloatValue(f.value());
        }
        if (e instanceof FunctionExpression f) {
            return new Closure(f, scope);
        }
        if (e instanceof RecordExpression r) {
            return record(r, scope);
        }
        if (e instanceof UnaryExpression u) {
            return unary(u, scope);
        }
        if (e instanceof ParenExpression p) {
            return evaluate(p.expression(), scope);
        }
        if (e instanceof ConditionalExpression c) {
            Value test = evaluate(c.test(), scope);
            if (test instanceof BoolValue b) {
                return evaluate(b.value() ? c.consequent() : c.alternate(), scope);
            }
            if (test.isNull()) {
                return evaluate(c.alternate(), scope);
            }
            throw new FluxException(ErrorCode.INVALID, "type error: the condition of if must be bool, got " + test.kind().fluxName(),
                    c.test().span());
        }
        if (e instanceof StringExpression s) {
            return interpolate(s, scope);
        }
        if (e instanceof DurationLiteral d) {
            return Durations.fromParts(d.parts(), d.span());
        }
        if (e instanceof DateTimeLiteral d) {
            return new TimeValue(d.epochNanos());
        }
        if (e instanceof RegexLiteral r) {
            return regexCache.computeIfAbsent(r, k -> Regexes.compile(k.pattern(), k.span()));
        }
        if (e instanceof ArrayExpression a) {
            return array(a, scope);
        }
        if (e instanceof IndexExpression i) {
            return index(i, scope);
        }
        if (e instanceof DictExpression d) {
            return dict(d, scope);
        }
        if (e instanceof LabelLiteral l) {
            return new StringValue(l.name());
        }
        if (e instanceof PipeLiteral p) {
            throw new FluxException(ErrorCode.INVALID, "<- is only allowed as the default of a function parameter",
                    p.span());
        }
        throw new FluxException(ErrorCode.INTERNAL, "cannot evaluate " + e.getClass().getSimpleName(), e.span());
    }

    private Value call(CallExpression c, Value piped, Scope scope) {
        Value callee = evaluate(c.callee(), scope);
        if (!(callee instanceof FunctionValue f)) {
            String what = describeCallee(c.callee());
            throw new FluxException(ErrorCode.INVALID, what == null
                    ? "cannot call a value of type " + callee.kind().fluxName() + ": only functions can be called"
                    : "cannot call " + what + ": it is of type " + callee.kind().fluxName() + ", not a function",
                    c.callee().span());
        }
        Map<String, Value> values = new LinkedHashMap<>();
        Map<String, Span> spans = new HashMap<>();
        for (Property p : c.arguments()) {
            String name = p.key().key();
            if (values.containsKey(name)) {
                throw new FluxException(ErrorCode.INVALID, "argument " + name + " is given twice", p.span());
            }
            Value v = p.value() == null ? evaluate((Identifier) p.key(), scope) : evaluate(p.value(), scope);
            values.put(name, v);
            spans.put(name, p.span());
        }
        try {
            return f.call(new Arguments(f.name(), values, spans, piped, c.span()), this);
        } catch (FluxException ex) {
            throw ex.at(c.span());
        }
    }

    private static String describeCallee(Expression callee) {
        if (callee instanceof Identifier id) {
            return id.name();
        }
        if (callee instanceof MemberExpression m && m.object() instanceof Identifier o) {
            return o.name() + "." + m.property().key();
        }
        return null;
    }

    /** Calls a function value from Java (builtins calling Flux functions, embedders). */
    public Value call(FunctionValue f, Map<String, Value> args, Span at) {
        return f.call(new Arguments(f.name(), new LinkedHashMap<>(args), Map.of(), null, at), this);
    }

    private Value member(MemberExpression m, Value object) {
        String key = m.property().key();
        if (object instanceof RecordValue r) {
            Value v = r.get(key);
            return v == null ? NullValue.NULL : v;
        }
        if (object instanceof PackageValue p) {
            Value v = p.member(key);
            if (v == null) {
                throw new FluxException(ErrorCode.INVALID, "package " + p.path() + " has no member " + key,
                        m.property().span());
            }
            return v;
        }
        if (object.isNull()) {
            return NullValue.NULL;
        }
        throw new FluxException(ErrorCode.INVALID, "cannot access member " + key + " of a value of type "
                + object.kind().fluxName(), m.span());
    }

    private Value index(IndexExpression i, Scope scope) {
        Value array = evaluate(i.array(), scope);
        Value index = evaluate(i.index(), scope);
        if (!(array instanceof ArrayValue a)) {
            throw new FluxException(ErrorCode.INVALID, "cannot index a value of type " + array.kind().fluxName(),
                    i.array().span());
        }
        if (!(index instanceof IntValue n)) {
            throw new FluxException(ErrorCode.INVALID, "array index must be an int, got " + index.kind().fluxName(),
                    i.index().span());
        }
        if (n.value() < 0 || n.value() >= a.size()) {
            throw new FluxException(ErrorCode.INVALID, "index out of bounds: " + n.value() + " (array length "
                    + a.size() + ")", i.index().span());
        }
        return a.get((int) n.value());
    }

    private Value logical(LogicalExpression l, Scope scope) {
        Value left = evaluate(l.left(), scope);
        checkLogical(l.operator(), left, l.left());
        boolean isAnd = l.operator() == Operator.AND;
        if (left instanceof BoolValue b && b.value() != isAnd) {
            return b; // false and _ = false; true or _ = true
        }
        Value right = evaluate(l.right(), scope);
        checkLogical(l.operator(), right, l.right());
        if (left.isNull()) {
            if (right instanceof BoolValue rb && rb.value() != isAnd) {
                return rb; // null and false = false; null or true = true
            }
            return NullValue.NULL;
        }
        return right;
    }

    private static void checkLogical(Operator op, Value v, Expression e) {
        if (!(v instanceof BoolValue) && !v.isNull()) {
            throw new FluxException(ErrorCode.INVALID, "type error: the operands of " + op.symbol()
                    + " must be bool, got " + v.kind().fluxName(), e.span());
        }
    }

    private Value unary(UnaryExpression u, Scope scope) {
        Value v = evaluate(u.argument(), scope);
        switch (u.operator()) {
            case EXISTS:
                return BoolValue.of(!v.isNull());
            case NOT:
                if (v.isNull()) {
                    return v;
                }
                if (v instanceof BoolValue b) {
                    return BoolValue.of(!b.value());
                }
                throw new FluxException(ErrorCode.INVALID, "type error: the operand of not must be bool, got " + v.kind().fluxName(),
                        u.argument().span());
            case NEGATE:
                return Operators.negate(v, u.span());
            default:
                return Operators.plus(v, u.span());
        }
    }

    private Value record(RecordExpression r, Scope scope) {
        Map<String, Value> fields = new LinkedHashMap<>();
        if (r.with() != null) {
            Value base = evaluate(r.with(), scope);
            if (!(base instanceof RecordValue rec)) {
                throw new FluxException(ErrorCode.INVALID, "with needs a record, got " + base.kind().fluxName(),
                        r.with().span());
            }
            fields.putAll(rec.fields());
        }
        for (Property p : r.properties()) {
            String key = p.key().key();
            Value v = p.value() == null ? evaluate((Identifier) p.key(), scope) : evaluate(p.value(), scope);
            fields.put(key, v);
        }
        return new RecordValue(fields);
    }

    private Value array(ArrayExpression a, Scope scope) {
        List<Value> values = new ArrayList<>(a.elements().size());
        Kind kind = null;
        for (Expression e : a.elements()) {
            Value v = evaluate(e, scope);
            if (!v.isNull()) {
                if (kind == null) {
                    kind = v.kind();
                } else if (v.kind() != kind) {
                    throw new FluxException(ErrorCode.INVALID, "array elements must have one type: found "
                            + kind.fluxName() + " and " + v.kind().fluxName(), e.span());
                }
            }
            values.add(v);
        }
        return new ArrayValue(values);
    }

    private Value dict(DictExpression d, Scope scope) {
        Map<Value, Value> entries = new LinkedHashMap<>();
        Kind keyKind = null;
        Kind valueKind = null;
        for (DictItem item : d.items()) {
            Value k = evaluate(item.key(), scope);
            Value v = evaluate(item.value(), scope);
            if (k.isNull()) {
                throw new FluxException(ErrorCode.INVALID, "a dictionary key cannot be null", item.key().span());
            }
            if (!DICT_KEY_KINDS.contains(k.kind())) {
                throw new FluxException(ErrorCode.INVALID, "dictionary keys must be int, uint, float, string, time"
                        + " or duration, got " + k.kind().fluxName(), item.key().span());
            }
            if (keyKind != null && k.kind() != keyKind) {
                throw new FluxException(ErrorCode.INVALID, "dictionary keys must have one type: found "
                        + keyKind.fluxName() + " and " + k.kind().fluxName(), item.key().span());
            }
            if (valueKind != null && !v.isNull() && v.kind() != valueKind) {
                throw new FluxException(ErrorCode.INVALID, "dictionary values must have one type: found "
                        + valueKind.fluxName() + " and " + v.kind().fluxName(), item.value().span());
            }
            keyKind = k.kind();
            if (!v.isNull()) {
                valueKind = v.kind();
            }
            entries.put(k, v);
        }
        // Flux keeps a dictionary sorted by key: that is the order display shows and equality ignores.
        List<Map.Entry<Value, Value>> sorted = new ArrayList<>(entries.entrySet());
        sorted.sort((a, b) -> Operators.compare(a.getKey(), b.getKey(), Operator.LT, d.span()));
        Map<Value, Value> ordered = new LinkedHashMap<>();
        for (Map.Entry<Value, Value> e : sorted) {
            ordered.put(e.getKey(), e.getValue());
        }
        return new DictValue(ordered);
    }

    private static final java.util.Set<Kind> DICT_KEY_KINDS = java.util.EnumSet.of(Kind.INT, Kind.UINT, Kind.FLOAT,
            Kind.STRING, Kind.TIME, Kind.DURATION);

    private Value interpolate(StringExpression s, Scope scope) {
        StringBuilder sb = new StringBuilder();
        for (StringPart part : s.parts()) {
            if (part instanceof TextPart t) {
                sb.append(t.value());
            } else {
                Expression inner = ((InterpolatedPart) part).expression();
                Value v = evaluate(inner, scope);
                if (v.isNull()) {
                    throw new FluxException(ErrorCode.INVALID, "string interpolation evaluated to null", inner.span());
                }
                String text = Values.toFluxString(v);
                if (text == null) {
                    throw new FluxException(ErrorCode.INVALID, "cannot interpolate a value of type "
                            + v.kind().fluxName() + " into a string", inner.span());
                }
                sb.append(text);
            }
        }
        return new StringValue(sb.toString());
    }
}
