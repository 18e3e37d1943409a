package io.cosmolite.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.PartitionKeyDefinition;
import io.cosmolite.engine.resource.IdRules;
import io.cosmolite.engine.resource.SystemProperties;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The user-settable properties of a container, validated and completed with the defaults Cosmos DB
 * returns on create: indexing policy, unique key policy, conflict resolution policy and geospatial
 * configuration always appear; {@code defaultTtl}, computed properties and the vector, full-text,
 * analytical-store and change-feed policies only when given. Unknown properties are dropped.
 *
 * <p>A partition key is required: the SDKs always send one, and Cosmolite has no legacy
 * non-partitioned containers, so a body without one is a 400 that says so.
 */
public final class ContainerProperties {
    /** The most computed properties a container may define. */
    public static final int MAX_COMPUTED_PROPERTIES = 20;
    /** The most unique keys a unique key policy may hold. */
    public static final int MAX_UNIQUE_KEYS = 10;
    /** The most paths, over all its unique keys, a unique key policy may hold. */
    public static final int MAX_UNIQUE_KEY_PATHS = 16;

    private static final List<String> CONFLICT_MODES = List.of("LastWriterWins", "Custom");
    private static final List<String> GEOSPATIAL_TYPES = List.of("Geography", "Geometry");
    /** Policies Cosmolite keeps as given for the SDKs to read back; their features live elsewhere or nowhere yet. */
    private static final List<String> STORED_OBJECTS = List.of(
            "fullTextPolicy", "vectorEmbeddingPolicy", "changeFeedPolicy", "clientEncryptionPolicy");

    private ContainerProperties() {}

    /** The normalized properties of a create or replace body; any invalid property is a 400. Idempotent. */
    public static ObjectNode normalize(ObjectNode body) {
        ObjectNode out = Json.object();
        out.put("id", IdRules.metadataId(body));
        ObjectNode indexingPolicy = IndexingPolicies.normalize(body.get("indexingPolicy"));
        out.set("indexingPolicy", indexingPolicy);
        out.set("partitionKey", partitionKey(body.get("partitionKey")));
        out.set("uniqueKeyPolicy", uniqueKeyPolicy(body.get("uniqueKeyPolicy")));
        out.set("conflictResolutionPolicy", conflictResolutionPolicy(body.get("conflictResolutionPolicy")));
        out.set("geospatialConfig", geospatialConfig(body.get("geospatialConfig")));
        Integer ttl = defaultTtl(body.get("defaultTtl"));
        if (ttl != null) {
            if (indexingPolicy.get("indexingMode").textValue().equals(IndexingPolicies.NONE)) {
                throw Shapes.invalid("Time to live cannot be enabled on a container whose indexing mode is 'none'.");
            }
            out.put("defaultTtl", ttl);
        }
        JsonNode analyticalTtl = body.get("analyticalStorageTtl");
        if (!Shapes.absent(analyticalTtl)) {
            if (!analyticalTtl.canConvertToInt() || !analyticalTtl.isIntegralNumber()) {
                throw Shapes.invalid("'analyticalStorageTtl' must be an integer.");
            }
            out.put("analyticalStorageTtl", analyticalTtl.intValue());
        }
        if (!Shapes.absent(body.get("computedProperties"))) {
            out.set("computedProperties", computedProperties(body.get("computedProperties")));
        }
        for (String name : STORED_OBJECTS) {
            if (!Shapes.absent(body.get(name))) {
                out.set(name, Shapes.object(body.get(name), name).deepCopy());
            }
        }
        return out;
    }

    /**
     * Checks that {@code replacement} may replace {@code existing}: same id, same partition key, same
     * unique key policy (Cosmos fixes both at creation). Either body may be raw or normalized.
     */
    public static void checkReplace(ObjectNode existing, ObjectNode replacement) {
        ObjectNode before = normalize(existing);
        ObjectNode after = normalize(replacement);
        if (!before.get("id").equals(after.get("id"))) {
            throw ErrorCode.BAD_REQUEST.exception("The id of a container cannot be changed: '%s' cannot become '%s'.",
                    before.get("id").textValue(), after.get("id").textValue());
        }
        if (!samePartitionKey(before.get("partitionKey"), after.get("partitionKey"), replacement.get("partitionKey"))) {
            throw ErrorCode.BAD_REQUEST.exception("The partition key of a container cannot be changed: it is %s,"
                    + " the replacement has %s.", before.get("partitionKey"), after.get("partitionKey"));
        }
        if (!before.get("uniqueKeyPolicy").equals(after.get("uniqueKeyPolicy"))) {
            throw ErrorCode.BAD_REQUEST.exception("The unique key policy of a container cannot be changed: it is %s,"
                    + " the replacement has %s.", before.get("uniqueKeyPolicy"), after.get("uniqueKeyPolicy"));
        }
    }

    // A replacement that leaves out the version (older clients do) does not change it.
    private static boolean samePartitionKey(JsonNode before, JsonNode after, JsonNode rawAfter) {
        boolean versionGiven = rawAfter != null && rawAfter.has("version");
        return before.get("paths").equals(after.get("paths"))
                && before.path("kind").equals(after.path("kind"))
                && (!versionGiven || before.path("version").equals(after.path("version")));
    }

    private static ObjectNode partitionKey(JsonNode node) {
        if (Shapes.absent(node)) {
            throw Shapes.invalid("A container needs a 'partitionKey' definition, e.g. {\"paths\":[\"/pk\"],\"kind\":\"Hash\","
                    + "\"version\":2}; Cosmolite does not support legacy non-partitioned containers.");
        }
        return PartitionKeyDefinition.fromJson(node).toJson();
    }

    private static Integer defaultTtl(JsonNode node) {
        if (Shapes.absent(node)) {
            return null;
        }
        boolean valid = node.isIntegralNumber() && node.canConvertToInt()
                && (node.intValue() == -1 || node.intValue() > 0);
        if (!valid) {
            throw Shapes.invalid("The input ttl '%s' is invalid. Ensure to provide a nonzero positive integer less than"
                    + " or equal to '2147483647', or '-1' which means never expire.", node);
        }
        return node.intValue();
    }

    private static ObjectNode uniqueKeyPolicy(JsonNode node) {
        ObjectNode out = Json.object();
        ArrayNode keys = out.putArray("uniqueKeys");
        if (Shapes.absent(node)) {
            return out;
        }
        JsonNode list = Shapes.object(node, "uniqueKeyPolicy").get("uniqueKeys");
        if (Shapes.absent(list)) {
            return out;
        }
        ArrayNode in = Shapes.array(list, "uniqueKeyPolicy.uniqueKeys");
        if (in.size() > MAX_UNIQUE_KEYS) {
            throw Shapes.invalid("A unique key policy can hold at most %d unique keys, got %d.", MAX_UNIQUE_KEYS, in.size());
        }
        int pathCount = 0;
        for (JsonNode key : in) {
            ArrayNode paths = Shapes.array(Shapes.object(key, "uniqueKeyPolicy.uniqueKeys[]").get("paths"),
                    "uniqueKeyPolicy.uniqueKeys[].paths");
            if (paths.isEmpty()) {
                throw Shapes.invalid("Each unique key needs at least one path.");
            }
            ArrayNode normalized = keys.addObject().putArray("paths");
            for (JsonNode path : paths) {
                normalized.add(uniqueKeyPath(Shapes.text(path, "uniqueKeyPolicy.uniqueKeys[].paths[]")));
                pathCount++;
            }
        }
        if (pathCount > MAX_UNIQUE_KEY_PATHS) {
            throw Shapes.invalid("A unique key policy can hold at most %d paths in all, got %d.",
                    MAX_UNIQUE_KEY_PATHS, pathCount);
        }
        return out;
    }

    private static String uniqueKeyPath(String path) {
        if (path.length() < 2 || path.charAt(0) != '/' || path.endsWith("/") || path.contains("*") || path.endsWith("?")) {
            throw Shapes.invalid("The unique key path '%s' is invalid: it must start with '/' and name a property,"
                    + " e.g. '/address/zipCode', without wildcards.", path);
        }
        return path;
    }

    private static ObjectNode conflictResolutionPolicy(JsonNode node) {
        ObjectNode in = Shapes.absent(node) ? Json.object() : Shapes.object(node, "conflictResolutionPolicy");
        String mode = Shapes.oneOf(in.get("mode"), "conflictResolutionPolicy.mode", CONFLICT_MODES, "LastWriterWins");
        String path = textOrEmpty(in.get("conflictResolutionPath"), "conflictResolutionPolicy.conflictResolutionPath");
        String procedure = textOrEmpty(in.get("conflictResolutionProcedure"),
                "conflictResolutionPolicy.conflictResolutionProcedure");
        if (mode.equals("LastWriterWins")) {
            if (!procedure.isEmpty()) {
                throw Shapes.invalid("A conflict resolution procedure is only allowed with mode 'Custom'.");
            }
            if (path.isEmpty()) {
                path = "/" + SystemProperties.TS;
            } else if (path.charAt(0) != '/') {
                throw Shapes.invalid("The conflict resolution path '%s' must start with '/'.", path);
            }
        } else if (!path.isEmpty()) {
            throw Shapes.invalid("A conflict resolution path is only allowed with mode 'LastWriterWins'.");
        }
        ObjectNode out = Json.object();
        out.put("mode", mode);
        out.put("conflictResolutionPath", path);
        out.put("conflictResolutionProcedure", procedure);
        return out;
    }

    private static String textOrEmpty(JsonNode node, String what) {
        return Shapes.absent(node) ? "" : Shapes.text(node, what);
    }

    private static ObjectNode geospatialConfig(JsonNode node) {
        ObjectNode in = Shapes.absent(node) ? Json.object() : Shapes.object(node, "geospatialConfig");
        ObjectNode out = Json.object();
        out.put("type", Shapes.oneOf(in.get("type"), "geospatialConfig.type", GEOSPATIAL_TYPES, "Geography"));
        return out;
    }

    private static ArrayNode computedProperties(JsonNode node) {
        ArrayNode in = Shapes.array(node, "computedProperties");
        if (in.size() > MAX_COMPUTED_PROPERTIES) {
            throw Shapes.invalid("A container can have at most %d computed properties, got %d.",
                    MAX_COMPUTED_PROPERTIES, in.size());
        }
        Set<String> names = new HashSet<>();
        ArrayNode out = Json.NODES.arrayNode();
        for (JsonNode entry : in) {
            ObjectNode property = Shapes.object(entry, "computedProperties[]");
            String name = Shapes.text(property.get("name"), "computedProperties[].name");
            String query = Shapes.text(property.get("query"), "computedProperties[].query");
            checkComputedName(name);
            if (!names.add(name)) {
                throw Shapes.invalid("The computed property name '%s' is used more than once.", name);
            }
            checkComputedQuery(name, query);
            out.addObject().put("name", name).put("query", query);
        }
        return out;
    }

    private static void checkComputedName(String name) {
        if (name.isEmpty() || name.contains("/")) {
            throw Shapes.invalid("The computed property name '%s' is invalid: it must be a non-empty top-level"
                    + " property name.", name);
        }
        if (name.equals("id") || SystemProperties.ALL.contains(name)) {
            throw Shapes.invalid("The computed property name '%s' is reserved for a system property.", name);
        }
    }

    // Only the shape is checked here; the query engine rejects what it cannot evaluate when it compiles it.
    private static void checkComputedQuery(String name, String query) {
        String normalized = query.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (!normalized.startsWith("SELECT VALUE ") || !normalized.contains(" FROM ")) {
            throw Shapes.invalid("The query of computed property '%s' must have the form 'SELECT VALUE <expression>"
                    + " FROM <alias>', got '%s'.", name, query);
        }
    }
}
