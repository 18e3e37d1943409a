package io.cosmolite.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.server.CosmoliteServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code @RegisterExtension} with the defaults: in memory, HTTPS, clients trusting the self-signed certificate. */
class ExtensionOverTlsTest {
    @RegisterExtension
    static final CosmoliteExtension cosmos = CosmoliteExtension.inMemory();

    private final CosmosClient constructorClient;

    ExtensionOverTlsTest(CosmosClient client) {
        this.constructorClient = client;
    }

    @Test
    void injectedClientsWorkOverHttps(CosmosClient client, CosmosAsyncClient asyncClient, CosmoliteServer server) {
        assertThat(cosmos.endpoint()).startsWith("https://localhost:").isEqualTo(server.endpoint());
        assertThat(cosmos.key()).isEqualTo(server.masterKey());
        assertThat(client).isSameAs(cosmos.client()).isSameAs(constructorClient);
        assertThat(asyncClient).isSameAs(cosmos.asyncClient());

        client.createDatabaseIfNotExists("shop");
        client.getDatabase("shop").createContainerIfNotExists("orders", "/customer");
        CosmosContainer orders = client.getDatabase("shop").getContainer("orders");
        orders.createItem(new Order("1", "ada")); // as in the README: the SDK finds the partition key itself

        ObjectNode read = asyncClient.getDatabase("shop").getContainer("orders")
                .readItem("1", new PartitionKey("ada"), ObjectNode.class).block().getItem();
        assertThat(read.get("customer").asText()).isEqualTo("ada");
    }

    @Nested
    class NestedTests {
        @Test
        void shareTheOuterClassesServer(CosmoliteServer server) {
            assertThat(server).isSameAs(cosmos.server());
        }
    }

    record Order(String id, String customer) {
    }

    static ObjectNode order(String id, String customer) {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("customer", customer).put("total", 12.5);
    }
}
