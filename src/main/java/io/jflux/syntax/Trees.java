package io.jflux.syntax;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** Generic operations on syntax trees, which are made of records, lists and plain values. */
public final class Trees {

    private Trees() {}

    /**
     * Whether two trees are equal apart from their spans: records of the same class whose components (other than
     * those of type {@link Span}) have the same shape, lists element by element, doubles by
     * {@link Double#compare}, anything else by {@code equals}.
     */
    public static boolean sameShape(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Span && b instanceof Span) {
            return true;
        }
        if (a instanceof Record ra && b instanceof Record rb) {
            if (ra.getClass() != rb.getClass()) {
                return false;
            }
            for (RecordComponent c : ra.getClass().getRecordComponents()) {
                if (c.getType() == Span.class) {
                    continue;
                }
                if (!sameShape(value(c, ra), value(c, rb))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!sameShape(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Double da && b instanceof Double db) {
            return Double.compare(da, db) == 0;
        }
        if (a instanceof Float fa && b instanceof Float fb) {
            return Float.compare(fa, fb) == 0;
        }
        return a.equals(b);
    }

    /**
     * A dump of a tree without its spans, for messages: {@code (BinaryExpression operator=ADD left=(Identifier
     * name="a") right=(IntegerLiteral value=1))}. Lists are written {@code [a b]}, strings quoted, null as
     * {@code null}.
     */
    public static String describe(Object node) {
        StringBuilder sb = new StringBuilder();
        describe(sb, node);
        return sb.toString();
    }

    private static void describe(StringBuilder sb, Object node) {
        if (node == null) {
            sb.append("null");
        } else if (node instanceof Record r) {
            sb.append('(').append(r.getClass().getSimpleName());
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                if (c.getType() == Span.class) {
                    continue;
                }
                sb.append(' ').append(c.getName()).append('=');
                describe(sb, value(c, r));
            }
            sb.append(')');
        } else if (node instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                describe(sb, list.get(i));
            }
            sb.append(']');
        } else if (node instanceof String s) {
            sb.append(Printer.quote(s));
        } else if (node instanceof Double d) {
            sb.append(Double.toString(d));
        } else {
            sb.append(node);
        }
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
        }
    }
}
