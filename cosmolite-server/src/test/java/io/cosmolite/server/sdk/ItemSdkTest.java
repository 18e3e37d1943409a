package io.cosmolite.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosItemResponse;
import com.azure.cosmos.models.CosmosPatchItemRequestOptions;
import com.azure.cosmos.models.CosmosPatchOperations;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.PartitionKeyBuilder;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKeyDefinitionVersion;
import com.azure.cosmos.models.PartitionKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Items through the official SDK (gateway mode, plain HTTP) against servers with 1 and 4 physical
 * partitions: CRUD and upsert with their status codes, conditional requests, patch, partition key
 * shapes (hierarchical, undefined), session tokens, and the size limits.
 */
class ItemSdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, SdkFixture> SERVERS = new java.util.HashMap<>();

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

    private static ObjectNode item(String id, String pk) {
        return JSON.createObjectNode().put("id", id).put("pk", pk).put("n", 1);
    }

    private static void assertStatus(ThrowingCallable call, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CosmosException.class,
                e -> assertThat(e.getStatusCode()).as(e.getMessage()).isEqualTo(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void createReadReplaceUpsertDelete(int partitions) {
        CosmosContainer c = items(partitions);
        for (int i = 0; i < 20; i++) {
            String id = "crud-" + i;
            PartitionKey pk = new PartitionKey("p" + i);
            CosmosItemResponse<ObjectNode> created = c.createItem(item(id, "p" + i), pk, new CosmosItemRequestOptions());
            assertThat(created.getStatusCode()).isEqualTo(201);
            assertThat(created.getETag()).isNotBlank();
            assertThat(created.getRequestCharge()).isPositive();
            assertThat(created.getSessionToken()).matches("\\d+:-1#\\d+");

            CosmosItemResponse<ObjectNode> read = c.readItem(id, pk, ObjectNode.class);
            assertThat(read.getStatusCode()).isEqualTo(200);
            assertThat(read.getItem().get("n").asInt()).isEqualTo(1);
            assertThat(read.getItem().get("_rid").asText()).isNotBlank();
            assertThat(read.getETag()).isEqualTo(created.getETag());

            ObjectNode changed = item(id, "p" + i).put("n", 2);
            CosmosItemResponse<ObjectNode> replaced = c.replaceItem(changed, id, pk, new CosmosItemRequestOptions());
            assertThat(replaced.getStatusCode()).isEqualTo(200);
            assertThat(replaced.getETag()).isNotEqualTo(created.getETag());

            assertThat(c.upsertItem(item(id, "p" + i).put("n", 3)).getStatusCode()).isEqualTo(200);
            assertThat(c.readItem(id, pk, ObjectNode.class).getItem().get("n").asInt()).isEqualTo(3);
            assertThat(c.upsertItem(item(id + "-new", "p" + i)).getStatusCode()).isEqualTo(201);

            assertThat(c.deleteItem(id, pk, new CosmosItemRequestOptions()).getStatusCode()).isEqualTo(204);
            assertStatus(() -> c.readItem(id, pk, ObjectNode.class), 404);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void writesReturnTheItemOnlyWhenAsked(int partitions) {
        CosmosContainer c = items(partitions);
        assertThat(c.createItem(item("minimal", "m")).getItem()).isNull();
        CosmosItemResponse<ObjectNode> full = c.createItem(item("full", "m"), new PartitionKey("m"),
                new CosmosItemRequestOptions().setContentResponseOnWriteEnabled(true));
        assertThat(full.getItem().get("id").asText()).isEqualTo("full");
        assertThat(full.getItem().get("_etag").asText()).isEqualTo(full.getETag());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void errorStatuses(int partitions) {
        CosmosContainer c = items(partitions);
        c.createItem(item("dup", "d"));
        assertStatus(() -> c.createItem(item("dup", "d")), 409);
        assertThat(c.createItem(item("dup", "other")).getStatusCode()).isEqualTo(201);
        assertStatus(() -> c.readItem("missing", new PartitionKey("d"), ObjectNode.class), 404);
        assertStatus(() -> c.replaceItem(item("missing", "d"), "missing", new PartitionKey("d"),
                new CosmosItemRequestOptions()), 404);
        assertStatus(() -> c.deleteItem("missing", new PartitionKey("d"), new CosmosItemRequestOptions()), 404);
        // Over 2 MB but within the transport's limit: the engine refuses the item.
        assertStatus(() -> c.createItem(item("big", "d").put("blob", "x".repeat(2 * 1024 * 1024))), 413);
        assertStatus(() -> c.createItem(item("wrong-pk", "d"), new PartitionKey("e"), new CosmosItemRequestOptions()),
                400);
    }

    @Test
    void aBodyOverTheTransportLimitIs413() {
        CosmosContainer c = items(1);
        assertStatus(() -> c.createItem(item("huge", "d").put("blob", "x".repeat(3 * 1024 * 1024))), 413);
        assertThat(c.createItem(item("after-huge", "d")).getStatusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void conditionalRequests(int partitions) {
        CosmosContainer c = items(partitions);
        PartitionKey pk = new PartitionKey("c");
        String etag = c.createItem(item("cond", "c")).getETag();

        CosmosItemResponse<ObjectNode> notModified = c.readItem("cond", pk,
                new CosmosItemRequestOptions().setIfNoneMatchETag(etag), ObjectNode.class);
        assertThat(notModified.getStatusCode()).isEqualTo(304);
        assertThat(c.readItem("cond", pk, new CosmosItemRequestOptions().setIfNoneMatchETag("\"stale\""),
                ObjectNode.class).getStatusCode()).isEqualTo(200);

        assertStatus(() -> c.replaceItem(item("cond", "c"), "cond", pk,
                new CosmosItemRequestOptions().setIfMatchETag("\"stale\"")), 412);
        String next = c.replaceItem(item("cond", "c"), "cond", pk, new CosmosItemRequestOptions().setIfMatchETag(etag))
                .getETag();
        assertStatus(() -> c.upsertItem(item("cond", "c"), pk, new CosmosItemRequestOptions().setIfMatchETag(etag)), 412);
        assertStatus(() -> c.deleteItem("cond", pk, new CosmosItemRequestOptions().setIfMatchETag(etag)), 412);
        assertThat(c.deleteItem("cond", pk, new CosmosItemRequestOptions().setIfMatchETag(next)).getStatusCode())
                .isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void patchWithAndWithoutCondition(int partitions) {
        CosmosContainer c = items(partitions);
        PartitionKey pk = new PartitionKey("pa");
        c.createItem(item("patched", "pa").put("tags", 0));
        CosmosPatchOperations ops = CosmosPatchOperations.create().increment("/n", 5).set("/color", "red")
                .remove("/tags");
        CosmosPatchItemRequestOptions withContent = new CosmosPatchItemRequestOptions();
        withContent.setContentResponseOnWriteEnabled(true);
        CosmosItemResponse<ObjectNode> patched = c.patchItem("patched", pk, ops, withContent, ObjectNode.class);
        assertThat(patched.getStatusCode()).isEqualTo(200);
        assertThat(patched.getItem().get("n").asInt()).isEqualTo(6);
        assertThat(patched.getItem().get("color").asText()).isEqualTo("red");
        assertThat(patched.getItem().has("tags")).isFalse();

        CosmosPatchOperations again = CosmosPatchOperations.create().increment("/n", 1);
        assertThat(c.patchItem("patched", pk, again,
                new CosmosPatchItemRequestOptions().setFilterPredicate("from c where c.n = 6"), ObjectNode.class)
                .getStatusCode()).isEqualTo(200);
        assertStatus(() -> c.patchItem("patched", pk, again,
                new CosmosPatchItemRequestOptions().setFilterPredicate("from c where c.n = 6"), ObjectNode.class), 412);
        CosmosPatchItemRequestOptions stale = new CosmosPatchItemRequestOptions();
        stale.setIfMatchETag("\"stale\"");
        assertStatus(() -> c.patchItem("patched", pk, again, stale, ObjectNode.class), 412);
        assertStatus(() -> c.patchItem("nobody", pk, again, ObjectNode.class), 404);
        assertThat(c.readItem("patched", pk, ObjectNode.class).getItem().get("n").asInt()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void hierarchicalAndUndefinedPartitionKeys(int partitions) {
        CosmosClient client = SERVERS.get(partitions).syncClient();
        PartitionKeyDefinition def = new PartitionKeyDefinition();
        def.setKind(PartitionKind.MULTI_HASH);
        def.setVersion(PartitionKeyDefinitionVersion.V2);
        def.setPaths(List.of("/tenant", "/user"));
        client.getDatabase("db").createContainerIfNotExists(new CosmosContainerProperties("hpk", def));
        CosmosContainer h = client.getDatabase("db").getContainer("hpk");
        for (int i = 0; i < 10; i++) {
            ObjectNode doc = JSON.createObjectNode().put("id", "h" + i).put("tenant", "t" + i % 3).put("user", "u" + i);
            PartitionKey pk = new PartitionKeyBuilder().add("t" + i % 3).add("u" + i).build();
            assertThat(h.createItem(doc, pk, new CosmosItemRequestOptions()).getStatusCode()).isEqualTo(201);
            assertThat(h.readItem("h" + i, pk, ObjectNode.class).getItem().get("user").asText()).isEqualTo("u" + i);
        }

        CosmosContainer c = items(partitions);
        ObjectNode noKey = JSON.createObjectNode().put("id", "no-pk");
        assertThat(c.createItem(noKey, PartitionKey.NONE, new CosmosItemRequestOptions()).getStatusCode()).isEqualTo(201);
        assertThat(c.readItem("no-pk", PartitionKey.NONE, ObjectNode.class).getItem().has("pk")).isFalse();
        assertThat(c.deleteItem("no-pk", PartitionKey.NONE, new CosmosItemRequestOptions()).getStatusCode())
                .isEqualTo(204);
    }

    @Test
    void asyncClientCrud() {
        for (SdkFixture fx : SERVERS.values()) {
            CosmosAsyncContainer c = fx.asyncClient().getDatabase("db").getContainer("items");
            PartitionKey pk = new PartitionKey("async");
            assertThat(c.createItem(item("a1", "async")).block().getStatusCode()).isEqualTo(201);
            assertThat(c.readItem("a1", pk, JsonNode.class).block().getItem().get("n").asInt()).isEqualTo(1);
            assertThat(c.upsertItem(item("a1", "async").put("n", 9)).block().getStatusCode()).isEqualTo(200);
            assertThat(c.readItem("a1", pk, JsonNode.class).block().getItem().get("n").asInt()).isEqualTo(9);
            assertThat(c.deleteItem("a1", pk).block().getStatusCode()).isEqualTo(204);
            Consumer<Throwable> is404 = e -> assertThat(((CosmosException) e).getStatusCode()).isEqualTo(404);
            assertThatThrownBy(() -> c.readItem("a1", pk, JsonNode.class).block()).satisfies(is404);
        }
    }

    @Test
    void overTls() {
        try (SdkFixture fx = SdkFixture.start(4, true)) {
            fx.syncClient().createDatabaseIfNotExists("db");
            fx.syncClient().getDatabase("db").createContainerIfNotExists("items", "/pk");
            CosmosContainer c = fx.syncClient().getDatabase("db").getContainer("items");
            assertThat(c.createItem(item("tls", "t")).getStatusCode()).isEqualTo(201);
            assertThat(c.readItem("tls", new PartitionKey("t"), ObjectNode.class).getItem().get("id").asText())
                    .isEqualTo("tls");
        }
    }
}
