package io.cosmolite.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import java.util.List;

/** Typed reads of a container body's JSON; a value of the wrong shape is a 400 naming the property. */
final class Shapes {
    private Shapes() {}

    /** True when the property is absent or JSON null, which Cosmos treats alike. */
    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    static ObjectNode object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw invalid("'%s' must be a JSON object.", what);
        }
        return (ObjectNode) node;
    }

    static ArrayNode array(JsonNode node, String what) {
        if (node == null || !node.isArray()) {
            throw invalid("'%s' must be a JSON array.", what);
        }
        return (ArrayNode) node;
    }

    static String text(JsonNode node, String what) {
        if (node == null || !node.isTextual()) {
            throw invalid("'%s' must be a string.", what);
        }
        return node.textValue();
    }

    /** The canonical spelling of a value matched case-insensitively; {@code fallback} when absent. */
    static String oneOf(JsonNode node, String what, List<String> allowed, String fallback) {
        if (absent(node)) {
            return fallback;
        }
        String value = text(node, what);
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw invalid("'%s' has the invalid value '%s'; allowed are %s.", what, value, String.join(", ", allowed));
    }

    static CosmosException invalid(String format, Object... args) {
        return ErrorCode.BAD_REQUEST.exception(format, args);
    }
}
