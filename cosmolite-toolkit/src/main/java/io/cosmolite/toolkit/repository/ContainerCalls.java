package io.cosmolite.toolkit.repository;

import com.azure.cosmos.ConsistencyLevel;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosBatch;
import com.azure.cosmos.models.CosmosBatchResponse;
import com.azure.cosmos.models.CosmosBulkItemResponse;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosItemResponse;
import com.azure.cosmos.models.CosmosPatchItemRequestOptions;
import com.azure.cosmos.models.CosmosPatchOperations;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.toolkit.cache.CachePolicy;
import io.cosmolite.toolkit.cache.ItemCache;
import io.cosmolite.toolkit.error.CosmosErrors;
import io.cosmolite.toolkit.error.NotFoundException;
import io.cosmolite.toolkit.metrics.Operation;
import io.cosmolite.toolkit.metrics.OperationMetrics;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * Every SDK call the repository makes, on raw JSON, each through {@link #call}: the one place where
 * SDK failures are translated and, when metrics are on, each call is recorded (container, operation,
 * outcome, latency, request units). Reads and queries carry the definition's consistency level.
 *
 * <p>With a point-read cache, {@link #read} goes through it, and every write invalidates what it
 * touched once it returns or fails (a failed write may still have happened). The cache holds raw
 * stored documents, soft-delete flag included, so visibility is decided after it, on every read.
 * Cached nodes are shared: callers of {@link #read} must not modify what they get.
 */
final class ContainerCalls {
    private static final int OK = 200;

    private final CosmosContainer container;
    private final ConsistencyLevel consistency;
    /** Null: calls are not recorded. */
    private final OperationMetrics metrics;
    /** Null: no cache, every read goes to the database. */
    private final ItemCache<ObjectNode> cache;

    ContainerCalls(CosmosContainer container, ConsistencyLevel consistency, OperationMetrics metrics,
            CachePolicy pointReads) {
        this.container = container;
        this.consistency = consistency;
        this.metrics = metrics;
        this.cache = pointReads == null ? null : ItemCache.builder(container, ObjectNode.class)
                .pointReads(pointReads).pointReader(this::readLatest).build();
    }

    String containerId() {
        return container.getId();
    }

    CosmosContainer container() {
        return container;
    }

    /** The point-read cache, if there is one. */
    Optional<ItemCache<ObjectNode>> cache() {
        return Optional.ofNullable(cache);
    }

    /** Creates the document; returns its new etag (the body is not sent back: the caller has it). */
    String create(ObjectNode document, PartitionKey pk) {
        return write(id(document), pk, () -> item(Operation.CREATE,
                () -> container.createItem(document, pk, new CosmosItemRequestOptions())).getETag());
    }

    /** Replaces the document, only if its etag is still {@code ifMatch}; returns the new etag. */
    String replace(ObjectNode document, PartitionKey pk, String ifMatch) {
        CosmosItemRequestOptions options = new CosmosItemRequestOptions().setIfMatchETag(ifMatch);
        return write(id(document), pk, () -> item(Operation.REPLACE,
                () -> container.replaceItem(document, id(document), pk, options)).getETag());
    }

    /** The stored document: from the cache when there is one (read-only), else from the database. */
    Optional<ObjectNode> read(String id, PartitionKey pk) {
        return cache == null ? readLatest(id, pk) : cache.read(id, pk);
    }

    /** The stored document, always from the database: what a read-modify-write starts from. */
    Optional<ObjectNode> readLatest(String id, PartitionKey pk) {
        CosmosItemRequestOptions options = new CosmosItemRequestOptions();
        if (consistency != null) {
            options.setConsistencyLevel(consistency);
        }
        try {
            return Optional.of(item(Operation.READ, () -> container.readItem(id, pk, options, ObjectNode.class)).getItem());
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    /** Applies {@code ops} and returns the patched document, only if {@code condition} (a {@code FROM c WHERE ...} predicate) holds. */
    ObjectNode patch(String id, PartitionKey pk, CosmosPatchOperations ops, String condition) {
        CosmosPatchItemRequestOptions options = new CosmosPatchItemRequestOptions();
        options.setFilterPredicate(condition);
        options.setContentResponseOnWriteEnabled(true);
        return write(id, pk, () -> item(Operation.PATCH,
                () -> container.patchItem(id, pk, ops, options, ObjectNode.class)).getItem());
    }

    void delete(String id, PartitionKey pk) {
        write(id, pk, () -> item(Operation.DELETE, () -> container.deleteItem(id, pk, new CosmosItemRequestOptions())));
    }

    FeedResponse<ObjectNode> queryPage(SqlQuerySpec sql, PartitionKey pk, int pageSize, String continuation) {
        CosmosQueryRequestOptions options = new CosmosQueryRequestOptions();
        if (pk != null) {
            options.setPartitionKey(pk);
        }
        if (consistency != null) {
            options.setConsistencyLevel(consistency);
        }
        return CosmosErrors.call(() -> {
            Iterable<FeedResponse<ObjectNode>> pages = container.queryItems(sql, options, ObjectNode.class)
                    .iterableByPage(continuation, pageSize);
            Iterator<FeedResponse<ObjectNode>> fetched = (metrics == null ? pages
                    : metrics.pages(containerId(), Operation.QUERY, pages)).iterator();
            return fetched.hasNext() ? fetched.next() : null;
        });
    }

    /** Runs a transactional batch writing the items {@code touched}. */
    CosmosBatchResponse batch(CosmosBatch batch, List<ItemKey> touched) {
        return writeAll(touched, () -> call(Operation.BATCH, () -> container.executeCosmosBatch(batch),
                CosmosBatchResponse::getRequestCharge, CosmosBatchResponse::getStatusCode));
    }

    /**
     * Runs {@code operations}, writing the items {@code touched}, in bulk; each carries its input index
     * as context. Recorded as one call, charged what its items cost together; the items' own outcomes
     * are in the responses.
     */
    List<CosmosBulkOperationResponse<Integer>> bulk(List<CosmosItemOperation> operations, List<ItemKey> touched) {
        return writeAll(touched, () -> call(Operation.BULK, () -> {
            List<CosmosBulkOperationResponse<Integer>> all = new ArrayList<>();
            container.<Integer>executeBulkOperations(operations).forEach(all::add);
            return all;
        }, ContainerCalls::charge, all -> OK));
    }

    /** A write of one item: the cache forgets it (and its queries) however the write ended. */
    private <R> R write(String id, PartitionKey pk, Supplier<R> sdkWrite) {
        return writeAll(List.of(new ItemKey(id, pk)), sdkWrite);
    }

    /**
     * A write of items (one, a batch, a bulk run): the cache forgets each of them however the write
     * ended, since a failed or timed-out write may still have happened.
     */
    private <R> R writeAll(List<ItemKey> touched, Supplier<R> sdkWrite) {
        try {
            return sdkWrite.get();
        } finally {
            if (cache != null) {
                touched.forEach(key -> cache.invalidate(key.id(), key.partitionKey()));
            }
        }
    }

    private <X> CosmosItemResponse<X> item(Operation operation, Supplier<CosmosItemResponse<X>> sdkCall) {
        return call(operation, sdkCall, CosmosItemResponse::getRequestCharge, CosmosItemResponse::getStatusCode);
    }

    /** The one funnel for SDK calls: recorded when metrics are on, then failures translated to typed errors. */
    private <R> R call(Operation operation, Supplier<R> sdkCall, ToDoubleFunction<R> charge, ToIntFunction<R> status) {
        return CosmosErrors.call(metrics == null ? sdkCall
                : () -> metrics.timed(containerId(), operation, sdkCall, charge, status));
    }

    private static double charge(List<CosmosBulkOperationResponse<Integer>> responses) {
        double total = 0;
        for (CosmosBulkOperationResponse<Integer> r : responses) {
            CosmosBulkItemResponse item = r.getResponse();
            total += item == null ? 0 : item.getRequestCharge();
        }
        return total;
    }

    private static String id(ObjectNode document) {
        return document.path(StoredFields.ID).asText();
    }
}
