package io.cosmolite.examples.orders;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosDatabase;
import com.azure.cosmos.models.PartitionKey;
import io.cosmolite.toolkit.cache.CachePolicy;
import io.cosmolite.toolkit.cache.CacheStatistics;
import io.cosmolite.toolkit.error.NotFoundException;
import io.cosmolite.toolkit.error.PreconditionFailedException;
import io.cosmolite.toolkit.error.ValidationException;
import io.cosmolite.toolkit.error.Violation;
import io.cosmolite.toolkit.metrics.OperationMetrics;
import io.cosmolite.toolkit.repository.DeletedItems;
import io.cosmolite.toolkit.repository.OptimisticRetry;
import io.cosmolite.toolkit.repository.Page;
import io.cosmolite.toolkit.repository.Query;
import io.cosmolite.toolkit.repository.Repository;
import io.cosmolite.toolkit.repository.Versioned;
import io.cosmolite.toolkit.schema.DocumentSchema;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The shop's use cases on the toolkit: customers and their orders in two containers (see
 * {@link ShopContainers}, applied before this service is built).
 *
 * <pre>{@code
 * try (OrderService shop = new OrderService(client.getDatabase("shop"), registry, () -> "clerk")) {
 *     Versioned<Customer> ada = shop.registerCustomer(new Customer(null, "Ada", "ada@example.com", "GB"));
 *     Versioned<Order> order = shop.placeOrder(ada.id(), "GBP", List.of(new OrderLine("BOOK-1", 2, 1250)));
 *     shop.recordPayment(ada.id(), order.id(), 2500);          // PAID, even against concurrent payments
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Every write is checked against the type's JSON Schema first ({@code schemas/*.json}): an
 *       invalid document is refused with a {@link ValidationException} listing every violation.
 *   <li>Customer lookups (each order placed checks its customer) go through a read-through cache,
 *       dropped on this service's own customer writes and on other processes' writes through the
 *       change feed (within about a second).
 *   <li>Payments are read-modify-write under optimistic concurrency, retried when another writer got
 *       there first, so concurrent payments all count; an edit made from a stale copy is refused.
 *   <li>A cancelled order is soft-deleted: gone from reads, listings and the report, restorable for
 *       {@link #CANCELLED_RETENTION}, then purged by the database.
 * </ul>
 *
 * Thread-safe. Close it to stop the cache's change-feed poller.
 */
public final class OrderService implements AutoCloseable {
    /** How long a cancelled order can still be restored before the database purges it. */
    public static final Duration CANCELLED_RETENTION = Duration.ofDays(30);
    private static final Duration CUSTOMER_FEED_POLL = Duration.ofSeconds(1);

    private final Repository<Customer> customers;
    private final Repository<Order> orders;
    private final StatusReport report;
    private final OptimisticRetry retry = OptimisticRetry.defaults();

    /**
     * The service on {@code database}'s containers, recording its metrics (cache and report query) in
     * {@code registry}, with audit fields naming {@code currentUser}'s answer on each write.
     */
    public OrderService(CosmosDatabase database, MeterRegistry registry, Supplier<String> currentUser) {
        CosmosContainer customerContainer = database.getContainer(ShopContainers.CUSTOMERS.id());
        CosmosContainer orderContainer = database.getContainer(ShopContainers.ORDERS.id());
        // Customer lookups go through the repository's read-through cache, which its own writes and,
        // through the change feed, other processes' writes invalidate.
        this.customers = Repository.builder(customerContainer, ShopContainers.CUSTOMERS, Customer.class)
                .currentUser(currentUser)
                .schema(DocumentSchema.fromResource("schemas/customer.json"))
                .cache(CachePolicy.of(Duration.ofMinutes(5), 10_000), CUSTOMER_FEED_POLL)
                .metrics(registry)
                .build();
        customers.cache().ifPresent(cache -> cache.bindTo(registry));
        this.orders = Repository.builder(orderContainer, ShopContainers.ORDERS, Order.class)
                .currentUser(currentUser)
                .schema(DocumentSchema.fromResource("schemas/order.json"))
                .metrics(registry)
                .build();
        this.report = new StatusReport(orderContainer, new OperationMetrics(registry));
    }

    // ---- customers ------------------------------------------------------------------------------

    /**
     * Registers a customer (an id is generated when it has none).
     *
     * @throws ValidationException when the customer breaks its schema (every violation listed)
     * @throws io.cosmolite.toolkit.error.ConflictException when the id is taken
     */
    public Versioned<Customer> registerCustomer(Customer customer) {
        return customers.create(customer.id() == null ? customer.withId(newId("cust")) : customer);
    }

    /** The customer with this id, from the cache when it holds it. */
    public Optional<Customer> customer(String customerId) {
        return customers.read(customerId, new PartitionKey(customerId)).map(Versioned::value);
    }

    /** Hits and misses of customer lookups so far. */
    public CacheStatistics customerLookups() {
        return customers.cache().orElseThrow().pointReadStatistics();
    }

    // ---- orders ---------------------------------------------------------------------------------

    /**
     * Places an unpaid order of {@code lines} for an existing customer, its total computed from the lines.
     *
     * @throws ValidationException when the customer does not exist or the order breaks its schema
     */
    public Versioned<Order> placeOrder(String customerId, String currency, List<OrderLine> lines) {
        if (customer(customerId).isEmpty()) {
            throw new ValidationException("invalid order",
                    List.of(new Violation("/customerId", "no customer " + customerId)));
        }
        return orders.create(Order.place(newId("ord"), customerId, currency, lines));
    }

    /** The live order, if any (a cancelled one is not). */
    public Optional<Versioned<Order>> order(String customerId, String orderId) {
        return orders.read(orderId, new PartitionKey(customerId));
    }

    /**
     * One page of a customer's live orders, newest first, from {@code continuationToken} (null for
     * the first page). A single-partition query.
     */
    public Page<Versioned<Order>> listOrders(String customerId, int pageSize, String continuationToken) {
        return orders.page(ofCustomer(customerId), pageSize, continuationToken);
    }

    /** A customer's cancelled orders, still restorable. */
    public List<Versioned<Order>> cancelledOrders(String customerId) {
        return orders.stream(ofCustomer(customerId).deleted(DeletedItems.ONLY)).toList();
    }

    /**
     * Adds a payment to an order; it is paid once the payments reach its total. Re-reads and
     * re-applies the payment when another write got in first, so concurrent payments all count.
     *
     * @throws NotFoundException when there is no live order with this id
     * @throws IllegalArgumentException when the payment would pay more than the total
     * @throws PreconditionFailedException when it lost the race every time (heavy contention)
     */
    public Versioned<Order> recordPayment(String customerId, String orderId, long cents) {
        return retry.update(orders, orderId, new PartitionKey(customerId),
                order -> order.withPayment(cents));
    }

    /**
     * Saves a changed delivery note on the version of the order the caller saw (say, in an edit form).
     *
     * @throws PreconditionFailedException when the order changed since {@code seen} was read: the
     *         caller shows the current order and asks again, nothing is overwritten
     */
    public Versioned<Order> changeDeliveryNote(Versioned<Order> seen, String note) {
        return orders.replace(seen.withValue(seen.value().withDeliveryNote(note)));
    }

    /**
     * Cancels an order: hidden from now on, restorable for {@link #CANCELLED_RETENTION}, then purged.
     *
     * @throws NotFoundException when there is no live order with this id
     */
    public Versioned<Order> cancelOrder(String customerId, String orderId) {
        return orders.softDelete(orderId, new PartitionKey(customerId), CANCELLED_RETENTION);
    }

    /**
     * Brings a cancelled order back.
     *
     * @throws NotFoundException when there is no such order (or it was purged)
     */
    public Versioned<Order> restoreOrder(String customerId, String orderId) {
        return orders.restore(orderId, new PartitionKey(customerId));
    }

    /** Live orders per status and currency across every customer (a cross-partition aggregate). */
    public List<StatusTotal> totalsByStatus() {
        return report.totals();
    }

    @Override
    public void close() {
        customers.close();
        orders.close();
    }

    private static Query ofCustomer(String customerId) {
        return Query.where("c.customerId = @customer").param("@customer", customerId)
                .inPartition(new PartitionKey(customerId))
                .orderBy("c.createdAt DESC, c.id DESC");
    }

    /** Ids with a prefix naming their type (the repository's default would be a bare UUID). */
    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
