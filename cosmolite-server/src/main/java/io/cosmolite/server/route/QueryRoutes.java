package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.QueryPage;
import io.cosmolite.engine.query.QueryRequest;
import io.cosmolite.engine.query.parser.QueryParser;
import io.cosmolite.engine.query.plan.QueryPlanner;
import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.CosmosHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The query side of an items feed ({@code POST dbs/{db}/colls/{coll}/docs}), called by
 * {@link DocumentRoutes}: query-plan requests, answered with the plan the SDKs merge ranges by, and
 * queries, one page per request, over the scope the headers name ({@link QueryScopes}). The SDKs'
 * readMany is a query too (one per partition key range, {@code c.id IN (...)} or
 * {@code c.id = @p AND c["pk"] = @q} terms).
 */
final class QueryRoutes {
    private QueryRoutes() {}

    /** True when a POST to an items feed is a query or a query-plan request. */
    static boolean isQuery(Call call) {
        if (!call.request().method().equals("POST")) {
            return false;
        }
        String type = QueryBody.mediaType(call);
        return flag(call, CosmosHeaders.IS_QUERY) || flag(call, CosmosHeaders.IS_QUERY_PLAN_REQUEST)
                || type.equals(QueryBody.QUERY_JSON) || type.equals(QueryBody.SQL);
    }

    /** Answers a query or query-plan request. */
    static Response handle(Call call) {
        ItemContainer target = ItemContainer.of(call);
        try {
            return flag(call, CosmosHeaders.IS_QUERY_PLAN_REQUEST) ? plan(call, target) : query(call, target);
        } catch (QueryRefusal refusal) {
            return refusal.response();
        }
    }

    /** Whether a boolean header is present and true (the SDKs send "True" or "true"). */
    static boolean flag(Call call, String header) {
        return ItemRequests.isTrue(call.header(header));
    }

    private static Response plan(Call call, ItemContainer target) {
        QueryBody body = QueryBody.ofPlanRequest(call);
        ObjectNode plan = QueryPlanner.plan(QueryParser.parse(body.text()), body.parameters(), target.partitionKey(),
                QueryPlanner.parseSupportedFeatures(call.header(CosmosHeaders.SUPPORTED_QUERY_FEATURES)));
        return Response.json(200, Json.toBytes(plan));
    }

    private static Response query(Call call, ItemContainer target) {
        QueryBody body = QueryBody.ofQuery(call);
        QueryScopes.Scoped scoped = QueryScopes.of(call, target, body);
        boolean queryMetrics = flag(call, CosmosHeaders.POPULATE_QUERY_METRICS);
        boolean indexMetrics = flag(call, CosmosHeaders.POPULATE_INDEX_METRICS);
        QueryRequest request = new QueryRequest(body.text(), body.parameters(), maxItemCount(call),
                continuation(call), queryMetrics || indexMetrics);
        QueryPage page = target.container().query(request, scoped.scope());

        Response response = Replies.feed("docs", target.rid(), page.items(), page.requestCharge())
                .header(CosmosHeaders.CONTINUATION, page.continuation());
        if (scoped.rangeId() != null) {
            target.stamp(response, scoped.rangeId(), target.container().committedLsn(scoped.rangeId()));
        } else {
            // A query over several physical partitions has no one session token to report.
            response.header(CosmosHeaders.ALT_CONTENT_PATH, target.namePath()).header(CosmosHeaders.CONTENT_PATH, target.rid());
        }
        if (queryMetrics) {
            response.header(CosmosHeaders.QUERY_METRICS, page.queryMetrics());
        }
        if (indexMetrics && page.indexMetrics() != null) {
            response.header(CosmosHeaders.INDEX_UTILIZATION, Base64.getEncoder().encodeToString(
                    page.indexMetrics().getBytes(StandardCharsets.UTF_8)));
        }
        return response;
    }

    /**
     * The page size of {@code x-ms-max-item-count}, read as every items feed reads it, except that -1 lets
     * the engine size the page (as many results as fit in 4 MB), as Cosmos DB does for queries.
     */
    private static int maxItemCount(Call call) {
        return "-1".equals(trimmed(call.header(CosmosHeaders.MAX_ITEM_COUNT)))
                ? QueryRequest.DYNAMIC_PAGE_SIZE : FeedPaging.maxItemCount(call);
    }

    /** The continuation token of the previous page; the SDKs send an empty header for the first page. */
    private static String continuation(Call call) {
        String value = trimmed(call.header(CosmosHeaders.CONTINUATION));
        return value == null || value.isEmpty() ? null : value;
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
