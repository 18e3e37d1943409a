package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import java.util.Iterator;
import java.util.Map;

/** Results as JSON can carry them: a number that is not finite is undefined (dropped), at any depth. */
final class Output {
    private Output() {}

    /** {@code v} without non-finite numbers; null when {@code v} itself is one. Copies only what changes. */
    static JsonNode finite(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return Double.isFinite(v.doubleValue()) ? v : null;
        }
        if (!v.isContainerNode() || allFinite(v)) {
            return v;
        }
        if (v.isArray()) {
            ArrayNode out = Json.NODES.arrayNode(v.size());
            for (JsonNode e : v) {
                JsonNode f = finite(e);
                if (f != null) {
                    out.add(f);
                }
            }
            return out;
        }
        ObjectNode out = Json.object();
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode f = finite(e.getValue());
            if (f != null) {
                out.set(e.getKey(), f);
            }
        }
        return out;
    }

    private static boolean allFinite(JsonNode v) {
        if (v.isNumber()) {
            return Double.isFinite(v.doubleValue());
        }
        for (JsonNode e : v) {
            if (!allFinite(e)) {
                return false;
            }
        }
        return true;
    }
}
