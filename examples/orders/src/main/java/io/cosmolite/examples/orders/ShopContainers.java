package io.cosmolite.examples.orders;

import com.azure.cosmos.CosmosClient;
import io.cosmolite.toolkit.container.CompositeIndex;
import io.cosmolite.toolkit.container.ContainerDefinition;
import io.cosmolite.toolkit.container.ContainerProvisioner;
import io.cosmolite.toolkit.container.Indexing;
import io.cosmolite.toolkit.container.PartitionKeyStrategy;
import io.cosmolite.toolkit.container.ProvisioningReport;
import java.util.List;

/**
 * The shop's two containers, defined once and applied at start. Applying them again changes nothing
 * ({@code UNCHANGED}); a definition that drifts from what exists is updated in place where Cosmos
 * allows it and otherwise reported, and the service refuses to start on a report with unapplied changes.
 */
public final class ShopContainers {
    /** Customers, partitioned by their own id: every lookup is a point read. */
    public static final ContainerDefinition CUSTOMERS = ContainerDefinition.builder("customers")
            .partitionKey(PartitionKeyStrategy.path("/id"))
            .build();

    /**
     * Orders, partitioned by customer. The composite index serves a customer's listing, newest
     * first with the id as tie-breaker (Cosmos needs a composite index to sort on two properties);
     * the courier's free text is not worth indexing. TTL is on without a default expiry, so a
     * cancelled (soft-deleted) order can be purged after a delay.
     */
    public static final ContainerDefinition ORDERS = ContainerDefinition.builder("orders")
            .partitionKey(PartitionKeyStrategy.path("/customerId"))
            .indexing(Indexing.all().excluding("/deliveryNote/?")
                    .withComposite(CompositeIndex.of("/createdAt DESC", "/id DESC")))
            .defaultTtl(-1)
            .build();

    private ShopContainers() {
    }

    /**
     * Creates or updates the database and both containers as defined.
     *
     * @throws IllegalStateException when a container differs in a way Cosmos cannot change in place
     */
    public static ProvisioningReport apply(CosmosClient client, String databaseId) {
        ProvisioningReport report = new ContainerProvisioner(client).apply(databaseId, List.of(CUSTOMERS, ORDERS));
        if (report.hasUnappliedChanges()) {
            throw new IllegalStateException("the containers differ from their definitions: " + report);
        }
        return report;
    }
}
