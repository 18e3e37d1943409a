package io.cosmolite.engine.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.resource.SystemProperties;

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

    /**
     * The second (epoch) at which {@code item} expires, or {@link Long#MAX_VALUE} when it never
     * does. {@code defaultTtl} is the container's setting (null = off).
     */
    public static long expiresAt(ObjectNode item, Integer defaultTtl) {
        if (defaultTtl == null) {
            return Long.MAX_VALUE;
        }
        JsonNode ttl = item.get("ttl");
        long seconds = ttl != null && ttl.isIntegralNumber() ? ttl.longValue() : defaultTtl;
        if (seconds <= 0) {
            return Long.MAX_VALUE;
        }
        return item.path(SystemProperties.TS).asLong() + seconds;
    }

    /** True when {@code item} has expired at {@code nowSeconds}. */
    public static boolean isExpired(ObjectNode item, Integer defaultTtl, long nowSeconds) {
        return expiresAt(item, defaultTtl) <= nowSeconds;
    }
}
