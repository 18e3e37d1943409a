package io.cosmolite.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates an indexing policy and fills Cosmos's defaults: mode {@code consistent}, automatic,
 * everything included ({@code /*}) and {@code _etag} excluded. Idempotent: normalizing a
 * normalized policy changes nothing.
 */
final class IndexingPolicies {
    static final String CONSISTENT = "consistent";
    static final String LAZY = "lazy";
    static final String NONE = "none";
    /** The exclusion Cosmos adds unless the policy mentions {@code _etag} itself. */
    static final String ETAG_PATH = "/\"_etag\"/?";

    private static final List<String> MODES = List.of(CONSISTENT, LAZY, NONE);
    private static final List<String> ORDERS = List.of("ascending", "descending");
    private static final List<String> SPATIAL_TYPES = List.of("Point", "Polygon", "LineString", "MultiPolygon");
    private static final List<String> PASSED_THROUGH = List.of("vectorIndexes", "fullTextIndexes");

    private IndexingPolicies() {}

    /** The default policy of a new container. */
    static ObjectNode defaults() {
        return normalize(null);
    }

    /** The normalized policy; {@code policy} may be null (absent). */
    static ObjectNode normalize(JsonNode policy) {
        ObjectNode in = Shapes.absent(policy) ? Json.object() : Shapes.object(policy, "indexingPolicy");
        String mode = Shapes.oneOf(in.get("indexingMode"), "indexingPolicy.indexingMode", MODES, CONSISTENT);
        boolean none = mode.equals(NONE);
        boolean automatic = automatic(in.get("automatic"), none);
        Set<String> included = paths(in.get("includedPaths"), "includedPaths", true);
        Set<String> excluded = paths(in.get("excludedPaths"), "excludedPaths", false);

        if (none) {
            if (!included.isEmpty() || !excluded.isEmpty()) {
                throw Shapes.invalid("An indexing policy with indexingMode 'none' cannot have included or excluded paths.");
            }
        } else {
            if (included.isEmpty() && excluded.isEmpty()) {
                included.add(IndexPaths.ROOT);
            }
            checkRootAndOverlap(included, excluded);
            boolean mentionsEtag = included.stream().anyMatch(IndexingPolicies::isEtag)
                    || excluded.stream().anyMatch(IndexingPolicies::isEtag);
            if (!mentionsEtag) {
                excluded.add(ETAG_PATH);
            }
        }

        ObjectNode out = Json.object();
        out.put("indexingMode", mode);
        out.put("automatic", automatic);
        out.set("includedPaths", pathObjects(included));
        out.set("excludedPaths", pathObjects(excluded));
        if (!Shapes.absent(in.get("compositeIndexes"))) {
            out.set("compositeIndexes", compositeIndexes(in.get("compositeIndexes")));
        }
        if (!Shapes.absent(in.get("spatialIndexes"))) {
            out.set("spatialIndexes", spatialIndexes(in.get("spatialIndexes")));
        }
        for (String name : PASSED_THROUGH) {
            if (!Shapes.absent(in.get(name))) {
                out.set(name, Shapes.array(in.get(name), "indexingPolicy." + name).deepCopy());
            }
        }
        return out;
    }

    private static boolean automatic(JsonNode node, boolean none) {
        if (Shapes.absent(node)) {
            return !none;
        }
        if (!node.isBoolean()) {
            throw Shapes.invalid("'indexingPolicy.automatic' must be true or false.");
        }
        if (none && node.booleanValue()) {
            throw Shapes.invalid("An indexing policy with indexingMode 'none' requires 'automatic' to be false.");
        }
        return node.booleanValue();
    }

    /** The paths of an included or excluded list, in order and without duplicates; legacy "indexes" are dropped. */
    private static Set<String> paths(JsonNode list, String what, boolean tuples) {
        Set<String> paths = new LinkedHashSet<>();
        if (Shapes.absent(list)) {
            return paths;
        }
        for (JsonNode entry : Shapes.array(list, "indexingPolicy." + what)) {
            String path = Shapes.text(Shapes.object(entry, "indexingPolicy." + what + "[]").get("path"),
                    "indexingPolicy." + what + "[].path");
            paths.add(IndexPaths.checkTerminated(path, tuples));
        }
        return paths;
    }

    private static void checkRootAndOverlap(Set<String> included, Set<String> excluded) {
        if (!included.contains(IndexPaths.ROOT) && !excluded.contains(IndexPaths.ROOT)) {
            throw Shapes.invalid("The special mandatory indexing path \"/\" is not provided in any of the path type sets."
                    + " Please provide this path in one of the sets.");
        }
        for (String path : included) {
            if (excluded.contains(path)) {
                throw Shapes.invalid("The indexing path '%s' is both included and excluded.", path);
            }
        }
    }

    private static boolean isEtag(String path) {
        return !path.equals(IndexPaths.ROOT) && IndexPaths.firstLabel(path).equals("_etag");
    }

    private static ArrayNode pathObjects(Set<String> paths) {
        ArrayNode array = Json.NODES.arrayNode();
        paths.forEach(path -> array.addObject().put("path", path));
        return array;
    }

    private static ArrayNode compositeIndexes(JsonNode node) {
        ArrayNode out = Json.NODES.arrayNode();
        for (JsonNode index : Shapes.array(node, "indexingPolicy.compositeIndexes")) {
            ArrayNode entries = Shapes.array(index, "indexingPolicy.compositeIndexes[]");
            if (entries.size() < 2) {
                throw Shapes.invalid("A composite index needs at least two paths, got %d.", entries.size());
            }
            ArrayNode normalized = out.addArray();
            for (JsonNode entry : entries) {
                ObjectNode e = Shapes.object(entry, "indexingPolicy.compositeIndexes[][]");
                String path = Shapes.text(e.get("path"), "indexingPolicy.compositeIndexes[][].path");
                normalized.addObject()
                        .put("path", IndexPaths.checkComposite(path))
                        .put("order", Shapes.oneOf(e.get("order"), "indexingPolicy.compositeIndexes[][].order",
                                ORDERS, "ascending"));
            }
        }
        return out;
    }

    private static ArrayNode spatialIndexes(JsonNode node) {
        ArrayNode out = Json.NODES.arrayNode();
        for (JsonNode index : Shapes.array(node, "indexingPolicy.spatialIndexes")) {
            ObjectNode in = Shapes.object(index, "indexingPolicy.spatialIndexes[]");
            String path = Shapes.text(in.get("path"), "indexingPolicy.spatialIndexes[].path");
            ArrayNode types = Shapes.array(in.get("types"), "indexingPolicy.spatialIndexes[].types");
            if (types.isEmpty()) {
                throw Shapes.invalid("The spatial index on '%s' needs at least one type.", path);
            }
            ObjectNode spatial = out.addObject().put("path", IndexPaths.checkTerminated(path, false));
            ArrayNode normalizedTypes = spatial.putArray("types");
            for (JsonNode type : types) {
                Shapes.text(type, "indexingPolicy.spatialIndexes[].types[]");
                normalizedTypes.add(Shapes.oneOf(type, "indexingPolicy.spatialIndexes[].types[]", SPATIAL_TYPES, null));
            }
        }
        return out;
    }
}
