package io.cosmolite.engine.query.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.index.CompositeIndex;
import io.cosmolite.engine.index.IndexDefinition;
import io.cosmolite.engine.index.IndexLookup;
import io.cosmolite.engine.index.IndexLookup.Interval;
import io.cosmolite.engine.index.Intervals;
import io.cosmolite.engine.query.ast.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses how a query reads its items under a container's indexing policy, as Cosmos DB's query
 * engine would: an index lookup when the WHERE clause has a conjunct an index answers (the most
 * selective form wins, and a composite index serving an equality prefix and one more column beats
 * single-path indexes), an index scan in ORDER BY order when the ORDER BY is on indexed paths, a
 * full scan otherwise. It refuses, as Cosmos does, an ORDER BY on a path the policy excludes and
 * an ORDER BY on several paths without a composite index that matches it. It also produces the
 * query's index metrics.
 */
public final class AccessPaths {
    static final String ORDER_BY_EXCLUDED = "The index path corresponding to the specified order-by item is excluded.";
    static final String NO_COMPOSITE =
            "The order by query does not have a corresponding composite index that it can be served from.";

    private AccessPaths() {}

    /**
     * The access plan of {@code query} with these parameter values under {@code definition};
     * throws a 400 for an ORDER BY the policy cannot serve.
     */
    public static AccessPlan choose(Query query, Map<String, JsonNode> parameters, IndexDefinition definition) {
        return choose(query, parameters, definition, Set.of());
    }

    /**
     * Like {@link #choose(Query, Map, IndexDefinition)} for a container with computed properties
     * (their top-level names): they are not stored in items, so no index serves them.
     */
    public static AccessPlan choose(Query query, Map<String, JsonNode> parameters, IndexDefinition definition,
                                    Set<String> computedProperties) {
        DocumentPaths paths = DocumentPaths.of(query, computedProperties);
        if (paths == null || definition == null) {
            return AccessPlan.scan(null, IndexUtilization.NONE);
        }
        List<Sargable> filters = Sargables.of(query.where(), paths, parameters);
        List<Sargable> usable = filters.stream().filter(f -> definition.hasRangeIndex(f.path())).toList();
        List<IndexUtilization.CompositeIndexUse> usedComposite = new ArrayList<>();
        AccessPlan plan = orderBy(query, paths, usable, definition, usedComposite);
        if (plan == null) {
            plan = filter(usable, definition, usedComposite);
        }
        return new AccessPlan(plan.lookup(), plan.ordered(), plan.requiredPath(),
                utilization(filters, definition, paths.root(), parameters, usedComposite));
    }

    /** The plan of a query with ORDER BY, or null when its ORDER BY leaves the choice to the filters. */
    private static AccessPlan orderBy(Query q, DocumentPaths paths, List<Sargable> filters, IndexDefinition definition,
                                      List<IndexUtilization.CompositeIndexUse> usedComposite) {
        if (q.orderBy() == null || q.orderBy().rank() || !q.groupBy().isEmpty()) {
            return null;
        }
        List<Query.SortItem> items = q.orderBy().items();
        List<List<String>> sortPaths = new ArrayList<>();
        for (Query.SortItem item : items) {
            List<String> p = paths.pathOf(item.expr());
            if (!DocumentPaths.isRootPath(p)) {
                return null; // an expression or a JOIN alias: sorted after the scan
            }
            sortPaths.add(p);
        }
        if (items.size() == 1) {
            return singleOrderBy(sortPaths.get(0), items.get(0).descending(), filters, definition);
        }
        for (CompositeIndex index : definition.composites()) {
            Boolean reverse = matches(index, sortPaths, items);
            if (reverse != null) {
                usedComposite.add(new IndexUtilization.CompositeIndexUse(index.specs()));
                return new AccessPlan(IndexLookup.composite(index, compositeIntervals(index, filters, true), reverse),
                        true, null, IndexUtilization.NONE);
            }
        }
        throw refusal(NO_COMPOSITE);
    }

    private static AccessPlan singleOrderBy(List<String> path, boolean descending, List<Sargable> filters,
                                            IndexDefinition definition) {
        if (!definition.hasRangeIndex(path)) {
            throw refusal(ORDER_BY_EXCLUDED);
        }
        List<String> required = definition.indexesUndefined(path) ? null : path;
        Sargable selective = best(filters);
        if (selective != null && !selective.path().equals(path)
                && (selective.kind() == Sargable.Kind.EQUAL || selective.kind() == Sargable.Kind.IN)) {
            // a selective filter elsewhere: read its few candidates and sort them
            return new AccessPlan(IndexLookup.single(selective.path(), selective.intervals(false), false), false,
                    required, IndexUtilization.NONE);
        }
        Sargable onPath = best(filters.stream().filter(f -> f.path().equals(path)).toList());
        List<Interval> intervals = onPath != null ? onPath.intervals(false)
                : List.of(required == null ? Intervals.all() : Intervals.defined(false));
        return new AccessPlan(IndexLookup.single(path, intervals, descending), true, required, IndexUtilization.NONE);
    }

    /** The plan of the filters alone. */
    private static AccessPlan filter(List<Sargable> filters, IndexDefinition definition,
                                     List<IndexUtilization.CompositeIndexUse> usedComposite) {
        CompositeIndex bestComposite = null;
        int covered = 1;
        for (CompositeIndex index : definition.composites()) {
            int n = coveredColumns(index, filters);
            if (n > covered) {
                bestComposite = index;
                covered = n;
            }
        }
        if (bestComposite != null) {
            usedComposite.add(new IndexUtilization.CompositeIndexUse(bestComposite.specs()));
            return new AccessPlan(IndexLookup.composite(bestComposite, compositeIntervals(bestComposite, filters, false), false),
                    false, null, IndexUtilization.NONE);
        }
        Sargable best = best(filters);
        if (best == null) {
            return AccessPlan.scan(null, IndexUtilization.NONE);
        }
        return new AccessPlan(IndexLookup.single(best.path(), best.intervals(false), false), false, null,
                IndexUtilization.NONE);
    }

    /** The most selective filter, or null. */
    private static Sargable best(List<Sargable> filters) {
        return filters.stream().min(Comparator.comparing(Sargable::kind)).orElse(null);
    }

    /** True when every column matches in direction, false when every one is opposite, null when the index does not fit. */
    private static Boolean matches(CompositeIndex index, List<List<String>> paths, List<Query.SortItem> items) {
        if (index.columns().size() != paths.size()) {
            return null;
        }
        Boolean reverse = null;
        for (int i = 0; i < paths.size(); i++) {
            CompositeIndex.Column column = index.columns().get(i);
            if (!column.segments().equals(paths.get(i))) {
                return null;
            }
            boolean opposite = column.descending() != items.get(i).descending();
            if (reverse != null && reverse != opposite) {
                return null;
            }
            reverse = opposite;
        }
        return reverse;
    }

    /** How many leading columns of {@code index} the filters serve: equalities, then at most one other filter. */
    private static int coveredColumns(CompositeIndex index, List<Sargable> filters) {
        int n = 0;
        for (CompositeIndex.Column column : index.columns()) {
            Sargable f = filterOn(filters, column.segments(), true);
            if (f != null) {
                n++;
                continue;
            }
            if (filterOn(filters, column.segments(), false) != null) {
                n++;
            }
            break;
        }
        return n;
    }

    /**
     * The runs of a composite lookup: the equality filters on its leading columns as a prefix, then
     * the other filter on the next column (or, for an ORDER BY, every value of the rest).
     */
    private static List<Interval> compositeIntervals(CompositeIndex index, List<Sargable> filters, boolean orderBy) {
        byte[] prefix = new byte[0];
        for (CompositeIndex.Column column : index.columns()) {
            Sargable eq = filterOn(filters, column.segments(), true);
            if (eq != null) {
                prefix = Intervals.concat(prefix, Intervals.point(eq.values().get(0), column.descending()));
                continue;
            }
            Sargable other = filterOn(filters, column.segments(), false);
            if (other != null) {
                List<Interval> out = new ArrayList<>();
                for (Interval i : other.intervals(column.descending())) {
                    out.add(Intervals.within(prefix, i));
                }
                return out;
            }
            break;
        }
        return List.of(prefix.length == 0 ? Intervals.all() : Intervals.within(prefix, Intervals.all()));
    }

    private static Sargable filterOn(List<Sargable> filters, List<String> path, boolean equality) {
        for (Sargable f : filters) {
            if (f.path().equals(path) && f.isEquality() == equality && DocumentPaths.isRootPath(path)) {
                return f;
            }
        }
        return null;
    }

    private static IndexUtilization utilization(List<Sargable> filters, IndexDefinition definition, String alias,
                                                Map<String, JsonNode> parameters,
                                                List<IndexUtilization.CompositeIndexUse> usedComposite) {
        List<IndexUtilization.SingleIndex> utilized = new ArrayList<>();
        List<IndexUtilization.SingleIndex> potential = new ArrayList<>();
        for (Sargable f : filters) {
            IndexUtilization.SingleIndex entry = new IndexUtilization.SingleIndex(
                    FilterText.of(f.conjunct(), alias, parameters), DocumentPaths.spec(f.path()));
            (definition.hasRangeIndex(f.path()) ? utilized : potential).add(entry);
        }
        List<IndexUtilization.CompositeIndexUse> potentialComposite = new ArrayList<>();
        List<Sargable> rootFilters = filters.stream().filter(f -> DocumentPaths.isRootPath(f.path())).toList();
        if (usedComposite.isEmpty() && rootFilters.size() >= 2 && rootFilters.stream().anyMatch(Sargable::isEquality)) {
            List<String> specs = new ArrayList<>();
            rootFilters.stream().filter(Sargable::isEquality).forEach(f -> specs.add(compositeSpec(f.path())));
            rootFilters.stream().filter(f -> !f.isEquality()).findFirst().ifPresent(f -> specs.add(compositeSpec(f.path())));
            if (specs.size() >= 2) {
                potentialComposite.add(new IndexUtilization.CompositeIndexUse(specs));
            }
        }
        return new IndexUtilization(utilized, potential, usedComposite, potentialComposite);
    }

    private static String compositeSpec(List<String> path) {
        String spec = DocumentPaths.spec(path);
        return spec.substring(0, spec.length() - 2) + " ASC";
    }

    private static CosmosException refusal(String message) {
        return new CosmosException(ErrorCode.BAD_REQUEST, "{\"Errors\":[\"" + message + "\"]}", 0);
    }
}
