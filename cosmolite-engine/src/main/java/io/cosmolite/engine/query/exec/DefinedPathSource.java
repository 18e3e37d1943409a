package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.index.IndexedPaths;
import java.util.List;

/**
 * A source without the items that lack a path: what an ORDER BY on a path whose undefined values
 * the policy does not index returns in Cosmos DB, kept when the sort runs over a scan instead.
 */
final class DefinedPathSource implements DocumentSource {
    private final DocumentSource inner;
    private final List<String> path;

    DefinedPathSource(DocumentSource inner, List<String> path) {
        this.inner = inner;
        this.path = path;
    }

    @Override
    public DocumentCursor open(byte[] startKey) {
        DocumentCursor cursor = inner.open(startKey);
        return new DocumentCursor() {
            @Override
            public boolean next() {
                while (cursor.next()) {
                    if (IndexedPaths.isDefined(cursor.document(), path)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public byte[] key() {
                return cursor.key();
            }

            @Override
            public JsonNode document() {
                return cursor.document();
            }

            @Override
            public int size() {
                return cursor.size();
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }

    @Override
    public boolean covers(byte[] key) {
        return inner.covers(key);
    }
}
