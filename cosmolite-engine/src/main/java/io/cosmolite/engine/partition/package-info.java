/**
 * Partitioning: partition key definitions and values, the effective partition key (EPK) hashing that
 * matches Cosmos DB and its official SDKs bit for bit, and partition key ranges over the EPK space.
 * Depends on {@code error} and {@code json} only.
 */
package io.cosmolite.engine.partition;
