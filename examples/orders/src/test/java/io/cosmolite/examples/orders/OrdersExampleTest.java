package io.cosmolite.examples.orders;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.testing.CosmoliteExtension;
import io.cosmolite.toolkit.container.ContainerOutcome;
import io.cosmolite.toolkit.container.ContainerOutcome.Status;
import io.cosmolite.toolkit.error.Violation;
import io.cosmolite.toolkit.repository.Versioned;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The walkthrough {@code examples/orders/run} prints, run against an in-process server with 4
 * physical partitions (so the report and the customers spread over several), and each outcome
 * checked against what the steps did: validation, paging, the lost race, concurrent payments, soft
 * delete and restore, the report's totals, the cache and the metrics.
 */
class OrdersExampleTest {
    @RegisterExtension
    static final CosmoliteExtension COSMOS = CosmoliteExtension.inMemory().withPartitions(4);
    private static final String DATABASE = "shop";

    private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();
    private static final ByteArrayOutputStream PRINTED = new ByteArrayOutputStream();
    private static CosmosClient client;
    private static WalkthroughResult result;

    @BeforeAll
    static void runWalkthrough() throws InterruptedException {
        client = OrdersExample.connect(new ExampleSettings(COSMOS.endpoint(), COSMOS.key(), DATABASE), REGISTRY);
        result = new Walkthrough(client, DATABASE, REGISTRY, new PrintStream(PRINTED, true, StandardCharsets.UTF_8)).run();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void containersAreCreatedOnceThenLeftAlone() {
        assertThat(result.firstProvisioning().containers()).extracting(ContainerOutcome::status)
                .containsExactly(Status.CREATED, Status.CREATED);
        assertThat(result.secondProvisioning().containers()).extracting(ContainerOutcome::status)
                .containsExactly(Status.UNCHANGED, Status.UNCHANGED);
    }

    @Test
    void invalidWritesAreRefusedWithEveryViolationAndNothingInvalidIsStored() {
        assertThat(result.invalidCustomer()).extracting(Violation::path)
                .containsExactlyInAnyOrder("/name", "/email", "/country");
        assertThat(result.invalidOrder()).extracting(Violation::path)
                .containsExactlyInAnyOrder("/lines/0/quantity", "/lines/1/sku", "/currency");
        assertThat(result.unknownCustomer()).extracting(Violation::path).containsExactly("/customerId");

        assertThat(allIds("customers")).containsExactlyInAnyOrderElementsOf(ids(result.customers()));
        assertThat(allIds("orders")).containsExactlyInAnyOrderElementsOf(ids(result.orders()));
    }

    @Test
    void auditFieldsNameWhoActed() {
        assertThat(result.customers()).allSatisfy(c -> assertThat(c.audit().createdBy()).isEqualTo("sales"));
        assertThat(result.editedOrder().audit().createdBy()).isEqualTo("sales");
        assertThat(result.editedOrder().audit().updatedBy()).isEqualTo("support");
        assertThat(result.concurrentlyPaid().audit().updatedBy()).isEqualTo("payments");
    }

    @Test
    void aCustomersOrdersArePagedNewestFirstWithoutGapsOrRepeats() {
        List<Versioned<Order>> adas = ordersOf(result.customers().get(0));
        List<String> newestFirst = adas.stream()
                .sorted(Comparator.comparing((Versioned<Order> o) -> o.audit().createdAt()).reversed())
                .map(Versioned::id).toList();
        assertThat(result.listingPages()).extracting(List::size).containsExactly(2, 1);
        assertThat(result.listingPages().stream().flatMap(List::stream)).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void anEditFromAStaleCopyIsRefusedAndTheRetryOnAFreshCopyKeepsThePayment() {
        assertThat(result.staleEditStatus()).isEqualTo(412);
        Order edited = result.editedOrder().value();
        assertThat(edited.deliveryNote()).isEqualTo("leave with the neighbour");
        assertThat(edited.status()).isEqualTo(OrderStatus.PAID);
        assertThat(edited.paidCents()).isEqualTo(edited.totalCents()).isPositive();
    }

    @Test
    void concurrentPaymentsAllCount() {
        Order placed = result.orders().get(3).value();
        long linesTotal = placed.lines().stream().mapToLong(OrderLine::amountCents).sum();
        Order paid = result.concurrentlyPaid().value();
        assertThat(result.installments()).isGreaterThan(1);
        assertThat(paid.totalCents()).isEqualTo(linesTotal);
        assertThat(paid.paidCents()).isEqualTo(linesTotal);
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void aCancelledOrderIsHiddenAndScheduledForPurgeAndARestoredOneIsBack() {
        Versioned<Order> cancelled = result.orders().get(2);
        List<String> adas = ids(ordersOf(result.customers().get(0)));
        assertThat(result.cancelledHidden()).isTrue();
        assertThat(result.listedAfterCancel()).containsExactlyInAnyOrderElementsOf(
                adas.stream().filter(id -> !id.equals(cancelled.id())).toList());
        assertThat(result.cancelledListed()).containsExactly(cancelled.id());
        JsonNode stored = client.getDatabase(DATABASE).getContainer("orders")
                .readItem(cancelled.id(), new PartitionKey(cancelled.value().customerId()), JsonNode.class).getItem();
        assertThat(stored.path("ttl").asLong()).isEqualTo(OrderService.CANCELLED_RETENTION.toSeconds());

        Versioned<Order> restored = result.restored();
        assertThat(restored.id()).isEqualTo(result.orders().get(4).id());
        assertThat(restored.isDeleted()).isFalse();
        assertThat(restored.value()).isEqualTo(result.orders().get(4).value());
    }

    @Test
    void theReportTotalsTheLiveOrdersByStatusAndCurrency() {
        // Each order as it ended up; the one that stayed cancelled is left out.
        Stream<Order> live = Stream.of(result.orders().get(1), result.editedOrder(), result.concurrentlyPaid(),
                result.restored()).map(Versioned::value);
        Map<List<Object>, Long> expected = live.collect(groupingBy(o -> List.of(o.status(), o.currency()),
                summingLong(Order::totalCents)));
        Map<List<Object>, Long> reported = result.totals().stream().collect(groupingBy(
                t -> List.of(t.status(), t.currency()), summingLong(StatusTotal::totalCents)));
        assertThat(reported).isEqualTo(expected);
        assertThat(result.totals()).allSatisfy(t -> assertThat(t.orders()).isEqualTo(1));
    }

    @Test
    void customerLookupsGoThroughTheCache() {
        // One lookup per order placed (5), the invalid order (1) and the unknown customer (1).
        assertThat(result.customerLookups().hits() + result.customerLookups().misses()).isEqualTo(7);
        assertThat(result.customerLookups().misses()).isGreaterThanOrEqualTo(4);
        assertThat(result.customerLookups().hits()).isPositive();
    }

    @Test
    void theMetricsCountTheLostRacesAndTheWalkthroughSaysWhatItDid() {
        ClientMetrics metrics = new ClientMetrics(REGISTRY);
        // At least the stale edit; the concurrent payments add theirs when they collided.
        assertThat(metrics.sdkCalls("orders", "Document/Replace", 412)).isPositive();
        assertThat(metrics.sdkCalls("orders", "Document/Create", 201)).isEqualTo(result.orders().size());
        String printed = PRINTED.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("412 precondition failed", "refused: /customerId: no customer cust-nobody");
    }

    private static List<Versioned<Order>> ordersOf(Versioned<Customer> customer) {
        return result.orders().stream().filter(o -> o.value().customerId().equals(customer.id())).toList();
    }

    private static <T> List<String> ids(List<Versioned<T>> documents) {
        return documents.stream().map(Versioned::id).toList();
    }

    /** Every document id in a container, soft-deleted ones included, read with the SDK directly. */
    private static List<String> allIds(String containerId) {
        CosmosContainer container = client.getDatabase(DATABASE).getContainer(containerId);
        return container.queryItems("SELECT VALUE c.id FROM c", new CosmosQueryRequestOptions(), String.class)
                .stream().toList();
    }
}
