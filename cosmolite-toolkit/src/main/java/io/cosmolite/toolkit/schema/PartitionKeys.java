package io.cosmolite.toolkit.schema;

import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.PartitionKeyBuilder;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Reads a document's partition key value by its container's partition key definition (one path or several). */
final class PartitionKeys {
    private final List<List<String>> paths;

    PartitionKeys(PartitionKeyDefinition definition) {
        this.paths = definition.getPaths().stream().map(PartitionKeys::segments).toList();
    }

    PartitionKey of(JsonNode document) {
        if (paths.size() == 1 && at(document, paths.get(0)) == null) {
            return PartitionKey.NONE;
        }
        PartitionKeyBuilder key = new PartitionKeyBuilder();
        for (List<String> path : paths) {
            JsonNode value = at(document, path);
            if (value == null) {
                key.addNoneValue();
            } else if (value.isNull()) {
                key.addNullValue();
            } else if (value.isTextual()) {
                key.add(value.textValue());
            } else if (value.isNumber()) {
                key.add(value.doubleValue());
            } else if (value.isBoolean()) {
                key.add(value.booleanValue());
            } else {
                throw new IllegalArgumentException("partition key value at " + String.join("/", path)
                        + " is not a string, number, boolean or null: " + value);
            }
        }
        return key.build();
    }

    private static JsonNode at(JsonNode document, List<String> path) {
        JsonNode node = document;
        for (String segment : path) {
            node = node.get(segment);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** {@code /a/b} as [a, b]; a quoted segment ({@code /"a b"}) loses its quotes. */
    private static List<String> segments(String path) {
        return java.util.Arrays.stream(path.substring(1).split("/"))
                .map(s -> s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s)
                .toList();
    }
}
