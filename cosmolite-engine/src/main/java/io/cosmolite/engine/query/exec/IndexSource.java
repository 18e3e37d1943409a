package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.document.ContainerState;
import io.cosmolite.engine.document.ItemStore;
import io.cosmolite.engine.index.IndexCursor;
import io.cosmolite.engine.index.IndexLookup;
import io.cosmolite.engine.index.IndexedPaths;
import io.cosmolite.engine.layout.StoredItem;
import java.util.List;

/**
 * Candidates from an index lookup, in index order: each entry's item is read by key, skipped when
 * it expired or was already reported at an earlier entry (paths through arrays), or when it lacks
 * a path the query requires. The resume position is the index entry's key.
 */
final class IndexSource implements DocumentSource {
    private final ItemStore items;
    private final ContainerState container;
    private final IndexLookup lookup;
    private final List<Integer> ranges;
    private final String epkPrefix;
    private final boolean merge;
    private final List<String> requiredPath;

    /**
     * @param ranges       the physical partitions to read
     * @param epkPrefix    only items whose EPK starts with it (a logical partition), or null
     * @param merge        true to merge the partitions into one index order (ORDER BY)
     * @param requiredPath items without a value at this path are skipped (null: none)
     */
    IndexSource(ItemStore items, ContainerState container, IndexLookup lookup, List<Integer> ranges, String epkPrefix,
                boolean merge, List<String> requiredPath) {
        this.items = items;
        this.container = container;
        this.lookup = lookup;
        this.ranges = ranges;
        this.epkPrefix = epkPrefix;
        this.merge = merge;
        this.requiredPath = requiredPath;
    }

    @Override
    public DocumentCursor open(byte[] startKey) {
        IndexCursor entries = container.runtime().index().lookup(lookup, ranges, startKey, epkPrefix, merge);
        return new DocumentCursor() {
            private StoredItem item;

            @Override
            public boolean next() {
                while (entries.next()) {
                    StoredItem candidate = items.visibleItem(container, entries.itemKey());
                    if (candidate != null && lookup.isFirstMatch(candidate.node(), entries.valueBytes())
                            && (requiredPath == null || IndexedPaths.isDefined(candidate.node(), requiredPath))) {
                        item = candidate;
                        return true;
                    }
                }
                item = null;
                return false;
            }

            @Override
            public byte[] key() {
                return entries.key();
            }

            @Override
            public JsonNode document() {
                return item.node();
            }

            @Override
            public int size() {
                return item.jsonLength();
            }

            @Override
            public void close() {
                entries.close();
            }
        };
    }

    @Override
    public boolean covers(byte[] key) {
        return container.runtime().index().isEntryKey(key);
    }
}
