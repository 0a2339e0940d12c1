package io.jflux.stdlib.universe;

import io.jflux.table.FluxTable;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Orders rows of one table by some of its columns, reading cells straight from the Arrow vectors, the way Flux's
 * engine compares them: a null comes before every value in both directions, strings compare byte by byte, false
 * before true; descending order reverses only the non-null comparison. The sort is stable.
 */
final class RowOrder {

    /** Compares two rows (indexes into the table). */
    @FunctionalInterface
    interface RowComparator {
        int compare(int a, int b);
    }

    private RowOrder() {}

    /** A comparator of rows of {@code t} by the columns {@code cols} (indexes), in that order of precedence. */
    static RowComparator by(FluxTable t, int[] cols, boolean desc) {
        RowComparator[] parts = new RowComparator[cols.length];
        for (int k = 0; k < cols.length; k++) {
            parts[k] = column(t, cols[k], desc);
        }
        if (parts.length == 1) {
            return parts[0];
        }
        return (a, b) -> {
            for (RowComparator p : parts) {
                int c = p.compare(a, b);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    private static RowComparator column(FluxTable t, int col, boolean desc) {
        FieldVector v = t.vector(col);
        int off = t.offset();
        int sign = desc ? -1 : 1;
        RowComparator values;
        switch (t.column(col).type()) {
            case BOOL:
                values = (a, b) -> Boolean.compare(TableOps.boolAt(v, off + a), TableOps.boolAt(v, off + b));
                break;
            case FLOAT:
                values = (a, b) -> {
                    double x = TableOps.doubleAt(v, off + a);
                    double y = TableOps.doubleAt(v, off + b);
                    return x < y ? -1 : x == y ? 0 : 1;
                };
                break;
            case UINT:
                values = (a, b) -> Long.compareUnsigned(TableOps.longAt(v, off + a), TableOps.longAt(v, off + b));
                break;
            case STRING:
                VarCharVector s = (VarCharVector) v;
                values = (a, b) -> TableOps.compareUtf8(s, off + a, s, off + b);
                break;
            default:
                values = (a, b) -> Long.compare(TableOps.longAt(v, off + a), TableOps.longAt(v, off + b));
                break;
        }
        RowComparator ordered = values;
        return (a, b) -> {
            boolean na = v.isNull(off + a);
            boolean nb = v.isNull(off + b);
            if (na || nb) {
                return na == nb ? 0 : na ? -1 : 1;
            }
            return sign * ordered.compare(a, b);
        };
    }

    /** Whether rows {@code 0..n-1} are already in order. */
    static boolean sorted(int n, RowComparator cmp) {
        for (int i = 1; i < n; i++) {
            if (cmp.compare(i - 1, i) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Sorts {@code rows[0..n)} stably by {@code cmp} (a merge sort; no boxing). */
    static void sort(int[] rows, int n, RowComparator cmp) {
        int[] tmp = new int[n];
        mergeSort(rows, tmp, 0, n, cmp);
    }

    private static void mergeSort(int[] a, int[] tmp, int lo, int hi, RowComparator cmp) {
        if (hi - lo <= 16) {
            for (int i = lo + 1; i < hi; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= lo && cmp.compare(a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid, cmp);
        mergeSort(a, tmp, mid, hi, cmp);
        if (cmp.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (i >= mid) {
                a[k] = tmp[j++];
            } else if (j >= hi) {
                a[k] = tmp[i++];
            } else if (cmp.compare(tmp[j], tmp[i]) < 0) {
                a[k] = tmp[j++];
            } else {
                a[k] = tmp[i++];
            }
        }
    }
}
