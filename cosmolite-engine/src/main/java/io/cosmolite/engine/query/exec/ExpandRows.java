package io.cosmolite.engine.query.exec;

import io.cosmolite.engine.query.ast.Query;
import java.util.ArrayDeque;

/** A JOIN (or a correlated FROM): each input row crossed with what the source binds for it. */
final class ExpandRows implements RowStream {
    private final Evaluator ev;
    private final RowStream input;
    private final Query.Source source;
    private final ArrayDeque<Env> pending = new ArrayDeque<>();
    private Row current;

    ExpandRows(Evaluator ev, RowStream input, Query.Source source) {
        this.ev = ev;
        this.input = input;
        this.source = source;
    }

    @Override
    public Row next() {
        while (pending.isEmpty()) {
            current = input.next();
            if (current == null) {
                return null;
            }
            Sources.expand(ev, source, current.env(), null, pending::add);
        }
        return Row.of(pending.poll(), current.key());
    }
}
