package io.cosmolite.toolkit.repository;

/** The current (v3) form of {@link io.cosmolite.toolkit.schema.CustomerVersions}' document, for the repository tests. */
record Customer(String id, String region, String firstName, String lastName, int qty, int price, int total) {
}
