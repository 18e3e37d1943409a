package io.cosmolite.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosBatch;
import com.azure.cosmos.models.CosmosBatchOperationResult;
import com.azure.cosmos.models.CosmosBatchPatchItemRequestOptions;
import com.azure.cosmos.models.CosmosBatchRequestOptions;
import com.azure.cosmos.models.CosmosBatchResponse;
import com.azure.cosmos.models.CosmosBulkExecutionOptions;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosPatchOperations;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.document.ItemStore;
import io.cosmolite.engine.partition.PartitionKeyRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

/**
 * Transactional batches and bulk through the official SDK (gateway mode, plain HTTP) with 1 and 4
 * physical partitions: every operation type, the 207/424 failure shape with nothing written, the
 * result array under {@code return=minimal}, and the bulk executor over 10,000 items.
 */
class BatchSdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, SdkFixture> SERVERS = new HashMap<>();

    @BeforeAll
    static void start() {
        SERVERS.putAll(SdkFixture.withItemContainers(1, 4));
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(SdkFixture::close);
    }

    private static CosmosContainer items(int partitions) {
        return SERVERS.get(partitions).syncClient().getDatabase("db").getContainer("items");
    }

    private static CosmosAsyncContainer asyncItems(int partitions) {
        return SERVERS.get(partitions).asyncClient().getDatabase("db").getContainer("items");
    }

    private static ObjectNode item(String id, String pk) {
        return JSON.createObjectNode().put("id", id).put("pk", pk).put("n", 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void batchOfEveryOperationType(int partitions) {
        CosmosContainer c = items(partitions);
        PartitionKey pk = new PartitionKey("b-all");
        c.createItem(item("existing", "b-all"));
        c.createItem(item("doomed", "b-all"));
        CosmosBatch batch = CosmosBatch.createCosmosBatch(pk);
        batch.createItemOperation(item("new", "b-all"));
        batch.upsertItemOperation(item("upserted", "b-all"));
        batch.readItemOperation("existing");
        batch.replaceItemOperation("existing", item("existing", "b-all").put("n", 2));
        batch.patchItemOperation("new", CosmosPatchOperations.create().increment("/n", 10));
        batch.deleteItemOperation("doomed");

        CosmosBatchResponse response = c.executeCosmosBatch(batch);
        assertThat(response.isSuccessStatusCode()).isTrue();
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getSessionToken()).matches("\\d+:-1#\\d+");
        List<CosmosBatchOperationResult> results = response.getResults();
        assertThat(results).extracting(CosmosBatchOperationResult::getStatusCode)
                .containsExactly(201, 201, 200, 200, 200, 204);
        assertThat(results.get(2).getItem(ObjectNode.class).get("n").asInt()).isEqualTo(1);
        assertThat(results.get(0).getETag()).isNotBlank();
        assertThat(response.getRequestCharge()).isPositive();

        assertThat(c.readItem("new", pk, ObjectNode.class).getItem().get("n").asInt()).isEqualTo(11);
        assertThat(c.readItem("existing", pk, ObjectNode.class).getItem().get("n").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void aFailedOperationFailsTheBatchWith207And424(int partitions) {
        CosmosContainer c = items(partitions);
        PartitionKey pk = new PartitionKey("b-fail");
        c.createItem(item("taken", "b-fail"));
        CosmosBatch batch = CosmosBatch.createCosmosBatch(pk);
        batch.createItemOperation(item("fresh", "b-fail"));
        batch.createItemOperation(item("taken", "b-fail"));
        batch.upsertItemOperation(item("also-fresh", "b-fail"));

        CosmosBatchResponse response = c.executeCosmosBatch(batch);
        assertThat(response.isSuccessStatusCode()).isFalse();
        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getResults()).extracting(CosmosBatchOperationResult::getStatusCode)
                .containsExactly(424, 409, 424);
        assertThat(readStatus(c, "fresh", pk)).isEqualTo(404);
        assertThat(readStatus(c, "also-fresh", pk)).isEqualTo(404);

        CosmosBatch conditional = CosmosBatch.createCosmosBatch(pk);
        conditional.patchItemOperation("taken", CosmosPatchOperations.create().set("/x", 1),
                new CosmosBatchPatchItemRequestOptions().setFilterPredicate("from c where c.n = 99"));
        CosmosBatchResponse patched = c.executeCosmosBatch(conditional);
        assertThat(patched.getStatusCode()).isEqualTo(412);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void resultsSurviveReturnMinimalAndBatchesAreBounded(int partitions) {
        CosmosContainer c = items(partitions);
        PartitionKey pk = new PartitionKey("b-min");
        CosmosBatch batch = CosmosBatch.createCosmosBatch(pk);
        for (int i = 0; i < 100; i++) {
            batch.createItemOperation(item("m" + i, "b-min"));
        }
        CosmosBatchResponse response = c.executeCosmosBatch(batch,
                new CosmosBatchRequestOptions());
        assertThat(response.getResults()).hasSize(100).allMatch(r -> r.getStatusCode() == 201);

        CosmosBatch tooBig = CosmosBatch.createCosmosBatch(pk);
        for (int i = 0; i < 101; i++) {
            tooBig.createItemOperation(item("big" + i, "b-min"));
        }
        int status;
        try {
            status = c.executeCosmosBatch(tooBig).getStatusCode();
        } catch (CosmosException e) {
            status = e.getStatusCode();
        }
        assertThat(status).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void bulkOfTenThousandItems(int partitions) {
        CosmosAsyncContainer c = asyncItems(partitions);
        List<CosmosItemOperation> creates = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            creates.add(CosmosBulkOperations.getCreateItemOperation(item("bulk-" + i, "bulk-" + (i % 500)),
                    new PartitionKey("bulk-" + (i % 500))));
        }
        List<CosmosBulkOperationResponse<Object>> responses = c.executeBulkOperations(Flux.fromIterable(creates),
                new CosmosBulkExecutionOptions()).collectList().block();
        assertThat(responses).hasSize(10_000);
        assertThat(responses).allSatisfy(r -> {
            assertThat(r.getException()).isNull();
            assertThat(r.getResponse().getStatusCode()).isEqualTo(201);
        });
        assertThat(countStored(partitions, "bulk-")).isEqualTo(10_000);

        // A second pass mixes failures (creates of existing ids) with successes: bulk continues on error.
        List<CosmosItemOperation> mixed = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            PartitionKey pk = new PartitionKey("bulk-" + (i % 500));
            mixed.add(i % 2 == 0
                    ? CosmosBulkOperations.getCreateItemOperation(item("bulk-" + i, "bulk-" + (i % 500)), pk)
                    : CosmosBulkOperations.getUpsertItemOperation(item("bulk-" + i, "bulk-" + (i % 500)).put("n", 2), pk));
        }
        List<CosmosBulkOperationResponse<Object>> second = c.executeBulkOperations(Flux.fromIterable(mixed))
                .collectList().block();
        assertThat(second).hasSize(200);
        for (CosmosBulkOperationResponse<Object> r : second) {
            String id = ((ObjectNode) r.getOperation().getItem()).get("id").asText();
            int n = Integer.parseInt(id.substring("bulk-".length()));
            assertThat(r.getResponse().getStatusCode()).isEqualTo(n % 2 == 0 ? 409 : 200);
        }
    }

    /** Counts the stored items whose id has a prefix, straight from the engine (independent of the query routes). */
    private static long countStored(int partitions, String idPrefix) {
        Container container = SERVERS.get(partitions).server().engine().container("db", "items");
        long count = 0;
        for (PartitionKeyRange range : container.partitionKeyRanges()) {
            byte[] after = null;
            do {
                ItemStore.ScanPage page = container.readFeed(range.id(), after, 1000);
                count += page.items().stream().filter(i -> i.get("id").asText().startsWith(idPrefix)).count();
                after = page.continuation();
            } while (after != null);
        }
        return count;
    }

    private static int readStatus(CosmosContainer c, String id, PartitionKey pk) {
        try {
            return c.readItem(id, pk, ObjectNode.class).getStatusCode();
        } catch (CosmosException e) {
            return e.getStatusCode();
        }
    }
}
