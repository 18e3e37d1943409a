package io.cosmolite.toolkit.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.ChangeFeedPolicy;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import io.cosmolite.testing.CosmoliteExtension;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two processes, played by two clients of one real server (gateway mode; the extension's client A
 * reads through the cache, a second client B, built on the extension's endpoint and key, writes):
 * B's writes reach A's cache through the change feed within the stated bound.
 */
class ChangeFeedInvalidatorTest {
    @RegisterExtension
    static final CosmoliteExtension cosmos = CosmoliteExtension.inMemory().withPartitions(4);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    /** Room for this test's own 10 ms polling and a busy machine. */
    private static final Duration MARGIN = Duration.ofMillis(500);

    private static CosmosClient clientB;

    @BeforeAll
    static void start() {
        cosmos.client().createDatabaseIfNotExists("feed");
        // Another process: its own client (the extension sets the emulator-certificate property it needs).
        clientB = new CosmosClientBuilder().endpoint(cosmos.endpoint()).key(cosmos.key()).gatewayMode().buildClient();
    }

    @AfterAll
    static void stop() {
        clientB.close();
    }

    private static CosmosContainer containerA(TestInfo test, ChangeFeedPolicy policy) {
        CosmosContainerProperties properties = new CosmosContainerProperties(test.getTestMethod().orElseThrow().getName(), "/pk");
        if (policy != null) {
            properties.setChangeFeedPolicy(policy);
        }
        cosmos.client().getDatabase("feed").createContainerIfNotExists(properties);
        return cosmos.client().getDatabase("feed").getContainer(properties.getId());
    }

    private static CosmosContainer asSeenByB(CosmosContainer a) {
        return clientB.getDatabase("feed").getContainer(a.getId());
    }

    @Test
    void aReplaceByAnotherClientReachesTheCacheWithinTheBound(TestInfo test) throws InterruptedException {
        CosmosContainer a = containerA(test, null);
        CosmosContainer b = asSeenByB(a);
        Product v1 = new Product("p", "pk-p", "tools", 1);
        a.createItem(v1);
        ItemCache<Product> cache = ItemCache.builder(a, Product.class).build();
        try (ChangeFeedInvalidator feed = ChangeFeedInvalidator.start(a, POLL_INTERVAL, cache)) {
            assertThat(feed.seesDeletes()).isFalse();
            Product current = v1;
            for (int round = 0; round < 3; round++) {
                assertThat(cache.read("p", new PartitionKey("pk-p"))).contains(current);
                assertThat(cache.read("p", new PartitionKey("pk-p"))).contains(current);
                Product next = current.next();
                b.replaceItem(next, "p", new PartitionKey("pk-p"), new CosmosItemRequestOptions());
                Duration took = awaitChange(() -> cache.read("p", new PartitionKey("pk-p")), Optional.of(next));
                Duration bound = feed.pollInterval().plus(feed.maxPollDuration());
                assertThat(took).isLessThanOrEqualTo(bound.plus(MARGIN));
                System.out.printf("round %d: B's replace seen by A's cache after %d ms (bound %d ms)%n", round,
                        took.toMillis(), bound.toMillis());
                current = next;
            }
            assertThat(feed.failedPolls()).isZero();
            assertThat(cache.pointReadStatistics().hits()).isPositive();
        }
    }

    @Test
    void createsByAnotherClientRefreshCachedQueriesAndAbsentItems(TestInfo test) throws InterruptedException {
        CosmosContainer a = containerA(test, null);
        CosmosContainer b = asSeenByB(a);
        a.createItem(new Product("q1", "pk-q1", "tools", 1));
        ItemCache<Product> cache = ItemCache.builder(a, Product.class).build();
        SqlQuerySpec tools = new SqlQuerySpec("SELECT * FROM c WHERE c.category = @c", new SqlParameter("@c", "tools"));
        try (ChangeFeedInvalidator feed = ChangeFeedInvalidator.start(a, POLL_INTERVAL, cache)) {
            assertThat(cache.query(tools)).hasSize(1);
            assertThat(cache.read("q2", new PartitionKey("pk-q2"))).isEmpty();

            b.createItem(new Product("q2", "pk-q2", "tools", 1));
            Duration bound = feed.pollInterval().plus(MARGIN);
            assertThat(awaitChange(() -> cache.query(tools).size(), 2)).isLessThanOrEqualTo(bound.plus(feed.maxPollDuration()));
            assertThat(cache.read("q2", new PartitionKey("pk-q2"))).isPresent();
        }
    }

    @Test
    void aDeleteByAnotherClientIsNotInTheLatestVersionFeedSoTheTimeToLiveBoundsIt(TestInfo test)
            throws InterruptedException {
        CosmosContainer a = containerA(test, null);
        CosmosContainer b = asSeenByB(a);
        a.createItem(new Product("d", "pk-d", "tools", 1));
        HandMovedTicker clock = new HandMovedTicker();
        ItemCache<Product> cache = ItemCache.builder(a, Product.class)
                .pointReads(CachePolicy.of(Duration.ofSeconds(30), 100)).ticker(clock).build();
        try (ChangeFeedInvalidator feed = ChangeFeedInvalidator.start(a, POLL_INTERVAL, cache)) {
            assertThat(cache.read("d", new PartitionKey("pk-d"))).isPresent();
            b.deleteItem("d", new PartitionKey("pk-d"), new CosmosItemRequestOptions());
            awaitPolls(feed, 2);
            assertThat(cache.read("d", new PartitionKey("pk-d"))).as("the documented limitation").isPresent();

            clock.advance(Duration.ofSeconds(31));
            assertThat(cache.read("d", new PartitionKey("pk-d"))).isEmpty();
        }
    }

    @Test
    void withAnAllVersionsAndDeletesPolicyDeletesByAnotherClientAreSeen(TestInfo test) throws InterruptedException {
        CosmosContainer a = containerA(test, ChangeFeedPolicy.createAllVersionsAndDeletesPolicy(Duration.ofMinutes(10)));
        CosmosContainer b = asSeenByB(a);
        a.createItem(new Product("d", "pk-d", "tools", 1));
        ItemCache<Product> cache = ItemCache.builder(a, Product.class).build();
        try (ChangeFeedInvalidator feed = ChangeFeedInvalidator.start(a, POLL_INTERVAL, cache)) {
            assertThat(feed.seesDeletes()).isTrue();
            assertThat(cache.read("d", new PartitionKey("pk-d"))).isPresent();
            b.deleteItem("d", new PartitionKey("pk-d"), new CosmosItemRequestOptions());
            Duration took = awaitChange(() -> cache.read("d", new PartitionKey("pk-d")), Optional.empty());
            assertThat(took).isLessThanOrEqualTo(feed.pollInterval().plus(feed.maxPollDuration()).plus(MARGIN));
        }
    }

    /** How long until {@code read} answers {@code expected}; fails beyond twice the bound. */
    private static <V> Duration awaitChange(Supplier<V> read, V expected) throws InterruptedException {
        long start = System.nanoTime();
        long giveUp = start + POLL_INTERVAL.plus(MARGIN).multipliedBy(2).toNanos();
        while (!read.get().equals(expected)) {
            assertThat(System.nanoTime()).as("the change never reached the cache").isLessThan(giveUp);
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void awaitPolls(ChangeFeedInvalidator feed, int more) throws InterruptedException {
        long target = feed.polls() + more;
        long giveUp = System.nanoTime() + POLL_INTERVAL.multipliedBy(more + 5).toNanos();
        while (feed.polls() < target && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        assertThat(feed.polls()).isGreaterThanOrEqualTo(target);
    }
}
