package io.cosmolite.toolkit.container;

import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.UniqueKey;
import com.azure.cosmos.models.UniqueKeyPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How an existing container differs from its definition, split into what a replace of the container
 * can change (indexing policy, default TTL) and what Cosmos fixes at creation (partition key, unique keys).
 */
final class ContainerDrift {
    private ContainerDrift() {
    }

    /** Differences that cannot be applied in place, each with the reason. */
    static List<String> unappliable(ContainerDefinition wanted, CosmosContainerProperties actual) {
        List<String> reasons = new ArrayList<>();
        List<String> actualPaths = actual.getPartitionKeyDefinition().getPaths();
        if (!actualPaths.equals(wanted.partitionKey().paths())) {
            reasons.add("partition key " + actualPaths + " -> " + wanted.partitionKey().paths()
                    + ": Cosmos fixes the partition key at creation; copy the data into a new container");
        }
        Set<Set<String>> actualKeys = uniqueKeys(actual.getUniqueKeyPolicy());
        Set<Set<String>> wantedKeys = new HashSet<>();
        wanted.uniqueKeys().forEach(k -> wantedKeys.add(Set.copyOf(k)));
        if (!actualKeys.equals(wantedKeys)) {
            reasons.add("unique keys " + actualKeys + " -> " + wantedKeys
                    + ": Cosmos fixes unique keys at creation; copy the data into a new container");
        }
        return reasons;
    }

    /**
     * Brings {@code actual}'s changeable properties to the definition's values and describes each
     * change; an empty list means nothing needs replacing.
     */
    static List<String> reconcile(ContainerDefinition wanted, CosmosContainerProperties actual) {
        List<String> changes = new ArrayList<>();
        if (!Indexing.fromSdk(actual.getIndexingPolicy()).sameAs(wanted.indexing())) {
            actual.setIndexingPolicy(wanted.indexing().toSdk());
            changes.add("indexing policy");
        }
        Integer actualTtl = actual.getDefaultTimeToLiveInSeconds();
        if (!Objects.equals(actualTtl, wanted.defaultTtl())) {
            actual.setDefaultTimeToLiveInSeconds(wanted.defaultTtl());
            changes.add("default TTL " + describeTtl(actualTtl) + " -> " + describeTtl(wanted.defaultTtl()));
        }
        return changes;
    }

    private static Set<Set<String>> uniqueKeys(UniqueKeyPolicy policy) {
        Set<Set<String>> keys = new HashSet<>();
        if (policy != null && policy.getUniqueKeys() != null) {
            for (UniqueKey key : policy.getUniqueKeys()) {
                keys.add(Set.copyOf(key.getPaths()));
            }
        }
        return keys;
    }

    private static String describeTtl(Integer ttl) {
        return ttl == null ? "off" : ttl.toString();
    }
}
