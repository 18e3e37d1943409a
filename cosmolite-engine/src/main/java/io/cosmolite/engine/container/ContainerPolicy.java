package io.cosmolite.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a container's properties the write path acts on, read from a body that
 * {@link ContainerProperties#normalize(ObjectNode)} produced.
 *
 * @param indexingMode  {@code consistent}, {@code lazy} or {@code none}
 * @param includedPaths the included indexing paths, e.g. {@code /*}
 * @param excludedPaths the excluded indexing paths, e.g. {@code /"_etag"/?}
 * @param defaultTtl    null when TTL is off, -1 when on without a default, else seconds
 * @param uniqueKeys    each unique key as its list of paths
 * @param allVersionsRetentionMinutes the change feed policy's {@code retentionDuration}: how long
 *                      the all-versions-and-deletes feed keeps every version; 0 when that mode is off
 */
public record ContainerPolicy(String indexingMode, List<String> includedPaths, List<String> excludedPaths,
                              Integer defaultTtl, List<List<String>> uniqueKeys, int allVersionsRetentionMinutes) {

    /** Copies the lists so the policy is immutable. */
    public ContainerPolicy {
        includedPaths = List.copyOf(includedPaths);
        excludedPaths = List.copyOf(excludedPaths);
        uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
    }

    /** The policy of normalized container properties. */
    public static ContainerPolicy of(ObjectNode normalized) {
        JsonNode indexing = normalized.path("indexingPolicy");
        JsonNode ttl = normalized.get("defaultTtl");
        List<List<String>> keys = new ArrayList<>();
        for (JsonNode key : normalized.path("uniqueKeyPolicy").path("uniqueKeys")) {
            keys.add(texts(key.path("paths"), null));
        }
        return new ContainerPolicy(
                indexing.path("indexingMode").asText(IndexingPolicies.CONSISTENT),
                texts(indexing.path("includedPaths"), "path"),
                texts(indexing.path("excludedPaths"), "path"),
                ttl == null || ttl.isNull() ? null : ttl.intValue(),
                keys,
                Math.max(0, normalized.path("changeFeedPolicy").path("retentionDuration").asInt(0)));
    }

    /** True when the container keeps every version for the all-versions-and-deletes change feed. */
    public boolean keepsAllVersions() {
        return allVersionsRetentionMinutes > 0;
    }

    /** True when nothing is indexed: writes maintain no index and TTL is impossible. */
    public boolean isIndexingNone() {
        return indexingMode.equals(IndexingPolicies.NONE);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode element : array) {
            values.add(field == null ? element.asText() : element.path(field).asText());
        }
        return values;
    }
}
