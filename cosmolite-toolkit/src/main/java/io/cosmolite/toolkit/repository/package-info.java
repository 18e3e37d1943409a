/**
 * A repository per document type ({@link io.cosmolite.toolkit.repository.Repository}): create, batch
 * create and delete, point reads, parameterized and paged queries, optimistic concurrency on
 * {@code _etag}, patch, upsert, soft delete with restore and optional purge by TTL, audit fields, id
 * generation; and {@link io.cosmolite.toolkit.repository.OptimisticRetry} for read-modify-write under
 * contention. Options of {@link io.cosmolite.toolkit.repository.RepositoryBuilder} wire in the other
 * packages: schema validation on write and version upgrades on read ({@code schema}), a read-through
 * point-read cache ({@code cache}), client metrics ({@code metrics}).
 *
 * <p>Depends on the SDK's public API, Jackson, Micrometer's API and the toolkit's {@code error},
 * {@code container}, {@code schema}, {@code cache} and {@code metrics} packages: it is the layer that
 * joins them; none of them depends on it.
 */
package io.cosmolite.toolkit.repository;
