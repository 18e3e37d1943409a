/**
 * Access-path selection: given a query's tree, its parameter values and the container's indexing
 * policy, which index (if any) yields its candidate items and in which order
 * ({@link io.cosmolite.engine.query.access.AccessPaths}), Cosmos DB's refusals of ORDER BYs the
 * policy cannot serve, and the query's index metrics
 * ({@link io.cosmolite.engine.query.access.IndexUtilization}).
 *
 * <p>Depends on {@code query.ast}, {@code query.value}, {@code query.plan} (the text of filters),
 * {@code index}, {@code json} and {@code error}.
 */
package io.cosmolite.engine.query.access;
