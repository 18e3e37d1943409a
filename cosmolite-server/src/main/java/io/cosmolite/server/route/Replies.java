package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.CosmosHeaders;
import io.cosmolite.server.wire.ErrorResponses;
import java.util.List;
import java.util.Map;

/** The shapes of successful replies, shared by every route: one resource, a feed, no content; and request bodies. */
final class Replies {
    /** The property that holds a feed's list, by type segment. */
    private static final Map<String, String> FEED_KEYS = Map.of(
            "dbs", "Databases", "colls", "DocumentCollections", "docs", "Documents", "pkranges", "PartitionKeyRanges",
            "offers", "Offers", "users", "Users", "permissions", "Permissions", "sprocs", "StoredProcedures",
            "triggers", "Triggers", "udfs", "UserDefinedFunctions");

    private Replies() {}

    /** One resource: its JSON, its etag header and the charge. */
    static Response resource(int status, JsonNode resource, double charge) {
        Response r = Response.json(status, Json.toBytes(resource))
                .header(CosmosHeaders.REQUEST_CHARGE, ErrorResponses.charge(charge));
        JsonNode etag = resource.get("_etag");
        if (etag != null && etag.isTextual()) {
            r.header(CosmosHeaders.ETAG, etag.textValue());
        }
        return r;
    }

    /** A feed page: {@code {"_rid": owner, "<List>": [...], "_count": n}} with the item count header. */
    static Response feed(String typeSegment, String ownerRid, List<? extends JsonNode> items, double charge) {
        ObjectNode body = Json.object();
        body.put("_rid", ownerRid == null ? "" : ownerRid);
        ArrayNode list = body.putArray(FEED_KEYS.getOrDefault(typeSegment, "Documents"));
        items.forEach(list::add);
        body.put("_count", items.size());
        return Response.json(200, Json.toBytes(body))
                .header(CosmosHeaders.REQUEST_CHARGE, ErrorResponses.charge(charge))
                .header(CosmosHeaders.ITEM_COUNT, Integer.toString(items.size()));
    }

    /** 204 with the charge. */
    static Response noContent(double charge) {
        return Response.status(204).header(CosmosHeaders.REQUEST_CHARGE, ErrorResponses.charge(charge));
    }

    /** The request body as a JSON object; 400 in Cosmos's words when it is empty, malformed or not an object. */
    static ObjectNode objectBody(Call call) {
        if (!(jsonBody(call) instanceof ObjectNode o)) {
            throw ErrorCode.BAD_REQUEST.exception("The request payload must be a JSON object.");
        }
        return o;
    }

    /** The request body as JSON of any shape (a patch may be an array); 400 when it is empty or malformed. */
    static JsonNode jsonBody(Call call) {
        byte[] body = call.request().body();
        if (body.length == 0) {
            throw ErrorCode.BAD_REQUEST.exception("The request body is empty: a JSON object is required.");
        }
        try {
            return Json.parse(body);
        } catch (CosmosException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ErrorCode.BAD_REQUEST.exception("The request payload is invalid JSON: %s", e.getMessage());
        }
    }

    /** The name path of the addressed feed's or resource's owner, for {@code x-ms-alt-content-path}. */
    static String ownerPath(ResourceAddress names) {
        List<String> s = names.segments();
        int n = names.isFeed() ? s.size() - 1 : s.size() - 2;
        return n <= 0 ? "" : String.join("/", s.subList(0, n));
    }
}
