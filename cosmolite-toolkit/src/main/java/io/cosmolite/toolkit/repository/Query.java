package io.cosmolite.toolkit.repository;

import com.azure.cosmos.models.PartitionKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A repository query: a filter expression over the document alias {@code c} with {@code @}
 * parameters, an optional ORDER BY, an optional partition, and what to do with soft-deleted
 * documents. The repository writes the SELECT itself, so it can always add its soft-delete filter:
 * {@code SELECT * FROM c WHERE (<not deleted>) AND (<your filter>) ORDER BY <your order>}.
 *
 * <pre>{@code
 * Query.where("c.status = @status AND c.total > @min").param("@status", "open").param("@min", 100)
 *      .orderBy("c.createdAt DESC")
 * }</pre>
 *
 * <p>Values belong in parameters, never in the filter text. The filter is checked to be one
 * self-contained expression (balanced parentheses outside string literals, no comments), so it cannot
 * close the repository's parentheses and escape its soft-delete filter.
 *
 * @param filter the WHERE expression, or null for every document
 * @param parameters parameter names (with {@code @}) to values, serialized by the SDK
 * @param orderBy a comma-separated list of {@code c.path [ASC|DESC]}, or null
 * @param partitionKey the one logical partition to query, or null for a cross-partition query
 * @param deleted which documents to see with respect to soft delete
 */
public record Query(String filter, Map<String, Object> parameters, String orderBy, PartitionKey partitionKey,
        DeletedItems deleted) {

    public Query {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(deleted, "deleted");
        if (filter != null) {
            QueryText.checkFilter(filter);
        }
        if (orderBy != null) {
            QueryText.checkOrderBy(orderBy);
        }
    }

    /** Every (live) document. */
    public static Query all() {
        return new Query(null, Map.of(), null, null, DeletedItems.HIDDEN);
    }

    /** The (live) documents matching {@code filter}, e.g. {@code "c.customerId = @customer"}. */
    public static Query where(String filter) {
        return new Query(Objects.requireNonNull(filter, "filter"), Map.of(), null, null, DeletedItems.HIDDEN);
    }

    /** This query with parameter {@code name} (starting with {@code @}) bound to {@code value}. */
    public Query param(String name, Object value) {
        if (!name.startsWith("@")) {
            throw new IllegalArgumentException("parameter names start with @: " + name);
        }
        Map<String, Object> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return new Query(filter, more, orderBy, partitionKey, deleted);
    }

    /** This query sorted, e.g. {@code "c.createdAt DESC, c.id"}. */
    public Query orderBy(String order) {
        return new Query(filter, parameters, order, partitionKey, deleted);
    }

    /** This query restricted to one logical partition (no fan-out). */
    public Query inPartition(PartitionKey key) {
        return new Query(filter, parameters, orderBy, key, deleted);
    }

    /** This query seeing soft-deleted documents as {@code which} says. */
    public Query deleted(DeletedItems which) {
        return new Query(filter, parameters, orderBy, partitionKey, which);
    }
}
