/**
 * The request-unit model: what every operation is charged, calibrated to Cosmos DB's published
 * figures and documented in {@code docs/request-units.md}. Pure functions of sizes and counts;
 * depends on {@code index} (which paths a policy indexes, shared with the index itself) and
 * Jackson's tree model for counting indexed terms.
 */
package io.cosmolite.engine.ru;
