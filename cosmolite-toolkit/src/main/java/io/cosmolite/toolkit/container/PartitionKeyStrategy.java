package io.cosmolite.toolkit.container;

import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKeyDefinitionVersion;
import com.azure.cosmos.models.PartitionKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.toolkit.error.ValidationException;
import io.cosmolite.toolkit.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a container is partitioned, and how to find a document's partition key value.
 *
 * <ul>
 *   <li>{@link #path(String) path("/customerId")}: one property;
 *   <li>{@link #hierarchical(String...) hierarchical("/tenantId", "/userId")}: up to three levels
 *       (a MultiHash key: queries on a prefix stay within fewer partitions);
 *   <li>{@link #synthetic(String, String...) synthetic("/pk", "/tenantId", "/year")}: one stored
 *       property ({@code /pk}) that the repository computes from several others on every write
 *       ({@code "acme|2025"}), for a key with more spread than any single property has.
 * </ul>
 */
public sealed interface PartitionKeyStrategy
        permits PartitionKeyStrategy.SinglePath, PartitionKeyStrategy.Hierarchical, PartitionKeyStrategy.Synthetic {

    /** Partitioned by the property at {@code path}. */
    static PartitionKeyStrategy path(String path) {
        return new SinglePath(path);
    }

    /** Partitioned by up to three properties, most general first (a MultiHash key). */
    static PartitionKeyStrategy hierarchical(String... paths) {
        return new Hierarchical(List.of(paths));
    }

    /** Partitioned by {@code targetPath}, filled with the values at {@code sourcePaths} joined by {@code |}. */
    static PartitionKeyStrategy synthetic(String targetPath, String... sourcePaths) {
        return new Synthetic(targetPath, List.of(sourcePaths), "|");
    }

    /** The container's partition key paths, as Cosmos stores them. */
    List<String> paths();

    /** The SDK definition a container is created with. */
    PartitionKeyDefinition toDefinition();

    /**
     * Completes {@code document} before a write: the synthetic strategy fills its target property,
     * the others leave the document as it is. Returns the same (modified) node.
     *
     * @throws ValidationException when a property the key is built from is missing
     */
    default ObjectNode fill(ObjectNode document) {
        return document;
    }

    /**
     * The partition key value of a document (after {@link #fill}).
     *
     * @throws ValidationException when a value is not a string, number, boolean or null, or a level
     *                             of a hierarchical key is missing
     */
    default PartitionKey partitionKeyOf(JsonNode document) {
        return PartitionKeyReader.of(paths()).read(document);
    }

    /** One property path: the common case. */
    record SinglePath(String path) implements PartitionKeyStrategy {
        public SinglePath {
            DocumentPaths.requirePlain(path);
        }

        @Override
        public List<String> paths() {
            return List.of(path);
        }

        @Override
        public PartitionKeyDefinition toDefinition() {
            return new PartitionKeyDefinition().setPaths(List.of(path)).setKind(PartitionKind.HASH)
                    .setVersion(PartitionKeyDefinitionVersion.V2);
        }
    }

    /** Hierarchical keys: two or three paths, a MultiHash definition. */
    record Hierarchical(List<String> paths) implements PartitionKeyStrategy {
        public Hierarchical {
            paths = DocumentPaths.requirePlain(paths);
            if (paths.size() < 2 || paths.size() > 3) {
                throw new IllegalArgumentException("hierarchical keys have 2 or 3 levels, not " + paths.size());
            }
        }

        @Override
        public PartitionKeyDefinition toDefinition() {
            return new PartitionKeyDefinition().setPaths(paths).setKind(PartitionKind.MULTI_HASH)
                    .setVersion(PartitionKeyDefinitionVersion.V2);
        }
    }

    /**
     * A key computed from several properties into one top-level target property. Values are joined
     * with {@code separator} as text (numbers and booleans as JSON writes them).
     */
    record Synthetic(String targetPath, List<String> sourcePaths, String separator) implements PartitionKeyStrategy {
        public Synthetic {
            DocumentPaths.requirePlain(targetPath);
            if (targetPath.indexOf('/', 1) >= 0) {
                throw new IllegalArgumentException("a synthetic key is stored in a top-level property: " + targetPath);
            }
            sourcePaths = DocumentPaths.requirePlain(sourcePaths);
            if (sourcePaths.size() < 2) {
                throw new IllegalArgumentException("a synthetic key combines at least two properties");
            }
            Objects.requireNonNull(separator, "separator");
        }

        @Override
        public List<String> paths() {
            return List.of(targetPath);
        }

        @Override
        public PartitionKeyDefinition toDefinition() {
            return new SinglePath(targetPath).toDefinition();
        }

        /**
         * The key value for {@code document}, e.g. {@code "acme|2025"}.
         *
         * @throws ValidationException listing every source property that is missing, null or not a scalar
         */
        public String compute(JsonNode document) {
            List<Violation> missing = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            for (String path : sourcePaths) {
                JsonNode value = DocumentPaths.at(document, path);
                if (!value.isValueNode() || value.isNull()) {
                    missing.add(new Violation(path, "needed for the synthetic partition key " + targetPath));
                } else {
                    parts.add(value.asText());
                }
            }
            if (!missing.isEmpty()) {
                throw new ValidationException("cannot compute the partition key", missing);
            }
            return String.join(separator, parts);
        }

        @Override
        public ObjectNode fill(ObjectNode document) {
            return document.put(targetPath.substring(1), compute(document));
        }
    }
}
