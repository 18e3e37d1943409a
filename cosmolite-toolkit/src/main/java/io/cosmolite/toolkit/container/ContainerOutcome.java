package io.cosmolite.toolkit.container;

import java.util.List;

/**
 * What provisioning did to one container.
 *
 * @param containerId the container
 * @param status the overall result
 * @param applied the changes made to an existing container (e.g. "indexing policy"), empty otherwise
 * @param notApplied the differences Cosmos cannot apply to an existing container, each with why
 *        (e.g. a new partition key: the data must be copied to a new container)
 */
public record ContainerOutcome(String containerId, Status status, List<String> applied, List<String> notApplied) {
    public ContainerOutcome {
        applied = List.copyOf(applied);
        notApplied = List.copyOf(notApplied);
    }

    /** The overall result for one container. */
    public enum Status {
        /** The container did not exist and was created as defined. */
        CREATED,
        /** The container already matched its definition. */
        UNCHANGED,
        /** The container existed and was changed to match (see {@link #applied()}). */
        UPDATED,
        /**
         * The container differs in a way Cosmos cannot change in place (see {@link #notApplied()});
         * what could be applied was (see {@link #applied()}).
         */
        CANNOT_APPLY
    }
}
