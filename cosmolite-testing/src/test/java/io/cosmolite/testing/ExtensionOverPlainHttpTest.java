package io.cosmolite.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.server.CosmoliteServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @Cosmolite(tls = false, partitions = 4)}: plain HTTP, four ranges per container, clients injected. */
@Cosmolite(tls = false, partitions = 4)
class ExtensionOverPlainHttpTest {
    @Test
    void injectedClientsWorkOverHttpWithFourPartitions(CosmosClient client, CosmosAsyncClient asyncClient,
                                                       CosmoliteServer server) {
        assertThat(server.endpoint()).startsWith("http://localhost:");
        assertThat(server.options().partitions()).isEqualTo(4);

        asyncClient.createDatabaseIfNotExists("shop").block();
        asyncClient.getDatabase("shop").createContainerIfNotExists("orders", "/customer").block();
        CosmosAsyncContainer orders = asyncClient.getDatabase("shop").getContainer("orders");
        for (String customer : List.of("ada", "bob", "cy", "dee", "eve", "fay")) {
            orders.createItem(ExtensionOverTlsTest.order("o-" + customer, customer)).block();
        }

        assertThat(client.getDatabase("shop").getContainer("orders")
                .readItem("o-eve", new PartitionKey("eve"), ObjectNode.class).getItem().get("customer").asText())
                .isEqualTo("eve");
        assertThat(client.getDatabase("shop").getContainer("orders").getFeedRanges()).hasSize(4);
    }
}
