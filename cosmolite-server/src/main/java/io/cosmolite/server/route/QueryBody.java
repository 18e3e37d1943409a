package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.server.wire.CosmosHeaders;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The query a client posts: its text and parameters. Queries come as {@code application/query+json}
 * ({@code {"query": ..., "parameters": [{"name": "@p", "value": ...}]}}) or as {@code application/sql}
 * (the bare text); query-plan requests carry the same JSON as {@code application/json}.
 *
 * @param text       the query text
 * @param parameters the parameter values by name ({@code "@p"}); a parameter posted without a value is left
 *                   out, so that the engine reports it as unresolved
 */
record QueryBody(String text, Map<String, JsonNode> parameters) {
    static final String QUERY_JSON = "application/query+json";
    static final String SQL = "application/sql";

    /** Reads the query of a query request; 400 for a content type that is not a query's. */
    static QueryBody ofQuery(Call call) {
        String type = mediaType(call);
        if (type.equals(SQL)) {
            String text = new String(call.request().body(), StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw ErrorCode.BAD_REQUEST.exception("The query text is empty: the request body must hold the query.");
            }
            return new QueryBody(text, Map.of());
        }
        if (!type.equals(QUERY_JSON)) {
            throw ErrorCode.BAD_REQUEST.exception("The content type %s is not supported for a query: queries must be "
                    + "sent with Content-Type '%s' (or '%s').", type.isEmpty() ? "(none)" : "'" + type + "'",
                    QUERY_JSON, SQL);
        }
        return ofJson(call);
    }

    /** Reads the JSON query of a query-plan or metadata query request, whatever content type the client named. */
    static QueryBody ofPlanRequest(Call call) {
        return ofJson(call);
    }

    /** The request's media type, lower-case and without parameters ({@code ; charset=...}); "" when absent. */
    static String mediaType(Call call) {
        String value = call.header(CosmosHeaders.CONTENT_TYPE);
        if (value == null) {
            return "";
        }
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static QueryBody ofJson(Call call) {
        ObjectNode body = Replies.objectBody(call);
        JsonNode query = body.get("query");
        if (query == null || !query.isTextual()) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "The query request is invalid: the body must have a string property 'query'.");
        }
        return new QueryBody(query.textValue(), parameters(body.get("parameters")));
    }

    private static Map<String, JsonNode> parameters(JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isArray()) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "The query request is invalid: 'parameters' must be an array of {\"name\", \"value\"} objects.");
        }
        Map<String, JsonNode> values = new HashMap<>();
        for (JsonNode p : node) {
            JsonNode name = p.get("name");
            if (!p.isObject() || name == null || !name.isTextual() || name.textValue().isEmpty()) {
                throw ErrorCode.BAD_REQUEST.exception("The query request is invalid: parameter %s must be an object "
                        + "with a string 'name' and a 'value'.", Json.toString(p));
            }
            if (values.containsKey(name.textValue())) {
                throw ErrorCode.BAD_REQUEST.exception(
                        "The query request is invalid: parameter '%s' is given more than once.", name.textValue());
            }
            JsonNode value = p.get("value");
            if (value != null) {
                values.put(name.textValue(), value);
            }
        }
        return values;
    }
}
