/**
 * Declarative container definitions ({@link io.cosmolite.toolkit.container.ContainerDefinition}:
 * partition key strategy, indexing, TTL, unique keys, throughput, consistency) and
 * {@link io.cosmolite.toolkit.container.ContainerProvisioner}, which applies them idempotently at
 * start and reports what it could not apply. Depends on the SDK's public API, Jackson and
 * {@code io.cosmolite.toolkit.error}.
 */
package io.cosmolite.toolkit.container;
