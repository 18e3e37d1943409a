package io.cosmolite.toolkit.repository;

import java.time.Instant;

/** The document class of the repository tests: declares two audit fields, to see them mapped. */
record Order(String id, String tenantId, String customerId, String status, long total, Instant createdAt,
        String createdBy) {

    static Order of(String id, String customerId, String status, long total) {
        return new Order(id, "acme", customerId, status, total, null, null);
    }

    Order withTotal(long t) {
        return new Order(id, tenantId, customerId, status, t, createdAt, createdBy);
    }

    Order withStatus(String s) {
        return new Order(id, tenantId, customerId, s, total, createdAt, createdBy);
    }
}
