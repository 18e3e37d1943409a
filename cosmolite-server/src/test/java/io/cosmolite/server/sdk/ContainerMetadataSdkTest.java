package io.cosmolite.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosAsyncDatabase;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosContainerRequestOptions;
import com.azure.cosmos.models.CosmosContainerResponse;
import com.azure.cosmos.models.ExcludedPath;
import com.azure.cosmos.models.FeedRange;
import com.azure.cosmos.models.IndexingPolicy;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.ThroughputProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Containers through the official SDK (async client, plain HTTP, 4 physical partitions): create, read,
 * list, replace, delete, throughput, and the partition key ranges the SDK routes by.
 */
class ContainerMetadataSdkTest {
    private static SdkFixture fx;
    private static CosmosAsyncDatabase db;

    @BeforeAll
    static void start() {
        fx = SdkFixture.start(4, false);
        CosmosAsyncClient client = fx.asyncClient();
        client.createDatabase("db").block();
        db = client.getDatabase("db");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void createReadListDelete() {
        CosmosContainerResponse created = db.createContainer("orders", "/customer").block();
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getProperties().getPartitionKeyDefinition().getPaths()).containsExactly("/customer");
        CosmosAsyncContainer c = db.getContainer("orders");
        CosmosContainerResponse read = c.read().block();
        assertThat(read.getProperties().getResourceId()).isEqualTo(created.getProperties().getResourceId());
        assertThat(read.getProperties().getIndexingPolicy().getIndexingMode().toString()).isEqualToIgnoringCase("consistent");

        db.createContainerIfNotExists("other", "/k").block();
        assertThat(db.createContainerIfNotExists("other", "/k").block().getStatusCode()).isEqualTo(200);
        List<String> ids = db.readAllContainers().map(CosmosContainerProperties::getId).collectList().block();
        assertThat(ids).contains("orders", "other");
        assertThat(db.queryContainers("SELECT * FROM c WHERE c.id = 'other'").map(CosmosContainerProperties::getId)
                .collectList().block()).containsExactly("other");

        assertThat(c.delete().block().getStatusCode()).isEqualTo(204);
        assertThatThrownBy(() -> c.read().block()).isInstanceOfSatisfying(CosmosException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void duplicateIs409() {
        db.createContainer("dup", "/k").block();
        assertThatThrownBy(() -> db.createContainer("dup", "/k").block()).isInstanceOfSatisfying(CosmosException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(409));
    }

    @Test
    void replaceChangesTheIndexingPolicyButNotThePartitionKey() {
        db.createContainer("replaced", "/pk").block();
        CosmosAsyncContainer c = db.getContainer("replaced");
        CosmosContainerProperties props = c.read().block().getProperties();
        IndexingPolicy policy = props.getIndexingPolicy();
        policy.setExcludedPaths(List.of(new ExcludedPath("/big/*")));
        CosmosContainerResponse replaced = c.replace(props).block();
        assertThat(replaced.getStatusCode()).isEqualTo(200);
        assertThat(c.read().block().getProperties().getIndexingPolicy().getExcludedPaths())
                .extracting(ExcludedPath::getPath).contains("/big/*");

        CosmosContainerProperties moved = c.read().block().getProperties();
        PartitionKeyDefinition other = new PartitionKeyDefinition();
        other.setPaths(List.of("/elsewhere"));
        moved.setPartitionKeyDefinition(other);
        assertThatThrownBy(() -> c.replace(moved).block()).isInstanceOfSatisfying(CosmosException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void invalidBodyIs400() {
        CosmosContainerProperties props = new CosmosContainerProperties("bad-ttl", "/pk");
        props.setDefaultTimeToLiveInSeconds(0);
        assertThatThrownBy(() -> db.createContainer(props).block()).isInstanceOfSatisfying(CosmosException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void throughputIsReadAndReplaced() {
        db.createContainer("provisioned", "/pk", ThroughputProperties.createManualThroughput(500)).block();
        CosmosAsyncContainer c = db.getContainer("provisioned");
        assertThat(c.readThroughput().block().getProperties().getManualThroughput()).isEqualTo(500);
        c.replaceThroughput(ThroughputProperties.createManualThroughput(900)).block();
        assertThat(c.readThroughput().block().getProperties().getManualThroughput()).isEqualTo(900);

        db.createContainer("autoscaled", "/pk", ThroughputProperties.createAutoscaledThroughput(4000)).block();
        CosmosAsyncContainer autoscaled = db.getContainer("autoscaled");
        assertThat(autoscaled.readThroughput().block().getProperties().getAutoscaleMaxThroughput()).isEqualTo(4000);
        autoscaled.replaceThroughput(ThroughputProperties.createAutoscaledThroughput(6000)).block();
        assertThat(autoscaled.readThroughput().block().getProperties().getAutoscaleMaxThroughput()).isEqualTo(6000);
    }

    @Test
    void quotaInfoCountsTheItems() {
        db.createContainer("counted", "/pk").block();
        CosmosAsyncContainer c = db.getContainer("counted");
        for (int i = 0; i < 3; i++) {
            c.createItem(Map.of("id", "i" + i, "pk", "p" + i)).block();
        }
        CosmosContainerResponse r = c.read(new CosmosContainerRequestOptions().setQuotaInfoEnabled(true)).block();
        assertThat(r.getCurrentResourceQuotaUsage()).contains("documentsCount=3;");
        assertThat(r.getMaxResourceQuota()).contains("storedProcedures=100;");
    }

    @Test
    void fourPartitionsAreFourFeedRanges() {
        db.createContainer("ranged", "/pk").block();
        CosmosAsyncContainer c = db.getContainer("ranged");
        List<FeedRange> ranges = c.getFeedRanges().block();
        assertThat(ranges).hasSize(4);
        assertThat(ranges.stream().map(FeedRange::toString).distinct()).hasSize(4);
    }
}
