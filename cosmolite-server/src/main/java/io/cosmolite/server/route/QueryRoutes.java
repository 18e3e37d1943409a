package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.ErrorCode;
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
        QueryTarget target = QueryTarget.of(call);
        try {
            return flag(call, CosmosHeaders.IS_QUERY_PLAN_REQUEST) ? plan(call, target) : query(call, target);
        } catch (QueryRefusal refusal) {
            return refusal.response();
        }
    }

    /** Whether a boolean header is present and true (any case, as the SDKs send "True" or "true"). */
    static boolean flag(Call call, String header) {
        return "true".equalsIgnoreCase(trimmed(call.header(header)));
    }

    private static Response plan(Call call, QueryTarget target) {
        QueryBody body = QueryBody.ofPlanRequest(call);
        ObjectNode plan = QueryPlanner.plan(QueryParser.parse(body.text()), body.parameters(), target.definition(),
                QueryPlanner.parseSupportedFeatures(call.header(CosmosHeaders.SUPPORTED_QUERY_FEATURES)));
        return Response.json(200, Json.toBytes(plan));
    }

    private static Response query(Call call, QueryTarget target) {
        QueryBody body = QueryBody.ofQuery(call);
        QueryScopes.Scoped scoped = QueryScopes.of(call, target, body);
        boolean queryMetrics = flag(call, CosmosHeaders.POPULATE_QUERY_METRICS);
        boolean indexMetrics = flag(call, CosmosHeaders.POPULATE_INDEX_METRICS);
        QueryRequest request = new QueryRequest(body.text(), body.parameters(), maxItemCount(call),
                trimmed(call.header(CosmosHeaders.CONTINUATION)), queryMetrics || indexMetrics);
        QueryPage page = target.container().query(request, scoped.scope());

        Response response = Replies.feed("docs", target.rid(), page.items(), page.requestCharge())
                .header(CosmosHeaders.CONTINUATION, page.continuation())
                .header(CosmosHeaders.ALT_CONTENT_PATH, Replies.ownerPath(call.names()));
        if (scoped.rangeId() != null) {
            response.header(CosmosHeaders.SESSION_TOKEN, QueryScopes.sessionToken(target, scoped.rangeId()));
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

    /** The page size: {@code x-ms-max-item-count}, absent for the default; a non-number is a 400. */
    private static int maxItemCount(Call call) {
        String value = trimmed(call.header(CosmosHeaders.MAX_ITEM_COUNT));
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ErrorCode.BAD_REQUEST.exception("Value '%s' specified for the header '%s' is invalid.", value,
                    CosmosHeaders.MAX_ITEM_COUNT);
        }
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
