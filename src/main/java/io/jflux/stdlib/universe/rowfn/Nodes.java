package io.jflux.stdlib.universe.rowfn;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.BoolValue;
import io.jflux.eval.DurationValue;
import io.jflux.eval.Durations;
import io.jflux.eval.FloatValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.Operators;
import io.jflux.eval.StringValue;
import io.jflux.eval.TimeValue;
import io.jflux.eval.UIntValue;
import io.jflux.eval.Value;
import io.jflux.eval.Values;
import io.jflux.syntax.Operator;
import io.jflux.syntax.Span;
import io.jflux.table.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/** The kinds of node a row function compiles to. Each follows the interpreter's rules for its operator. */
final class Nodes {

    private Nodes() {}

    /** A column of the table. */
    static final class Column extends Vec {
        final int col;

        Column(int col, ColumnType type) {
            super(type);
            this.col = col;
        }

        @Override
        void eval(Frame f, boolean[] active) {
            FieldVector v = f.table.vector(col);
            int base = f.table.offset() + f.from;
            int n = f.n;
            ArrowBuf validity = v.getValidityBuffer();
            for (int i = 0; i < n; i++) {
                nulls[i] = BitVectorHelper.get(validity, base + i) == 0;
            }
            switch (type) {
                case FLOAT: {
                    ArrowBuf d = v.getDataBuffer();
                    for (int i = 0; i < n; i++) {
                        doubles[i] = d.getDouble((long) (base + i) << 3);
                    }
                    break;
                }
                case BOOL: {
                    ArrowBuf d = v.getDataBuffer();
                    for (int i = 0; i < n; i++) {
                        bools[i] = BitVectorHelper.get(d, base + i) != 0;
                    }
                    break;
                }
                case STRING: {
                    ArrowBuf offsets = v.getOffsetBuffer();
                    ArrowBuf d = v.getDataBuffer();
                    for (int i = 0; i < n; i++) {
                        if (nulls[i]) {
                            strings[i] = null;
                            continue;
                        }
                        int start = offsets.getInt((long) (base + i) * 4);
                        int end = offsets.getInt((long) (base + i + 1) * 4);
                        byte[] bytes = new byte[end - start];
                        d.getBytes(start, bytes);
                        strings[i] = new String(bytes, StandardCharsets.UTF_8);
                    }
                    break;
                }
                default: {
                    ArrowBuf d = v.getDataBuffer();
                    for (int i = 0; i < n; i++) {
                        longs[i] = d.getLong((long) (base + i) << 3);
                    }
                    break;
                }
            }
        }
    }

    /** A value that is the same in every row (a literal or a variable the function closes over). */
    static final class Const extends Vec {
        final Value value;

        Const(Value value) {
            super(value.isNull() ? null : ColumnType.of(value.kind()));
            this.value = value;
            if (type == null) {
                return;
            }
            if (value instanceof FloatValue x) {
                Arrays.fill(doubles, x.value());
            } else if (value instanceof BoolValue x) {
                Arrays.fill(bools, x.value());
            } else if (value instanceof StringValue x) {
                Arrays.fill(strings, x.value());
            } else if (value instanceof IntValue x) {
                Arrays.fill(longs, x.value());
            } else if (value instanceof UIntValue x) {
                Arrays.fill(longs, x.value());
            } else if (value instanceof TimeValue x) {
                Arrays.fill(longs, x.nanos());
            } else {
                Arrays.fill(longs, Durations.approxNanos((DurationValue) value));
            }
        }

        /** Whether {@code v} can be a constant node: a value a table column could hold, or null. */
        static boolean fits(Value v) {
            return v.isNull() || ColumnType.of(v.kind()) != null;
        }

        @Override
        void eval(Frame f, boolean[] active) {
        }
    }

    /** A regular expression written in the function; it is only an operand of {@code =~} and {@code !~}. */
    static final class RegexConst extends Vec {
        final Pattern pattern;

        RegexConst(Pattern pattern) {
            super(null);
            this.pattern = pattern;
        }

        @Override
        void eval(Frame f, boolean[] active) {
        }
    }

    /** Null in every row, with a type (an operator applied to a column the table lacks). */
    static final class AllNull extends Vec {
        AllNull(ColumnType type) {
            super(type);
            Arrays.fill(nulls, true);
        }

        @Override
        void eval(Frame f, boolean[] active) {
        }
    }

    private static boolean on(boolean[] active, int i) {
        return active == null || active[i];
    }

    // ------------------------------------------------------------------ comparisons

    /** How two operand types compare. */
    enum CmpMode { SIGNED, UNSIGNED, INT_UINT, UINT_INT, DOUBLE, STRING, BOOL }

    static CmpMode cmpMode(ColumnType a, ColumnType b, Operator op) {
        boolean ordering = op != Operator.EQ && op != Operator.NEQ;
        if (a == ColumnType.BOOL || b == ColumnType.BOOL) {
            return a == b && !ordering ? CmpMode.BOOL : null;
        }
        if (a == ColumnType.STRING || b == ColumnType.STRING) {
            return a == b ? CmpMode.STRING : null;
        }
        boolean na = numeric(a);
        boolean nb = numeric(b);
        if (na && nb) {
            if (a == ColumnType.FLOAT || b == ColumnType.FLOAT) {
                return CmpMode.DOUBLE;
            }
            if (a == b) {
                return a == ColumnType.INT ? CmpMode.SIGNED : CmpMode.UNSIGNED;
            }
            return a == ColumnType.INT ? CmpMode.INT_UINT : CmpMode.UINT_INT;
        }
        if (a == b && (a == ColumnType.TIME || a == ColumnType.DURATION)) {
            return CmpMode.SIGNED;
        }
        return null;
    }

    static boolean numeric(ColumnType t) {
        return t == ColumnType.INT || t == ColumnType.UINT || t == ColumnType.FLOAT;
    }

    static double toDouble(Vec v, int i) {
        if (v.type == ColumnType.FLOAT) {
            return v.doubles[i];
        }
        long x = v.longs[i];
        if (v.type == ColumnType.UINT && x < 0) {
            return (double) (x >>> 1) * 2.0 + (x & 1);
        }
        return x;
    }

    static boolean result(Operator op, int c) {
        switch (op) {
            case EQ: return c == 0;
            case NEQ: return c != 0;
            case LT: return c < 0;
            case LTE: return c <= 0;
            case GT: return c > 0;
            default: return c >= 0;
        }
    }

    /** {@code == != < <= > >=}: null when either side is null. */
    static final class Compare extends Vec {
        final Operator op;
        final Vec l;
        final Vec r;
        final CmpMode mode;
        /** A duration constant with months never equals a column's duration (columns hold nanoseconds only). */
        final boolean monthsConst;

        Compare(Operator op, Vec l, Vec r, CmpMode mode) {
            super(ColumnType.BOOL);
            this.op = op;
            this.l = l;
            this.r = r;
            this.mode = mode;
            this.monthsConst = hasMonths(l) || hasMonths(r);
        }

        private static boolean hasMonths(Vec v) {
            return v instanceof Const c && c.value instanceof DurationValue d && d.months() != 0;
        }

        @Override
        boolean mayFail() {
            return l.mayFail() || r.mayFail();
        }

        @Override
        void eval(Frame f, boolean[] active) {
            l.eval(f, active);
            r.eval(f, active);
            int n = f.n;
            if (l.type == null || r.type == null) {
                Arrays.fill(nulls, 0, n, true);
                return;
            }
            for (int i = 0; i < n; i++) {
                boolean isNull = l.nulls[i] || r.nulls[i];
                nulls[i] = isNull;
                if (!isNull) {
                    bools[i] = test(i);
                }
            }
        }

        private boolean test(int i) {
            switch (mode) {
                case SIGNED:
                    if (monthsConst && (op == Operator.EQ || op == Operator.NEQ)) {
                        return op == Operator.NEQ;
                    }
                    return result(op, Long.compare(l.longs[i], r.longs[i]));
                case UNSIGNED:
                    return result(op, Long.compareUnsigned(l.longs[i], r.longs[i]));
                case INT_UINT:
                    return result(op, l.longs[i] < 0 ? -1 : Long.compareUnsigned(l.longs[i], r.longs[i]));
                case UINT_INT:
                    return result(op, r.longs[i] < 0 ? 1 : Long.compareUnsigned(l.longs[i], r.longs[i]));
                case DOUBLE: {
                    double x = toDouble(l, i);
                    double y = toDouble(r, i);
                    if (Double.isNaN(x) || Double.isNaN(y)) {
                        return op == Operator.NEQ;
                    }
                    return result(op, x < y ? -1 : x > y ? 1 : 0);
                }
                case STRING:
                    if (op == Operator.EQ) {
                        return l.strings[i].equals(r.strings[i]);
                    }
                    if (op == Operator.NEQ) {
                        return !l.strings[i].equals(r.strings[i]);
                    }
                    return result(op, Operators.compareUtf8(l.strings[i], r.strings[i]));
                default:
                    return (l.bools[i] == r.bools[i]) == (op == Operator.EQ);
            }
        }

        /** A column compared with a constant reads the column's buffer directly, with no chunk arrays. */
        @Override
        int select(Frame f, int[] sel, int count) {
            if (!(l instanceof Column c) || !(r instanceof Const k) || r.type == null || monthsConst
                    || (mode != CmpMode.SIGNED && mode != CmpMode.DOUBLE)) {
                return super.select(f, sel, count);
            }
            FieldVector v = f.table.vector(c.col);
            ArrowBuf validity = v.getValidityBuffer();
            ArrowBuf data = v.getDataBuffer();
            int base = f.table.offset() + f.from;
            int n = f.n;
            if (mode == CmpMode.SIGNED) {
                long y = k.longs[0];
                for (int i = 0; i < n; i++) {
                    int idx = base + i;
                    if (BitVectorHelper.get(validity, idx) != 0
                            && result(op, Long.compare(data.getLong((long) idx << 3), y))) {
                        sel[count++] = f.from + i;
                    }
                }
                return count;
            }
            if (c.type != ColumnType.FLOAT) {
                return super.select(f, sel, count);
            }
            double y = toDouble(k, 0);
            if (Double.isNaN(y)) {
                return super.select(f, sel, count);
            }
            for (int i = 0; i < n; i++) {
                int idx = base + i;
                if (BitVectorHelper.get(validity, idx) != 0) {
                    double x = data.getDouble((long) idx << 3);
                    boolean t;
                    switch (op) {
                        case EQ: t = x == y; break;
                        case NEQ: t = x != y; break;
                        case LT: t = x < y; break;
                        case LTE: t = x <= y; break;
                        case GT: t = x > y; break;
                        default: t = x >= y; break;
                    }
                    if (t) {
                        sel[count++] = f.from + i;
                    }
                }
            }
            return count;
        }
    }

    /** {@code =~ !~} with a regular expression that is the same in every row: an unanchored search. */
    static final class Regex extends Vec {
        final Vec l;
        final Pattern pattern;
        final boolean negate;

        Regex(Vec l, Pattern pattern, boolean negate) {
            super(ColumnType.BOOL);
            this.l = l;
            this.pattern = pattern;
            this.negate = negate;
        }

        @Override
        boolean mayFail() {
            return l.mayFail();
        }

        @Override
        void eval(Frame f, boolean[] active) {
            l.eval(f, active);
            int n = f.n;
            if (l.type == null) {
                Arrays.fill(nulls, 0, n, true);
                return;
            }
            for (int i = 0; i < n; i++) {
                nulls[i] = l.nulls[i];
                if (!l.nulls[i]) {
                    bools[i] = pattern.matcher(l.strings[i]).find() != negate;
                }
            }
        }
    }

    // ------------------------------------------------------------------ logic

    /** {@code and}, {@code or}: three-valued, and the right side is not reached where the left side decides. */
    static final class Logic extends Vec {
        final boolean and;
        final Vec l;
        final Vec r;
        final boolean[] mask = new boolean[CHUNK];

        Logic(boolean and, Vec l, Vec r) {
            super(ColumnType.BOOL);
            this.and = and;
            this.l = l;
            this.r = r;
        }

        @Override
        boolean mayFail() {
            return l.mayFail() || r.mayFail();
        }

        @Override
        void eval(Frame f, boolean[] active) {
            l.eval(f, active);
            int n = f.n;
            boolean[] rightActive = active;
            if (r.mayFail()) {
                for (int i = 0; i < n; i++) {
                    boolean decided = l.type != null && !l.nulls[i] && l.bools[i] != and;
                    mask[i] = on(active, i) && !decided;
                }
                rightActive = mask;
            }
            r.eval(f, rightActive);
            for (int i = 0; i < n; i++) {
                boolean ln = l.type == null || l.nulls[i];
                boolean rn = r.type == null || r.nulls[i];
                if (!ln && l.bools[i] != and) {
                    nulls[i] = false;
                    bools[i] = !and;
                } else if (!rn && r.bools[i] != and) {
                    nulls[i] = false;
                    bools[i] = !and;
                } else if (ln || rn) {
                    nulls[i] = true;
                } else {
                    nulls[i] = false;
                    bools[i] = and;
                }
            }
        }
    }

    /** {@code not}: null stays null. */
    static final class Not extends Vec {
        final Vec x;

        Not(Vec x) {
            super(ColumnType.BOOL);
            this.x = x;
        }

        @Override
        boolean mayFail() {
            return x.mayFail();
        }

        @Override
        void eval(Frame f, boolean[] active) {
            x.eval(f, active);
            for (int i = 0; i < f.n; i++) {
                boolean isNull = x.type == null || x.nulls[i];
                nulls[i] = isNull;
                if (!isNull) {
                    bools[i] = !x.bools[i];
                }
            }
        }
    }

    /** {@code exists}: whether the value is not null. */
    static final class Exists extends Vec {
        final Vec x;

        Exists(Vec x) {
            super(ColumnType.BOOL);
            this.x = x;
        }

        @Override
        boolean mayFail() {
            return x.mayFail();
        }

        @Override
        void eval(Frame f, boolean[] active) {
            x.eval(f, active);
            for (int i = 0; i < f.n; i++) {
                nulls[i] = false;
                bools[i] = !x.nulls[i];
            }
        }
    }

    /** {@code if test then a else b}: a null test takes the else branch; only the branch taken is reached. */
    static final class Cond extends Vec {
        final Vec test;
        final Vec a;
        final Vec b;
        final boolean[] maskA = new boolean[CHUNK];
        final boolean[] maskB = new boolean[CHUNK];

        Cond(ColumnType type, Vec test, Vec a, Vec b) {
            super(type);
            this.test = test;
            this.a = a;
            this.b = b;
        }

        @Override
        boolean mayFail() {
            return test.mayFail() || a.mayFail() || b.mayFail();
        }

        @Override
        void eval(Frame f, boolean[] active) {
            test.eval(f, active);
            int n = f.n;
            for (int i = 0; i < n; i++) {
                boolean yes = test.type != null && !test.nulls[i] && test.bools[i];
                maskA[i] = on(active, i) && yes;
                maskB[i] = on(active, i) && !yes;
            }
            a.eval(f, a.mayFail() ? maskA : active);
            b.eval(f, b.mayFail() ? maskB : active);
            if (type == null) {
                return;
            }
            for (int i = 0; i < n; i++) {
                if (!on(active, i)) {
                    nulls[i] = true;
                    continue;
                }
                Vec from = maskA[i] ? a : b;
                boolean isNull = from.type == null || from.nulls[i];
                nulls[i] = isNull;
                if (isNull) {
                    continue;
                }
                switch (type) {
                    case BOOL: bools[i] = from.bools[i]; break;
                    case FLOAT: doubles[i] = from.doubles[i]; break;
                    case STRING: strings[i] = from.strings[i]; break;
                    default: longs[i] = from.longs[i]; break;
                }
            }
        }
    }

    // ------------------------------------------------------------------ arithmetic

    /** {@code + - * / % ^} on operands of one type, and time plus or minus a duration. */
    static final class Arith extends Vec {
        final Operator op;
        final Vec l;
        final Vec r;
        final Span span;

        Arith(ColumnType type, Operator op, Vec l, Vec r, Span span) {
            super(type);
            this.op = op;
            this.l = l;
            this.r = r;
            this.span = span;
        }

        /** The type of {@code l op r}, or null when it is not one this node computes. */
        static ColumnType typeOf(Operator op, ColumnType a, ColumnType b) {
            if (a == null || b == null) {
                return null;
            }
            if (a == b) {
                switch (a) {
                    case INT:
                    case UINT:
                        return op == Operator.POW ? null : a;
                    case FLOAT:
                        return a;
                    case STRING:
                        return op == Operator.ADD ? a : null;
                    default:
                        return null;
                }
            }
            if (a == ColumnType.TIME && b == ColumnType.DURATION && (op == Operator.ADD || op == Operator.SUB)) {
                return ColumnType.TIME;
            }
            if (a == ColumnType.DURATION && b == ColumnType.TIME && op == Operator.ADD) {
                return ColumnType.TIME;
            }
            return null;
        }

        @Override
        boolean mayFail() {
            return l.mayFail() || r.mayFail() || type == ColumnType.TIME
                    || ((op == Operator.DIV || op == Operator.MOD) && type != ColumnType.FLOAT);
        }

        @Override
        void eval(Frame f, boolean[] active) {
            l.eval(f, active);
            r.eval(f, active);
            int n = f.n;
            if (l.type == null || r.type == null) {
                Arrays.fill(nulls, 0, n, true);
                return;
            }
            for (int i = 0; i < n; i++) {
                nulls[i] = l.nulls[i] || r.nulls[i];
            }
            switch (type) {
                case FLOAT:
                    for (int i = 0; i < n; i++) {
                        double x = l.doubles[i];
                        double y = r.doubles[i];
                        switch (op) {
                            case ADD: doubles[i] = x + y; break;
                            case SUB: doubles[i] = x - y; break;
                            case MUL: doubles[i] = x * y; break;
                            case DIV: doubles[i] = x / y; break;
                            case MOD: doubles[i] = x % y; break;
                            default: doubles[i] = Math.pow(x, y); break;
                        }
                    }
                    break;
                case STRING:
                    for (int i = 0; i < n; i++) {
                        if (!nulls[i]) {
                            strings[i] = l.strings[i].concat(r.strings[i]);
                        }
                    }
                    break;
                case TIME:
                    time(n, active);
                    break;
                default:
                    integer(n, active, type == ColumnType.UINT);
                    break;
            }
        }

        private void integer(int n, boolean[] active, boolean unsigned) {
            for (int i = 0; i < n; i++) {
                long x = l.longs[i];
                long y = r.longs[i];
                switch (op) {
                    case ADD: longs[i] = x + y; break;
                    case SUB: longs[i] = x - y; break;
                    case MUL: longs[i] = x * y; break;
                    case DIV:
                        if (y == 0) {
                            if (!nulls[i] && on(active, i)) {
                                throw new FluxException(ErrorCode.INVALID, "cannot divide by zero", span);
                            }
                            longs[i] = 0;
                        } else {
                            longs[i] = unsigned ? Long.divideUnsigned(x, y) : x / y;
                        }
                        break;
                    default:
                        if (y == 0) {
                            if (!nulls[i] && on(active, i)) {
                                throw new FluxException(ErrorCode.INVALID,
                                        "cannot take the remainder of a division by zero", span);
                            }
                            longs[i] = 0;
                        } else {
                            longs[i] = unsigned ? Long.remainderUnsigned(x, y) : x % y;
                        }
                        break;
                }
            }
        }

        private void time(int n, boolean[] active) {
            boolean timeLeft = l.type == ColumnType.TIME;
            Vec t = timeLeft ? l : r;
            Vec d = timeLeft ? r : l;
            DurationValue constant = d instanceof Const c ? (DurationValue) c.value : null;
            boolean minus = op == Operator.SUB;
            for (int i = 0; i < n; i++) {
                if (nulls[i] || !on(active, i)) {
                    continue;
                }
                DurationValue dv = constant != null ? constant : DurationValue.ofNanos(d.longs[i]);
                longs[i] = Durations.addTo(t.longs[i], minus ? dv.negate() : dv, span);
            }
        }
    }

    /** Unary minus. */
    static final class Negate extends Vec {
        final Vec x;

        Negate(Vec x) {
            super(x.type);
            this.x = x;
        }

        @Override
        boolean mayFail() {
            return x.mayFail();
        }

        @Override
        void eval(Frame f, boolean[] active) {
            x.eval(f, active);
            for (int i = 0; i < f.n; i++) {
                nulls[i] = x.nulls[i];
                if (type == ColumnType.FLOAT) {
                    doubles[i] = -x.doubles[i];
                } else {
                    longs[i] = -x.longs[i];
                }
            }
        }
    }

    /** A string with interpolated values; a null value is an error where the string is reached. */
    static final class Interpolate extends Vec {
        final List<Object> parts;
        final List<Span> spans;
        private final StringBuilder sb = new StringBuilder();

        /** {@code parts} holds Strings (text) and Vecs; {@code spans} the span of each Vec's expression. */
        Interpolate(List<Object> parts, List<Span> spans) {
            super(ColumnType.STRING);
            this.parts = parts;
            this.spans = spans;
        }

        @Override
        boolean mayFail() {
            return true;
        }

        @Override
        void eval(Frame f, boolean[] active) {
            for (Object p : parts) {
                if (p instanceof Vec v) {
                    v.eval(f, active);
                }
            }
            for (int i = 0; i < f.n; i++) {
                nulls[i] = !on(active, i);
                if (nulls[i]) {
                    continue;
                }
                sb.setLength(0);
                int s = 0;
                for (Object p : parts) {
                    if (p instanceof String text) {
                        sb.append(text);
                        continue;
                    }
                    Vec v = (Vec) p;
                    Span span = spans.get(s++);
                    if (v.type == null || v.nulls[i]) {
                        throw new FluxException(ErrorCode.INVALID, "string interpolation evaluated to null", span);
                    }
                    sb.append(text(v, i));
                }
                strings[i] = sb.toString();
            }
        }

        static String text(Vec v, int i) {
            if (v instanceof Const c) {
                return Values.toFluxString(c.value);
            }
            switch (v.type) {
                case STRING: return v.strings[i];
                case FLOAT: return Values.formatFloat(v.doubles[i]);
                case BOOL: return v.bools[i] ? "true" : "false";
                case INT: return Long.toString(v.longs[i]);
                case UINT: return Long.toUnsignedString(v.longs[i]);
                case TIME: return Values.formatTime(v.longs[i]);
                default: return Durations.format(DurationValue.ofNanos(v.longs[i]));
            }
        }
    }
}
