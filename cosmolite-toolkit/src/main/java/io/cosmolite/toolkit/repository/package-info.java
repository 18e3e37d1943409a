/**
 * A repository per document type ({@link io.cosmolite.toolkit.repository.Repository}): create, batch
 * create and delete, point reads, parameterized and paged queries, optimistic concurrency on
 * {@code _etag}, patch, upsert, soft delete with restore and optional purge by TTL, audit fields, id
 * generation; and {@link io.cosmolite.toolkit.repository.OptimisticRetry} for read-modify-write under
 * contention. Depends on the SDK's public API, Jackson, {@code io.cosmolite.toolkit.error} and
 * {@code io.cosmolite.toolkit.container}.
 */
package io.cosmolite.toolkit.repository;
