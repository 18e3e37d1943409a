/**
 * An orders and customers service on the toolkit, and the walkthrough that {@code examples/orders/run}
 * drives against a Cosmos DB endpoint. Depends on {@code io.cosmolite.toolkit} and the official
 * {@code azure-cosmos} SDK only (public API), never on Cosmolite's engine or server, so it runs
 * unchanged against Azure Cosmos DB. Entry points: {@link io.cosmolite.examples.orders.OrderService}
 * (the use cases) and {@link io.cosmolite.examples.orders.OrdersExample} (the command).
 */
package io.cosmolite.examples.orders;
