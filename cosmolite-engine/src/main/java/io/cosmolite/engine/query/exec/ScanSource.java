package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.document.ContainerState;
import io.cosmolite.engine.document.ItemStore;

/** The full scan of a key range of items: every visible item of the query's scope. */
final class ScanSource implements DocumentSource {
    private final ItemStore items;
    private final ContainerState container;
    private final ItemStore.KeyRange range;

    ScanSource(ItemStore items, ContainerState container, ItemStore.KeyRange range) {
        this.items = items;
        this.container = container;
        this.range = range;
    }

    @Override
    public DocumentCursor open(byte[] startKey) {
        ItemStore.ItemCursor cursor = items.openItems(container, range, startKey);
        return new DocumentCursor() {
            @Override
            public boolean next() {
                return cursor.next();
            }

            @Override
            public byte[] key() {
                return cursor.key();
            }

            @Override
            public JsonNode document() {
                return cursor.item().node();
            }

            @Override
            public int size() {
                return cursor.item().jsonLength();
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }

    @Override
    public boolean covers(byte[] key) {
        return range.contains(key);
    }
}
