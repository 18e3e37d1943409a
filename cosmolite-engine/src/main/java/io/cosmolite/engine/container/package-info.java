/**
 * Container (collection) properties as Cosmos DB validates them, fills their defaults and returns
 * them: {@link io.cosmolite.engine.container.ContainerProperties} for create and replace, and
 * {@link io.cosmolite.engine.container.ContainerPolicy}, the typed view the write path reads.
 * Depends on {@code error}, {@code json}, {@code resource} (id rules) and {@code partition}
 * (partition key definitions) only.
 */
package io.cosmolite.engine.container;
