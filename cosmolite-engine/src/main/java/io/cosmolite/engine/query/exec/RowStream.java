package io.cosmolite.engine.query.exec;

/** A pull-based stage of a query pipeline. */
interface RowStream {
    /** The next row, or null at the end. */
    Row next();
}
