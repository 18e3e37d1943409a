package io.cosmolite.engine.query.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.PartitionKeyDefinition;
import io.cosmolite.engine.query.ast.Query;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query plan a gateway answers to a query-plan request ({@code x-ms-cosmos-is-query-plan-request:
 * True}): Cosmos DB's {@code PartitionedQueryExecutionInfo}, shaped as the real gateway shapes it, so
 * that the official SDKs merge results across partition key ranges exactly as they do against Cosmos
 * DB.
 *
 * <pre>{@code
 * {"partitionedQueryExecutionInfoVersion": 2,
 *  "queryInfo": {"distinctType": "None", "top": null, "offset": null, "limit": null,
 *                "orderBy": ["Ascending"], "orderByExpressions": ["c.x"], "groupByExpressions": [],
 *                "groupByAliases": [], "aggregates": [], "groupByAliasToAggregateType": {},
 *                "rewrittenQuery": "SELECT c._rid, [{\"item\": c.x}] AS orderByItems, c AS payload\nFROM c\n
 *                                   WHERE ({documentdb-formattableorderbyquery-filter})\nORDER BY c.x",
 *                "hasSelectValue": false, "dCountInfo": null, "hasNonStreamingOrderBy": false},
 *  "queryRanges": [{"min": "", "max": "FF", "isMinInclusive": true, "isMaxInclusive": false}]}
 * }</pre>
 */
public final class QueryPlanner {

    /** The features of the Java SDK 4.x's {@code x-ms-cosmos-supported-query-features} header. */
    public static final Set<String> JAVA_SDK_FEATURES = Set.of("Aggregate", "CompositeAggregate", "MultipleOrderBy",
            "MultipleAggregates", "OrderBy", "OffsetAndLimit", "Distinct", "GroupBy", "Top", "DCount",
            "NonValueAggregate", "NonStreamingOrderBy", "HybridSearch", "WeightedRankFusion");

    private QueryPlanner() {}

    /**
     * The plan of a query.
     *
     * @param query             the parsed query
     * @param parameters        the query's parameters by name ({@code @p}), possibly empty
     * @param partitionKey      the container's partition key definition
     * @param supportedFeatures the features the client listed (see {@link #parseSupportedFeatures});
     *                          null or empty means none
     * @return the plan JSON
     * @throws io.cosmolite.engine.error.CosmosException 400 when the query needs a feature the client
     *         lacks, or cannot run across partitions (an aggregate inside another expression)
     */
    public static ObjectNode plan(Query query, Map<String, JsonNode> parameters, PartitionKeyDefinition partitionKey,
                                  Set<String> supportedFeatures) {
        List<QueryRanges.Range> ranges = QueryRanges.of(query, parameters == null ? Map.of() : parameters,
                partitionKey);
        boolean singlePartition = ranges.size() == 1 && ranges.get(0).isPoint();
        QueryInfo info = PlanBuilder.build(query, parameters, singlePartition);
        QueryFeatures.check(info, supportedFeatures);

        ObjectNode plan = Json.object();
        plan.put("partitionedQueryExecutionInfoVersion", 2);
        plan.set("queryInfo", info.toJson());
        ArrayNode queryRanges = plan.putArray("queryRanges");
        for (QueryRanges.Range r : ranges) {
            ObjectNode range = queryRanges.addObject();
            range.put("min", r.min());
            range.put("max", r.max());
            range.put("isMinInclusive", r.minInclusive());
            range.put("isMaxInclusive", r.maxInclusive());
        }
        return plan;
    }

    /** The features named in an {@code x-ms-cosmos-supported-query-features} header; null gives none. */
    public static Set<String> parseSupportedFeatures(String header) {
        return QueryFeatures.parse(header);
    }
}
