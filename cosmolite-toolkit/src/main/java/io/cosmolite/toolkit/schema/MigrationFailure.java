package io.cosmolite.toolkit.schema;

import java.util.Objects;

/**
 * A document the migration could not upgrade; it was left as it was.
 *
 * @param id           the document's id
 * @param partitionKey the document's partition key value, as JSON ({@code ["tenant-1"]})
 * @param reason       why: the failing step's message, or the error the database returned
 */
public record MigrationFailure(String id, String partitionKey, String reason) {
    /** Checks that every part is present. */
    public MigrationFailure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(reason, "reason");
    }
}
