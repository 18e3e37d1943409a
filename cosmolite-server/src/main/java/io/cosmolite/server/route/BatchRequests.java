package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.document.ItemOperation;
import io.cosmolite.engine.document.ItemResult;
import io.cosmolite.engine.document.ItemStore;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.CosmosHeaders;
import io.cosmolite.server.wire.ErrorResponses;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch requests, {@code POST .../docs} with {@code x-ms-cosmos-is-batch-request: true}: a body
 * that is a JSON array of operations {@code {operationType, id, resourceBody, ifMatch, ifNoneMatch,
 * partitionKey}}, answered by an array of {@code {statusCode, subStatusCode, requestCharge, eTag,
 * resourceBody}} in the same order.
 *
 * <ul>
 *   <li>Transactional ({@code x-ms-cosmos-batch-atomic: true}): every operation on the logical
 *       partition of the partition key header, all or nothing. When one fails the reply is 207: it
 *       keeps its status and every other operation reports 424.</li>
 *   <li>Bulk ({@code x-ms-cosmos-batch-atomic: false}), as the SDKs' bulk executors send it to one
 *       physical partition: each operation names its own partition key (a JSON array as a string)
 *       and runs on its own; with {@code x-ms-cosmos-batch-continue-on-error: true} a failure does
 *       not stop the rest (otherwise the rest report 424). 207 when any failed.</li>
 * </ul>
 *
 * {@code Prefer: return=minimal} drops the written items' bodies, never the array, so that the
 * SDK still gets one result per operation.
 */
final class BatchRequests {
    /** The largest batch body Cosmos DB accepts. */
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private BatchRequests() {}

    /** Runs a transactional batch or a bulk request. */
    static Response execute(Call call) {
        ItemContainer target = ItemContainer.of(call);
        boolean atomic = ItemRequests.isTrue(call.header(CosmosHeaders.BATCH_ATOMIC));
        List<JsonNode> specs = operations(call);
        List<ItemResult> results;
        String rangeId;
        if (atomic) {
            PartitionKeyValue pk = target.requiredPartitionKey(call);
            List<ItemOperation> ops = new ArrayList<>(specs.size());
            for (JsonNode spec : specs) {
                ops.add(BatchOperations.parse(spec));
            }
            results = target.container().batch(pk, ops);
            rangeId = target.rangeOf(pk).id();
        } else {
            boolean continueOnError = ItemRequests.isTrue(call.header(CosmosHeaders.BATCH_CONTINUE_ON_ERROR));
            results = bulk(target, specs, continueOnError);
            String rangeHeader = call.header(CosmosHeaders.PARTITION_KEY_RANGE_ID);
            rangeId = rangeHeader != null ? target.range(rangeHeader).id() : target.ranges().get(0).id();
        }
        return reply(call, target, specs, results, rangeId);
    }

    /** The body's operations: a JSON array of 1 to 100 objects; 413 above 2 MB, 400 otherwise. */
    private static List<JsonNode> operations(Call call) {
        byte[] body = call.request().body();
        if (body.length > MAX_BODY_BYTES) {
            throw ErrorCode.REQUEST_ENTITY_TOO_LARGE.exception(
                    "Request size is too large: a batch request may carry at most %d bytes.", MAX_BODY_BYTES);
        }
        JsonNode node;
        try {
            node = Json.parse(body);
        } catch (CosmosException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ErrorCode.BAD_REQUEST.exception("The batch request body is invalid JSON: %s", e.getMessage());
        }
        if (node == null || !node.isArray()) {
            throw ErrorCode.BAD_REQUEST.exception("The batch request body must be a JSON array of operations.");
        }
        if (node.isEmpty()) {
            throw ErrorCode.BAD_REQUEST.exception("A batch request must contain at least one operation.");
        }
        if (node.size() > ItemStore.MAX_BATCH_OPERATIONS) {
            throw ErrorCode.BAD_REQUEST.exception("A batch request may contain at most %d operations, not %d.",
                    ItemStore.MAX_BATCH_OPERATIONS, node.size());
        }
        List<JsonNode> specs = new ArrayList<>(node.size());
        node.forEach(specs::add);
        return specs;
    }

    /** Runs each bulk operation on its own partition key; a refusal becomes that operation's result. */
    private static List<ItemResult> bulk(ItemContainer target, List<JsonNode> specs, boolean continueOnError) {
        List<ItemResult> results = new ArrayList<>(specs.size());
        boolean failed = false;
        for (JsonNode spec : specs) {
            if (failed && !continueOnError) {
                results.add(new ItemResult(ErrorCode.FAILED_DEPENDENCY.status(), 0, null, null, 0, null, 0));
                continue;
            }
            ItemResult result;
            try {
                ItemOperation op = BatchOperations.parse(spec);
                result = target.container().execute(BatchOperations.partitionKey(spec), op);
            } catch (CosmosException e) {
                result = new ItemResult(e.status(), e.subStatus(), null, null, e.requestCharge(), e.getMessage(), 0);
            }
            failed |= !result.isSuccess();
            results.add(result);
        }
        return results;
    }

    private static Response reply(Call call, ItemContainer target, List<JsonNode> specs, List<ItemResult> results,
                                  String rangeId) {
        boolean minimal = ItemRequests.returnMinimal(call);
        ArrayNode array = Json.NODES.arrayNode(results.size());
        double charge = 0;
        long lsn = 0;
        boolean allSucceeded = true;
        for (int i = 0; i < results.size(); i++) {
            ItemResult r = results.get(i);
            ObjectNode out = array.addObject();
            out.put("statusCode", r.status());
            out.put("subStatusCode", r.subStatus());
            out.put("requestCharge", r.requestCharge());
            if (r.etag() != null) {
                out.put("eTag", r.etag());
            }
            boolean isRead = "read".equalsIgnoreCase(specs.get(i).path("operationType").asText());
            if (r.item() != null && r.status() != 304 && (isRead || !minimal)) {
                out.set("resourceBody", r.item());
            }
            charge += r.requestCharge();
            lsn = Math.max(lsn, r.lsn());
            allSucceeded &= r.isSuccess();
        }
        Response response = Response.json(allSucceeded ? 200 : 207, Json.toBytes(array))
                .header(CosmosHeaders.REQUEST_CHARGE, ErrorResponses.charge(charge));
        return target.stamp(response, rangeId, Math.max(lsn, target.container().committedLsn(rangeId)));
    }
}
