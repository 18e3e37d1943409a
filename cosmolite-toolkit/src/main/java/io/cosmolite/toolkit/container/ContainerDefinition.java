package io.cosmolite.toolkit.container;

import com.azure.cosmos.ConsistencyLevel;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.UniqueKey;
import com.azure.cosmos.models.UniqueKeyPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a container should look like: the desired state that {@link ContainerProvisioner} applies.
 *
 * <pre>{@code
 * ContainerDefinition orders = ContainerDefinition.builder("orders")
 *         .partitionKey(PartitionKeyStrategy.synthetic("/pk", "/tenantId", "/customerId"))
 *         .indexing(Indexing.all().withComposite(CompositeIndex.of("/status", "/createdAt DESC")))
 *         .defaultTtl(-1)                       // TTL on, items live until they set their own ttl
 *         .uniqueKey("/orderNumber")
 *         .throughput(Throughput.autoscale(4000))
 *         .consistency(ConsistencyLevel.EVENTUAL)
 *         .build();
 * }</pre>
 *
 * @param id the container id
 * @param partitionKey how documents are partitioned (fixed once the container exists)
 * @param indexing the indexing policy (may change: the provisioner replaces it)
 * @param defaultTtl null: TTL off; -1: on, no default expiry; n &gt; 0: items expire n seconds after
 *        their last write unless they set their own {@code ttl}
 * @param uniqueKeys each unique key as its list of paths (fixed once the container exists)
 * @param throughput dedicated throughput; null: none (shared database throughput or serverless)
 * @param consistency the consistency level the repository asks for on reads and queries; null: the
 *        account's default. Cosmos only lets a request weaken the account's level (e.g. session to
 *        eventual), so this is a per-request option, not a container property.
 */
public record ContainerDefinition(String id, PartitionKeyStrategy partitionKey, Indexing indexing, Integer defaultTtl,
        List<List<String>> uniqueKeys, Throughput throughput, ConsistencyLevel consistency) {

    public ContainerDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(indexing, "indexing");
        uniqueKeys = uniqueKeys.stream().map(DocumentPaths::requirePlain).toList();
        if (defaultTtl != null && (defaultTtl == 0 || defaultTtl < -1)) {
            throw new IllegalArgumentException("defaultTtl is -1 or a positive number of seconds, not " + defaultTtl);
        }
    }

    /** A builder for container {@code id}; a partition key is required. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder starting from this definition, to derive a changed one. */
    public Builder toBuilder() {
        Builder b = new Builder(id).partitionKey(partitionKey).indexing(indexing).throughput(throughput)
                .consistency(consistency);
        b.defaultTtl = defaultTtl;
        b.uniqueKeys.addAll(uniqueKeys);
        return b;
    }

    /** The SDK properties a new container is created with. */
    CosmosContainerProperties toProperties() {
        CosmosContainerProperties p = new CosmosContainerProperties(id, partitionKey.toDefinition());
        p.setIndexingPolicy(indexing.toSdk());
        p.setDefaultTimeToLiveInSeconds(defaultTtl);
        if (!uniqueKeys.isEmpty()) {
            p.setUniqueKeyPolicy(new UniqueKeyPolicy().setUniqueKeys(uniqueKeys.stream().map(UniqueKey::new).toList()));
        }
        return p;
    }

    /** Builds a {@link ContainerDefinition}; defaults: index everything, TTL off, no unique keys. */
    public static final class Builder {
        private final String id;
        private PartitionKeyStrategy partitionKey;
        private Indexing indexing = Indexing.all();
        private Integer defaultTtl;
        private final List<List<String>> uniqueKeys = new ArrayList<>();
        private Throughput throughput;
        private ConsistencyLevel consistency;

        private Builder(String id) {
            this.id = id;
        }

        public Builder partitionKey(PartitionKeyStrategy strategy) {
            this.partitionKey = strategy;
            return this;
        }

        public Builder indexing(Indexing indexing) {
            this.indexing = indexing;
            return this;
        }

        /** -1 (TTL on without default expiry) or seconds; see {@link ContainerDefinition#defaultTtl()}. */
        public Builder defaultTtl(int seconds) {
            this.defaultTtl = seconds;
            return this;
        }

        /** Adds a unique key made of {@code paths} (unique within each logical partition). */
        public Builder uniqueKey(String... paths) {
            uniqueKeys.add(List.of(paths));
            return this;
        }

        public Builder throughput(Throughput throughput) {
            this.throughput = throughput;
            return this;
        }

        public Builder consistency(ConsistencyLevel consistency) {
            this.consistency = consistency;
            return this;
        }

        public ContainerDefinition build() {
            return new ContainerDefinition(id, partitionKey, indexing, defaultTtl, uniqueKeys, throughput, consistency);
        }
    }
}
