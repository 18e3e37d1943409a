package io.cosmolite.engine.query.access;

import io.cosmolite.engine.index.IndexLookup;
import java.util.List;

/**
 * How a query reads its items: through an index lookup or by scanning, and what else the reader
 * must honour.
 *
 * @param lookup       the index lookup that yields the candidates, or null for a full scan
 * @param ordered      true when the lookup yields items in the query's ORDER BY order (the sort is skipped)
 * @param requiredPath when not null, items whose value at this path is undefined are not results:
 *                     an ORDER BY on a path the policy does not index undefined for leaves them out
 *                     in Cosmos DB, whether or not the index serves it
 * @param utilization  the index metrics of the query
 */
public record AccessPlan(IndexLookup lookup, boolean ordered, List<String> requiredPath, IndexUtilization utilization) {

    /** A full scan. */
    public static AccessPlan scan(List<String> requiredPath, IndexUtilization utilization) {
        return new AccessPlan(null, false, requiredPath, utilization);
    }

    /** True when an index serves the query. */
    public boolean usesIndex() {
        return lookup != null;
    }
}
