package io.cosmolite.examples.orders;

import com.azure.cosmos.CosmosClient;
import io.cosmolite.toolkit.cache.CacheStatistics;
import io.cosmolite.toolkit.container.ContainerOutcome;
import io.cosmolite.toolkit.container.ProvisioningReport;
import io.cosmolite.toolkit.error.CosmosErrors;
import io.cosmolite.toolkit.error.NotFoundException;
import io.cosmolite.toolkit.error.PreconditionFailedException;
import io.cosmolite.toolkit.error.ValidationException;
import io.cosmolite.toolkit.error.Violation;
import io.cosmolite.toolkit.repository.Page;
import io.cosmolite.toolkit.repository.Versioned;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The scripted tour of {@link OrderService}: each step prints what it does and what came back, and
 * the outcomes are returned for a test to check. It owns its database: drops it and starts afresh,
 * so every run prints the same figures.
 */
public final class Walkthrough {
    private static final int PAGE_SIZE = 2;
    private static final int INSTALLMENTS = 4;

    private final CosmosClient client;
    private final String databaseId;
    private final MeterRegistry registry;
    private final PrintStream out;
    /** Who the audit fields name: the part of the shop acting in the current step. */
    private final AtomicReference<String> actor = new AtomicReference<>("setup");
    private int steps;

    public Walkthrough(CosmosClient client, String databaseId, MeterRegistry registry, PrintStream out) {
        this.client = client;
        this.databaseId = databaseId;
        this.registry = registry;
        this.out = out;
    }

    /** Runs every step; any unexpected outcome throws. */
    public WalkthroughResult run() throws InterruptedException {
        step("Start from an empty database %s", databaseId);
        dropDatabase();

        step("Apply the container definitions (customers by /id; orders by /customerId, composite index, TTL on)");
        ProvisioningReport first = ShopContainers.apply(client, databaseId);
        printOutcomes(first);
        step("Apply them again: nothing to change");
        ProvisioningReport second = ShopContainers.apply(client, databaseId);
        printOutcomes(second);

        try (OrderService shop = new OrderService(client.getDatabase(databaseId), registry, actor::get)) {
            return tour(shop, first, second);
        }
    }

    private WalkthroughResult tour(OrderService shop, ProvisioningReport first, ProvisioningReport second)
            throws InterruptedException {
        actor.set("sales");
        step("Register customers (as %s)", actor.get());
        Versioned<Customer> ada = shop.registerCustomer(new Customer(null, "Ada Lovelace", "ada@example.com", "GB"));
        Versioned<Customer> grace = shop.registerCustomer(new Customer(null, "Grace Hopper", "grace@example.com", "US"));
        Versioned<Customer> linus = shop.registerCustomer(new Customer(null, "Linus Torvalds", "linus@example.org", "FI"));
        for (Versioned<Customer> c : List.of(ada, grace, linus)) {
            say("registered %s %s <%s>, created by %s at %s", c.id(), c.value().name(), c.value().email(),
                    c.audit().createdBy(), c.audit().createdAt());
        }
        say("a customer with no name, a bad address and a country name:");
        List<Violation> invalidCustomer = refused(() -> shop.registerCustomer(
                new Customer(null, "", "not-an-address", "Finland")));

        step("Place orders (each checks its customer through the cache, and the order's schema)");
        Versioned<Order> ada1 = place(shop, ada, "GBP", new OrderLine("BOOK-1", 2, 1250), new OrderLine("PEN-7", 1, 300));
        Versioned<Order> ada2 = place(shop, ada, "GBP", new OrderLine("BOOK-2", 1, 1999));
        Versioned<Order> ada3 = place(shop, ada, "GBP", new OrderLine("MUG-3", 4, 850));
        Versioned<Order> grace1 = place(shop, grace, "USD", new OrderLine("LAPTOP-14", 1, 129_900),
                new OrderLine("CABLE-2", 2, 1500));
        Versioned<Order> linus1 = place(shop, linus, "EUR", new OrderLine("KEYBOARD-5", 1, 8900));
        say("an order with a zero quantity, a lower-case product code and an unknown currency:");
        List<Violation> invalidOrder = refused(() -> shop.placeOrder(ada.id(), "XXX",
                List.of(new OrderLine("BOOK-1", 0, 1250), new OrderLine("book-2", 1, 1999))));
        say("an order for a customer who does not exist:");
        List<Violation> unknownCustomer = refused(() -> shop.placeOrder("cust-nobody", "EUR",
                List.of(new OrderLine("BOOK-1", 1, 1250))));

        step("List %s's orders, newest first, %d a page", ada.value().name(), PAGE_SIZE);
        List<List<String>> pages = listAll(shop, ada.id());

        actor.set("support");
        step("Optimistic concurrency: %s opens order %s to edit its delivery note", actor.get(), ada1.id());
        Versioned<Order> seen = shop.order(ada.id(), ada1.id()).orElseThrow();
        actor.set("payments");
        Versioned<Order> paid = shop.recordPayment(ada.id(), ada1.id(), ada1.value().totalCents());
        say("meanwhile %s records a payment of %s: %s, etag %s", actor.get(), money(ada1.value()), paid.value().status(),
                paid.etag());
        actor.set("support");
        int staleStatus;
        try {
            shop.changeDeliveryNote(seen, "leave with the neighbour");
            throw new IllegalStateException("an edit of a stale copy was accepted");
        } catch (PreconditionFailedException stale) {
            staleStatus = stale.statusCode();
            say("saving the note on the copy read before (etag %s) is refused: %d precondition failed", seen.etag(),
                    staleStatus);
        }
        Versioned<Order> edited = shop.changeDeliveryNote(shop.order(ada.id(), ada1.id()).orElseThrow(),
                "leave with the neighbour");
        say("saved again on a fresh copy: note \"%s\", status still %s, paid %d of %d", edited.value().deliveryNote(),
                edited.value().status(), edited.value().paidCents(), edited.value().totalCents());

        actor.set("payments");
        step("%d payments arrive at once for order %s (total %s)", INSTALLMENTS, grace1.id(), money(grace1.value()));
        long lostBefore = lostRaces();
        Versioned<Order> concurrentlyPaid = payInInstallments(shop, grace1);
        say("after them: %s, paid %d of %d", concurrentlyPaid.value().status(), concurrentlyPaid.value().paidCents(),
                concurrentlyPaid.value().totalCents());
        say("%d write(s) lost a race (412) and were re-read and re-applied: no payment was lost",
                lostRaces() - lostBefore);

        actor.set("support");
        step("Cancel order %s of %s (soft delete, purged after %d days unless restored)", ada3.id(),
                ada.value().name(), OrderService.CANCELLED_RETENTION.toDays());
        shop.cancelOrder(ada.id(), ada3.id());
        boolean hidden = shop.order(ada.id(), ada3.id()).isEmpty();
        say("read by id: %s", hidden ? "not found" : "still there");
        List<String> listedAfterCancel = shop.listOrders(ada.id(), 10, null).items().stream().map(Versioned::id).toList();
        say("listing: %s", listedAfterCancel);
        List<String> cancelled = shop.cancelledOrders(ada.id()).stream().map(Versioned::id).toList();
        say("cancelled orders: %s", cancelled);

        step("Cancel order %s of %s, then restore it", linus1.id(), linus.value().name());
        shop.cancelOrder(linus.id(), linus1.id());
        say("cancelled: read by id %s", shop.order(linus.id(), linus1.id()).isEmpty() ? "not found" : "still there");
        shop.restoreOrder(linus.id(), linus1.id());
        Versioned<Order> restored = shop.order(linus.id(), linus1.id())
                .orElseThrow(() -> new IllegalStateException("a restored order is not readable"));
        say("restored: %s %s, last changed by %s", restored.value().status(), money(restored.value()),
                restored.audit().updatedBy());

        step("Report across all customers (cross-partition GROUP BY; cancelled orders left out)");
        List<StatusTotal> totals = shop.totalsByStatus();
        for (StatusTotal t : totals) {
            say("%-6s %s  %d order(s)  %s", t.status(), t.currency(), t.orders(), amount(t.totalCents()));
        }

        step("Customer lookups through the cache");
        CacheStatistics lookups = shop.customerLookups();
        say("%d hits, %d misses (%.0f%% hit rate), average load %.1f ms", lookups.hits(), lookups.misses(),
                lookups.hitRate() * 100, lookups.averageLoadTime().toNanos() / 1e6);

        return new WalkthroughResult(first, second, List.of(ada, grace, linus), invalidCustomer,
                List.of(ada1, ada2, ada3, grace1, linus1), invalidOrder, unknownCustomer, pages, staleStatus, edited,
                INSTALLMENTS, concurrentlyPaid, hidden, listedAfterCancel, cancelled, restored, totals, lookups);
    }

    private Versioned<Order> place(OrderService shop, Versioned<Customer> customer, String currency, OrderLine... lines) {
        Versioned<Order> order = shop.placeOrder(customer.id(), currency, List.of(lines));
        say("placed %s for %s: %d line(s), %s", order.id(), customer.value().name(), lines.length, money(order.value()));
        return order;
    }

    private List<List<String>> listAll(OrderService shop, String customerId) {
        List<List<String>> pages = new ArrayList<>();
        String token = null;
        do {
            Page<Versioned<Order>> page = shop.listOrders(customerId, PAGE_SIZE, token);
            List<String> ids = page.items().stream().map(Versioned::id).toList();
            pages.add(ids);
            say("page %d: %s%s", pages.size(), page.items().stream()
                    .map(o -> o.id() + " " + money(o.value())).toList(), page.hasMore() ? " (more)" : "");
            token = page.continuationToken();
        } while (token != null);
        return pages;
    }

    /** Pays {@code order}'s total in equal parts (the remainder in the last), all started at once. */
    private Versioned<Order> payInInstallments(OrderService shop, Versioned<Order> order) throws InterruptedException {
        long total = order.value().totalCents();
        long part = total / INSTALLMENTS;
        ExecutorService payers = Executors.newFixedThreadPool(INSTALLMENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Versioned<Order>>> payments = new ArrayList<>();
            for (int i = 0; i < INSTALLMENTS; i++) {
                long amount = i == INSTALLMENTS - 1 ? total - part * (INSTALLMENTS - 1) : part;
                payments.add(payers.submit(() -> {
                    start.await();
                    return shop.recordPayment(order.value().customerId(), order.id(), amount);
                }));
            }
            start.countDown();
            for (Future<Versioned<Order>> payment : payments) {
                payment.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } finally {
            payers.shutdown();
        }
        return shop.order(order.value().customerId(), order.id())
                .orElseThrow(() -> new IllegalStateException("order " + order.id() + " vanished"));
    }

    /** The violations of a call that must be refused as invalid. */
    private List<Violation> refused(Supplier<?> call) {
        try {
            call.get();
        } catch (ValidationException e) {
            for (Violation v : e.violations()) {
                say("  refused: %s", v);
            }
            return e.violations();
        }
        throw new IllegalStateException("an invalid write was accepted");
    }

    /** Replaces of orders refused because another write got in first, as the SDK counted them. */
    private long lostRaces() {
        return new ClientMetrics(registry).sdkCalls(ShopContainers.ORDERS.id(), "Document/Replace", 412);
    }

    private void dropDatabase() {
        try {
            CosmosErrors.call(() -> client.getDatabase(databaseId).delete());
            say("dropped the previous run's database");
        } catch (NotFoundException absent) {
            say("no previous run's database");
        }
    }

    private void printOutcomes(ProvisioningReport report) {
        for (ContainerOutcome outcome : report.containers()) {
            say("%s: %s", outcome.containerId(), outcome.status());
        }
    }

    private void step(String format, Object... args) {
        out.printf("%n%d. %s%n", ++steps, String.format(format, args));
    }

    private void say(String format, Object... args) {
        out.println("   " + String.format(format, args));
    }

    private static String money(Order order) {
        return amount(order.totalCents()) + " " + order.currency();
    }

    private static String amount(long cents) {
        return String.format("%d.%02d", cents / 100, cents % 100);
    }
}
