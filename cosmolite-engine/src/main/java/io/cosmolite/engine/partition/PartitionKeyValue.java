package io.cosmolite.engine.partition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A partition key value: the ordered components, one per definition path, or fewer for a
 * hierarchical prefix. No components at all is the "none" value ({@code []}), which containers without
 * a partition key and migrated data use.
 *
 * @param components the components in path order
 */
public record PartitionKeyValue(List<PartitionKeyComponent> components) {

    private static final PartitionKeyValue NONE = new PartitionKeyValue(List.of());

    /** Copies the components. */
    public PartitionKeyValue {
        components = List.copyOf(components);
    }

    /** A value of the given components. */
    public static PartitionKeyValue of(PartitionKeyComponent... components) {
        return new PartitionKeyValue(List.of(components));
    }

    /** The "none" value, {@code []}. */
    public static PartitionKeyValue none() {
        return NONE;
    }

    /**
     * Parses the {@code x-ms-documentdb-partitionkey} header, a JSON array such as {@code ["a"]},
     * {@code ["a",1]}, {@code [{}]} or {@code []}. Anything else is a 400.
     */
    public static PartitionKeyValue fromHeaderJson(String header) {
        if (header == null || header.isBlank()) {
            throw ErrorCode.BAD_REQUEST.exception("The partition key header is empty.");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(header);
        } catch (JsonProcessingException e) {
            throw ErrorCode.BAD_REQUEST.exception("The partition key header '%s' is not valid JSON.", header);
        }
        if (node == null || !node.isArray()) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "The partition key header '%s' must be a JSON array such as [\"value\"].", header);
        }
        if (node.size() > PartitionKeyDefinition.MAX_PATHS) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "The partition key header '%s' has more than %d components.", header,
                    PartitionKeyDefinition.MAX_PATHS);
        }
        List<PartitionKeyComponent> components = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            components.add(PartitionKeyComponent.fromJson(element));
        }
        return new PartitionKeyValue(components);
    }

    /**
     * Extracts a document's full partition key along the definition's paths. A missing property (or a
     * path through a non-object) is undefined; an object or array at a path is a 400.
     */
    public static PartitionKeyValue fromDocument(ObjectNode document, PartitionKeyDefinition definition) {
        List<PartitionKeyComponent> components = new ArrayList<>(definition.paths().size());
        List<List<String>> names = definition.propertyNames();
        for (int i = 0; i < names.size(); i++) {
            JsonNode node = document;
            for (String name : names.get(i)) {
                node = node.isObject() ? node.get(name) : null;
                if (node == null) {
                    break;
                }
            }
            if (node == null) {
                components.add(PartitionKeyComponent.UNDEFINED);
            } else if (node.isContainerNode()) {
                throw ErrorCode.BAD_REQUEST.exception(
                        "The partition key property at '%s' must be a string, number, boolean or null, not %s.",
                        definition.paths().get(i), node.isArray() ? "an array" : "an object");
            } else {
                components.add(PartitionKeyComponent.fromJson(node));
            }
        }
        return new PartitionKeyValue(components);
    }

    /** The number of components. */
    public int size() {
        return components.size();
    }

    /** Whether this is the "none" value {@code []}. */
    public boolean isNone() {
        return components.isEmpty();
    }

    /** This value as a JSON array, undefined components as {@code {}}. */
    public ArrayNode toJsonArray() {
        ArrayNode array = Json.NODES.arrayNode(components.size());
        for (PartitionKeyComponent c : components) {
            array.add(c.toJson());
        }
        return array;
    }

    /** This value as the {@code x-ms-documentdb-partitionkey} header; {@link #fromHeaderJson} reads it back. */
    public String toHeaderJson() {
        return Json.toString(toJsonArray());
    }

    @Override
    public String toString() {
        return toHeaderJson();
    }
}
