/**
 * Query execution: semantic checks, expression evaluation with Cosmos DB's semantics, the pull-based
 * pipeline of small operators (FROM, JOIN, WHERE, GROUP BY and aggregates, ORDER BY, SELECT,
 * DISTINCT, OFFSET/LIMIT, TOP), pagination with self-contained continuation tokens, request charges
 * and query metrics. Items come through a {@code DocumentSource} (a scan today; the hook for
 * index-backed access). {@link io.cosmolite.engine.query.exec.QueryExecutor} is the entry point;
 * {@link io.cosmolite.engine.query.exec.PatchConditions} decides conditional patches.
 *
 * <p>Depends on {@code query}, {@code query.access}, {@code index}, {@code layout}, {@code query.ast}, {@code query.value}, {@code query.functions},
 * {@code document}, {@code partition}, {@code resource}, {@code json} and {@code error}.
 */
package io.cosmolite.engine.query.exec;
