/**
 * The meaning of values in a query: {@code undefined} (Java {@code null}) versus JSON {@code null},
 * Cosmos DB's order across types, comparison and equality with their undefined results, and
 * numbers normalised the way Cosmos DB prints them.
 *
 * <p>Depends on {@code json}.
 */
package io.cosmolite.engine.query.value;
