package io.jflux.table;

import io.jflux.eval.NullValue;
import io.jflux.eval.Operators;
import io.jflux.eval.Value;
import io.jflux.eval.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The group key of a table: columns, in order, each with the one value every row of the table has in it.
 * Immutable; the hash is computed once, on first use, so keys are cheap to compare and to use in hash maps.
 *
 * <p>A key may be {@linkplain #lazy lazy}: its values are made from a compact form (a source's bytes) only when
 * something asks for them. A source that hands out a million one-row tables whose keys are only printed or copied
 * column to column then never makes a million sets of value objects.
 */
public final class GroupKey implements Comparable<GroupKey> {

    public static final GroupKey EMPTY = new GroupKey(List.of(), List.of());

    /** The values of a lazy key, made on demand (at most once per key). */
    public interface Source {
        /** The key's values, one per key column; the list is not changed afterwards. */
        List<Value> values();

        /** Value {@code i} of {@link #values}, which a source may make without making the others. */
        default Value value(int i) {
            return values().get(i);
        }

        /**
         * Puts in {@code out[i]} the UTF-8 bytes of value {@code i} when it is a string the source holds as ASCII
         * bytes (so they are its UTF-8), made without a String, else null; false when the source cannot tell
         * (then {@code out} is left as it was). The caller must not change the arrays.
         */
        default boolean asciiStrings(byte[][] out) {
            return false;
        }
    }

    /**
     * Value {@code i}: of a lazy key whose values are not made yet, from its source alone (the others stay
     * unmade).
     */
    public Value value(int i) {
        List<Value> v = values;
        if (v == null) {
            Source s = source;
            if (s != null) {
                return s.value(i);
            }
            v = values;
        }
        return v.get(i);
    }

    /** {@link Source#asciiStrings} of a lazy key whose values are not made yet; else false. */
    public boolean asciiStrings(byte[][] out) {
        Source s = source;
        return s != null && s.asciiStrings(out);
    }

    private final List<ColumnMeta> columns;
    private volatile List<Value> values;
    /**
     * A lazy key's source until its values are made, then null: a compact form may hold much more than the key
     * (a scrape's keys point into the whole exposition), which the key should not keep alive.
     */
    private volatile Source source;
    /** 0 until computed (a key whose hash is 0 computes it each time, as String does). */
    private int hash;

    public GroupKey(List<ColumnMeta> columns, List<Value> values) {
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException("group key: " + columns.size() + " columns, " + values.size() + " values");
        }
        this.columns = List.copyOf(columns);
        this.values = List.copyOf(values);
        this.source = null;
    }

    private GroupKey(List<ColumnMeta> columns, Source source) {
        this.columns = List.copyOf(columns);
        this.source = source;
    }

    /**
     * A key whose values {@code source} makes when first needed (they must not depend on when that is). The
     * source must give as many values as there are columns.
     */
    public static GroupKey lazy(List<ColumnMeta> columns, Source source) {
        return new GroupKey(columns, source);
    }

    public List<ColumnMeta> columns() {
        return columns;
    }

    public List<Value> values() {
        List<Value> v = values;
        if (v == null) {
            Source s = source;
            if (s == null) {
                // made meanwhile by another thread, which set the values before it let the source go
                return values;
            }
            v = List.copyOf(s.values());
            if (v.size() != columns.size()) {
                throw new IllegalStateException("group key: " + columns.size() + " columns, " + v.size() + " values");
            }
            values = v;
            source = null;
        }
        return v;
    }

    public int size() {
        return columns.size();
    }

    /**
     * The source of a {@linkplain #lazy lazy} key's values until they are made; null for a key made with its
     * values, and once a lazy key's values have been made.
     */
    public Source source() {
        return source;
    }

    /** The index of the column labelled {@code label}, or -1. */
    public int indexOf(String label) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().equals(label)) {
                return i;
            }
        }
        return -1;
    }

    public boolean has(String label) {
        return indexOf(label) >= 0;
    }

    /** The value of column {@code label}, or null (Java) when the key has no such column. */
    public Value value(String label) {
        int i = indexOf(label);
        if (i < 0) {
            return null;
        }
        List<Value> v = values;
        if (v == null) {
            Source s = source;
            if (s != null) {
                // one value asked for (a regrouping by one column): the others need not be made
                return s.value(i);
            }
            v = values; // made meanwhile by another thread, which set the values before it let the source go
        }
        return v.get(i);
    }

    /** This key with {@code label} set to {@code value} (added at the end if absent). */
    public GroupKey with(ColumnMeta column, Value value) {
        List<ColumnMeta> cols = new ArrayList<>(columns);
        List<Value> vals = new ArrayList<>(values());
        int i = indexOf(column.label());
        if (i >= 0) {
            cols.set(i, column);
            vals.set(i, value);
        } else {
            cols.add(column);
            vals.add(value);
        }
        return new GroupKey(cols, vals);
    }

    /** This key without column {@code label}. */
    public GroupKey without(String label) {
        int i = indexOf(label);
        if (i < 0) {
            return this;
        }
        List<ColumnMeta> cols = new ArrayList<>(columns);
        List<Value> vals = new ArrayList<>(values());
        cols.remove(i);
        vals.remove(i);
        return new GroupKey(cols, vals);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof GroupKey k && k.hashCode() == hashCode()
                && (k.columns == columns || k.columns.equals(columns)) && k.values().equals(values());
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * columns.hashCode() + values().hashCode();
            hash = h;
        }
        return h;
    }

    /** Orders keys column by column: label, then value (null first), as Flux sorts group keys. */
    @Override
    public int compareTo(GroupKey o) {
        int n = Math.min(columns.size(), o.columns.size());
        for (int i = 0; i < n; i++) {
            int c = Operators.compareUtf8(columns.get(i).label(), o.columns.get(i).label());
            if (c != 0) {
                return c;
            }
            c = compareValues(values().get(i), o.values().get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(columns.size(), o.columns.size());
    }

    /** Orders two values of one column: nulls first, then by value; values of other kinds by kind. */
    public static int compareValues(Value a, Value b) {
        if (a.isNull() || b.isNull()) {
            return Boolean.compare(!a.isNull(), !b.isNull());
        }
        if (a instanceof io.jflux.eval.StringValue x && b instanceof io.jflux.eval.StringValue y) {
            return Operators.compareUtf8(x.value(), y.value());
        }
        if (a instanceof io.jflux.eval.TimeValue x && b instanceof io.jflux.eval.TimeValue y) {
            return Long.compare(x.nanos(), y.nanos());
        }
        if (a.kind() != b.kind()) {
            return a.kind().compareTo(b.kind());
        }
        if (a instanceof io.jflux.eval.BoolValue x && b instanceof io.jflux.eval.BoolValue y) {
            return Boolean.compare(x.value(), y.value());
        }
        return Operators.compare(a, b, io.jflux.syntax.Operator.LT, io.jflux.syntax.Span.NONE);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Value v = values().get(i);
            sb.append(columns.get(i).label()).append('=').append(v == null ? NullValue.NULL : Values.display(v));
        }
        return sb.append('}').toString();
    }
}
