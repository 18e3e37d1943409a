package io.cosmolite.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Puts and deletes racing on a few keys, with scans opening and closing beside them: the case
 * where a tombstone's slot is purged between the two phases of another write. Writes to one key
 * are ordered by a test lock, so the last write of each key is known; afterwards point reads and
 * a scan must both show exactly those.
 */
class InMemoryStoreChurnTest {
    private static final int KEYS = 16;

    /** A store with every key in its hash index, or (as the engine opens it) only some. */
    private static InMemoryStore open(String hashed) {
        return hashed.equals("every key")
                ? new InMemoryStore()
                : new InMemoryStore(key -> Arrays.hashCode(key) % 2 == 0);
    }

    @ParameterizedTest(name = "hash index: {0}")
    @ValueSource(strings = {"every key", "some keys"})
    void lastWriteOfEveryKeyWinsUnderChurn(String hashed) throws Exception {
        InMemoryStore store = open(hashed);
        ReentrantLock[] keyLocks = new ReentrantLock[KEYS];
        String[] last = new String[KEYS];
        for (int k = 0; k < KEYS; k++) {
            keyLocks[k] = new ReentrantLock();
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            final int thread = t;
            futures.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(thread);
                for (int i = 0; i < 30_000; i++) {
                    int k = random.nextInt(KEYS);
                    int other = (k + 1 + random.nextInt(KEYS - 1)) % KEYS;
                    keyLocks[k].lock();
                    try {
                        WriteBatch batch = new WriteBatch();
                        if (random.nextBoolean()) {
                            String value = thread + ":" + i;
                            batch.put(key(k), value.getBytes(StandardCharsets.UTF_8));
                            last[k] = value;
                        } else {
                            batch.delete(key(k));
                            last[k] = null;
                        }
                        // An unrelated key in the same batch spreads writes over more slots.
                        batch.put(("side-" + thread + "-" + other).getBytes(StandardCharsets.UTF_8), new byte[] {1});
                        store.write(batch);
                        byte[] seen = store.get(key(k));
                        assertThat(seen == null ? null : new String(seen, StandardCharsets.UTF_8)).isEqualTo(last[k]);
                    } finally {
                        keyLocks[k].unlock();
                    }
                }
            }));
        }
        futures.add(pool.submit(() -> {
            for (int i = 0; i < 3_000; i++) {
                try (KeyCursor c = store.scan(null, null)) {
                    for (int n = 0; n < 5 && c.next(); n++) {
                        assertThat(c.key()).isNotEmpty();
                    }
                }
            }
        }));
        for (Future<?> f : futures) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        Map<String, String> scanned = new HashMap<>();
        try (KeyCursor c = store.scan(key(0), ("k" + (char) ('a' + KEYS)).getBytes(StandardCharsets.UTF_8))) {
            while (c.next()) {
                scanned.put(new String(c.key(), StandardCharsets.UTF_8), new String(c.value(), StandardCharsets.UTF_8));
            }
        }
        for (int k = 0; k < KEYS; k++) {
            byte[] got = store.get(key(k));
            assertThat(got == null ? null : new String(got, StandardCharsets.UTF_8)).as("get key %d", k).isEqualTo(last[k]);
            assertThat(scanned.get(new String(key(k), StandardCharsets.UTF_8))).as("scan key %d", k).isEqualTo(last[k]);
        }
        store.close();
    }

    @ParameterizedTest(name = "hash index: {0}")
    @ValueSource(strings = {"every key", "some keys"})
    void pointReadsAndScansAgreeAfterUnorderedChurnOnTheSameKeys(String hashed) throws Exception {
        InMemoryStore store = open(hashed);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            final int thread = t;
            futures.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(100 + thread);
                for (int i = 0; i < 40_000; i++) {
                    int k = random.nextInt(4);
                    WriteBatch batch = random.nextInt(3) == 0
                            ? new WriteBatch().delete(key(k))
                            : new WriteBatch().put(key(k), new byte[] {(byte) thread});
                    store.write(batch);
                    if (i % 1_000 == 0) {
                        try (KeyCursor c = store.scan(null, null)) {
                            c.next();
                        }
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        for (int k = 0; k < 4; k++) {
            store.write(new WriteBatch().put(key(k), ("final-" + k).getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, String> scanned = new HashMap<>();
        try (KeyCursor c = store.scan(null, null)) {
            while (c.next()) {
                scanned.put(new String(c.key(), StandardCharsets.UTF_8), new String(c.value(), StandardCharsets.UTF_8));
            }
        }
        for (int k = 0; k < 4; k++) {
            assertThat(new String(store.get(key(k)), StandardCharsets.UTF_8)).isEqualTo("final-" + k);
            assertThat(scanned.get(new String(key(k), StandardCharsets.UTF_8))).as("scan key %d", k).isEqualTo("final-" + k);
        }
        store.close();
    }

    private static byte[] key(int k) {
        return ("k" + (char) ('a' + k)).getBytes(StandardCharsets.UTF_8);
    }
}
