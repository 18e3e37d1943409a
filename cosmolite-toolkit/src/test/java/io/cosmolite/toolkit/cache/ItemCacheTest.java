package io.cosmolite.toolkit.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import io.cosmolite.testing.CosmoliteExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cache over a real server: hits and misses, size and age bounds, own-write invalidation, queries, meters. */
class ItemCacheTest {
    @RegisterExtension
    static final CosmoliteExtension cosmos = CosmoliteExtension.inMemory().withPartitions(4);

    @BeforeAll
    static void database() {
        cosmos.client().createDatabaseIfNotExists("cache");
    }

    /** A fresh container per test, named after it. */
    private static CosmosContainer container(TestInfo test) {
        String name = test.getTestMethod().orElseThrow().getName();
        cosmos.client().getDatabase("cache").createContainerIfNotExists(name, "/pk");
        return cosmos.client().getDatabase("cache").getContainer(name);
    }

    private static Product store(CosmosContainer c, String id, String category) {
        Product p = new Product(id, "pk-" + id, category, 1);
        c.createItem(p);
        return p;
    }

    @Test
    void aMissLoadsAndAHitDoesNotGoToTheDatabase(TestInfo test) {
        CosmosContainer c = container(test);
        Product p = store(c, "a", "tools");
        ItemCache<Product> cache = ItemCache.builder(c, Product.class).build();

        assertThat(cache.read("a", new PartitionKey("pk-a"))).contains(p);
        // Changed behind the cache's back (no invalidate): a hit still answers the cached version.
        c.upsertItem(p.next());
        assertThat(cache.read("a", new PartitionKey("pk-a"))).contains(p);

        CacheStatistics stats = cache.pointReadStatistics();
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.hits()).isEqualTo(1);
        assertThat(stats.loadSuccesses()).isEqualTo(1);
        assertThat(stats.totalLoadTime()).isPositive();
        assertThat(stats.hitRate()).isEqualTo(0.5);
    }

    @Test
    void ownWritesInvalidateAtOnce(TestInfo test) {
        CosmosContainer c = container(test);
        Product p = store(c, "a", "tools");
        ItemCache<Product> cache = ItemCache.builder(c, Product.class).build();
        cache.read("a", new PartitionKey("pk-a"));

        c.upsertItem(p.next());
        cache.invalidate("a", new PartitionKey("pk-a"));
        assertThat(cache.read("a", new PartitionKey("pk-a"))).contains(p.next());
        assertThat(cache.pointReadStatistics().misses()).isEqualTo(2);
    }

    @Test
    void absenceIsCachedUntilTheCreateInvalidatesIt(TestInfo test) {
        CosmosContainer c = container(test);
        ItemCache<Product> cache = ItemCache.builder(c, Product.class).build();
        assertThat(cache.read("b", new PartitionKey("pk-b"))).isEmpty();
        assertThat(cache.read("b", new PartitionKey("pk-b"))).isEmpty();
        assertThat(cache.pointReadStatistics().hits()).isEqualTo(1);

        Product b = store(c, "b", "tools");
        cache.invalidate("b", new PartitionKey("pk-b"));
        assertThat(cache.read("b", new PartitionKey("pk-b"))).contains(b);
    }

    @Test
    void theSizeBoundEvicts(TestInfo test) {
        CosmosContainer c = container(test);
        for (int i = 0; i < 5; i++) {
            store(c, "s" + i, "tools");
        }
        ItemCache<Product> cache = ItemCache.builder(c, Product.class)
                .pointReads(CachePolicy.of(Duration.ofMinutes(5), 3)).build();
        for (int i = 0; i < 5; i++) {
            assertThat(cache.read("s" + i, new PartitionKey("pk-s" + i))).isPresent();
        }
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.pointReadStatistics().evictions()).isEqualTo(2);
        assertThat(cache.pointReadStatistics().misses()).isEqualTo(5);
    }

    @Test
    void entriesExpireAfterTheirTimeToLive(TestInfo test) {
        CosmosContainer c = container(test);
        Product p = store(c, "t", "tools");
        HandMovedTicker clock = new HandMovedTicker();
        ItemCache<Product> cache = ItemCache.builder(c, Product.class)
                .pointReads(CachePolicy.of(Duration.ofSeconds(10), 100)).ticker(clock).build();
        cache.read("t", new PartitionKey("pk-t"));
        c.upsertItem(p.next());

        clock.advance(Duration.ofSeconds(9));
        assertThat(cache.read("t", new PartitionKey("pk-t"))).contains(p);
        clock.advance(Duration.ofSeconds(2));
        assertThat(cache.read("t", new PartitionKey("pk-t"))).contains(p.next());

        CacheStatistics stats = cache.pointReadStatistics();
        assertThat(stats.hits()).isEqualTo(1);
        assertThat(stats.misses()).isEqualTo(2);
        assertThat(stats.evictions()).isEqualTo(1);
    }

    @Test
    void queriesAreKeyedByTextParametersAndPartitionKeyAndDroppedByAnyWrite(TestInfo test) {
        CosmosContainer c = container(test);
        store(c, "q1", "tools");
        store(c, "q2", "tools");
        store(c, "q3", "toys");
        ItemCache<Product> cache = ItemCache.builder(c, Product.class).build();
        String text = "SELECT * FROM c WHERE c.category = @category";

        assertThat(cache.query(new SqlQuerySpec(text, new SqlParameter("@category", "tools")))).hasSize(2);
        assertThat(cache.query(new SqlQuerySpec(text, new SqlParameter("@category", "tools")))).hasSize(2);
        assertThat(cache.query(new SqlQuerySpec(text, new SqlParameter("@category", "toys")))).hasSize(1);
        assertThat(cache.query(new SqlQuerySpec(text, new SqlParameter("@category", "tools")), new PartitionKey("pk-q1")))
                .extracting(Product::id).containsExactly("q1");
        assertThat(cache.queryStatistics().hits()).isEqualTo(1);
        assertThat(cache.queryStatistics().misses()).isEqualTo(3);

        // A write of any item drops every query of the container: q3 becomes a tool.
        c.upsertItem(new Product("q3", "pk-q3", "tools", 2));
        cache.invalidate("q3", new PartitionKey("pk-q3"));
        assertThat(cache.query(new SqlQuerySpec(text, new SqlParameter("@category", "tools")))).hasSize(3);
        assertThat(cache.query(new SqlQuerySpec(text, new SqlParameter("@category", "toys")))).isEmpty();
    }

    @Test
    void aLoadOvertakenByAChangeFeedInvalidationIsNotKept(TestInfo test) throws Exception {
        CosmosContainer c = container(test);
        Product p = store(c, "r", "tools");
        CountDownLatch loaded = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        PointReader<Product> sdk = (id, pk) -> Optional.of(c.readItem(id, pk, Product.class).getItem());
        ItemCache<Product> cache = ItemCache.builder(c, Product.class).pointReader((id, pk) -> {
            Optional<Product> read = sdk.read(id, pk);
            loaded.countDown();
            await(written);
            return read;
        }).build();

        CompletableFuture<Optional<Product>> slowRead = CompletableFuture.supplyAsync(
                () -> cache.read("r", new PartitionKey("pk-r")));
        assertThat(loaded.await(30, TimeUnit.SECONDS)).isTrue();
        // The write lands and the change feed's invalidation runs while the load still holds version 1.
        c.upsertItem(p.next());
        cache.invalidateChanged(Set.of("r"));
        written.countDown();
        assertThat(slowRead.get(30, TimeUnit.SECONDS)).contains(p);

        assertThat(cache.read("r", new PartitionKey("pk-r"))).contains(p.next());
    }

    @Test
    void statisticsReachMicrometer(TestInfo test) {
        CosmosContainer c = container(test);
        store(c, "m", "tools");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ItemCache<Product> cache = ItemCache.builder(c, Product.class).name("products").build().bindTo(registry);
        cache.read("m", new PartitionKey("pk-m"));
        cache.read("m", new PartitionKey("pk-m"));
        cache.read("m", new PartitionKey("pk-m"));

        assertThat(registry.get("cache.gets").tags("cache", "products", "kind", "point", "result", "hit")
                .functionCounter().count()).isEqualTo(2);
        assertThat(registry.get("cache.gets").tags("cache", "products", "kind", "point", "result", "miss")
                .functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("cache.gets").tags("cache", "products", "kind", "query", "result", "miss")
                .functionCounter().count()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
