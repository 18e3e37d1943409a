package io.cosmolite.toolkit.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.PartitionKey;
import io.cosmolite.testing.CosmoliteExtension;
import io.cosmolite.toolkit.cache.CachePolicy;
import io.cosmolite.toolkit.cache.CacheStatistics;
import io.cosmolite.toolkit.container.ContainerDefinition;
import io.cosmolite.toolkit.container.ContainerProvisioner;
import io.cosmolite.toolkit.container.PartitionKeyStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The repository's point-read cache against a real server, with two processes played by two clients:
 * A's repository caches (and follows the change feed every second), B's repository writes. A hit
 * makes no request; each of A's own writes is seen at once; B's writes, soft delete included, reach A
 * within the change feed's bound; a stale cached etag costs one lost race, and a retry converges.
 */
class RepositoryCacheTest {
    @RegisterExtension
    static final CosmoliteExtension COSMOS = CosmoliteExtension.inMemory().withPartitions(4);
    private static final ContainerDefinition ORDERS = ContainerDefinition.builder("cached")
            .partitionKey(PartitionKeyStrategy.path("/customerId")).build();
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    /**
     * The bound is the poll interval plus one poll's duration (0.1-0.2 s on loopback, see
     * ChangeFeedInvalidatorTest); the rest is room for a busy 2-core machine.
     */
    private static final Duration BOUND = POLL_INTERVAL.plusSeconds(1);
    private static CosmosClient clientB;
    private static Repository<Order> a;
    private static Repository<Order> b;

    @BeforeAll
    static void start() {
        new ContainerProvisioner(COSMOS.client()).apply("shop", List.of(ORDERS));
        CosmosContainer containerA = COSMOS.client().getDatabase("shop").getContainer("cached");
        a = Repository.builder(containerA, ORDERS, Order.class)
                .cache(CachePolicy.of(Duration.ofMinutes(5), 1_000), POLL_INTERVAL).build();
        clientB = new CosmosClientBuilder().endpoint(COSMOS.endpoint()).key(COSMOS.key()).gatewayMode().buildClient();
        b = Repository.builder(clientB.getDatabase("shop").getContainer("cached"), ORDERS, Order.class).build();
    }

    @AfterAll
    static void stop() {
        a.close();
        clientB.close();
    }

    private static CacheStatistics stats() {
        return a.cache().orElseThrow().pointReadStatistics();
    }

    private static Optional<String> statusSeenByA(String id, String customer) {
        return a.read(id, new PartitionKey(customer)).map(v -> v.value().status());
    }

    @Test
    void aSecondReadIsAHit() throws InterruptedException {
        b.create(Order.of("hit", "ann", "open", 1));
        Thread.sleep(POLL_INTERVAL.multipliedBy(2).toMillis());   // the feed has seen the create: no drop between the reads
        long hits = stats().hits();
        long misses = stats().misses();

        assertThat(statusSeenByA("hit", "ann")).contains("open");
        assertThat(statusSeenByA("hit", "ann")).contains("open");

        assertThat(stats().misses()).isEqualTo(misses + 1);
        assertThat(stats().hits()).isEqualTo(hits + 1);
    }

    @Test
    void eachOwnWriteIsSeenAtOnce() {
        PartitionKey pk = new PartitionKey("ben");
        assertThat(statusSeenByA("own", "ben")).isEmpty();            // an absent item is cached too
        Versioned<Order> created = a.create(Order.of("own", "ben", "open", 1));
        assertThat(statusSeenByA("own", "ben")).contains("open");
        a.replace(created.withValue(created.value().withStatus("paid")));
        assertThat(statusSeenByA("own", "ben")).contains("paid");
        a.patch("own", pk, Patch.set("/status", "shipped"));
        assertThat(statusSeenByA("own", "ben")).contains("shipped");
        a.upsert(Order.of("own", "ben", "open", 2));
        assertThat(statusSeenByA("own", "ben")).contains("open");
        a.softDelete("own", pk);
        assertThat(statusSeenByA("own", "ben")).isEmpty();
        a.restore("own", pk);
        assertThat(statusSeenByA("own", "ben")).contains("open");
        a.delete("own", pk);
        assertThat(statusSeenByA("own", "ben")).isEmpty();

        assertThat(statusSeenByA("many", "ben")).isEmpty();
        a.createAll(List.of(Order.of("many", "ben", "open", 3)));
        assertThat(statusSeenByA("many", "ben")).contains("open");
        a.deleteAll(List.of(new ItemKey("many", pk)));
        assertThat(statusSeenByA("many", "ben")).isEmpty();
    }

    @Test
    void anotherClientsWritesReachTheCacheWithinTheBound() throws InterruptedException {
        PartitionKey pk = new PartitionKey("cleo");
        Versioned<Order> created = b.create(Order.of("theirs", "cleo", "open", 1));
        assertThat(statusSeenByA("theirs", "cleo")).contains("open");
        assertThat(statusSeenByA("theirs", "cleo")).contains("open");

        b.replace(created.withValue(created.value().withStatus("paid")));
        Duration replaceSeen = awaitSeen(() -> statusSeenByA("theirs", "cleo"), Optional.of("paid"));

        // A soft-deleted document is never served from the cache as live for longer than the bound.
        b.softDelete("theirs", pk);
        Duration deleteSeen = awaitSeen(() -> statusSeenByA("theirs", "cleo"), Optional.empty());

        System.out.printf("B's replace seen by A after %d ms, B's soft delete after %d ms (bound %d ms)%n",
                replaceSeen.toMillis(), deleteSeen.toMillis(), BOUND.toMillis());
        assertThat(replaceSeen).isLessThanOrEqualTo(BOUND);
        assertThat(deleteSeen).isLessThanOrEqualTo(BOUND);
    }

    @Test
    void aStaleCachedEtagCostsOneLostRaceAndTheRetryConverges() {
        // A cache without the change feed: B's write stays unseen, deterministically.
        Repository<Order> noFeed = Repository.builder(COSMOS.client().getDatabase("shop").getContainer("cached"), ORDERS,
                Order.class).cache(CachePolicy.of(Duration.ofMinutes(5), 100)).build();
        PartitionKey pk = new PartitionKey("dana");
        Versioned<Order> created = b.create(Order.of("race", "dana", "open", 1));
        assertThat(noFeed.read("race", pk)).isPresent();
        b.replace(created.withValue(created.value().withTotal(10)));
        assertThat(noFeed.read("race", pk).orElseThrow().value().total()).isEqualTo(1);   // stale, as documented

        Versioned<Order> updated = OptimisticRetry.of(2, Duration.ofMillis(1), Duration.ofMillis(5))
                .update(noFeed, "race", pk, o -> o.withTotal(o.total() + 1));

        assertThat(updated.value().total()).isEqualTo(11);
        assertThat(b.read("race", pk).orElseThrow().value().total()).isEqualTo(11);
    }

    /** How long until {@code read} gives {@code expected}, polling every 10 ms; fails after 10 s. */
    private static <V> Duration awaitSeen(Supplier<V> read, V expected) throws InterruptedException {
        long start = System.nanoTime();
        while (!read.get().equals(expected)) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
