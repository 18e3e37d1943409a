package io.cosmolite.toolkit.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.models.PartitionKey;
import io.cosmolite.testing.CosmoliteExtension;
import io.cosmolite.toolkit.container.ContainerDefinition;
import io.cosmolite.toolkit.container.ContainerProvisioner;
import io.cosmolite.toolkit.container.PartitionKeyStrategy;
import io.cosmolite.toolkit.error.NotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Soft-deleted documents stay out of every read and query (point reads, small pages, streams,
 * cross-partition over 1 and 4 physical partitions) unless asked for, and come back on restore.
 */
class SoftDeleteTest {
    @RegisterExtension
    static final CosmoliteExtension ONE = CosmoliteExtension.inMemory();
    @RegisterExtension
    static final CosmoliteExtension FOUR = CosmoliteExtension.inMemory().withPartitions(4);
    private static final ContainerDefinition ORDERS = ContainerDefinition.builder("orders")
            .partitionKey(PartitionKeyStrategy.path("/customerId")).defaultTtl(-1).build();
    /** A second container for the tests that add and remove documents, so the fixed set above stays fixed. */
    private static final ContainerDefinition SCRATCH = ContainerDefinition.builder("scratch")
            .partitionKey(PartitionKeyStrategy.path("/customerId")).defaultTtl(-1).build();
    private static final Map<Integer, Repository<Order>> REPOSITORIES = new TreeMap<>();
    private static final Map<Integer, Repository<Order>> SCRATCH_REPOSITORIES = new TreeMap<>();
    /** Per partition count: ids of live and of soft-deleted documents. */
    private static final Map<Integer, Set<String>> LIVE = new TreeMap<>();
    private static final Map<Integer, Set<String>> DELETED = new TreeMap<>();

    @BeforeAll
    static void fill() {
        for (int partitions : new int[] {1, 4}) {
            CosmosClient client = (partitions == 1 ? ONE : FOUR).client();
            new ContainerProvisioner(client).apply("shop", List.of(ORDERS, SCRATCH));
            SCRATCH_REPOSITORIES.put(partitions, Repository.builder(client.getDatabase("shop").getContainer("scratch"),
                    SCRATCH, Order.class).build());
            Repository<Order> orders = Repository.builder(client.getDatabase("shop").getContainer("orders"), ORDERS,
                    Order.class).build();
            Set<String> live = new HashSet<>();
            Set<String> deleted = new HashSet<>();
            for (int i = 0; i < 60; i++) {
                String customer = "cust-" + (i % 12);
                Versioned<Order> o = orders.create(Order.of("o-" + i, customer, i % 2 == 0 ? "open" : "paid", i));
                if (i % 3 == 0) {
                    orders.softDelete(o.id(), new PartitionKey(customer));
                    deleted.add(o.id());
                } else {
                    live.add(o.id());
                }
            }
            REPOSITORIES.put(partitions, orders);
            LIVE.put(partitions, live);
            DELETED.put(partitions, deleted);
        }
    }

    private static PartitionKey customerOf(String id) {
        return new PartitionKey("cust-" + Integer.parseInt(id.substring(2)) % 12);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void pointReadsHideDeletedDocumentsUnlessAsked(int partitions) {
        Repository<Order> orders = REPOSITORIES.get(partitions);
        for (String id : DELETED.get(partitions)) {
            assertThat(orders.read(id, customerOf(id))).isEmpty();
            Versioned<Order> seen = orders.read(id, customerOf(id), DeletedItems.INCLUDED).orElseThrow();
            assertThat(seen.isDeleted()).isTrue();
            assertThat(seen.deletedAt()).isNotNull();
            assertThat(orders.read(id, customerOf(id), DeletedItems.ONLY)).isPresent();
        }
        for (String id : LIVE.get(partitions)) {
            assertThat(orders.read(id, customerOf(id))).isPresent();
            assertThat(orders.read(id, customerOf(id), DeletedItems.ONLY)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void crossPartitionPagesOfEverySizeHideDeletedDocuments(int partitions) {
        Repository<Order> orders = REPOSITORIES.get(partitions);
        for (int pageSize : new int[] {1, 3, 7, 100}) {
            assertThat(allPages(orders, Query.all(), pageSize)).containsExactlyInAnyOrderElementsOf(LIVE.get(partitions));
            assertThat(allPages(orders, Query.all().deleted(DeletedItems.ONLY), pageSize))
                    .containsExactlyInAnyOrderElementsOf(DELETED.get(partitions));
        }
        Set<String> everything = new HashSet<>(LIVE.get(partitions));
        everything.addAll(DELETED.get(partitions));
        assertThat(allPages(orders, Query.all().deleted(DeletedItems.INCLUDED), 4)).containsExactlyInAnyOrderElementsOf(everything);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void filteredSortedAndPartitionQueriesHideDeletedDocuments(int partitions) {
        Repository<Order> orders = REPOSITORIES.get(partitions);
        Query open = Query.where("c.status = @status").param("@status", "open").orderBy("c.total DESC");

        List<Order> found = orders.list(open);
        List<Order> paged = allPages(orders, open, 2).stream()
                .map(id -> orders.read(id, customerOf(id)).orElseThrow().value()).toList();

        List<Long> expected = LIVE.get(partitions).stream().map(id -> Long.parseLong(id.substring(2)))
                .filter(i -> i % 2 == 0).sorted((a, b) -> Long.compare(b, a)).toList();
        assertThat(found).extracting(Order::total).containsExactlyElementsOf(expected);
        assertThat(paged).extracting(Order::total).containsExactlyElementsOf(expected);
        assertThat(orders.stream(Query.all().inPartition(new PartitionKey("cust-0"))).map(Versioned::id).toList())
                .containsExactlyInAnyOrderElementsOf(LIVE.get(partitions).stream()
                        .filter(id -> customerOf(id).equals(new PartitionKey("cust-0"))).toList());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void aRestoredDocumentIsBackEverywhere(int partitions) {
        Repository<Order> orders = SCRATCH_REPOSITORIES.get(partitions);
        Versioned<Order> o = orders.create(Order.of("restore-me", "cust-5", "open", 7));
        PartitionKey pk = new PartitionKey("cust-5");
        orders.softDelete(o.id(), pk);
        assertThat(orders.list(Query.where("c.id = @id").param("@id", o.id()))).isEmpty();

        Versioned<Order> restored = orders.restore(o.id(), pk);

        assertThat(restored.isDeleted()).isFalse();
        assertThat(orders.read(o.id(), pk)).isPresent();
        assertThat(orders.list(Query.where("c.id = @id").param("@id", o.id()))).extracting(Order::total).containsExactly(7L);
        orders.delete(o.id(), pk);
    }

    @Test
    void deletedDocumentsCannotBeChangedOrDeletedAgain() {
        Repository<Order> orders = REPOSITORIES.get(1);
        String id = DELETED.get(1).iterator().next();
        PartitionKey pk = customerOf(id);

        assertThatThrownBy(() -> orders.patch(id, pk, Patch.set("/status", "x"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> orders.softDelete(id, pk)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> OptimisticRetry.defaults().update(orders, id, pk, o -> o.withTotal(1)))
                .isInstanceOf(NotFoundException.class);
        assertThat(orders.read(id, pk, DeletedItems.INCLUDED).orElseThrow().value().status()).isNotEqualTo("x");
    }

    @Test
    void aSoftDeleteWithPurgeIsRemovedByTtlUnlessRestoredFirst() throws InterruptedException {
        Repository<Order> orders = SCRATCH_REPOSITORIES.get(1);
        PartitionKey pk = new PartitionKey("cust-9");
        orders.create(Order.of("purged", "cust-9", "open", 1));
        orders.create(Order.of("saved", "cust-9", "open", 2));

        orders.softDelete("purged", pk, Duration.ofSeconds(1));
        orders.softDelete("saved", pk, Duration.ofSeconds(1));
        orders.restore("saved", pk);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (orders.read("purged", pk, DeletedItems.INCLUDED).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(orders.read("purged", pk, DeletedItems.INCLUDED)).isEmpty();
        Thread.sleep(1500);
        assertThat(orders.read("saved", pk)).isPresent();
    }

    /** The ids of every page of {@code query}, following continuation tokens. */
    private static List<String> allPages(Repository<Order> orders, Query query, int pageSize) {
        List<String> ids = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<Versioned<Order>> page = orders.page(query, pageSize, token);
            assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
            page.items().forEach(v -> ids.add(v.id()));
            token = page.continuationToken();
            assertThat(++pages).isLessThan(1000);
        } while (token != null);
        return ids;
    }
}
