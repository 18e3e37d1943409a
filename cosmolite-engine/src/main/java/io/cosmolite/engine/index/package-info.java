/**
 * Secondary indexes driven by a container's indexing policy: the order-preserving encoding of
 * values ({@link io.cosmolite.engine.index.IndexKeyCodec}), the entries a document has under a
 * policy ({@link io.cosmolite.engine.index.IndexDefinition}, the one place that decides which
 * paths are indexed, {@link io.cosmolite.engine.index.IndexedPaths}), their maintenance on every
 * write and their online build after a policy change
 * ({@link io.cosmolite.engine.index.IndexRuntime}), and cursors over one physical partition's
 * entries for queries.
 *
 * <p>Depends on {@code storage}, {@code layout}, {@code resource}, {@code json} and {@code error}.
 */
package io.cosmolite.engine.index;
