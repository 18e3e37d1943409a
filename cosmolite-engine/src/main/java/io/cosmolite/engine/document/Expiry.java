package io.cosmolite.engine.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.layout.StoredItem;

/**
 * Time-to-live rules. The container's {@code defaultTtl}: absent/null = TTL off (item {@code ttl}
 * ignored), -1 = on without a default, n = items expire n seconds after their last write. An
 * item's {@code ttl} (-1 = never, n seconds) overrides the default while TTL is on.
 */
public final class Expiry {
    private Expiry() {}

    /** Checks an item's {@code ttl} property, if present: an integer, -1 or positive; else 400. */
    public static void validateItemTtl(ObjectNode item) {
        JsonNode ttl = item.get("ttl");
        if (ttl == null || ttl.isNull()) {
            return;
        }
        if (!ttl.isIntegralNumber() || !ttl.canConvertToInt() || (ttl.intValue() != -1 && ttl.intValue() <= 0)) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "The value of 'ttl' must be -1 or a positive integer of seconds, not %s.", ttl);
        }
    }

    /** True when a stored item has expired at {@code nowSeconds}; reads only its header. */
    public static boolean isExpired(StoredItem item, Integer defaultTtl, long nowSeconds) {
        if (defaultTtl == null) {
            return false;
        }
        long seconds = item.ttl() != null ? item.ttl() : defaultTtl;
        return seconds > 0 && item.ts() + seconds <= nowSeconds;
    }
}
