package io.cosmolite.toolkit.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.testing.CosmoliteExtension;
import io.cosmolite.toolkit.container.ContainerDefinition;
import io.cosmolite.toolkit.container.ContainerProvisioner;
import io.cosmolite.toolkit.container.PartitionKeyStrategy;
import io.cosmolite.toolkit.schema.CustomerVersions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "10,000 stored v1 documents: reads return v3", through the repository: the v1 documents are written
 * raw with the SDK's bulk executor over 4 physical partitions; the repository's point reads, paged
 * queries and write results come back at v3, its writes stamp v3, and a patch of a v1 document
 * rewrites it at v3 first (its paths are v3's).
 */
class RepositoryVersionsTest {
    @RegisterExtension
    static final CosmoliteExtension COSMOS = CosmoliteExtension.inMemory().withPartitions(4);
    private static final int DOCUMENTS = 10_000;
    private static final int REGIONS = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContainerDefinition CUSTOMERS = ContainerDefinition.builder("customers")
            .partitionKey(PartitionKeyStrategy.path("/region")).build();
    private static CosmosContainer container;
    private static Repository<Customer> customers;

    @BeforeAll
    static void storeVersionOneDocuments() {
        new ContainerProvisioner(COSMOS.client()).apply("crm", List.of(CUSTOMERS));
        container = COSMOS.client().getDatabase("crm").getContainer("customers");
        List<CosmosItemOperation> creates = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            creates.add(versionOne("c-", i));
        }
        for (int i = 0; i < 100; i++) {
            creates.add(versionOne("w-", i));   // for the tests that write, outside the 10,000 counted
        }
        int failed = 0;
        for (CosmosBulkOperationResponse<Object> r : container.executeBulkOperations(creates)) {
            failed += r.getResponse() != null && r.getResponse().isSuccessStatusCode() ? 0 : 1;
        }
        assertThat(failed).isZero();
        customers = Repository.builder(container, CUSTOMERS, Customer.class).versions(CustomerVersions.versions()).build();
    }

    private static CosmosItemOperation versionOne(String prefix, int i) {
        ObjectNode v1 = JSON.createObjectNode().put("id", prefix + i).put("region", region(i))
                .put("name", "First" + i + " Last" + i).put("qty", i % 7).put("price", 3);
        return CosmosBulkOperations.getCreateItemOperation(v1, new PartitionKey(region(i)));
    }

    private static String region(int i) {
        return "r-" + (i % REGIONS);
    }

    private static int number(String id) {
        return Integer.parseInt(id.substring(2));
    }

    private static void assertVersionThree(Customer c) {
        int i = number(c.id());
        assertThat(c.firstName()).isEqualTo("First" + i);
        assertThat(c.lastName()).isEqualTo("Last" + i);
        assertThat(c.total()).isEqualTo((i % 7) * 3);
    }

    private static ObjectNode raw(String id, int i) {
        return container.readItem(id, new PartitionKey(region(i)), ObjectNode.class).getItem();
    }

    @Test
    void pagedCrossPartitionQueriesReturnEveryDocumentAtVersionThree() {
        Set<String> seen = new HashSet<>();
        String continuation = null;
        int pages = 0;
        do {
            Page<Versioned<Customer>> page = customers.page(Query.where("STARTSWITH(c.id, 'c-')"), 500, continuation);
            page.items().forEach(v -> {
                assertVersionThree(v.value());
                seen.add(v.id());
            });
            continuation = page.continuationToken();
            pages++;
        } while (continuation != null);

        assertThat(seen).hasSize(DOCUMENTS);
        assertThat(pages).isGreaterThanOrEqualTo(DOCUMENTS / 500);
        // Reads upgrade what they return, never what is stored.
        assertThat(raw("c-17", 17).has("name")).isTrue();
    }

    @Test
    void pointReadsReturnVersionThree() {
        for (int i = 0; i < DOCUMENTS; i += 97) {
            assertVersionThree(customers.read("c-" + i, new PartitionKey(region(i))).orElseThrow().value());
        }
    }

    @Test
    void writesStampTheCurrentVersion() {
        customers.create(new Customer("new-1", "r-new", "Ada", "Lovelace", 2, 5, 10));
        ObjectNode created = container.readItem("new-1", new PartitionKey("r-new"), ObjectNode.class).getItem();
        assertThat(created.get("_schemaVersion").asInt()).isEqualTo(3);

        // Replacing what a read returned stores it at v3: the v1 "name" is gone.
        Versioned<Customer> read = customers.read("w-21", new PartitionKey(region(21))).orElseThrow();
        customers.replace(read.withValue(new Customer("w-21", region(21), "Grace", "Hopper", 1, 1, 1)));
        ObjectNode replaced = raw("w-21", 21);
        assertThat(replaced.get("_schemaVersion").asInt()).isEqualTo(3);
        assertThat(replaced.has("name")).isFalse();
    }

    @Test
    void softDeleteAndRestoreWriteAnOldDocumentBackUpgraded() {
        PartitionKey pk = new PartitionKey(region(33));
        customers.softDelete("w-33", pk);
        ObjectNode deleted = raw("w-33", 33);
        assertThat(deleted.get("_schemaVersion").asInt()).isEqualTo(3);
        assertThat(deleted.get("firstName").asText()).isEqualTo("First33");

        assertVersionThree(customers.restore("w-33", pk).value());
        assertVersionThree(customers.read("w-33", pk).orElseThrow().value());
    }

    @Test
    void aPatchOfAnOldDocumentAppliesToItsCurrentForm() {
        // Applied to the stored v1 form, the step v1 -> v2 would then overwrite lastName from "name".
        Versioned<Customer> patched = customers.patch("w-45", new PartitionKey(region(45)), Patch.set("/lastName", "Patched"));

        assertThat(patched.value().lastName()).isEqualTo("Patched");
        assertThat(patched.value().firstName()).isEqualTo("First45");
        ObjectNode stored = raw("w-45", 45);
        assertThat(stored.get("_schemaVersion").asInt()).isEqualTo(3);
        assertThat(stored.get("lastName").asText()).isEqualTo("Patched");
        assertThat(stored.has("name")).isFalse();
        assertThat(customers.read("w-45", new PartitionKey(region(45))).orElseThrow().value().lastName())
                .isEqualTo("Patched");
    }
}
