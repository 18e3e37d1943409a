package io.cosmolite.toolkit.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.testing.CosmoliteExtension;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real failures of a real server, through the official SDK, mapped by {@link CosmosErrors}. */
class CosmosErrorsServerTest {
    @RegisterExtension
    static final CosmoliteExtension COSMOS = CosmoliteExtension.inMemory();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CosmosContainer items;

    @BeforeAll
    static void createContainer() {
        CosmosClient client = COSMOS.client();
        client.createDatabaseIfNotExists("errors");
        client.getDatabase("errors").createContainerIfNotExists(new CosmosContainerProperties("items", "/pk"));
        items = client.getDatabase("errors").getContainer("items");
    }

    private static ObjectNode item(String id) {
        return JSON.createObjectNode().put("id", id).put("pk", "p");
    }

    @Test
    void readingAMissingItemIsNotFound() {
        NotFoundException e = catchThrowableOfType(NotFoundException.class,
                () -> CosmosErrors.call(() -> items.readItem("missing", new PartitionKey("p"), ObjectNode.class)));

        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.activityId()).isNotBlank();
        assertThat(e.requestCharge()).isPositive();
    }

    @Test
    void creatingAnExistingIdIsAConflict() {
        items.createItem(item("dup"));

        ConflictException e = catchThrowableOfType(ConflictException.class,
                () -> CosmosErrors.call(() -> items.createItem(item("dup"))));

        assertThat(e.statusCode()).isEqualTo(409);
        assertThat(e.activityId()).isNotBlank();
    }

    @Test
    void replacingWithAStaleEtagFailsItsPrecondition() {
        String stale = items.createItem(item("etag")).getETag();
        items.upsertItem(item("etag").put("n", 2));

        PreconditionFailedException e = catchThrowableOfType(PreconditionFailedException.class,
                () -> CosmosErrors.call(() -> items.replaceItem(item("etag").put("n", 3), "etag", new PartitionKey("p"),
                        new CosmosItemRequestOptions().setIfMatchETag(stale))));

        assertThat(e.statusCode()).isEqualTo(412);
    }

    @Test
    void aBadQueryIsABadRequest() {
        BadRequestException e = catchThrowableOfType(BadRequestException.class,
                () -> CosmosErrors.call(() -> items.queryItems("SELECT * FROM c WHERE", new CosmosQueryRequestOptions(),
                        ObjectNode.class).stream().toList()));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.getMessage()).isNotBlank();
    }

    @Test
    void aClientWithTheWrongKeyIsUnauthorized() {
        String wrongKey = Base64.getEncoder().encodeToString(new byte[64]);

        UnauthorizedException e = catchThrowableOfType(UnauthorizedException.class, () -> CosmosErrors.run(() -> {
            try (CosmosClient intruder = new CosmosClientBuilder().endpoint(COSMOS.endpoint()).key(wrongKey)
                    .gatewayMode().buildClient()) {
                intruder.getDatabase("errors").getContainer("items").readItem("x", new PartitionKey("p"), ObjectNode.class);
            }
        }));

        assertThat(e.statusCode()).isEqualTo(401);
    }
}
