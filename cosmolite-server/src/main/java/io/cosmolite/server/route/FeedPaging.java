package io.cosmolite.server.route;

import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.server.wire.CosmosHeaders;

/** The page size of a feed request ({@code x-ms-max-item-count}), read the same way by every items feed. */
final class FeedPaging {
    /** The page size when the client leaves it to the service (no header, or -1). */
    static final int DEFAULT_MAX_ITEMS = 100;
    /** The largest page served; bigger requests get pages of this size and a continuation. */
    static final int MAX_ITEMS = 10_000;

    private FeedPaging() {}

    /** The requested page size: 1 to {@value #MAX_ITEMS}; 400 for zero, a negative other than -1, or a non-number. */
    static int maxItemCount(Call call) {
        String header = call.header(CosmosHeaders.MAX_ITEM_COUNT);
        if (header == null || header.isBlank()) {
            return DEFAULT_MAX_ITEMS;
        }
        int n;
        try {
            n = Integer.parseInt(header.strip());
        } catch (NumberFormatException e) {
            throw invalid(header);
        }
        if (n == -1) {
            return DEFAULT_MAX_ITEMS;
        }
        if (n <= 0) {
            throw invalid(header);
        }
        return Math.min(n, MAX_ITEMS);
    }

    private static RuntimeException invalid(String header) {
        return ErrorCode.BAD_REQUEST.exception(
                "Invalid value '%s' for header x-ms-max-item-count: it must be a positive integer or -1.", header);
    }
}
