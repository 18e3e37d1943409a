package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.document.ItemStore;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.layout.StorageKeys;
import io.cosmolite.engine.partition.EffectivePartitionKey;
import io.cosmolite.engine.partition.PartitionKeyRange;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.resource.ResourceId;
import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.CosmosHeaders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The read feed, {@code GET .../docs} without {@code A-IM}: the items of one physical partition
 * ({@code x-ms-documentdb-partitionkeyrangeid}), of one logical partition (the partition key
 * header) or of the whole container, a page at a time ({@code x-ms-max-item-count}) with an opaque
 * {@code x-ms-continuation}.
 */
final class ReadFeedRequests {
    private ReadFeedRequests() {}

    /** One page of the read feed. */
    static Response read(Call call) {
        ItemContainer target = ItemContainer.of(call);
        PartitionKeyValue pk = target.optionalPartitionKey(call);
        String rangeHeader = call.header(CosmosHeaders.PARTITION_KEY_RANGE_ID);
        List<PartitionKeyRange> ranges = rangeHeader != null ? List.of(target.range(rangeHeader))
                : pk != null ? List.of(target.rangeOf(pk)) : target.ranges();
        String pkEpk = pk == null ? null : target.epkOf(pk);
        boolean prefix = pk != null && pk.size() < target.partitionKey().paths().size();
        int max = FeedPaging.maxItemCount(call);

        Position at = Position.parse(call.header(CosmosHeaders.CONTINUATION), target, ranges);
        List<ObjectNode> items = new ArrayList<>();
        double charge = 0;
        Position next = null;
        int rangeIndex = at.rangeIndex();
        byte[] after = at.after();
        while (true) {
            PartitionKeyRange range = ranges.get(rangeIndex);
            ItemStore.ScanPage page = target.container().readFeed(range.id(), after, max - items.size());
            charge += page.requestCharge();
            for (ObjectNode item : page.items()) {
                if (pkEpk == null || matches(target, item, pkEpk, prefix)) {
                    items.add(item);
                }
            }
            if (page.continuation() != null) {
                next = new Position(rangeIndex, page.continuation());
                break;
            }
            if (rangeIndex + 1 >= ranges.size()) {
                break;
            }
            rangeIndex++;
            after = null;
            if (items.size() >= max) {
                next = new Position(rangeIndex, null);
                break;
            }
        }
        String rangeId = ranges.get(rangeIndex).id();
        Response response = Replies.feed("docs", target.rid(), items, charge)
                .header(CosmosHeaders.CONTINUATION, next == null ? null : next.format(ranges));
        return target.stamp(response, rangeId, target.container().committedLsn(rangeId));
    }

    private static boolean matches(ItemContainer target, ObjectNode item, String pkEpk, boolean prefix) {
        String epk = target.epkOf(PartitionKeyValue.fromDocument(item, target.partitionKey()));
        return prefix ? epk.startsWith(pkEpk) : epk.equals(pkEpk);
    }

    /**
     * Where a read feed continues: a range of the request's list and the storage key after which
     * it resumes (null = the range's start). On the wire: {@code {rangeId}:{base64url key}}.
     */
    private record Position(int rangeIndex, byte[] after) {
        static Position parse(String token, ItemContainer target, List<PartitionKeyRange> ranges) {
            if (token == null || token.isBlank()) {
                return new Position(0, null);
            }
            int colon = token.indexOf(':');
            if (colon > 0) {
                String rangeId = token.substring(0, colon);
                for (int i = 0; i < ranges.size(); i++) {
                    if (ranges.get(i).id().equals(rangeId)) {
                        try {
                            String key = token.substring(colon + 1);
                            byte[] after = key.isEmpty() ? null : Base64.getUrlDecoder().decode(key);
                            if (after == null || inRange(after, target, ranges.get(i))) {
                                return new Position(i, after);
                            }
                        } catch (IllegalArgumentException e) {
                            break;
                        }
                    }
                }
            }
            throw ErrorCode.BAD_REQUEST.exception("Invalid Continuation Token: '%s' is not a continuation of this feed.",
                    token);
        }

        /** Whether a key lies in the range's items, so a forged token never reads past them. */
        private static boolean inRange(byte[] key, ItemContainer target, PartitionKeyRange range) {
            byte[] rid = ResourceId.parse(target.rid()).bytes();
            byte[] from = StorageKeys.itemsFrom(rid, range.minInclusive());
            byte[] to = range.maxExclusive().equals(EffectivePartitionKey.MAX)
                    ? StorageKeys.prefixEnd(StorageKeys.containerPrefix(StorageKeys.ITEM, rid))
                    : StorageKeys.itemsFrom(rid, range.maxExclusive());
            return Arrays.compareUnsigned(key, from) >= 0 && Arrays.compareUnsigned(key, to) < 0;
        }

        String format(List<PartitionKeyRange> ranges) {
            String key = after == null ? "" : Base64.getUrlEncoder().withoutPadding().encodeToString(after);
            return ranges.get(rangeIndex).id() + ":" + key;
        }
    }
}
