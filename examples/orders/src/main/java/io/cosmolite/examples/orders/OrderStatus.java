package io.cosmolite.examples.orders;

/**
 * Where an order is in its life. A cancelled order is not a status: it is soft-deleted, so it
 * drops out of every listing and report until it is restored.
 */
public enum OrderStatus {
    /** Placed, not yet paid in full. */
    PLACED,
    /** Paid in full. */
    PAID
}
