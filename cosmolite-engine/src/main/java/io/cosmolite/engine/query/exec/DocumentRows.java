package io.cosmolite.engine.query.exec;

import io.cosmolite.engine.query.ast.Query;
import java.util.ArrayDeque;

/** The container-level FROM: the rows its source binds for each item of a {@link DocumentSource}. */
final class DocumentRows implements RowStream {
    private final Evaluator ev;
    private final Query.Source from;
    private final DocumentSource.DocumentCursor cursor;
    private final ArrayDeque<Env> pending = new ArrayDeque<>();
    private byte[] key;

    DocumentRows(Evaluator ev, Query.Source from, DocumentSource.DocumentCursor cursor) {
        this.ev = ev;
        this.from = from;
        this.cursor = cursor;
    }

    @Override
    public Row next() {
        while (pending.isEmpty()) {
            long start = System.nanoTime();
            boolean more = cursor.next();
            ev.stats().loadNanos += System.nanoTime() - start;
            if (!more) {
                return null;
            }
            key = cursor.key();
            ev.stats().retrievedDocumentCount++;
            ev.stats().retrievedDocumentSize += cursor.size();
            Sources.expand(ev, from, Env.EMPTY, cursor.document(), pending::add);
        }
        return Row.of(pending.poll(), key);
    }
}
