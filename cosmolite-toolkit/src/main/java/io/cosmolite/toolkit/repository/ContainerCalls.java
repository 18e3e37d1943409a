package io.cosmolite.toolkit.repository;

import com.azure.cosmos.ConsistencyLevel;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosBatch;
import com.azure.cosmos.models.CosmosBatchResponse;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosPatchItemRequestOptions;
import com.azure.cosmos.models.CosmosPatchOperations;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.toolkit.error.CosmosErrors;
import io.cosmolite.toolkit.error.NotFoundException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every SDK call the repository makes, on raw JSON, each through {@link #call}: the one place where
 * SDK failures are translated (and where per-operation metrics belong). Reads and queries carry the
 * definition's consistency level.
 */
final class ContainerCalls {
    private final CosmosContainer container;
    private final ConsistencyLevel consistency;

    ContainerCalls(CosmosContainer container, ConsistencyLevel consistency) {
        this.container = container;
        this.consistency = consistency;
    }

    String containerId() {
        return container.getId();
    }

    /** Creates the document; returns its new etag (the body is not sent back: the caller has it). */
    String create(ObjectNode document, PartitionKey pk) {
        return call("create", () -> container.createItem(document, pk, new CosmosItemRequestOptions()).getETag());
    }

    /** Replaces the document, only if its etag is still {@code ifMatch}; returns the new etag. */
    String replace(ObjectNode document, PartitionKey pk, String ifMatch) {
        CosmosItemRequestOptions options = new CosmosItemRequestOptions().setIfMatchETag(ifMatch);
        String id = document.path(StoredFields.ID).asText();
        return call("replace", () -> container.replaceItem(document, id, pk, options).getETag());
    }

    Optional<ObjectNode> read(String id, PartitionKey pk) {
        CosmosItemRequestOptions options = new CosmosItemRequestOptions();
        if (consistency != null) {
            options.setConsistencyLevel(consistency);
        }
        try {
            return Optional.of(call("read", () -> container.readItem(id, pk, options, ObjectNode.class).getItem()));
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    /** Applies {@code ops} and returns the patched document, only if {@code condition} (a {@code FROM c WHERE ...} predicate) holds. */
    ObjectNode patch(String id, PartitionKey pk, CosmosPatchOperations ops, String condition) {
        CosmosPatchItemRequestOptions options = new CosmosPatchItemRequestOptions();
        options.setFilterPredicate(condition);
        options.setContentResponseOnWriteEnabled(true);
        return call("patch", () -> container.patchItem(id, pk, ops, options, ObjectNode.class).getItem());
    }

    void delete(String id, PartitionKey pk) {
        call("delete", () -> container.deleteItem(id, pk, new CosmosItemRequestOptions()));
    }

    FeedResponse<ObjectNode> queryPage(SqlQuerySpec sql, PartitionKey pk, int pageSize, String continuation) {
        CosmosQueryRequestOptions options = new CosmosQueryRequestOptions();
        if (pk != null) {
            options.setPartitionKey(pk);
        }
        if (consistency != null) {
            options.setConsistencyLevel(consistency);
        }
        return call("query", () -> {
            Iterator<FeedResponse<ObjectNode>> pages = container.queryItems(sql, options, ObjectNode.class)
                    .iterableByPage(continuation, pageSize).iterator();
            return pages.hasNext() ? pages.next() : null;
        });
    }

    CosmosBatchResponse batch(CosmosBatch batch) {
        return call("batch", () -> container.executeCosmosBatch(batch));
    }

    /** Runs {@code operations} in bulk; each carries its input index as context. */
    List<CosmosBulkOperationResponse<Integer>> bulk(List<CosmosItemOperation> operations) {
        return call("bulk", () -> {
            Iterable<CosmosBulkOperationResponse<Integer>> responses = container.executeBulkOperations(operations);
            List<CosmosBulkOperationResponse<Integer>> all = new java.util.ArrayList<>();
            responses.forEach(all::add);
            return all;
        });
    }

    /** The one funnel for SDK calls: translation to typed errors (and the place for metrics). */
    private static <R> R call(String operation, Supplier<R> sdkCall) {
        return CosmosErrors.call(sdkCall);
    }
}
