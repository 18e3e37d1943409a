package io.cosmolite.toolkit.repository;

import java.time.Instant;

/** Who created and last changed a document, and when (the repository's clock and user supplier). */
public record Audit(Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
