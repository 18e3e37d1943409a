package io.cosmolite.engine.query.exec;

/** The one row of a query without FROM (or the outer row a correlated FROM starts from). */
final class SingleRow implements RowStream {
    private Env env;

    SingleRow(Env env) {
        this.env = env;
    }

    @Override
    public Row next() {
        Env e = env;
        env = null;
        return e == null ? null : Row.of(e, null);
    }
}
