package io.jflux.stdlib.universe;

import io.jflux.stdlib.Definitions;

/** The universe's transformations of rows and columns: filter, map, group, keep, drop, rename and the like. */
final class RowTransformations {

    private RowTransformations() {}

    static void define(Definitions defs) {
    }
}
