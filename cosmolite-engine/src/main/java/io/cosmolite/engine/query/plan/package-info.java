/**
 * The query plan a gateway returns to the official SDKs for a query-plan request (Cosmos DB's
 * {@code PartitionedQueryExecutionInfo}): what the client must do across partition key ranges
 * (ORDER BY merge, partial aggregates, GROUP BY, DISTINCT, TOP, OFFSET/LIMIT), the rewritten
 * per-range query text, and the effective-partition-key ranges the query can touch. Also the
 * text form of query trees ({@link io.cosmolite.engine.query.plan.QueryText}).
 *
 * <p>Depends on {@code query.ast}, {@code partition}, {@code json} and {@code error}.
 */
package io.cosmolite.engine.query.plan;
