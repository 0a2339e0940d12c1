package io.jflux.stdlib.universe;

import io.jflux.stdlib.Definitions;

/** The universe's aggregates, selectors, ordering and window transformations. */
final class Aggregates {

    private Aggregates() {}

    static void define(Definitions defs) {
    }
}
