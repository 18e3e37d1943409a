package io.cosmolite.engine.query.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import java.util.List;
import java.util.Map;

/**
 * The {@code queryInfo} part of a plan: what the client does across partition key ranges, and the
 * query it sends to each range ({@code rewrittenQuery}, empty when the original is sent as is).
 *
 * @param distinctType                "None", "Ordered" or "Unordered"
 * @param top                         TOP count or null
 * @param offset                      OFFSET count or null
 * @param limit                       LIMIT count or null
 * @param orderBy                     "Ascending"/"Descending" per ORDER BY item
 * @param orderByExpressions          the ORDER BY expressions as text
 * @param groupByExpressions          the GROUP BY expressions as text
 * @param groupByAliases              the output property names of a non-VALUE aggregate or GROUP BY projection
 * @param aggregates                  the aggregate operator of a VALUE aggregate projection
 * @param groupByAliasToAggregateType alias to aggregate operator, or to null for a plain expression
 * @param rewrittenQuery              the per-range query, or "" for the original
 * @param hasSelectValue              whether the projection is {@code SELECT VALUE}
 * @param hasNonStreamingOrderBy      whether ORDER BY needs all results before the first (vector search)
 */
record QueryInfo(String distinctType, Long top, Long offset, Long limit, List<String> orderBy,
                 List<String> orderByExpressions, List<String> groupByExpressions, List<String> groupByAliases,
                 List<String> aggregates, Map<String, String> groupByAliasToAggregateType, String rewrittenQuery,
                 boolean hasSelectValue, boolean hasNonStreamingOrderBy) {

    /** The JSON object, with the gateway's property order. */
    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("distinctType", distinctType);
        node.put("top", top);
        node.put("offset", offset);
        node.put("limit", limit);
        orderBy.forEach(node.putArray("orderBy")::add);
        orderByExpressions.forEach(node.putArray("orderByExpressions")::add);
        groupByExpressions.forEach(node.putArray("groupByExpressions")::add);
        groupByAliases.forEach(node.putArray("groupByAliases")::add);
        aggregates.forEach(node.putArray("aggregates")::add);
        ObjectNode aliasTypes = node.putObject("groupByAliasToAggregateType");
        groupByAliasToAggregateType.forEach(aliasTypes::put);
        node.put("rewrittenQuery", rewrittenQuery);
        node.put("hasSelectValue", hasSelectValue);
        node.putNull("dCountInfo");
        node.put("hasNonStreamingOrderBy", hasNonStreamingOrderBy);
        return node;
    }
}
