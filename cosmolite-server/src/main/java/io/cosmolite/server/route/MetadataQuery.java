package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.QueryErrors;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import io.cosmolite.engine.query.exec.PatchConditions;
import io.cosmolite.engine.query.parser.QueryParser;
import io.cosmolite.server.wire.CosmosHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Queries over a metadata feed: databases, containers, offers, scripts, users, permissions. The SDK
 * sends {@code SELECT * FROM root r WHERE r.id = @id} to find a database or container, and
 * {@code select * from c where c.offerResourceId = @resourceId} to find a resource's offer; users
 * write similar filters. Cosmolite evaluates {@code SELECT [TOP n] * FROM x [WHERE predicate]} with
 * the engine's own expression semantics (through its single-item condition evaluator) and refuses
 * other shapes with a 400 that says so, rather than answering them wrongly.
 */
final class MetadataQuery {
    private static final String QUERY_CONTENT_TYPE = "application/query+json";
    private static final String SQL_CONTENT_TYPE = "application/sql";

    private MetadataQuery() {}

    /** True when a POST to a metadata feed is a query rather than a create. */
    static boolean isQuery(Call call) {
        String contentType = call.header(CosmosHeaders.CONTENT_TYPE);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return "true".equalsIgnoreCase(call.header(CosmosHeaders.IS_QUERY))
                || type.startsWith(QUERY_CONTENT_TYPE) || type.startsWith(SQL_CONTENT_TYPE);
    }

    /** The resources the request's query selects, in feed order. */
    static List<ObjectNode> filter(Call call, List<ObjectNode> resources) {
        String text = substituteParameters(queryText(call), parameters(call));
        Query query = QueryParser.parse(text);
        checkShape(query);
        long top = top(query.select().top());
        PatchConditions conditions = new PatchConditions(call.server().clock(), QueryParser::parse);
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode resource : resources) {
            if (out.size() >= top) {
                break;
            }
            if (query.where() == null || conditions.test(text, resource)) {
                out.add(resource);
            }
        }
        return out;
    }

    private static String queryText(Call call) {
        String contentType = call.header(CosmosHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(SQL_CONTENT_TYPE)) {
            return new String(call.request().body(), StandardCharsets.UTF_8);
        }
        JsonNode query = Replies.objectBody(call).get("query");
        if (query == null || !query.isTextual()) {
            throw QueryErrors.general("The query body needs a 'query' string.");
        }
        return query.textValue();
    }

    private static Map<String, JsonNode> parameters(Call call) {
        Map<String, JsonNode> out = new HashMap<>();
        String contentType = call.header(CosmosHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(SQL_CONTENT_TYPE)) {
            return out;
        }
        JsonNode list = Replies.objectBody(call).get("parameters");
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw QueryErrors.general("The query's 'parameters' must be an array of {\"name\", \"value\"}.");
        }
        for (JsonNode p : list) {
            if (!p.path("name").isTextual()) {
                throw QueryErrors.general("Each query parameter needs a 'name' string.");
            }
            out.put(p.get("name").textValue(), p.has("value") ? p.get("value") : Json.NODES.nullNode());
        }
        return out;
    }

    /**
     * The query text with each {@code @name} outside string literals replaced by its value as a
     * JSON literal (every JSON value is a Cosmos SQL literal): the condition evaluator takes no
     * parameters. Unknown names are left for the parser to report.
     */
    static String substituteParameters(String text, Map<String, JsonNode> values) {
        if (values.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = endOfString(text, i);
                out.append(text, i, end);
                i = end;
            } else if (c == '@') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                JsonNode value = values.get(text.substring(i, end));
                out.append(value == null ? text.substring(i, end) : Json.toString(value));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int endOfString(String text, int open) {
        char quote = text.charAt(open);
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length();
    }

    private static void checkShape(Query q) {
        boolean simple = q.from() instanceof Query.PathSource from && !from.iterate()
                && q.joins().isEmpty() && q.groupBy().isEmpty() && q.orderBy() == null
                && q.offset() == null && q.limit() == null
                && q.select().projection() instanceof Query.Star;
        if (!simple) {
            throw QueryErrors.general("Cosmolite answers queries over databases, containers, offers, scripts, users"
                    + " and permissions of the form 'SELECT [TOP n] * FROM r [WHERE <predicate>]' only.");
        }
    }

    private static long top(Expr top) {
        if (top == null) {
            return Long.MAX_VALUE;
        }
        if (top instanceof Expr.Literal lit && lit.value().canConvertToLong() && lit.value().asLong() >= 0) {
            return lit.value().asLong();
        }
        throw QueryErrors.general("The TOP value must be a non-negative integer.");
    }
}
