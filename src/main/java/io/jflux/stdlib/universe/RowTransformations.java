package io.jflux.stdlib.universe;

import io.jflux.stdlib.Definitions;
import io.jflux.stdlib.universe.rows.ColumnOps;
import io.jflux.stdlib.universe.rows.Fill;
import io.jflux.stdlib.universe.rows.Filter;
import io.jflux.stdlib.universe.rows.Group;
import io.jflux.stdlib.universe.rows.MapRows;
import io.jflux.stdlib.universe.rows.Range;
import io.jflux.stdlib.universe.rows.TimeOps;
import io.jflux.stdlib.universe.rows.Union;

/**
 * The universe's transformations of rows and columns: filter, map, group, keep, drop, rename and the like. Each
 * is one class or method of {@code io.jflux.stdlib.universe.rows}; row functions are compiled by
 * {@code io.jflux.stdlib.universe.rowfn}.
 */
final class RowTransformations {

    private RowTransformations() {}

    static void define(Definitions defs) {
        defs.function("to", io.jflux.stdlib.influxdata.influxdb.To::to)
            .function("filter", Filter::filter)
            .function("map", MapRows::map)
            .function("set", ColumnOps::set)
            .function("duplicate", ColumnOps::duplicate)
            .function("rename", ColumnOps::rename)
            .function("keep", ColumnOps::keep)
            .function("drop", ColumnOps::drop)
            .function("group", Group::group)
            .function("range", Range::range)
            .function("union", Union::union)
            .function("columns", ColumnOps::columns)
            .function("keys", ColumnOps::keys)
            .function("truncateTimeColumn", TimeOps::truncateTimeColumn)
            .function("timeShift", TimeOps::timeShift)
            .function("fill", Fill::fill);
    }
}
