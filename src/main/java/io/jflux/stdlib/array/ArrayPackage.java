package io.jflux.stdlib.array;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.ArrayValue;
import io.jflux.eval.Arguments;
import io.jflux.eval.RecordValue;
import io.jflux.eval.Value;
import io.jflux.stdlib.Definitions;
import io.jflux.stdlib.JavaPackage;
import io.jflux.table.ColumnMeta;
import io.jflux.table.ColumnType;
import io.jflux.table.GroupKey;
import io.jflux.table.StreamValue;
import io.jflux.table.TableBuilder;
import io.jflux.table.TableStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code import "array"}: tables from arrays of records. */
public final class ArrayPackage implements JavaPackage {

    @Override
    public void define(Definitions defs) {
        defs.function("from", (a, in) -> from(a));
    }

    /**
     * One table with an empty group key, a row per record; columns in the order of the first record's
     * properties, typed by the first non-null value of each.
     */
    static Value from(Arguments a) {
        ArrayValue rows = a.array("rows");
        Map<String, ColumnType> types = new LinkedHashMap<>();
        List<RecordValue> records = new ArrayList<>(rows.size());
        for (Value v : rows.elements()) {
            if (!(v instanceof RecordValue r)) {
                throw a.error("array.from: rows must be records, found " + v.kind().fluxName(), a.spanOf("rows"));
            }
            records.add(r);
            for (Map.Entry<String, Value> e : r.fields().entrySet()) {
                Value cell = e.getValue();
                ColumnType t = cell.isNull() ? null : ColumnType.of(cell.kind());
                if (!cell.isNull() && t == null) {
                    throw a.error("array.from: column " + e.getKey() + " holds a " + cell.kind().fluxName()
                            + "; table columns hold bool, int, uint, float, string, time or duration values",
                            a.spanOf("rows"));
                }
                ColumnType known = types.get(e.getKey());
                if (known == null && t != null) {
                    types.put(e.getKey(), t);
                } else if (!types.containsKey(e.getKey())) {
                    types.put(e.getKey(), null);
                } else if (t != null && known != t) {
                    throw a.error("array.from: column " + e.getKey() + " holds both " + known.fluxName() + " and "
                            + t.fluxName() + " values", a.spanOf("rows"));
                }
            }
        }
        for (Map.Entry<String, ColumnType> e : types.entrySet()) {
            if (e.getValue() == null) {
                throw a.error("array.from: column " + e.getKey() + " has only null values; its type is unknown",
                        a.spanOf("rows"));
            }
        }
        return new StreamValue(ctx -> {
            try (TableBuilder b = new TableBuilder(ctx.allocator(), GroupKey.EMPTY)) {
                int[] cols = new int[types.size()];
                int i = 0;
                for (Map.Entry<String, ColumnType> e : types.entrySet()) {
                    cols[i++] = b.addColumn(new ColumnMeta(e.getKey(), e.getValue()));
                }
                for (RecordValue r : records) {
                    i = 0;
                    for (String label : types.keySet()) {
                        Value cell = r.get(label);
                        if (cell == null || cell.isNull()) {
                            b.appendNull(cols[i]);
                        } else {
                            b.appendValue(cols[i], cell);
                        }
                        i++;
                    }
                }
                return TableStream.of(List.of(b.build()));
            } catch (FluxException e) {
                throw e;
            }
        });
    }

}
