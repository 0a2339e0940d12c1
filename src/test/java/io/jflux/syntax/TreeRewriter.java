package io.jflux.syntax;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Rebuilds a tree of records bottom-up, letting a function replace each node (tests only). */
final class TreeRewriter {

    private TreeRewriter() {}

    /** Rewrites the children of {@code node} first, then applies {@code f} to the rebuilt node. */
    static Object rewrite(Object node, UnaryOperator<Object> f) {
        if (node instanceof Record r) {
            RecordComponent[] components = r.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    values[i] = rewrite(components[i].getAccessor().invoke(r), f);
                }
                Constructor<?> c = r.getClass().getDeclaredConstructor(types);
                c.setAccessible(true);
                return f.apply(c.newInstance(values));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(rewrite(o, f));
            }
            return out;
        }
        return node;
    }

    /** The tree without its {@link Expression.ParenExpression}s. */
    static Object stripParens(Object node) {
        return rewrite(node, n -> n instanceof Expression.ParenExpression p ? p.expression() : n);
    }

    /** The statement with its own (not its children's) blank line before it taken away. */
    static Statement withoutBlankLineBefore(Statement s) {
        Leading l = s.leading();
        Leading without = new Leading(l.comments(), l.attributes(), false);
        RecordComponent[] components = s.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = types[i] == Leading.class ? without : components[i].getAccessor().invoke(s);
            }
            return (Statement) s.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
