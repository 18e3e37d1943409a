package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.resource.ResourceId;

/**
 * The order of items by {@code _rid} the way the SDK compares them when it resumes an ORDER BY
 * query: the document part of the rid (bytes 8 to 15) read as a big-endian long.
 */
final class RidOrder {
    private RidOrder() {}

    /** The rid order of an item ({@link ResourceId#documentOrder}); 0 for values that are not items. */
    static long documentNumber(JsonNode item) {
        JsonNode rid = item == null ? null : item.get("_rid");
        if (rid == null || !rid.isTextual()) {
            return 0;
        }
        try {
            return ResourceId.parse(rid.textValue()).documentOrder();
        } catch (RuntimeException notARid) {
            return 0;
        }
    }
}
