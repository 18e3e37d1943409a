package io.cosmolite.engine.changefeed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of the change feed of a physical partition.
 *
 * @param items         the changes, in LSN order, shaped for the requested mode
 * @param continuation  the LSN to continue after (pass it as {@code Start.AfterLsn}); it covers
 *                      every change read, also those filtered out
 * @param requestCharge request units charged
 */
public record ChangeFeedPage(List<ObjectNode> items, long continuation, double requestCharge) {

    /** True when the page holds no change (Cosmos answers 304 Not Modified). */
    public boolean isEmpty() {
        return items.isEmpty();
    }
}
