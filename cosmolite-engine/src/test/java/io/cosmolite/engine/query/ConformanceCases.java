package io.cosmolite.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shared query conformance cases (outputs recorded from Microsoft's engine), read from the
 * copy in the test resources ({@code conformance/query/}, with its README), so that every test of
 * every layer reads the same 117 cases on any machine; and the comparison rules of that README, so
 * that every layer (functions, engine, gateway through the SDK) judges results the same way. The
 * gateway's tests reach this class through the engine's test jar.
 */
public final class ConformanceCases {
    /** The system properties a comparison ignores. */
    public static final Set<String> SYSTEM_PROPERTIES = Set.of("_rid", "_self", "_etag", "_ts", "_attachments", "_lsn");
    private static final double RELATIVE_TOLERANCE = 1e-9;

    private static final String RESOURCE = "/conformance/query/cosmos-query-samples.jsonl";
    private static List<JsonNode> cases;

    private ConformanceCases() {}

    /** Every case as a JSON object: id, query, parameters, documents, expected, ordered. */
    public static synchronized List<JsonNode> all() {
        if (cases == null) {
            try (InputStream in = ConformanceCases.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("test resource " + RESOURCE + " is missing");
                }
                cases = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank()).map(Json::parse).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cases;
    }

    /** Copies of the results without the system properties. */
    public static List<JsonNode> withoutSystemProperties(List<JsonNode> results) {
        List<JsonNode> out = new ArrayList<>(results.size());
        for (JsonNode r : results) {
            if (r != null && r.isObject()) {
                ObjectNode copy = r.deepCopy();
                copy.remove(SYSTEM_PROPERTIES);
                out.add(copy);
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** True when the results match, in order or as multisets. */
    public static boolean sameResults(List<JsonNode> actual, List<JsonNode> expected, boolean ordered) {
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

    /** Structural equality: key order ignored, numbers by value within 1e-9 relative; null only equals null. */
    public static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return x == y || Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
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
                if (!same(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
