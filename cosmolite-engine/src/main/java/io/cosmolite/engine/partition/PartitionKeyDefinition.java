package io.cosmolite.engine.partition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * A container's partition key definition: the document paths that form the key, the partitioning kind
 * and the hash version. Construction validates it as Cosmos DB does; violations are 400s.
 *
 * @param paths   one to three paths such as {@code /tenant}; more than one only for {@link Kind#MULTI_HASH}
 * @param kind    the partitioning kind
 * @param version the hash version, 1 or 2 ({@link Kind#MULTI_HASH} requires 2)
 */
public record PartitionKeyDefinition(List<String> paths, Kind kind, int version) {

    /** The most paths a (hierarchical) partition key may have. */
    public static final int MAX_PATHS = 3;

    /** The partitioning kind, with the names Cosmos DB uses in JSON. */
    public enum Kind {
        /** One path, hashed (V1 or V2). */
        HASH("Hash"),
        /** Hierarchical partition key: up to three paths, each hashed separately (V2 only). */
        MULTI_HASH("MultiHash");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The name Cosmos DB uses for this kind in JSON. */
        public String jsonName() {
            return jsonName;
        }

        /** The kind for a JSON name, case-insensitively; an unknown name is a 400. */
        public static Kind fromJsonName(String name) {
            for (Kind k : values()) {
                if (k.jsonName.equalsIgnoreCase(name)) {
                    return k;
                }
            }
            throw ErrorCode.BAD_REQUEST.exception(
                    "Partition key kind '%s' is not supported; use 'Hash' or 'MultiHash'.", name);
        }
    }

    /** Validates and copies the paths. */
    public PartitionKeyDefinition {
        if (kind == null) {
            throw ErrorCode.BAD_REQUEST.exception("The partition key kind is required.");
        }
        if (paths == null || paths.isEmpty() || paths.size() > MAX_PATHS) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "A partition key definition must have between 1 and %d paths.", MAX_PATHS);
        }
        paths = List.copyOf(paths);
        for (String path : paths) {
            splitPath(path);
        }
        if (new HashSet<>(paths).size() != paths.size()) {
            throw ErrorCode.BAD_REQUEST.exception("The partition key paths %s contain a duplicate.", paths);
        }
        if (version != 1 && version != 2) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "Partition key version %d is not supported; use 1 or 2.", version);
        }
        if (kind == Kind.HASH && paths.size() != 1) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "A partition key of kind 'Hash' must have exactly one path; use kind 'MultiHash' for %d paths.",
                    paths.size());
        }
        if (kind == Kind.MULTI_HASH && version != 2) {
            throw ErrorCode.BAD_REQUEST.exception("A partition key of kind 'MultiHash' requires version 2.");
        }
    }

    /** A single-path V2 hash definition, what current SDKs create by default. */
    public static PartitionKeyDefinition hashV2(String path) {
        return new PartitionKeyDefinition(List.of(path), Kind.HASH, 2);
    }

    /** A hierarchical (MultiHash, V2) definition over the given paths. */
    public static PartitionKeyDefinition multiHash(String... paths) {
        return new PartitionKeyDefinition(List.of(paths), Kind.MULTI_HASH, 2);
    }

    /**
     * Reads Cosmos DB's JSON shape {@code {"paths":[...],"kind":"Hash","version":2}}. An absent kind is
     * Hash; an absent version is 1 for Hash (as Cosmos DB treats legacy definitions) and 2 for
     * MultiHash, which knows no other. Anything invalid is a 400.
     */
    public static PartitionKeyDefinition fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ErrorCode.BAD_REQUEST.exception("The partition key definition must be a JSON object.");
        }
        JsonNode pathsNode = node.get("paths");
        if (pathsNode == null || !pathsNode.isArray()) {
            throw ErrorCode.BAD_REQUEST.exception("The partition key definition needs a 'paths' array.");
        }
        List<String> paths = new ArrayList<>();
        for (JsonNode p : pathsNode) {
            if (!p.isTextual()) {
                throw ErrorCode.BAD_REQUEST.exception("Partition key paths must be strings, got %s.", p);
            }
            paths.add(p.textValue());
        }
        JsonNode kindNode = node.get("kind");
        Kind kind;
        if (kindNode == null || kindNode.isNull()) {
            kind = Kind.HASH;
        } else if (kindNode.isTextual()) {
            kind = Kind.fromJsonName(kindNode.textValue());
        } else {
            throw ErrorCode.BAD_REQUEST.exception("The partition key kind must be a string, got %s.", kindNode);
        }
        JsonNode versionNode = node.get("version");
        int version;
        if (versionNode == null || versionNode.isNull()) {
            version = kind == Kind.MULTI_HASH ? 2 : 1;
        } else {
            version = parseVersion(versionNode);
        }
        return new PartitionKeyDefinition(paths, kind, version);
    }

    /** Cosmos DB's JSON shape of this definition. */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        ArrayNode array = node.putArray("paths");
        paths.forEach(array::add);
        node.put("kind", kind.jsonName());
        node.put("version", version);
        return node;
    }

    /** The property names along each path, in path order. */
    public List<List<String>> propertyNames() {
        List<List<String>> names = new ArrayList<>(paths.size());
        for (String path : paths) {
            names.add(splitPath(path));
        }
        return List.copyOf(names);
    }

    /**
     * The property names along one path: {@code /a/b} is [a, b], {@code /"a b"/c} is [a b, c]. A segment
     * may be quoted with double or single quotes, and a backslash escapes the quote inside it; unquoted
     * segments are trimmed. A malformed path or an empty segment is a 400.
     */
    public static List<String> splitPath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw ErrorCode.BAD_REQUEST.exception("Partition key path '%s' must start with '/'.", path);
        }
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            i++; // past the '/'
            String name;
            if (i < path.length() && (path.charAt(i) == '"' || path.charAt(i) == '\'')) {
                char quote = path.charAt(i);
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (j < path.length() && path.charAt(j) != quote) {
                    if (path.charAt(j) == '\\' && j + 1 < path.length() && path.charAt(j + 1) == quote) {
                        j++;
                    }
                    sb.append(path.charAt(j++));
                }
                if (j >= path.length()) {
                    throw ErrorCode.BAD_REQUEST.exception("Partition key path '%s' has an unterminated quote.", path);
                }
                j++; // past the closing quote
                if (j < path.length() && path.charAt(j) != '/') {
                    throw ErrorCode.BAD_REQUEST.exception(
                            "Partition key path '%s' has text after a quoted segment.", path);
                }
                name = sb.toString();
                i = j;
            } else {
                int end = path.indexOf('/', i);
                if (end < 0) {
                    end = path.length();
                }
                name = path.substring(i, end).trim();
                i = end;
            }
            if (name.isEmpty()) {
                throw ErrorCode.BAD_REQUEST.exception("Partition key path '%s' has an empty segment.", path);
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw ErrorCode.BAD_REQUEST.exception("Partition key path '%s' names no property.", path);
        }
        return List.copyOf(names);
    }

    private static int parseVersion(JsonNode versionNode) {
        if (versionNode.isIntegralNumber() && versionNode.canConvertToInt()) {
            return versionNode.intValue();
        }
        // Older SDKs write the version as a string ("2" or "V2").
        if (versionNode.isTextual()) {
            String text = versionNode.textValue().trim().toUpperCase(Locale.ROOT);
            if (text.startsWith("V")) {
                text = text.substring(1);
            }
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw ErrorCode.BAD_REQUEST.exception("Partition key version %s is not supported; use 1 or 2.", versionNode);
    }
}
