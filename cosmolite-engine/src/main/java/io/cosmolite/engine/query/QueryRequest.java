package io.cosmolite.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * One page request of a NoSQL query.
 *
 * @param text            the query text, e.g. {@code SELECT * FROM c WHERE c.n > @n}
 * @param parameters      the parameter values by name including the {@code @} ({@code "@n" -> 5}); may be empty
 * @param maxItemCount    the most items the page may hold: a positive count, {@link #DYNAMIC_PAGE_SIZE} (-1) to let
 *                        the engine decide (the page is then bounded by {@link #MAX_PAGE_BYTES} of results only, as
 *                        Cosmos DB bounds its pages), or 0 for the default of {@link #DEFAULT_MAX_ITEM_COUNT}
 * @param continuation    the token of the previous page, or null for the first page
 * @param populateMetrics true to return the {@code x-ms-documentdb-query-metrics} text with the page
 */
public record QueryRequest(String text, Map<String, JsonNode> parameters, int maxItemCount, String continuation,
                           boolean populateMetrics) {

    /** The page size when the client gives none, as in Cosmos DB. */
    public static final int DEFAULT_MAX_ITEM_COUNT = 100;
    /** The {@code maxItemCount} that lets the engine size the page. */
    public static final int DYNAMIC_PAGE_SIZE = -1;
    /** The most bytes of results one page carries, as Cosmos DB's 4 MB response limit. */
    public static final int MAX_PAGE_BYTES = 4 * 1024 * 1024;

    /** Checks the text and copies the parameters. */
    public QueryRequest {
        Objects.requireNonNull(text, "text");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** A first-page request without parameters and with the default page size. */
    public static QueryRequest of(String text) {
        return new QueryRequest(text, Map.of(), 0, null, false);
    }

    /** The same request with another page size. */
    public QueryRequest withMaxItemCount(int count) {
        return new QueryRequest(text, parameters, count, continuation, populateMetrics);
    }

    /** The same request resuming at {@code token}. */
    public QueryRequest withContinuation(String token) {
        return new QueryRequest(text, parameters, maxItemCount, token, populateMetrics);
    }

    /** The same request with these parameters. */
    public QueryRequest withParameters(Map<String, JsonNode> values) {
        return new QueryRequest(text, values, maxItemCount, continuation, populateMetrics);
    }

    /** The same request asking for query metrics or not. */
    public QueryRequest withMetrics(boolean populate) {
        return new QueryRequest(text, parameters, maxItemCount, continuation, populate);
    }
}
