package io.cosmolite.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.EngineOptions;
import io.cosmolite.engine.document.ItemResult;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.resource.ResourceType;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Single-item operations on a container of 100,000 preloaded items of about 1 KB, with the
 * partition key spread over 1,000 values, in memory and on RocksDB (default sync policy: group
 * commit every 10 ms). Each benchmark method and store gets a fresh engine, preloaded before
 * warm-up; the RocksDB directory is a temporary one, deleted afterwards.
 *
 * <ul>
 *   <li>{@link #pointRead}: read of a random preloaded item by id and partition key, with every
 *       item read once before warm-up so that caches are hot. Latency, sampled (p50 is the target).</li>
 *   <li>{@link #create}: create of a new item with a unique id. Throughput, ops/s over all threads.</li>
 *   <li>{@link #replace}: replace of a random preloaded item. Latency, sampled.</li>
 * </ul>
 *
 * Run it, once per thread count, from the repository root (about 5 minutes each on 2 cores):
 * <pre>
 * mvn -B -q -pl cosmolite-benchmarks -am package -DskipTests
 * java -jar cosmolite-benchmarks/target/benchmarks.jar ItemBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s -t 1
 * java -jar cosmolite-benchmarks/target/benchmarks.jar ItemBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s -t 2
 * </pre>
 * Add {@code -p store=rocksdb} for one store only, {@code -p indexing=none} for a container without
 * an index, or {@code -prof gc} for allocation rates.
 * Results and targets are in docs/performance.md.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class ItemBenchmark {
    private static final int PARTITION_KEYS = 1_000;
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Where items are stored: {@code memory} or {@code rocksdb}. */
    @Param({"memory", "rocksdb"})
    public String store;

    /**
     * The container's indexing policy: {@code default} (every path, as Cosmos DB creates a
     * container) or {@code none} ({@code indexingMode} none: items only, no index entries).
     */
    @Param("default")
    public String indexing;

    /** Items preloaded into the container. */
    @Param("100000")
    public int items;

    private final SampleItems samples = new SampleItems(PARTITION_KEYS);
    private ScratchDirectory directory;
    private CosmosEngine engine;
    private Container container;

    /** Per-thread request material: a random source, a reusable body and a counter for new ids. */
    @State(Scope.Thread)
    public static class Worker {
        SplittableRandom random;
        ObjectNode body;
        String idPrefix;
        long created;

        /** Prepares this thread's material; ids stay unique across threads and trials. */
        @Setup(Level.Trial)
        public void setUp(ItemBenchmark benchmark) {
            int thread = THREADS.incrementAndGet();
            random = new SplittableRandom(thread);
            // The engine never changes the body it is given, so one body per thread serves every
            // request (the benchmark changes only top-level values, which the engine copies).
            body = benchmark.samples.item("template", 0, random);
            idPrefix = "new-" + thread + "-";
        }
    }

    /** Opens the engine on the chosen store and preloads the container. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        EngineOptions options;
        if (store.equals("memory")) {
            options = EngineOptions.inMemory();
        } else if (store.equals("rocksdb")) {
            directory = ScratchDirectory.create();
            options = EngineOptions.durable(directory.path());
        } else {
            throw new IllegalArgumentException("store must be memory or rocksdb, not " + store);
        }
        engine = CosmosEngine.open(options);
        engine.create(ResourceType.DATABASE, List.of(), Json.object().put("id", "db"));
        String policy = switch (indexing) {
            case "default" -> "";
            case "none" -> ",\"indexingPolicy\":{\"indexingMode\":\"none\",\"automatic\":false}";
            default -> throw new IllegalArgumentException("indexing must be default or none, not " + indexing);
        };
        engine.createContainer("db", (ObjectNode) Json.parse(
                "{\"id\":\"c\",\"partitionKey\":{\"paths\":[\"/pk\"],\"kind\":\"Hash\",\"version\":2}"
                        + policy + "}"), 1, null);
        container = engine.container("db", "c");

        SplittableRandom random = new SplittableRandom(42);
        long bytes = 0;
        for (int n = 0; n < items; n++) {
            bytes += Json.toBytes(container.create(samples.key(n), samples.item(SampleItems.id(n), n, random)).item())
                    .length;
        }
        for (int n = 0; n < items; n++) {
            container.read(samples.key(n), SampleItems.id(n), null);
        }
        System.out.printf("%n[preloaded %,d items into %s, %,d bytes each on average]%n", items, store, bytes / items);
    }

    /** Closes the engine and deletes the RocksDB directory. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        engine.close();
        if (directory != null) {
            directory.close();
        }
    }

    /** Reads a random preloaded item. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ItemResult pointRead(Worker worker) {
        int n = worker.random.nextInt(items);
        return container.read(samples.key(n), SampleItems.id(n), null);
    }

    /**
     * Creates a new item in a random logical partition. (Threads that walked the partition keys in
     * order would catch up with each other and then queue on one partition's lock at every step: a
     * convoy no real workload makes.)
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ItemResult create(Worker worker) {
        long n = worker.created++;
        int p = worker.random.nextInt(PARTITION_KEYS);
        worker.body.put("id", worker.idPrefix + n);
        worker.body.put("pk", samples.partitionKeyText(p));
        return container.create(samples.key(p), worker.body);
    }

    /** Replaces a random preloaded item with the thread's body, under its id and partition key. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ItemResult replace(Worker worker) {
        int n = worker.random.nextInt(items);
        String id = SampleItems.id(n);
        worker.body.put("id", id);
        worker.body.put("pk", samples.partitionKeyText(n));
        return container.replace(samples.key(n), id, worker.body, null);
    }
}
