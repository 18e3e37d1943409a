package io.cosmolite.toolkit.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.models.CompositePathSortOrder;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.ExcludedPath;
import io.cosmolite.testing.CosmoliteExtension;
import io.cosmolite.toolkit.container.ContainerOutcome.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Definitions applied to a real server: created once, then unchanged, updated, or reported. */
class ContainerProvisionerTest {
    @RegisterExtension
    final CosmoliteExtension cosmos = CosmoliteExtension.inMemory();   // a server per test: each starts empty

    private static final ContainerDefinition ORDERS = ContainerDefinition.builder("orders")
            .partitionKey(PartitionKeyStrategy.path("/customerId"))
            .indexing(Indexing.all().excluding("/payload/*"))
            .uniqueKey("/orderNumber")
            .throughput(Throughput.manual(400))
            .build();
    private static final ContainerDefinition EVENTS = ContainerDefinition.builder("events")
            .partitionKey(PartitionKeyStrategy.hierarchical("/tenantId", "/userId"))
            .defaultTtl(3600)
            .build();

    private ProvisioningReport apply(ContainerDefinition... definitions) {
        return new ContainerProvisioner(cosmos.client()).apply("shop", List.of(definitions));
    }

    private CosmosContainerProperties read(String id) {
        return cosmos.client().getDatabase("shop").getContainer(id).read().getProperties();
    }

    @Test
    void theFirstApplyCreatesAndTheSecondChangesNothing() {
        ProvisioningReport first = apply(ORDERS, EVENTS);

        assertThat(first.databaseCreated()).isTrue();
        assertThat(first.containers()).extracting(ContainerOutcome::status).containsExactly(Status.CREATED, Status.CREATED);
        CosmosContainerProperties events = read("events");
        assertThat(events.getPartitionKeyDefinition().getPaths()).containsExactly("/tenantId", "/userId");
        assertThat(events.getDefaultTimeToLiveInSeconds()).isEqualTo(3600);
        assertThat(read("orders").getUniqueKeyPolicy().getUniqueKeys().get(0).getPaths()).containsExactly("/orderNumber");

        ProvisioningReport second = apply(ORDERS, EVENTS);

        assertThat(second.databaseCreated()).isFalse();
        assertThat(second.containers()).extracting(ContainerOutcome::status).containsExactly(Status.UNCHANGED, Status.UNCHANGED);
        assertThat(second.hasUnappliedChanges()).isFalse();
    }

    @Test
    void aChangedIndexingPolicyAndTtlAreUpdatedAndVisibleOnRead() {
        apply(ORDERS);
        ContainerDefinition changed = ORDERS.toBuilder()
                .indexing(Indexing.all().excluding("/payload/*", "/notes/*")
                        .withComposite(CompositeIndex.of("/status", "/createdAt DESC")))
                .defaultTtl(-1)
                .build();

        ContainerOutcome outcome = apply(changed).outcome("orders");

        assertThat(outcome.status()).isEqualTo(Status.UPDATED);
        assertThat(outcome.applied()).containsExactly("indexing policy", "default TTL off -> -1");
        CosmosContainerProperties stored = read("orders");
        assertThat(stored.getIndexingPolicy().getExcludedPaths()).extracting(ExcludedPath::getPath)
                .contains("/payload/*", "/notes/*");
        assertThat(stored.getIndexingPolicy().getCompositeIndexes()).singleElement().satisfies(composite -> {
            assertThat(composite.get(1).getPath()).isEqualTo("/createdAt");
            assertThat(composite.get(1).getOrder()).isEqualTo(CompositePathSortOrder.DESCENDING);
        });
        assertThat(stored.getDefaultTimeToLiveInSeconds()).isEqualTo(-1);
        assertThat(apply(changed).outcome("orders").status()).isEqualTo(Status.UNCHANGED);
    }

    @Test
    void aChangedPartitionKeyOrUniqueKeyIsReportedNotApplied() {
        apply(ORDERS);
        ContainerDefinition repartitioned = ORDERS.toBuilder().partitionKey(PartitionKeyStrategy.path("/tenantId"))
                .indexing(Indexing.all())
                .build();

        ProvisioningReport report = apply(repartitioned);

        ContainerOutcome outcome = report.outcome("orders");
        assertThat(report.hasUnappliedChanges()).isTrue();
        assertThat(outcome.status()).isEqualTo(Status.CANNOT_APPLY);
        assertThat(outcome.notApplied()).singleElement().asString().contains("partition key [/customerId] -> [/tenantId]");
        assertThat(outcome.applied()).containsExactly("indexing policy");   // what could be applied, was
        assertThat(read("orders").getPartitionKeyDefinition().getPaths()).containsExactly("/customerId");

        ContainerDefinition otherUniqueKey = ContainerDefinition.builder("orders")
                .partitionKey(PartitionKeyStrategy.path("/customerId")).uniqueKey("/email").throughput(Throughput.manual(400))
                .build();
        assertThat(apply(otherUniqueKey).outcome("orders").notApplied()).singleElement().asString().contains("unique keys");
    }

    @Test
    void throughputChangesWithinItsModeAndAModeSwitchIsReported() {
        apply(ORDERS);

        ContainerOutcome raised = apply(ORDERS.toBuilder().throughput(Throughput.manual(800)).build()).outcome("orders");
        assertThat(raised.status()).isEqualTo(Status.UPDATED);
        assertThat(cosmos.client().getDatabase("shop").getContainer("orders").readThroughput().getProperties()
                .getManualThroughput()).isEqualTo(800);

        ContainerOutcome switched = apply(ORDERS.toBuilder().throughput(Throughput.autoscale(4000)).build()).outcome("orders");
        assertThat(switched.status()).isEqualTo(Status.CANNOT_APPLY);
        assertThat(switched.notApplied()).singleElement().asString().contains("autoscale");
    }
}
