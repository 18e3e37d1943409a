package io.cosmolite.toolkit.repository;

import com.azure.cosmos.models.CosmosBatch;
import com.azure.cosmos.models.CosmosBatchOperationResult;
import com.azure.cosmos.models.CosmosBatchResponse;
import com.azure.cosmos.models.CosmosBulkItemResponse;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.toolkit.error.CosmosDataException;
import io.cosmolite.toolkit.error.CosmosErrors;
import io.cosmolite.toolkit.error.ErrorInfo;
import io.cosmolite.toolkit.error.UnexpectedCosmosException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs many creates or deletes with a result per item. When every logical partition has at most
 * {@value #MAX_BATCH} of them, each partition's writes go as one transactional batch: all or none of
 * that partition's writes happen, and the others of a failed batch report 424. Larger sets go through
 * the SDK's bulk executor, where each write succeeds or fails on its own.
 */
final class BatchWriter {
    /** Cosmos's limit of operations in one transactional batch. */
    static final int MAX_BATCH = 100;

    /** One write: a create of {@code document}, or a delete when it is null. */
    record Write(String id, PartitionKey partitionKey, ObjectNode document) {
        boolean isDelete() {
            return document == null;
        }

        ItemKey key() {
            return new ItemKey(id, partitionKey);
        }
    }

    /** The outcome of one write: the stored document with its new etag (null for a delete) or the error. */
    record Outcome(ObjectNode stored, CosmosDataException error) {
    }

    private final ContainerCalls calls;

    BatchWriter(ContainerCalls calls) {
        this.calls = calls;
    }

    /** The outcome of each write, in input order. */
    List<Outcome> run(List<Write> writes) {
        // Keyed by the key's JSON text: PartitionKey's own equals does not hold for equal values built apart.
        Map<String, List<Integer>> byPartition = new LinkedHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            byPartition.computeIfAbsent(writes.get(i).partitionKey().toString(), k -> new ArrayList<>()).add(i);
        }
        Outcome[] outcomes = new Outcome[writes.size()];
        if (byPartition.values().stream().allMatch(group -> group.size() <= MAX_BATCH)) {
            byPartition.values().forEach(indexes -> runTransaction(writes.get(indexes.get(0)).partitionKey(), indexes,
                    writes, outcomes));
        } else {
            runBulk(writes, outcomes);
        }
        return List.of(outcomes);
    }

    private void runTransaction(PartitionKey pk, List<Integer> indexes, List<Write> writes, Outcome[] outcomes) {
        CosmosBatch batch = CosmosBatch.createCosmosBatch(pk);
        for (int i : indexes) {
            Write w = writes.get(i);
            if (w.isDelete()) {
                batch.deleteItemOperation(w.id());
            } else {
                batch.createItemOperation(w.document());
            }
        }
        CosmosBatchResponse response;
        try {
            response = calls.batch(batch, indexes.stream().map(i -> writes.get(i).key()).toList());
        } catch (CosmosDataException whole) {
            indexes.forEach(i -> outcomes[i] = new Outcome(null, whole));
            return;
        }
        List<CosmosBatchOperationResult> results = response.getResults();
        for (int k = 0; k < indexes.size(); k++) {
            CosmosBatchOperationResult r = results.get(k);
            outcomes[indexes.get(k)] = r.isSuccessStatusCode()
                    ? stored(writes.get(indexes.get(k)), r.getETag())
                    : new Outcome(null, CosmosErrors.of(null,
                            new ErrorInfo(r.getStatusCode(), r.getSubStatusCode(), response.getActivityId(),
                                    r.getRequestCharge()),
                            retryAfter(r.getRetryAfterDuration()), null));
        }
    }

    private void runBulk(List<Write> writes, Outcome[] outcomes) {
        List<CosmosItemOperation> operations = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            Write w = writes.get(i);
            operations.add(w.isDelete()
                    ? CosmosBulkOperations.getDeleteItemOperation(w.id(), w.partitionKey(), i)
                    : CosmosBulkOperations.getCreateItemOperation(w.document(), w.partitionKey(), i));
        }
        for (CosmosBulkOperationResponse<Integer> r : calls.bulk(operations, writes.stream().map(Write::key).toList())) {
            int i = r.getOperation().<Integer>getContext();
            outcomes[i] = outcome(writes.get(i), r);
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                outcomes[i] = new Outcome(null, new UnexpectedCosmosException("the bulk executor returned no"
                        + " response for this operation", ErrorInfo.local(500), null));
            }
        }
    }

    private static Outcome outcome(Write w, CosmosBulkOperationResponse<Integer> r) {
        CosmosBulkItemResponse item = r.getResponse();
        if (item != null && item.isSuccessStatusCode()) {
            return stored(w, item.getETag());
        }
        if (item != null) {
            ErrorInfo info = new ErrorInfo(item.getStatusCode(), item.getSubStatusCode(), item.getActivityId(),
                    item.getRequestCharge());
            return new Outcome(null, CosmosErrors.of(null, info, retryAfter(item.getRetryAfterDuration()), r.getException()));
        }
        return new Outcome(null, CosmosErrors.translate(r.getException()));
    }

    /** What a write stored: the document sent, with the etag Cosmos gave it (the body is not sent back). */
    private static Outcome stored(Write w, String etag) {
        return new Outcome(w.isDelete() ? null : w.document().deepCopy().put(StoredFields.ETAG, etag), null);
    }

    private static Duration retryAfter(Duration d) {
        return d == null ? Duration.ZERO : d;
    }
}
