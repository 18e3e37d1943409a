package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.ErrorResponses;

/**
 * {@code GET /}: the database account. Its locations are built from the request's scheme and Host
 * header, because the SDK sends all later traffic to the advertised endpoint: a fixed endpoint
 * would break port-mapped setups, and a plain-HTTP server advertising https would hang clients on a
 * TLS handshake.
 */
final class AccountRoute implements Route {
    /** The query engine limits the SDK reads from the account, as a JSON string. */
    private static final String QUERY_ENGINE_CONFIGURATION = "{\"maxSqlQueryInputLength\":262144,\"maxJoinsPerSqlQuery\":5,"
            + "\"maxLogicalAndPerSqlQuery\":500,\"maxLogicalOrPerSqlQuery\":500,\"maxUdfRefPerSqlQuery\":10,"
            + "\"maxInExpressionItemsCount\":16000,\"queryMaxInMemorySortDocumentCount\":500,"
            + "\"maxQueryRequestTimeoutFraction\":0.9,\"sqlAllowNonFiniteNumbers\":false,\"sqlAllowAggregateFunctions\":true,"
            + "\"sqlAllowSubQuery\":true,\"sqlAllowScalarSubQuery\":true,\"allowNewKeywords\":true,\"sqlAllowLike\":true,"
            + "\"sqlAllowGroupByClause\":true,\"maxSpatialQueryCells\":12,\"spatialMaxGeometryPointCount\":256,"
            + "\"sqlDisableOptimizationFlags\":0,\"sqlAllowTop\":true,\"enableSpatialIndexing\":true}";

    @Override
    public Response handle(Call call) {
        if (!call.request().method().equals("GET")) {
            return ErrorResponses.of(405, "The requested verb is not supported.");
        }
        String endpoint = call.request().scheme() + "://" + call.request().host() + "/";
        ObjectNode account = Json.object();
        account.put("_self", "");
        account.put("id", "cosmolite");
        account.put("_rid", "cosmolite.localhost");
        account.put("media", "//media/");
        account.put("addresses", "//addresses/");
        account.put("_dbs", "//dbs/");
        account.set("writableLocations", locations(endpoint));
        account.set("readableLocations", locations(endpoint));
        account.put("enableMultipleWriteLocations", false);
        account.set("userReplicationPolicy", Json.object().put("asyncReplication", false).put("minReplicaSetSize", 1)
                .put("maxReplicasetSize", 4));
        account.set("userConsistencyPolicy", Json.object().put("defaultConsistencyLevel", "Session"));
        account.set("systemReplicationPolicy", Json.object().put("minReplicaSetSize", 1).put("maxReplicasetSize", 4));
        account.set("readPolicy", Json.object().put("primaryReadCoefficient", 1).put("secondaryReadCoefficient", 1));
        account.put("queryEngineConfiguration", QUERY_ENGINE_CONFIGURATION);
        return Response.json(200, Json.toBytes(account));
    }

    private static ArrayNode locations(String endpoint) {
        ArrayNode list = Json.NODES.arrayNode();
        list.add(Json.object().put("name", "South Central US").put("databaseAccountEndpoint", endpoint));
        return list;
    }
}
