package io.jflux.stdlib.universe;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import io.jflux.eval.ArrayValue;
import io.jflux.eval.BoolValue;
import io.jflux.eval.IntValue;
import io.jflux.eval.Operators;
import io.jflux.eval.StringValue;
import io.jflux.eval.Value;
import io.jflux.eval.Values;
import io.jflux.stdlib.Definitions;
import io.jflux.stdlib.JavaPackage;
import io.jflux.stdlib.Streams;

/** The builtins every script sees: conversions, {@code length}, {@code contains}, {@code display}, {@code die}. */
public final class UniversePackage implements JavaPackage {

    @Override
    public void define(Definitions defs) {
        RowTransformations.define(defs);
        Aggregates.define(defs);
        defs.value("true", BoolValue.TRUE)
            .value("false", BoolValue.FALSE)
            .function("int", (a, in) -> Conversions.toInt(a.require("v"), a.spanOf("v")))
            .function("uint", (a, in) -> Conversions.toUInt(a.require("v"), a.spanOf("v")))
            .function("float", (a, in) -> Conversions.toFloat(a.require("v"), a.spanOf("v")))
            .function("string", (a, in) -> Conversions.toStringValue(a.require("v"), a.spanOf("v")))
            .function("bool", (a, in) -> Conversions.toBool(a.require("v"), a.spanOf("v")))
            .function("time", (a, in) -> Conversions.toTime(a.require("v"), a.spanOf("v")))
            .function("duration", (a, in) -> Conversions.toDuration(a.require("v"), a.spanOf("v")))
            .function("bytes", (a, in) -> Conversions.toBytes(a.require("v"), a.spanOf("v")))
            .function("display", (a, in) -> new StringValue(Values.display(a.require("v"))))
            .function("length", (a, in) -> IntValue.of(a.array("arr").size()))
            .function("contains", (a, in) -> {
                Value value = a.require("value");
                ArrayValue set = a.array("set");
                for (Value e : set.elements()) {
                    if (value.isNull() ? e.isNull() : !e.isNull() && Operators.equal(value, e, a.callSite())) {
                        return BoolValue.TRUE;
                    }
                }
                return BoolValue.FALSE;
            })
            .function("yield", (a, in) -> Streams.stream(a, "tables").yielded(a.string("name", "_result")))
            .function("limit", (a, in) -> {
                long n = a.integer("n");
                long offset = a.integer("offset", 0);
                if (n < 0 || offset < 0) {
                    throw a.error("limit: n and offset must not be negative");
                }
                return Streams.perTable(Streams.stream(a, "tables"), (ctx, t) -> {
                    int from = (int) Math.min(offset, t.rowCount());
                    int count = (int) Math.min(n, t.rowCount() - from);
                    return t.slice(from, count);
                });
            })
            .function("die", (a, in) -> {
                throw new FluxException(ErrorCode.ABORTED, a.string("msg"), a.callSite());
            });
    }
}
