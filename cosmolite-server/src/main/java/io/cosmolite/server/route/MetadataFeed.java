package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.CosmosHeaders;
import java.util.List;

/**
 * Pages of a metadata feed or query: at most {@code x-ms-max-item-count} resources (read as every
 * feed reads it: {@link FeedPaging}), resuming at the offset the previous page's {@code x-ms-continuation}
 * holds. Metadata lists are small and in id order, so an offset is a faithful position.
 */
final class MetadataFeed {
    private MetadataFeed() {}

    /** The page of {@code all} the request asks for, as the feed of the request's type. */
    static Response page(Call call, String ownerRid, List<? extends JsonNode> all, double charge) {
        int from = start(call.header(CosmosHeaders.CONTINUATION), all.size());
        int size = FeedPaging.maxItemCount(call);
        int to = (int) Math.min(all.size(), (long) from + size);
        Response r = Replies.feed(call.names().typeSegment(), ownerRid, all.subList(from, to), charge);
        if (to < all.size()) {
            r.header(CosmosHeaders.CONTINUATION, Integer.toString(to));
        }
        return r;
    }

    private static int start(String continuation, int size) {
        if (continuation == null || continuation.isEmpty()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(continuation.trim());
            if (offset >= 0) {
                return Math.min(offset, size);
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw ErrorCode.BAD_REQUEST.exception("Invalid Continuation Token: '%s' is not a continuation of this feed.",
                continuation);
    }
}
