package io.cosmolite.toolkit.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.testing.CosmoliteExtension;
import io.cosmolite.toolkit.container.ContainerDefinition;
import io.cosmolite.toolkit.container.ContainerProvisioner;
import io.cosmolite.toolkit.container.PartitionKeyStrategy;
import io.cosmolite.toolkit.error.ValidationException;
import io.cosmolite.toolkit.error.Violation;
import io.cosmolite.toolkit.metrics.OperationMetrics;
import io.cosmolite.toolkit.schema.DocumentSchema;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The acceptance line "invalid documents are refused with every violation listed; nothing invalid is
 * stored", through the repository: the schema ({@code schemas/order.json}, {@code additionalProperties:
 * false}) is checked on create, createAll, replace and upsert; what is stored is read back with raw SDK
 * queries, and the metrics show that a refused write never became a request.
 */
class RepositorySchemaTest {
    @RegisterExtension
    static final CosmoliteExtension COSMOS = CosmoliteExtension.inMemory().withPartitions(4);
    private static final ContainerDefinition ORDERS = ContainerDefinition.builder("checked")
            .partitionKey(PartitionKeyStrategy.synthetic("/pk", "/tenantId", "/customerId")).build();
    private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();
    private static CosmosContainer container;
    private static Repository<Order> orders;

    @BeforeAll
    static void provision() {
        new ContainerProvisioner(COSMOS.client()).apply("shop", List.of(ORDERS));
        container = COSMOS.client().getDatabase("shop").getContainer("checked");
        orders = Repository.builder(container, ORDERS, Order.class)
                .schema(DocumentSchema.fromResource("schemas/order.json")).metrics(REGISTRY).build();
    }

    /** Three faults: a tenant breaking its pattern, a status outside the enum, a negative total. */
    private static Order threeTimesInvalid(String id) {
        return new Order(id, "ACME!", "zoe", "lost", -5, null, null);
    }

    private static List<ObjectNode> stored(String id) {
        return container.queryItems(new SqlQuerySpec("SELECT * FROM c WHERE c.id = @id", new SqlParameter("@id", id)),
                new CosmosQueryRequestOptions(), ObjectNode.class).stream().toList();
    }

    private static long creates() {
        return REGISTRY.find(OperationMetrics.REQUESTS).tag("operation", "create").timers().stream()
                .mapToLong(t -> t.count()).sum();
    }

    @Test
    void aDocumentWithThreeViolationsIsRefusedWithEachPathAndNotStored() {
        long before = creates();

        ValidationException refused = catchThrowableOfType(() -> orders.create(threeTimesInvalid("bad-1")),
                ValidationException.class);

        assertThat(refused.violations()).extracting(Violation::path)
                .containsExactlyInAnyOrder("/tenantId", "/status", "/total");
        assertThat(refused.getMessage()).startsWith("3 schema violations").contains("/tenantId: ", "/status: ", "/total: ");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.activityId()).isNull();      // refused before any request
        assertThat(creates()).isEqualTo(before);
        assertThat(stored("bad-1")).isEmpty();
    }

    @Test
    void theSchemaSeesTheCallersDocumentNotTheRepositoryFields() {
        // additionalProperties is false, yet pk, createdAt/By, updatedAt/By are stored next to the document.
        Versioned<Order> created = orders.create(Order.of("good-1", "yann", "open", 3));

        ObjectNode raw = stored("good-1").get(0);
        assertThat(raw.has("pk")).isTrue();
        assertThat(raw.has("createdAt")).isTrue();
        assertThat(created.value().total()).isEqualTo(3);
    }

    @Test
    void createAllRefusesTheInvalidItemAloneAndStoresTheOthers() {
        List<ItemResult<Versioned<Order>>> results = orders.createAll(List.of(
                Order.of("all-1", "xena", "open", 1), threeTimesInvalid("all-2"), Order.of("all-3", "xena", "paid", 3)));

        assertThat(results).extracting(ItemResult::isOk).containsExactly(true, false, true);
        assertThat(((ValidationException) results.get(1).error()).violations()).extracting(Violation::path)
                .containsExactlyInAnyOrder("/tenantId", "/status", "/total");
        assertThat(stored("all-1")).hasSize(1);
        assertThat(stored("all-2")).isEmpty();
        assertThat(stored("all-3")).hasSize(1);
    }

    @Test
    void replaceAndUpsertAreCheckedToo() {
        Versioned<Order> created = orders.create(Order.of("kept", "willa", "open", 7));
        PartitionKey pk = orders.partitionKeyOf(created.value());

        ValidationException replaced = catchThrowableOfType(() -> orders.replace(created.withValue(created.value()
                .withStatus("lost").withTotal(-1))), ValidationException.class);
        ValidationException upserted = catchThrowableOfType(() -> orders.upsert(created.value().withTotal(-2)),
                ValidationException.class);

        assertThat(replaced.violations()).extracting(Violation::path).containsExactlyInAnyOrder("/status", "/total");
        assertThat(upserted.violations()).extracting(Violation::path).containsExactly("/total");
        assertThat(stored("kept")).singleElement().satisfies(raw -> {
            assertThat(raw.get("status").asText()).isEqualTo("open");
            assertThat(raw.get("total").asLong()).isEqualTo(7);
        });
        assertThat(orders.read("kept", pk).orElseThrow().etag()).isEqualTo(created.etag());
    }
}
