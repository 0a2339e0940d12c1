package io.jflux.stdlib.experimental.prometheus;

import io.jflux.table.FluxTable;

/**
 * An exposition parse running on threads of its own, its tables read in the order of the text: {@link #next}
 * gives them (and rethrows the parse's failure after the tables before it), {@link #confirm} lets tables held
 * back through, {@link #close} stops the parse and releases every table not read.
 */
interface ParseThread extends AutoCloseable {

    /** The next table, or null after the last. */
    FluxTable next();

    /** Lets the tables held back so far, and all later ones, through to {@link #next}. */
    void confirm();

    @Override
    void close();
}
