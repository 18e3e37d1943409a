package io.cosmolite.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.EngineOptions;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.resource.ResourceType;
import io.cosmolite.engine.storage.KeyCursor;
import io.cosmolite.engine.storage.KeyValueStore;
import io.cosmolite.engine.storage.RocksDbStore;
import io.cosmolite.engine.storage.SyncPolicy;
import io.cosmolite.engine.storage.WriteBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How fast RocksDB alone, with the engine's options, applies exactly the write batches that the
 * engine's creates produce: the floor under {@link ItemBenchmark#create}, whatever the engine's
 * own code costs. A plain {@code main}, not JMH: it records the batches of one run through the
 * engine, then replays them into fresh stores.
 *
 * <ol>
 *   <li>An engine on a RocksDB store creates a container, preloads {@code --items} items (as
 *       {@link ItemBenchmark} does: about 1 KB, 1,000 partition key values), then creates
 *       {@code --creates} more with one thread; it prints that rate and what each create wrote
 *       (operations and bytes per batch).</li>
 *   <li>For 1 thread, then 2, twice: a fresh store gets the preload's batches, then the creates'
 *       batches are timed as they go into it through {@link RocksDbStore#write}.</li>
 * </ol>
 *
 * From the repository root, with the benchmarks jar built:
 * <pre>
 * java -Xmx6g -cp cosmolite-benchmarks/target/benchmarks.jar io.cosmolite.benchmarks.StorageFloorBenchmark
 * java -Xmx6g -cp cosmolite-benchmarks/target/benchmarks.jar io.cosmolite.benchmarks.StorageFloorBenchmark --indexing none
 * </pre>
 */
public final class StorageFloorBenchmark {
    private StorageFloorBenchmark() {}

    /** Runs it; options {@code --indexing default|none}, {@code --items N}, {@code --creates N}. */
    public static void main(String[] args) throws Exception {
        String indexing = "default";
        int items = 100_000;
        int creates = 150_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--indexing" -> indexing = args[i + 1];
                case "--items" -> items = Integer.parseInt(args[i + 1]);
                case "--creates" -> creates = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String policy = switch (indexing) {
            case "default" -> "";
            case "none" -> ",\"indexingPolicy\":{\"indexingMode\":\"none\",\"automatic\":false}";
            default -> throw new IllegalArgumentException("--indexing must be default or none, not " + indexing);
        };
        try (ScratchDirectory directory = ScratchDirectory.create()) {
            Recording recording = record(directory.path().resolve("engine"), policy, items, creates);
            for (int threads : new int[] {1, 2, 1, 2}) {
                Path dir = directory.path().resolve("replay-" + threads + "-" + System.nanoTime());
                System.out.printf("RocksDB alone, %d thread(s): %,.0f create batches/s%n",
                        threads, replay(dir, recording, threads));
            }
        }
    }

    /** The batches of the preload and of the timed creates. */
    private record Recording(List<WriteBatch> preload, List<WriteBatch> creates) {}

    private static Recording record(Path dir, String policy, int items, int creates) throws IOException {
        RecordingStore store = new RecordingStore(RocksDbStore.open(dir, SyncPolicy.DEFAULT));
        SampleItems samples = new SampleItems(1_000);
        double rate;
        try (CosmosEngine engine = CosmosEngine.open(store, EngineOptions.durable(dir))) {
            engine.create(ResourceType.DATABASE, List.of(), Json.object().put("id", "db"));
            engine.createContainer("db", (ObjectNode) Json.parse(
                    "{\"id\":\"c\",\"partitionKey\":{\"paths\":[\"/pk\"],\"kind\":\"Hash\",\"version\":2}" + policy + "}"),
                    1, null);
            Container container = engine.container("db", "c");
            SplittableRandom random = new SplittableRandom(42);
            for (int n = 0; n < items; n++) {
                container.create(samples.key(n), samples.item(SampleItems.id(n), n, random));
            }
            store.target = store.creates;
            ObjectNode body = samples.item("template", 0, new SplittableRandom(1));
            long start = System.nanoTime();
            for (long n = 0; n < creates; n++) {
                body.put("id", "new-" + n);
                body.put("pk", samples.partitionKeyText(n));
                container.create(samples.key(n), body);
            }
            rate = creates / ((System.nanoTime() - start) / 1e9);
        }
        long ops = 0;
        long bytes = 0;
        for (WriteBatch batch : store.creates) {
            ops += batch.ops().size();
            bytes += batch.sizeInBytes();
        }
        System.out.printf("engine, 1 thread: %,.0f creates/s; each create wrote one batch of %.1f operations, %,.0f bytes%n",
                rate, ops / (double) creates, bytes / (double) creates);
        return new Recording(store.preload, store.creates);
    }

    private static double replay(Path dir, Recording recording, int threads) throws Exception {
        try (RocksDbStore store = RocksDbStore.open(dir, SyncPolicy.DEFAULT)) {
            for (WriteBatch batch : recording.preload()) {
                store.write(batch);
            }
            List<WriteBatch> batches = recording.creates();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                long start = System.nanoTime();
                List<Future<?>> writers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    writers.add(pool.submit(() -> {
                        for (int i = first; i < batches.size(); i += threads) {
                            store.write(batches.get(i));
                        }
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get();
                }
                return batches.size() / ((System.nanoTime() - start) / 1e9);
            } finally {
                pool.shutdown();
            }
        }
    }

    /** A store that keeps every batch written through it, in order, and passes everything on. */
    private static final class RecordingStore implements KeyValueStore {
        final KeyValueStore store;
        final List<WriteBatch> preload = new ArrayList<>();
        final List<WriteBatch> creates = new ArrayList<>();
        List<WriteBatch> target = preload;

        RecordingStore(KeyValueStore store) {
            this.store = store;
        }

        @Override
        public byte[] get(byte[] key) {
            return store.get(key);
        }

        @Override
        public void write(WriteBatch batch) {
            target.add(batch);
            store.write(batch);
        }

        @Override
        public KeyCursor scan(byte[] fromInclusive, byte[] toExclusive) {
            return store.scan(fromInclusive, toExclusive);
        }

        @Override
        public KeyCursor scanDescending(byte[] fromInclusive, byte[] toExclusive) {
            return store.scanDescending(fromInclusive, toExclusive);
        }

        @Override
        public void sync() {
            store.sync();
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
