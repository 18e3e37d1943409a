package io.cosmolite.benchmarks;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.GatewayConnectionConfig;
import com.azure.cosmos.models.CosmosItemResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.server.CosmoliteServer;
import io.cosmolite.server.ServerOptions;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-item operations through the official azure-cosmos Java SDK (sync {@link CosmosClient},
 * gateway mode) against a {@link CosmoliteServer} on loopback, both in the benchmark's JVM: the
 * whole request path an application sees (SDK, HTTP, gateway, engine). Each trial starts a fresh
 * server, in memory or on RocksDB in a temporary directory (default sync policy), creates
 * container {@code db/c} through the SDK (partition key {@code /pk}, default indexing policy) and
 * preloads it with {@link SampleItems} of about 1 KB through the engine, which is quicker than
 * through the SDK and stores the same items.
 *
 * <ul>
 *   <li>{@link #pointRead}: read of a random preloaded item by id and partition key.</li>
 *   <li>{@link #create}: create of a new item with a unique id (the SDK's default: no content in
 *       the response).</li>
 * </ul>
 *
 * Every benchmark runs in two modes, each its own trial: throughput (operations per millisecond,
 * all threads together) and sample time (latency percentiles, in milliseconds). All benchmark
 * threads share one client, as the threads of an application would; the client keeps its defaults
 * (session consistency, diagnostics, client metrics) but may open 64 gateway connections. The
 * number of concurrent callers is JMH's thread count; run it from the repository root (6 to 9
 * minutes per count on 2 cores):
 * <pre>
 * mvn -B -q -pl cosmolite-benchmarks -am package -DskipTests
 * for t in 1 8 32; do java -jar cosmolite-benchmarks/target/benchmarks.jar GatewayBenchmark -t $t; done
 * </pre>
 * Add {@code -p tls=true} (or {@code -p tls=false,true}) to go over HTTPS. Results are in
 * docs/performance.md ("Through the SDK").
 */
@State(Scope.Benchmark)
// The SDK's request path is long and the JIT shares two cores with the callers: warm up for 20 s.
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch",
        "-Dorg.slf4j.simpleLogger.log.com.azure=warn"})
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 3, time = 5)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GatewayBenchmark {
    static {
        // Read by the SDK when its classes load: trust the self-signed certificate, allow http://.
        System.setProperty("COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED", "true");
        System.setProperty("COSMOS.HTTP_CONNECTION_WITHOUT_TLS_ALLOWED", "true");
    }

    private static final int PARTITION_KEYS = 1_000;
    /** Gateway connections the client may open: one per caller at the largest documented thread count, and spare. */
    private static final int CONNECTIONS = 64;
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Where the server stores items: {@code memory} or {@code rocksdb}. */
    @Param({"memory", "rocksdb"})
    public String store;

    /** HTTPS (the server's self-signed certificate) instead of plain HTTP. */
    @Param("false")
    public boolean tls;

    /** Items preloaded into the container. */
    @Param("10000")
    public int items;

    private final SampleItems samples = new SampleItems(PARTITION_KEYS);
    private final PartitionKey[] keys = new PartitionKey[PARTITION_KEYS];
    private ScratchDirectory directory;
    private CosmoliteServer server;
    private CosmosClient client;
    private CosmosContainer container;

    /** Per-thread request material: a random source, a reusable body and a counter for new ids. */
    @State(Scope.Thread)
    public static class Caller {
        SplittableRandom random;
        ObjectNode body;
        String idPrefix;
        long created;

        /** Prepares this thread's material; ids stay unique across the threads of a trial. */
        @Setup(Level.Trial)
        public void setUp(GatewayBenchmark benchmark) {
            int thread = THREADS.incrementAndGet();
            random = new SplittableRandom(thread);
            // The SDK serializes the body before the call returns, so one body per thread serves every request.
            body = benchmark.samples.item("template", 0, random);
            idPrefix = "new-" + thread + "-";
        }
    }

    /** Starts the server, connects the client, creates and preloads the container. */
    @Setup(Level.Trial)
    public void setUp() {
        ServerOptions options = ServerOptions.defaults().withPort(0).withTls(tls);
        if (store.equals("rocksdb")) {
            directory = ScratchDirectory.create();
            options = options.withDataDir(directory.path());
        } else if (!store.equals("memory")) {
            throw new IllegalArgumentException("store must be memory or rocksdb, not " + store);
        }
        server = CosmoliteServer.start(options);
        client = new CosmosClientBuilder().endpoint(server.endpoint()).key(server.masterKey())
                .gatewayMode(new GatewayConnectionConfig().setMaxConnectionPoolSize(CONNECTIONS))
                .buildClient();
        client.createDatabaseIfNotExists("db");
        client.getDatabase("db").createContainerIfNotExists("c", "/pk");
        container = client.getDatabase("db").getContainer("c");
        for (int p = 0; p < PARTITION_KEYS; p++) {
            keys[p] = new PartitionKey(samples.partitionKeyText(p));
        }
        preload(server.engine().container("db", "c"));
    }

    /** Creates the items and reads each once, so that the store's caches are hot before warm-up. */
    private void preload(Container engineContainer) {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 0; n < items; n++) {
            engineContainer.create(samples.key(n), samples.item(SampleItems.id(n), n, random));
        }
        for (int n = 0; n < items; n++) {
            engineContainer.read(samples.key(n), SampleItems.id(n), null);
        }
        System.out.printf("%n[preloaded %,d items into %s in %.1f s]%n", items, store,
                (System.nanoTime() - started) / 1e9);
    }

    /** Closes the client, the server and its store, and deletes the RocksDB directory. */
    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            client.close();
            server.close();
        } finally {
            if (directory != null) {
                directory.close();
            }
        }
    }

    /** Reads a random preloaded item. */
    @Benchmark
    public ObjectNode pointRead(Caller caller) {
        int n = caller.random.nextInt(items);
        return container.readItem(SampleItems.id(n), keys[n % PARTITION_KEYS], ObjectNode.class).getItem();
    }

    /** Creates a new item. */
    @Benchmark
    public CosmosItemResponse<ObjectNode> create(Caller caller) {
        long n = caller.created++;
        // A random logical partition: callers that walked the keys in order would catch up with
        // each other and then queue on one partition's lock at every step.
        int p = caller.random.nextInt(PARTITION_KEYS);
        caller.body.put("id", caller.idPrefix + n);
        caller.body.put("pk", samples.partitionKeyText(p));
        return container.createItem(caller.body, keys[p], null);
    }
}
