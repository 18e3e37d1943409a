package io.cosmolite.examples.orders;

/**
 * One row of the report across all customers: the live orders in one status and currency, and
 * their amounts.
 *
 * @param status the orders' status
 * @param currency the orders' currency (amounts of different currencies are never added up)
 * @param orders how many live orders there are
 * @param totalCents the sum of their totals, in cents
 */
public record StatusTotal(OrderStatus status, String currency, long orders, long totalCents) {
}
