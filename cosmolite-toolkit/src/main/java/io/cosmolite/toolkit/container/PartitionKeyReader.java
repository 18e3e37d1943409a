package io.cosmolite.toolkit.container;

import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.PartitionKeyBuilder;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.toolkit.error.ValidationException;
import io.cosmolite.toolkit.error.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a document's partition key value by its container's partition key paths, for the
 * repository's writes and for the migration job, which reads any container's definition. One path:
 * a missing value is {@link PartitionKey#NONE}, the key of documents written without it. Two or
 * three paths (hierarchical): every level must be present. A path may quote a segment
 * ({@code /"order id"}), as Cosmos DB allows.
 */
public final class PartitionKeyReader {
    private final List<String> paths;
    private final List<List<String>> segments;

    private PartitionKeyReader(List<String> paths) {
        this.paths = List.copyOf(paths);
        this.segments = this.paths.stream().map(PartitionKeyReader::segments).toList();
    }

    /** A reader for these paths, most general first. */
    public static PartitionKeyReader of(List<String> paths) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("a partition key has at least one path");
        }
        return new PartitionKeyReader(paths);
    }

    /** A reader for a container's definition, as the SDK reads it from the container. */
    public static PartitionKeyReader of(PartitionKeyDefinition definition) {
        return of(definition.getPaths());
    }

    /**
     * The document's partition key value.
     *
     * @throws ValidationException when a value is not a string, number, boolean or null, or a level of a
     *                             hierarchical key is missing, with each such path
     */
    public PartitionKey read(JsonNode document) {
        if (paths.size() == 1 && at(document, segments.get(0)) == null) {
            return PartitionKey.NONE;
        }
        PartitionKeyBuilder key = new PartitionKeyBuilder();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            JsonNode value = at(document, segments.get(i));
            if (value == null) {
                violations.add(new Violation(paths.get(i), "a level of a hierarchical partition key is missing"));
            } else if (value.isNull()) {
                key.addNullValue();
            } else if (value.isTextual()) {
                key.add(value.textValue());
            } else if (value.isNumber()) {
                key.add(value.doubleValue());
            } else if (value.isBoolean()) {
                key.add(value.booleanValue());
            } else {
                violations.add(new Violation(paths.get(i), "a partition key must be a string, number, boolean or null"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException("invalid partition key", violations);
        }
        return key.build();
    }

    private static JsonNode at(JsonNode document, List<String> segments) {
        JsonNode node = document;
        for (String segment : segments) {
            node = node.get(segment);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** {@code /a/b} as [a, b]; a quoted segment ({@code /"a b"}) loses its quotes. */
    private static List<String> segments(String path) {
        return Arrays.stream(path.substring(1).split("/"))
                .map(s -> s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s)
                .toList();
    }
}
