package io.cosmolite.toolkit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosBatch;
import com.azure.cosmos.models.CosmosBatchResponse;
import com.azure.cosmos.models.CosmosItemResponse;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.testing.CosmoliteExtension;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The recorder around real calls (successes, a 404, a 409, query pages, a batch) and the SDK's own meters. */
class OperationMetricsTest {
    @RegisterExtension
    static final CosmoliteExtension cosmos = CosmoliteExtension.inMemory().withPartitions(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimpleMeterRegistry registry;
    private OperationMetrics metrics;

    @BeforeAll
    static void containers() {
        cosmos.client().createDatabaseIfNotExists("metrics");
        cosmos.client().getDatabase("metrics").createContainerIfNotExists("orders", "/pk");
    }

    @BeforeEach
    void recorder() {
        registry = new SimpleMeterRegistry();
        metrics = new OperationMetrics(registry);
    }

    private static CosmosContainer orders(CosmosClient client) {
        return client.getDatabase("metrics").getContainer("orders");
    }

    private static ObjectNode order(String id, String pk) {
        return JSON.createObjectNode().put("id", id).put("pk", pk).put("total", 10);
    }

    private Timer timer(String operation, String outcome, String status) {
        return registry.get(OperationMetrics.REQUESTS).tags("container", "orders", "operation", operation,
                "outcome", outcome, "status", status).timer();
    }

    private double charged(String operation, String outcome, String status) {
        return registry.get(OperationMetrics.REQUEST_CHARGE).tags("container", "orders", "operation", operation,
                "outcome", outcome, "status", status).summary().totalAmount();
    }

    @Test
    void successesCarryTheirLatencyAndRequestCharge() {
        CosmosContainer c = orders(cosmos.client());
        CosmosItemResponse<ObjectNode> created = metrics.timedItem("orders", Operation.CREATE, () -> c.createItem(order("o1", "a")));
        CosmosItemResponse<JsonNode> read = metrics.timedItem("orders", Operation.READ,
                () -> c.readItem("o1", new PartitionKey("a"), JsonNode.class));
        metrics.timedItem("orders", Operation.READ, () -> c.readItem("o1", new PartitionKey("a"), JsonNode.class));

        assertThat(timer("create", "ok", "201").count()).isEqualTo(1);
        assertThat(charged("create", "ok", "201")).isEqualTo(created.getRequestCharge()).isPositive();
        assertThat(timer("read", "ok", "200").count()).isEqualTo(2);
        assertThat(charged("read", "ok", "200")).isEqualTo(2 * read.getRequestCharge()).isPositive();
        assertThat(timer("read", "ok", "200").totalTime(TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void failuresAreRecordedWithTheirOutcomeAndThrownOn() {
        CosmosContainer c = orders(cosmos.client());
        c.upsertItem(order("o2", "b"));

        assertThatThrownBy(() -> metrics.timedItem("orders", Operation.READ,
                () -> c.readItem("missing", new PartitionKey("b"), JsonNode.class)))
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
        assertThatThrownBy(() -> metrics.timedItem("orders", Operation.CREATE, () -> c.createItem(order("o2", "b"))))
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));
        assertThatThrownBy(() -> metrics.timedItem("orders", Operation.READ, () -> {
            throw new IllegalStateException("no response at all");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(timer("read", "not_found", "404").count()).isEqualTo(1);
        assertThat(charged("read", "not_found", "404")).isPositive();
        assertThat(timer("create", "conflict", "409").count()).isEqualTo(1);
        assertThat(charged("create", "conflict", "409")).isPositive();
        assertThat(timer("read", "error", "0").count()).isEqualTo(1);
        assertThat(registry.find(OperationMetrics.REQUESTS).tag("outcome", "ok").timers()).isEmpty();
    }

    @Test
    void eachQueryPageIsOneRecordedCall() {
        CosmosContainer c = orders(cosmos.client());
        for (int i = 0; i < 30; i++) {
            c.upsertItem(order("q" + i, "pk" + i % 5));
        }
        CosmosQueryRequestOptions options = new CosmosQueryRequestOptions();
        double sum = 0;
        int pages = 0;
        int items = 0;
        for (FeedResponse<JsonNode> page : metrics.pages("orders", Operation.QUERY, c.queryItems(
                "SELECT * FROM c WHERE STARTSWITH(c.id, 'q')", options, JsonNode.class).iterableByPage(7))) {
            sum += page.getRequestCharge();
            items += page.getResults().size();
            pages++;
        }
        assertThat(items).isEqualTo(30);
        assertThat(timer("query", "ok", "200").count()).isEqualTo(pages);
        assertThat(charged("query", "ok", "200")).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9)).isPositive();
    }

    @Test
    void aBatchIsOneCall() {
        CosmosContainer c = orders(cosmos.client());
        CosmosBatch batch = CosmosBatch.createCosmosBatch(new PartitionKey("batch"));
        batch.createItemOperation(order("b1", "batch"));
        batch.createItemOperation(order("b2", "batch"));
        CosmosBatchResponse done = metrics.timedBatch("orders", () -> c.executeCosmosBatch(batch));
        CosmosBatchResponse failed = metrics.timedBatch("orders", () -> c.executeCosmosBatch(batch));

        assertThat(done.isSuccessStatusCode()).isTrue();
        assertThat(failed.isSuccessStatusCode()).isFalse();
        assertThat(timer("batch", "ok", Integer.toString(done.getStatusCode())).count()).isEqualTo(1);
        assertThat(timer("batch", "conflict", "409").count()).isEqualTo(1);
        assertThat(charged("batch", "ok", Integer.toString(done.getStatusCode()))).isEqualTo(done.getRequestCharge());
    }

    @Test
    void theSdksOwnMetersReachTheRegistryInGatewayMode() {
        SimpleMeterRegistry sdkRegistry = new SimpleMeterRegistry();
        try (CosmosClient client = SdkMetrics.enable(new CosmosClientBuilder().endpoint(cosmos.endpoint())
                .key(cosmos.key()).gatewayMode(), sdkRegistry).buildClient()) {
            CosmosContainer c = orders(client);
            c.upsertItem(order("s1", "s"));
            c.readItem("s1", new PartitionKey("s"), JsonNode.class);
            assertThatThrownBy(() -> c.readItem("missing", new PartitionKey("s"), JsonNode.class))
                    .isInstanceOf(CosmosException.class);
            // The SDK removes its meters when the client closes: look while it is open.
            assertThat(sdkCalls(sdkRegistry, "Document/Upsert", "201")).isEqualTo(1);
            assertThat(sdkCalls(sdkRegistry, "Document/Read", "200")).isEqualTo(1);
            assertThat(sdkCalls(sdkRegistry, "Document/Read", "404")).isEqualTo(1);
            assertThat(sdkRegistry.get("cosmos.client.op.RUs").tag("Operation", "Document/Upsert").summary().totalAmount())
                    .isPositive();
            assertThat(sdkRegistry.find("cosmos.client.req.gw.requests").meters()).isNotEmpty();
        }
    }

    /** The SDK's count of one kind of operation on the orders container. */
    private static double sdkCalls(SimpleMeterRegistry sdkRegistry, String operation, String status) {
        return sdkRegistry.find("cosmos.client.op.calls").tag("Container", c -> c.endsWith("/metrics/orders"))
                .tag("Operation", operation).tag("OperationStatusCode", status).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
