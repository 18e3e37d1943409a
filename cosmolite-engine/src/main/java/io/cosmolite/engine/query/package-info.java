/**
 * Queries in the NoSQL language: the request, scope and page types of the public API. The layers live
 * in subpackages: {@code query.ast} (the tree), {@code query.parser} (text to tree),
 * {@code query.value} (value semantics), {@code query.functions} (built-ins), {@code query.exec}
 * (execution and pagination) and {@code query.plan} (the plan a client merges across partitions).
 *
 * <p>Depends on {@code json} and {@code partition}.
 */
package io.cosmolite.engine.query;
