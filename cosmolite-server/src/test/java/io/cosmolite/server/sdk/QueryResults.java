package io.cosmolite.server.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares query results by the rules of the shared conformance cases (their README): system
 * properties dropped, JSON compared structurally (key order ignored), numbers by value within 1e-9
 * relative, in order or as multisets.
 */
final class QueryResults {
    private static final Set<String> SYSTEM = Set.of("_rid", "_self", "_etag", "_ts", "_attachments", "_lsn");

    private QueryResults() {}

    /** Copies of the results without the system properties. */
    static List<JsonNode> strip(List<JsonNode> results) {
        List<JsonNode> out = new ArrayList<>(results.size());
        for (JsonNode r : results) {
            if (r != null && r.isObject()) {
                ObjectNode copy = r.deepCopy();
                copy.remove(SYSTEM);
                out.add(copy);
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** True when the results match, in order or as multisets. */
    static boolean same(List<JsonNode> actual, List<JsonNode> expected, boolean ordered) {
        if (actual.size() != expected.size()) {
            return false;
        }
        if (ordered) {
            for (int i = 0; i < actual.size(); i++) {
                if (!same(actual.get(i), expected.get(i))) {
                    return false;
                }
            }
            return true;
        }
        List<JsonNode> remaining = new ArrayList<>(expected);
        for (JsonNode a : actual) {
            boolean found = false;
            for (Iterator<JsonNode> it = remaining.iterator(); it.hasNext(); ) {
                if (same(a, it.next())) {
                    it.remove();
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Structural equality with numeric tolerance. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return x == y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
        }
        if (a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
            return false;
        }
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                if (other == null || !same(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
