package io.cosmolite.examples.orders;

/**
 * A customer, stored in the {@code customers} container and partitioned by its own id: every lookup
 * is a point read by id. The repository adds the audit fields ({@code createdAt}, ...) next to these.
 *
 * @param id the customer id; null to have one generated
 * @param name the display name
 * @param email the address orders are confirmed to
 * @param country the ISO 3166-1 alpha-2 code, e.g. {@code GB}
 */
public record Customer(String id, String name, String email, String country) {
    /** This customer under another id. */
    public Customer withId(String newId) {
        return new Customer(newId, name, email, country);
    }
}
