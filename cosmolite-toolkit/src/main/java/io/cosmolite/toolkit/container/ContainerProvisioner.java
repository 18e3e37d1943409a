package io.cosmolite.toolkit.container;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosDatabase;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.ThroughputProperties;
import io.cosmolite.toolkit.container.ContainerOutcome.Status;
import io.cosmolite.toolkit.error.ConflictException;
import io.cosmolite.toolkit.error.CosmosDataException;
import io.cosmolite.toolkit.error.CosmosErrors;
import io.cosmolite.toolkit.error.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies container definitions idempotently, typically once at start: creates the database and
 * the containers that are missing, replaces the indexing policy and default TTL where they changed,
 * adjusts throughput within its mode, and reports (never silently ignores) what Cosmos cannot change
 * in place: the partition key, the unique keys, a switch between manual and autoscale throughput.
 *
 * <pre>{@code
 * ProvisioningReport report = new ContainerProvisioner(client).apply("shop", List.of(orders, customers));
 * if (report.hasUnappliedChanges()) {
 *     throw new IllegalStateException("containers differ from their definitions: " + report);
 * }
 * }</pre>
 *
 * <p>Safe to run from several instances at once: a container another instance has just created is
 * compared like any existing one.
 */
public final class ContainerProvisioner {
    private final CosmosClient client;

    public ContainerProvisioner(CosmosClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Makes database {@code databaseId} and its containers match {@code definitions}; see the class comment. */
    public ProvisioningReport apply(String databaseId, List<ContainerDefinition> definitions) {
        boolean databaseCreated = CosmosErrors.call(() -> client.createDatabaseIfNotExists(databaseId)).getStatusCode() == 201;
        CosmosDatabase database = client.getDatabase(databaseId);
        List<ContainerOutcome> outcomes = new ArrayList<>();
        for (ContainerDefinition definition : definitions) {
            outcomes.add(apply(database, definition));
        }
        return new ProvisioningReport(databaseId, databaseCreated, outcomes);
    }

    private ContainerOutcome apply(CosmosDatabase database, ContainerDefinition definition) {
        CosmosContainer container = database.getContainer(definition.id());
        CosmosContainerProperties actual;
        try {
            actual = CosmosErrors.call(() -> container.read()).getProperties();
        } catch (NotFoundException absent) {
            try {
                create(database, definition);
                return new ContainerOutcome(definition.id(), Status.CREATED, List.of(), List.of());
            } catch (ConflictException createdMeanwhile) {
                actual = CosmosErrors.call(() -> container.read()).getProperties();
            }
        }
        List<String> notApplied = new ArrayList<>(ContainerDrift.unappliable(definition, actual));
        List<String> applied = new ArrayList<>(ContainerDrift.reconcile(definition, actual));
        if (!applied.isEmpty()) {
            CosmosContainerProperties replacement = actual;
            CosmosErrors.call(() -> container.replace(replacement));
        }
        reconcileThroughput(container, definition.throughput(), applied, notApplied);
        Status status = !notApplied.isEmpty() ? Status.CANNOT_APPLY : applied.isEmpty() ? Status.UNCHANGED : Status.UPDATED;
        return new ContainerOutcome(definition.id(), status, applied, notApplied);
    }

    private static void create(CosmosDatabase database, ContainerDefinition definition) {
        CosmosContainerProperties properties = definition.toProperties();
        if (definition.throughput() == null) {
            CosmosErrors.call(() -> database.createContainer(properties));
        } else {
            CosmosErrors.call(() -> database.createContainer(properties, definition.throughput().toSdk()));
        }
    }

    /** Changes the RU/s within the same mode; a mode switch is reported, as Cosmos migrates it separately. */
    private static void reconcileThroughput(CosmosContainer container, Throughput wanted, List<String> applied,
            List<String> notApplied) {
        if (wanted == null) {
            return;
        }
        ThroughputProperties actual;
        try {
            actual = CosmosErrors.call(container::readThroughput).getProperties();
        } catch (NotFoundException shared) {
            notApplied.add("throughput " + wanted + ": the container has none of its own (shared database"
                    + " throughput or serverless) and Cosmos cannot add it to an existing container");
            return;
        }
        boolean actualAutoscale = actual.getAutoscaleMaxThroughput() > 0;
        Throughput current = actualAutoscale ? Throughput.autoscale(actual.getAutoscaleMaxThroughput())
                : Throughput.manual(actual.getManualThroughput());
        if (current.equals(wanted)) {
            return;
        }
        if (actualAutoscale != (wanted instanceof Throughput.Autoscale)) {
            notApplied.add("throughput " + current + " -> " + wanted
                    + ": switching between manual and autoscale is a migration to run in Azure");
            return;
        }
        try {
            CosmosErrors.call(() -> container.replaceThroughput(wanted.toSdk()));
            applied.add("throughput " + current + " -> " + wanted);
        } catch (CosmosDataException refused) {
            notApplied.add("throughput " + current + " -> " + wanted + ": refused (" + refused.statusCode() + ") "
                    + refused.getMessage());
        }
    }
}
