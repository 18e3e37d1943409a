package io.cosmolite.engine.query.exec;

import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.value.Values;

/** WHERE: keeps the rows for which the condition is exactly {@code true}. */
final class FilterRows implements RowStream {
    private final Evaluator ev;
    private final RowStream input;
    private final Expr condition;

    FilterRows(Evaluator ev, RowStream input, Expr condition) {
        this.ev = ev;
        this.input = input;
        this.condition = condition;
    }

    @Override
    public Row next() {
        for (Row r = input.next(); r != null; r = input.next()) {
            if (Values.isTrue(ev.eval(condition, r.env()))) {
                return r;
            }
        }
        return null;
    }
}
