package io.cosmolite.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page of query results.
 *
 * @param items         the results, in order
 * @param continuation  the token that resumes after this page, or null when the query is complete
 * @param requestCharge the request units the page cost
 * @param queryMetrics  Cosmos DB's {@code x-ms-documentdb-query-metrics} text ({@code key=value;...}), or null
 *                      when not requested
 * @param indexMetrics  the index utilization report ({@code x-ms-cosmos-index-utilization}), or null
 */
public record QueryPage(List<JsonNode> items, String continuation, double requestCharge, String queryMetrics,
                        String indexMetrics) {

    /** Copies the items. */
    public QueryPage {
        items = List.copyOf(items);
    }
}
