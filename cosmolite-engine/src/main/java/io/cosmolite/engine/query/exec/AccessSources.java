package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.document.ContainerState;
import io.cosmolite.engine.document.ItemStore;
import io.cosmolite.engine.index.IndexRuntime;
import io.cosmolite.engine.layout.StorageKeys;
import io.cosmolite.engine.partition.EffectivePartitionKey;
import io.cosmolite.engine.query.QueryScope;
import io.cosmolite.engine.query.access.AccessPaths;
import io.cosmolite.engine.query.access.AccessPlan;
import io.cosmolite.engine.query.ast.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The document source of a query: an index lookup when the access plan has one and the index of
 * every physical partition in scope is built, the scan of the scope otherwise. A continuation
 * keeps the kind of source it was issued by (an index entry key, an item key, or a count of
 * results of a sorted scan), so a query never switches between the two mid-way.
 *
 * @param source    where the candidates come from
 * @param presorted true when the source yields the ORDER BY order (the sort is skipped)
 * @param plan      the access plan (for index metrics)
 */
record AccessSources(DocumentSource source, boolean presorted, AccessPlan plan) {

    static AccessSources choose(ItemStore items, ContainerState container, Query query, Map<String, JsonNode> parameters,
                                QueryScope scope, ItemStore.KeyRange scanRange, Continuation from) {
        byte[] resumeKey = from == null || from.resume() == null ? null : from.resume().key();
        IndexRuntime index = container.runtime().index();
        java.util.Set<String> computed = new java.util.HashSet<>();
        container.properties().path("computedProperties").forEach(cp -> computed.add(cp.path("name").asText()));
        AccessPlan plan = AccessPaths.choose(query, parameters, index.definition(), computed);
        DocumentSource scan = new ScanSource(items, container, scanRange);
        List<Integer> ranges = rangesOf(container, scope);
        String epkPrefix = scope instanceof QueryScope.LogicalPartition l
                ? EffectivePartitionKey.of(l.key(), container.partitionKey()) : null;
        boolean ready = plan.usesIndex() && ranges.stream().allMatch(r -> index.readyDefinition(r) != null);
        boolean resumesScan = resumeKey != null && resumeKey.length > 0 && resumeKey[0] == StorageKeys.ITEM
                || (from != null && from.resume() == null && plan.ordered()); // a re-run page of a sorted scan
        if (ready && !resumesScan) {
            return new AccessSources(new IndexSource(items, container, plan.lookup(), ranges, epkPrefix, plan.ordered(),
                    plan.requiredPath()), plan.ordered(), plan);
        }
        DocumentSource source = plan.requiredPath() == null ? scan : new DefinedPathSource(scan, plan.requiredPath());
        return new AccessSources(source, false, plan);
    }

    private static List<Integer> rangesOf(ContainerState container, QueryScope scope) {
        if (scope instanceof QueryScope.PhysicalPartition p) {
            return List.of(container.rangeIndexOfId(p.rangeId()));
        }
        if (scope instanceof QueryScope.LogicalPartition l
                && l.key().size() == container.partitionKey().paths().size()) {
            return List.of(container.rangeIndexOf(EffectivePartitionKey.of(l.key(), container.partitionKey())));
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < container.ranges().size(); i++) {
            all.add(i);
        }
        return all;
    }
}
