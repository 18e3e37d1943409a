package io.cosmolite.examples.orders;

import io.cosmolite.toolkit.cache.CacheStatistics;
import io.cosmolite.toolkit.container.ProvisioningReport;
import io.cosmolite.toolkit.error.Violation;
import io.cosmolite.toolkit.repository.Versioned;
import java.util.List;

/**
 * What each step of a {@link Walkthrough} ended with, for a test to check.
 *
 * @param firstProvisioning the first application of the container definitions
 * @param secondProvisioning the second, on what the first one made
 * @param customers the customers registered
 * @param invalidCustomer the violations of the customer that was refused
 * @param orders the orders placed, in the order they were placed
 * @param invalidOrder the violations of the order that was refused for its content
 * @param unknownCustomer the violations of the order refused for its customer
 * @param listingPages the first customer's order ids, page by page
 * @param staleEditStatus the HTTP status of the edit made from a stale copy
 * @param editedOrder the order after the edit made again from a fresh copy
 * @param installments how many payments were made at once on one order
 * @param concurrentlyPaid that order after them
 * @param cancelledHidden whether a cancelled order was absent from a point read
 * @param listedAfterCancel the ids listed for its customer after the cancellation
 * @param cancelledListed the ids listed as cancelled for its customer
 * @param restored the order cancelled and then restored, read again
 * @param totals the report across customers, at the end
 * @param customerLookups the customer cache's counters, at the end
 */
public record WalkthroughResult(ProvisioningReport firstProvisioning, ProvisioningReport secondProvisioning,
        List<Versioned<Customer>> customers, List<Violation> invalidCustomer, List<Versioned<Order>> orders,
        List<Violation> invalidOrder, List<Violation> unknownCustomer, List<List<String>> listingPages,
        int staleEditStatus, Versioned<Order> editedOrder, int installments, Versioned<Order> concurrentlyPaid,
        boolean cancelledHidden, List<String> listedAfterCancel, List<String> cancelledListed,
        Versioned<Order> restored, List<StatusTotal> totals, CacheStatistics customerLookups) {
}
