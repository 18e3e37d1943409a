package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.query.exec.DocumentListQuery;
import io.cosmolite.engine.query.parser.QueryParser;
import io.cosmolite.server.wire.CosmosHeaders;
import java.util.List;

/**
 * Queries over a metadata feed: databases, containers, offers, scripts, users, permissions. The SDK
 * sends {@code SELECT * FROM root r WHERE r.id = @id} to find a database or container, and
 * {@code select * from c where c.offerResourceId = @resourceId} to find a resource's offer; users
 * write their own (.NET's {@code CreateDatabaseQuery} returns {@code dynamic} results: projections
 * are part of it). The whole query language runs over the feed's resources with the engine's
 * semantics ({@link DocumentListQuery}); the feed then pages the results.
 */
final class MetadataQuery {
    private MetadataQuery() {}

    /** True when a POST to a metadata feed is a query rather than a create. */
    static boolean isQuery(Call call) {
        String type = QueryBody.mediaType(call);
        return "true".equalsIgnoreCase(call.header(CosmosHeaders.IS_QUERY))
                || type.equals(QueryBody.QUERY_JSON) || type.equals(QueryBody.SQL);
    }

    /** The request's query run over {@code resources} (in feed order): its results, in the query's order. */
    static List<JsonNode> run(Call call, List<ObjectNode> resources) {
        // The isquery header alone marks a query here, so a JSON body counts whatever its content type.
        QueryBody query = QueryBody.mediaType(call).equals(QueryBody.SQL) ? QueryBody.ofQuery(call)
                : QueryBody.ofPlanRequest(call);
        return DocumentListQuery.run(query.text(), query.parameters(), resources, call.server().clock(),
                QueryParser::parse);
    }
}
