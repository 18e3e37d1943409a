package io.cosmolite.toolkit.container;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The result of {@link ContainerProvisioner#apply}: one outcome per container, in definition order.
 * Check {@link #hasUnappliedChanges()} at start: a definition Cosmos could not apply means the code
 * expects a container it does not have.
 */
public record ProvisioningReport(String databaseId, boolean databaseCreated, List<ContainerOutcome> containers) {
    public ProvisioningReport {
        containers = List.copyOf(containers);
    }

    /** The outcome for container {@code id}. */
    public ContainerOutcome outcome(String id) {
        return containers.stream().filter(o -> o.containerId().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no container " + id + " in this report"));
    }

    /** Whether some container differs from its definition in a way that was not applied. */
    public boolean hasUnappliedChanges() {
        return containers.stream().anyMatch(o -> o.status() == ContainerOutcome.Status.CANNOT_APPLY);
    }
}
