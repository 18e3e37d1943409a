package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;

/** A source of exactly one item, for predicates evaluated against a single document. */
final class SingleItemSource implements DocumentSource {
    private static final byte[] KEY = {0};
    private final JsonNode item;

    SingleItemSource(JsonNode item) {
        this.item = item;
    }

    @Override
    public DocumentCursor open(byte[] startKey) {
        return new DocumentCursor() {
            private boolean done;

            @Override
            public boolean next() {
                boolean first = !done;
                done = true;
                return first;
            }

            @Override
            public byte[] key() {
                return KEY;
            }

            @Override
            public JsonNode document() {
                return item;
            }

            @Override
            public int size() {
                return 0;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public boolean covers(byte[] key) {
        return false;
    }
}
