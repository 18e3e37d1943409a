package io.cosmolite.engine.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.changefeed.LsnSequence;
import io.cosmolite.engine.container.ContainerPolicy;
import io.cosmolite.engine.partition.PartitionKeyDefinition;
import io.cosmolite.engine.partition.PartitionKeyRange;
import io.cosmolite.engine.partition.PartitionKeyRanges;
import io.cosmolite.engine.resource.ResourceId;
import io.cosmolite.engine.resource.SystemProperties;
import io.cosmolite.engine.ru.RequestCharges;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * What the item path needs to know of one container, read once from its stored properties and
 * kept until the container is replaced or deleted: identity, partitioning, TTL, unique keys, and
 * the LSN sequence of each physical partition.
 */
public final class ContainerState {
    private final String databaseId;
    private final ObjectNode properties;
    private final ResourceId rid;
    private final byte[] ridBytes;
    private final PartitionKeyDefinition partitionKey;
    private final List<PartitionKeyRange> ranges;
    private final ContainerRuntime runtime;
    private final ContainerPolicy policy;
    private final ToIntFunction<JsonNode> termCounter;

    /**
     * @param properties the container resource as stored
     * @param ranges     its physical partitions, tiling the EPK space
     * @param runtime    the container's LSN sequences (one per range, same order) and liveness
     */
    public ContainerState(String databaseId, ObjectNode properties, List<PartitionKeyRange> ranges,
                          ContainerRuntime runtime) {
        this.databaseId = databaseId;
        this.properties = properties;
        this.rid = ResourceId.parse(properties.get(SystemProperties.RID).textValue());
        this.ridBytes = rid.bytes();
        this.partitionKey = PartitionKeyDefinition.fromJson(properties.get("partitionKey"));
        this.ranges = List.copyOf(ranges);
        if (runtime.rangeCount() != ranges.size()) {
            throw new IllegalArgumentException("one LSN sequence per range");
        }
        this.runtime = runtime;
        this.policy = ContainerPolicy.of(properties);
        this.termCounter = policy.isIndexingNone()
                ? item -> 0
                : RequestCharges.indexedTermCounter(policy.includedPaths(), policy.excludedPaths());
    }

    /** The owning database's id. */
    public String databaseId() {
        return databaseId;
    }

    /** The container's id. */
    public String id() {
        return properties.get("id").textValue();
    }

    /** The container resource as stored. */
    public ObjectNode properties() {
        return properties;
    }

    /** The container's resource id. */
    public ResourceId rid() {
        return rid;
    }

    /** The container's resource id bytes, the prefix of its storage keys. Do not modify. */
    public byte[] ridBytes() {
        return ridBytes;
    }

    /** The container's {@code _self} link. */
    public String selfLink() {
        return properties.get(SystemProperties.SELF).textValue();
    }

    /** The partition key definition. */
    public PartitionKeyDefinition partitionKey() {
        return partitionKey;
    }

    /** The physical partitions, in EPK order. */
    public List<PartitionKeyRange> ranges() {
        return ranges;
    }

    /** The index (in {@link #ranges()}) of the physical partition holding {@code epk}. */
    public int rangeIndexOf(String epk) {
        return ranges.indexOf(PartitionKeyRanges.find(ranges, epk));
    }

    /** The index of the range whose id is {@code rangeId}, or -1. */
    public int rangeIndexOfId(String rangeId) {
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).id().equals(rangeId)) {
                return i;
            }
        }
        return -1;
    }

    /** The LSN sequence of the range at {@code rangeIndex}. */
    public LsnSequence lsn(int rangeIndex) {
        return runtime.lsn(rangeIndex);
    }

    /** The state shared by every state object of this container (LSNs, liveness, index). */
    public ContainerRuntime runtime() {
        return runtime;
    }

    /**
     * True when the container's change feed policy keeps every version (its
     * {@code retentionDuration} is set): only then is the all-versions-and-deletes mode available
     * and change-log records carry item images, as in Cosmos DB.
     */
    public boolean keepsAllVersions() {
        return policy.keepsAllVersions();
    }

    /** How long the all-versions feed keeps superseded versions and deletes (zero when it is off). */
    public java.time.Duration allVersionsRetention() {
        return java.time.Duration.ofMinutes(policy.allVersionsRetentionMinutes());
    }

    /** The container's defaultTtl: null = off, -1 = on without default, n seconds. */
    public Integer defaultTtl() {
        return policy.defaultTtl();
    }

    /** The unique keys, each a list of paths. */
    public List<List<String>> uniqueKeys() {
        return policy.uniqueKeys();
    }

    /** The number of index terms writing {@code item} produces under the indexing policy. */
    public int indexedTerms(JsonNode item) {
        return termCounter.applyAsInt(item);
    }
}
