package io.cosmolite.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.EngineOptions;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.QueryPage;
import io.cosmolite.engine.query.QueryRequest;
import io.cosmolite.engine.query.QueryScope;
import io.cosmolite.engine.resource.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
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

/**
 * Queries over a container of 1,000,000 preloaded items of about 1 KB ({@link SampleItems}, one
 * physical partition), with the default indexing policy ({@code indexing=on}: every path) or none
 * ({@code indexing=off}: {@code indexingMode: none}, so every query scans), in memory or on
 * RocksDB. Each query runs to its last page through {@link Container#query}.
 *
 * <ul>
 *   <li>{@link #equality}: {@code WHERE c.email = @e} for a random one of 100,000 e-mail values
 *       (about 10 results).</li>
 *   <li>{@link #orderByTop10}: {@code ORDER BY c.score OFFSET 0 LIMIT 10}; Cosmos DB refuses an
 *       ORDER BY on an unindexed path, so this one runs with {@code indexing=on} only.</li>
 *   <li>{@link #groupBy}: {@code COUNT(1)} per city of the items of one age (about 14,000 items).</li>
 *   <li>{@link #startsWith}: {@code STARTSWITH(c.customer, @p)} for a random 7-digit prefix of the
 *       customer field (about 1 to 11 results).</li>
 * </ul>
 *
 * Loading takes minutes, so each dataset is loaded once per JVM and shared by the benchmarks of
 * the same parameters: run it without forking ({@code -f 0}, the default here), with the heap
 * given to the launching JVM, from the repository root:
 * <pre>
 * mvn -B -q -pl cosmolite-benchmarks -am package -DskipTests
 * java -Xms16g -Xmx16g -XX:+AlwaysPreTouch -jar cosmolite-benchmarks/target/benchmarks.jar QueryBenchmark \
 *     -wi 2 -i 3 -w 2s -r 2s -t 1
 * </pre>
 * Results are in docs/performance.md ("Queries").
 */
@State(Scope.Benchmark)
@Fork(value = 0)
public class QueryBenchmark {
    private static final int PARTITION_KEYS = 1_000;

    /** Where items are stored: {@code memory} or {@code rocksdb}. */
    @Param({"memory", "rocksdb"})
    public String store;

    /** {@code on}: the default indexing policy; {@code off}: indexing mode none. */
    @Param({"on", "off"})
    public String indexing;

    /** Items preloaded into the container. */
    @Param("1000000")
    public int items;

    /** One loaded container, kept for every benchmark of the same store, indexing and size (run with {@code -f 0}). */
    private record Dataset(CosmosEngine engine, Container container, List<String> emails, List<String> customers,
                           ScratchDirectory directory) {}

    private static final Map<String, Dataset> DATASETS = new ConcurrentHashMap<>();

    private Dataset data;
    private SplittableRandom random;

    /** Loads the container, or takes the one an earlier benchmark of this JVM loaded. */
    @Setup(Level.Trial)
    public void setUp() {
        data = DATASETS.computeIfAbsent(store + "/" + indexing + "/" + items, k -> load());
        random = new SplittableRandom(7);
    }

    private Dataset load() {
        EngineOptions options;
        ScratchDirectory directory = null;
        if (store.equals("memory")) {
            options = EngineOptions.inMemory();
        } else if (store.equals("rocksdb")) {
            directory = ScratchDirectory.create();
            options = EngineOptions.durable(directory.path());
        } else {
            throw new IllegalArgumentException("store must be memory or rocksdb, not " + store);
        }
        CosmosEngine engine = CosmosEngine.open(options);
        engine.create(ResourceType.DATABASE, List.of(), Json.object().put("id", "db"));
        ObjectNode body = (ObjectNode) Json.parse(
                "{\"id\":\"c\",\"partitionKey\":{\"paths\":[\"/pk\"],\"kind\":\"Hash\",\"version\":2}}");
        if (indexing.equals("off")) {
            body.set("indexingPolicy", Json.parse("{\"indexingMode\":\"none\",\"automatic\":false}"));
        } else if (!indexing.equals("on")) {
            throw new IllegalArgumentException("indexing must be on or off, not " + indexing);
        }
        engine.createContainer("db", body, 1, null);
        Container container = engine.container("db", "c");

        SampleItems samples = new SampleItems(PARTITION_KEYS);
        List<String> emails = new ArrayList<>();
        List<String> customers = new ArrayList<>();
        SplittableRandom load = new SplittableRandom(42);
        long started = System.nanoTime();
        for (int n = 0; n < items; n++) {
            ObjectNode item = samples.item(SampleItems.id(n), n, load);
            if (n % 97 == 0) {
                emails.add(item.get("email").textValue());
                customers.add(item.get("customer").textValue());
            }
            container.create(samples.key(n), item);
        }
        System.out.printf("%n[preloaded %,d items into %s, indexing %s, in %.0f s]%n", items, store, indexing,
                (System.nanoTime() - started) / 1e9);
        Dataset dataset = new Dataset(engine, container, emails, customers, directory);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(dataset)));
        return dataset;
    }

    /** Closes a dataset's engine and deletes its RocksDB directory. */
    private static void close(Dataset dataset) {
        dataset.engine().close();
        if (dataset.directory() != null) {
            dataset.directory().close();
        }
    }

    /** A selective indexed equality. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int equality() {
        String email = data.emails().get(random.nextInt(data.emails().size()));
        return run("SELECT * FROM c WHERE c.email = @v", TextNode.valueOf(email));
    }

    /** The ten items of lowest score. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int orderByTop10() {
        if (indexing.equals("off")) {
            return 0; // refused by Cosmos DB (and Cosmolite): the ORDER BY path is not indexed
        }
        return run("SELECT * FROM c ORDER BY c.score OFFSET 0 LIMIT 10", null);
    }

    /** Items per city among those of one age. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int groupBy() {
        return run("SELECT c.address.city, COUNT(1) AS n FROM c WHERE c.age = @v GROUP BY c.address.city",
                Json.NODES.numberNode(18 + random.nextInt(70)));
    }

    /** Customers whose name starts with a random prefix. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int startsWith() {
        String customer = data.customers().get(random.nextInt(data.customers().size()));
        String prefix = customer.substring(0, Math.min(customer.length(), "customer-".length() + 5));
        return run("SELECT VALUE c.id FROM c WHERE STARTSWITH(c.customer, @v)", TextNode.valueOf(prefix));
    }

    private int run(String text, JsonNode parameter) {
        QueryRequest request = new QueryRequest(text, parameter == null ? Map.of() : Map.of("@v", parameter),
                QueryRequest.DYNAMIC_PAGE_SIZE, null, false);
        int results = 0;
        do {
            QueryPage page = data.container().query(request, QueryScope.container());
            results += page.items().size();
            request = request.withContinuation(page.continuation());
        } while (request.continuation() != null);
        return results;
    }
}
