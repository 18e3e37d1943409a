package io.cosmolite.benchmarks;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmolite.server.CosmoliteServer;
import io.cosmolite.server.ServerOptions;
import io.cosmolite.toolkit.cache.CachePolicy;
import io.cosmolite.toolkit.cache.ItemCache;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The toolkit's read-through cache against an uncached point read, both through the official SDK
 * (gateway mode, HTTPS) against an in-process in-memory server on loopback: {@link #sdkPointRead}
 * is {@code CosmosContainer.readItem}; {@link #cacheHit} is {@code ItemCache.read} of an item already
 * cached (every item is read once before warm-up, and nothing expires or is evicted during the run).
 * Latency, sampled (p50 is the figure).
 *
 * <pre>
 * mvn -B -q -pl cosmolite-benchmarks -am package -DskipTests
 * java -jar cosmolite-benchmarks/target/benchmarks.jar CacheBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s -t 1
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-DCOSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED=true"})
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CacheBenchmark {
    /** Items stored (and cached). */
    @Param("1000")
    public int items;

    private CosmoliteServer server;
    private CosmosClient client;
    private CosmosContainer container;
    private ItemCache<JsonNode> cache;

    @Setup(Level.Trial)
    public void start() {
        server = CosmoliteServer.start(ServerOptions.defaults().withPort(0));
        client = new CosmosClientBuilder().endpoint(server.endpoint()).key(server.masterKey()).gatewayMode()
                .buildClient();
        client.createDatabaseIfNotExists("bench");
        client.getDatabase("bench").createContainerIfNotExists("items", "/pk");
        container = client.getDatabase("bench").getContainer("items");
        for (int i = 0; i < items; i++) {
            container.upsertItem(JsonNodeFactory.instance.objectNode().put("id", "i" + i).put("pk", "p" + i % 100)
                    .put("name", "item " + i).put("price", i * 1.5));
        }
        cache = ItemCache.builder(container, JsonNode.class)
                .pointReads(CachePolicy.of(Duration.ofHours(1), items)).build();
        for (int i = 0; i < items; i++) {
            cache.read("i" + i, partitionKey(i));
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        server.close();
    }

    /** A random source per thread. */
    @State(Scope.Thread)
    public static class Picker {
        final SplittableRandom random = new SplittableRandom();
    }

    @Benchmark
    public JsonNode sdkPointRead(Picker picker) {
        int i = picker.random.nextInt(items);
        return container.readItem("i" + i, partitionKey(i), JsonNode.class).getItem();
    }

    @Benchmark
    public Optional<JsonNode> cacheHit(Picker picker) {
        int i = picker.random.nextInt(items);
        return cache.read("i" + i, partitionKey(i));
    }

    private static PartitionKey partitionKey(int i) {
        return new PartitionKey("p" + i % 100);
    }
}
