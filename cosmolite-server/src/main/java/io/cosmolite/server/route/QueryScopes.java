package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.PartitionKeyRange;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.query.QueryScope;
import io.cosmolite.engine.query.parser.QueryParser;
import io.cosmolite.engine.query.plan.QueryPlanner;
import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.CosmosHeaders;
import io.cosmolite.server.wire.ErrorResponses;
import java.util.ArrayList;
import java.util.List;

/**
 * Which items a query reads, as its headers say: one physical partition
 * ({@code x-ms-documentdb-partitionkeyrangeid}, how the SDKs send each range's share of a query),
 * one logical partition ({@code x-ms-documentdb-partitionkey}), or else the whole container, under
 * the gateway's rules for a query that spans physical partitions: it needs
 * {@code x-ms-documentdb-query-enablecrosspartition}, and one whose plan needs merging on the client
 * (ORDER BY, aggregates, ...) is refused with 400/1004 and the plan, which older SDKs read to run it
 * range by range.
 */
final class QueryScopes {
    /** Cosmos's substatus for a cross-partition query the gateway leaves to the client. */
    private static final int CROSS_PARTITION_NOT_SERVABLE = 1004;

    private QueryScopes() {}

    /**
     * A scope and the one physical partition it lies in, whose session token the reply carries (null
     * when it spans several).
     */
    record Scoped(QueryScope scope, String rangeId) {}

    /** The scope of a query request; throws 400 (or a {@link QueryRefusal}) under the cross-partition rules. */
    static Scoped of(Call call, ItemContainer target, QueryBody body) {
        List<PartitionKeyRange> ranges = target.ranges();
        PartitionKeyValue key = target.optionalPartitionKey(call);
        if (key != null) {
            return new Scoped(QueryScope.partition(key), rangeOf(key, target));
        }
        String rangeId = call.header(CosmosHeaders.PARTITION_KEY_RANGE_ID);
        if (rangeId != null) {
            String id = target.range(rangeId).id();
            return new Scoped(QueryScope.range(id), id);
        }
        if (ranges.size() == 1) {
            return new Scoped(QueryScope.container(), ranges.get(0).id());
        }
        ObjectNode plan = QueryPlanner.plan(QueryParser.parse(body.text()), body.parameters(), target.partitionKey(),
                QueryPlanner.JAVA_SDK_FEATURES);
        List<PartitionKeyRange> touched = overlapping(ranges, plan.path("queryRanges"));
        if (touched.size() == 1) {
            return new Scoped(QueryScope.container(), touched.get(0).id());
        }
        if (!QueryRoutes.flag(call, CosmosHeaders.ENABLE_CROSS_PARTITION)) {
            throw ErrorCode.BAD_REQUEST.exception("Cross partition query is required but disabled. Please set "
                    + "x-ms-documentdb-query-enablecrosspartition to true, specify x-ms-documentdb-partitionkey, or "
                    + "revise your query to avoid this exception.");
        }
        if (needsClientMerge(plan.path("queryInfo"))) {
            throw new QueryRefusal(notServable(plan));
        }
        return new Scoped(QueryScope.container(), null);
    }

    private static String rangeOf(PartitionKeyValue key, ItemContainer target) {
        if (target.ranges().size() == 1) {
            return target.ranges().get(0).id();
        }
        if (!key.isNone() && key.size() < target.partitionKey().paths().size()) {
            return null; // a prefix of a hierarchical key may span several ranges
        }
        return target.rangeOf(key).id();
    }

    /** The ranges that the plan's query ranges ({@code min}, {@code max}, inclusiveness) overlap. */
    private static List<PartitionKeyRange> overlapping(List<PartitionKeyRange> ranges, JsonNode queryRanges) {
        List<PartitionKeyRange> touched = new ArrayList<>();
        for (PartitionKeyRange r : ranges) {
            for (JsonNode q : queryRanges) {
                String min = q.path("min").asText();
                String max = q.path("max").asText();
                boolean below = min.compareTo(r.maxExclusive()) < 0;
                int above = r.minInclusive().compareTo(max);
                if (below && (above < 0 || (above == 0 && q.path("isMaxInclusive").asBoolean()))) {
                    touched.add(r);
                    break;
                }
            }
        }
        return touched;
    }

    /** Whether the plan leaves work for the client after the ranges answer. */
    private static boolean needsClientMerge(JsonNode info) {
        return !info.path("distinctType").asText("None").equals("None") || !info.path("top").isNull()
                || !info.path("offset").isNull() || !info.path("limit").isNull() || !info.path("orderBy").isEmpty()
                || !info.path("aggregates").isEmpty() || !info.path("groupByExpressions").isEmpty()
                || !info.path("groupByAliasToAggregateType").isEmpty();
    }

    private static Response notServable(ObjectNode plan) {
        Response response = ErrorResponses.of(400, CROSS_PARTITION_NOT_SERVABLE, "The provided cross partition query "
                + "can not be directly served by the gateway. This is a first chance (internal) exception that all newer "
                + "clients will know how to handle gracefully. This exception is traced, but unless you see it bubble up "
                + "as an exception (which only happens on older SDK clients), then you can safely ignore this message.");
        ObjectNode body = (ObjectNode) Json.parse(response.body());
        body.put("additionalErrorInfo", Json.toString(plan));
        return response.body(Json.toBytes(body));
    }
}
