package io.cosmolite.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link KeyValueStore} must show; one subclass per implementation. */
abstract class KeyValueStoreContractTest {

    /** A new, empty store; the test closes it. */
    abstract KeyValueStore openStore();

    KeyValueStore store;

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static String s(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    static List<String> keys(KeyCursor cursor) {
        List<String> out = new ArrayList<>();
        try (cursor) {
            while (cursor.next()) {
                out.add(s(cursor.key()));
            }
        }
        return out;
    }

    static List<Map.Entry<byte[], byte[]>> entries(KeyCursor cursor) {
        List<Map.Entry<byte[], byte[]>> out = new ArrayList<>();
        try (cursor) {
            while (cursor.next()) {
                out.add(Map.entry(cursor.key(), cursor.value()));
            }
        }
        return out;
    }

    void put(String key, String value) {
        store.write(new WriteBatch().put(b(key), b(value)));
    }

    @Test
    void getPutDelete() {
        assertThat(store.get(b("a"))).isNull();
        put("a", "1");
        assertThat(s(store.get(b("a")))).isEqualTo("1");
        put("a", "2");
        assertThat(s(store.get(b("a")))).isEqualTo("2");
        store.write(new WriteBatch().delete(b("a")));
        assertThat(store.get(b("a"))).isNull();
        store.write(new WriteBatch().delete(b("never-there")));
        assertThat(store.get(b("never-there"))).isNull();
    }

    @Test
    void deleteRangeRemovesExactlyTheRangeAndLaterOpsOfTheBatchWin() {
        for (String k : List.of("a", "b1", "b2", "b3", "c")) {
            put(k, "v-" + k);
        }
        KeyCursor before = store.scan(null, null);
        store.write(new WriteBatch().put(b("b0"), b("new")).deleteRange(b("b"), b("c")).put(b("b2"), b("again")));
        assertThat(keys(store.scan(null, null))).containsExactly("a", "b2", "c");
        assertThat(s(store.get(b("b2")))).isEqualTo("again");
        assertThat(store.get(b("b1"))).isNull();
        assertThat(store.get(b("b0"))).isNull();
        assertThat(keys(before)).as("a scan opened before still sees its snapshot")
                .containsExactly("a", "b1", "b2", "b3", "c");
        store.write(new WriteBatch().deleteRange(b("x"), b("y")));
        store.write(new WriteBatch().deleteRange(b("c"), b("a")));
        assertThat(keys(store.scan(null, null))).containsExactly("a", "b2", "c");
        put("b1", "back");
        assertThat(s(store.get(b("b1")))).isEqualTo("back");
    }

    @Test
    void emptyValuesAndEmptyBatchesAreFine() {
        store.write(new WriteBatch());
        store.write(new WriteBatch().put(b("k"), new byte[0]));
        assertThat(store.get(b("k"))).isEmpty();
    }

    @Test
    void returnedAndGivenArraysAreNotShared() {
        byte[] value = b("v");
        store.write(new WriteBatch().put(b("k"), value));
        value[0] = 'x';
        byte[] read = store.get(b("k"));
        assertThat(s(read)).isEqualTo("v");
        read[0] = 'y';
        assertThat(s(store.get(b("k")))).isEqualTo("v");
    }

    @Test
    void batchAppliesOperationsInOrder() {
        put("gone", "old");
        store.write(new WriteBatch()
                .put(b("x"), b("1"))
                .delete(b("x"))
                .delete(b("y"))
                .put(b("y"), b("2"))
                .put(b("z"), b("first"))
                .put(b("z"), b("second"))
                .delete(b("gone")));
        assertThat(store.get(b("x"))).isNull();
        assertThat(s(store.get(b("y")))).isEqualTo("2");
        assertThat(s(store.get(b("z")))).isEqualTo("second");
        assertThat(store.get(b("gone"))).isNull();
        assertThat(keys(store.scan(null, null))).containsExactly("y", "z");
    }

    @Test
    void scanBoundsAreInclusiveFromAndExclusiveTo() {
        for (String k : List.of("a", "b", "ba", "c", "d")) {
            put(k, "v" + k);
        }
        assertThat(keys(store.scan(b("b"), b("d")))).containsExactly("b", "ba", "c");
        assertThat(keys(store.scan(b("b"), null))).containsExactly("b", "ba", "c", "d");
        assertThat(keys(store.scan(null, b("b")))).containsExactly("a");
        assertThat(keys(store.scan(null, null))).containsExactly("a", "b", "ba", "c", "d");
        assertThat(keys(store.scan(b("bb"), b("c")))).isEmpty();
        assertThat(keys(store.scan(b("c"), b("c")))).isEmpty();
        assertThat(keys(store.scan(b("d"), b("a")))).isEmpty();
        assertThat(keys(store.scan(b("e"), null))).isEmpty();
        assertThat(entries(store.scan(b("c"), b("d"))))
                .singleElement()
                .satisfies(e -> assertThat(s(e.getValue())).isEqualTo("vc"));
    }

    @Test
    void descendingScanMirrorsAscending() {
        for (String k : List.of("a", "b", "ba", "c", "d")) {
            put(k, "v" + k);
        }
        assertThat(keys(store.scanDescending(b("b"), b("d")))).containsExactly("c", "ba", "b");
        assertThat(keys(store.scanDescending(null, b("c")))).containsExactly("ba", "b", "a");
        assertThat(keys(store.scanDescending(b("ba"), null))).containsExactly("d", "c", "ba");
        assertThat(keys(store.scanDescending(null, null))).containsExactly("d", "c", "ba", "b", "a");
        assertThat(keys(store.scanDescending(b("d"), b("a")))).isEmpty();
        assertThat(keys(store.scanDescending(null, b("a")))).isEmpty();
    }

    @Test
    void keysCompareAsUnsignedBytes() {
        byte[][] ordered = {
            bytes(), bytes(0x00), bytes(0x01), bytes(0x7f), bytes(0x7f, 0xff),
            bytes(0x80), bytes(0x80, 0x00), bytes(0xfe), bytes(0xff), bytes(0xff, 0xff),
        };
        WriteBatch batch = new WriteBatch();
        for (int i = ordered.length - 1; i >= 0; i--) {
            batch.put(ordered[i], bytes(i));
        }
        store.write(batch);

        List<Map.Entry<byte[], byte[]>> all = entries(store.scan(null, null));
        assertThat(all).extracting(Map.Entry::getKey).containsExactly(ordered);
        assertThat(all).extracting(e -> e.getValue()[0] & 0xff)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

        assertThat(entries(store.scan(bytes(0x7f), bytes(0xff))))
                .extracting(Map.Entry::getKey)
                .containsExactly(bytes(0x7f), bytes(0x7f, 0xff), bytes(0x80), bytes(0x80, 0x00), bytes(0xfe));
        assertThat(entries(store.scanDescending(bytes(0x80), null)))
                .extracting(Map.Entry::getKey)
                .containsExactly(bytes(0xff, 0xff), bytes(0xff), bytes(0xfe), bytes(0x80, 0x00), bytes(0x80));
    }

    @Test
    void scanSeesTheSnapshotOfItsOpening() {
        for (int i = 0; i < 10; i++) {
            put("k" + i, "old");
        }
        try (KeyCursor ascending = store.scan(b("k"), b("l"));
             KeyCursor descending = store.scanDescending(b("k"), b("l"))) {
            assertThat(ascending.next()).isTrue();
            assertThat(s(ascending.key())).isEqualTo("k0");
            WriteBatch changes = new WriteBatch();
            for (int i = 0; i < 10; i++) {
                changes.put(b("k" + i), b("new"));
            }
            changes.delete(b("k5")).put(b("k55"), b("added")).put(b("k"), b("added"));
            store.write(changes);
            store.write(new WriteBatch().delete(b("k9")).delete(b("k0")));

            List<String> rest = new ArrayList<>();
            while (ascending.next()) {
                assertThat(s(ascending.value())).isEqualTo("old");
                rest.add(s(ascending.key()));
            }
            assertThat(rest).containsExactly("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9");

            List<String> down = new ArrayList<>();
            while (descending.next()) {
                assertThat(s(descending.value())).isEqualTo("old");
                down.add(s(descending.key()));
            }
            assertThat(down).containsExactly("k9", "k8", "k7", "k6", "k5", "k4", "k3", "k2", "k1", "k0");
        }
        assertThat(keys(store.scan(b("k"), b("l"))))
                .containsExactly("k", "k1", "k2", "k3", "k4", "k55", "k6", "k7", "k8");
        assertThat(s(store.get(b("k3")))).isEqualTo("new");
    }

    @Test
    void cursorRefusesEntriesItIsNotOn() {
        put("a", "1");
        KeyCursor cursor = store.scan(null, null);
        assertThatThrownBy(cursor::key).isInstanceOf(NoSuchElementException.class);
        assertThat(cursor.next()).isTrue();
        assertThat(s(cursor.value())).isEqualTo("1");
        assertThat(cursor.next()).isFalse();
        assertThatThrownBy(cursor::value).isInstanceOf(NoSuchElementException.class);
        cursor.close();
        cursor.close();
        assertThat(cursor.next()).isFalse();
    }

    @Test
    void closedStoreRefusesEveryCall() {
        put("a", "1");
        KeyCursor open = store.scan(null, null);
        store.close();
        store.close();
        assertThatThrownBy(() -> store.get(b("a"))).isInstanceOf(StoreClosedException.class);
        assertThatThrownBy(() -> put("a", "2")).isInstanceOf(StoreClosedException.class);
        assertThatThrownBy(() -> store.write(new WriteBatch())).isInstanceOf(StoreClosedException.class);
        assertThatThrownBy(() -> store.scan(null, null)).isInstanceOf(StoreClosedException.class);
        assertThatThrownBy(() -> store.scanDescending(null, null)).isInstanceOf(StoreClosedException.class);
        assertThatThrownBy(store::sync).isInstanceOf(StoreClosedException.class);
        assertThatThrownBy(open::next).isInstanceOf(StoreClosedException.class);
        open.close();
    }

    @Test
    void closeWaitsForCallsInFlightAndLaterCallsFailCleanly() throws Exception {
        for (int i = 0; i < 100; i++) {
            put("k" + i, "v" + i);
        }
        int threads = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch started = new CountDownLatch(threads);
        List<Future<Long>> readers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            readers.add(pool.submit(() -> {
                long reads = 0;
                started.countDown();
                try {
                    while (true) {
                        if (id == 0) {
                            keys(store.scan(null, null));
                        } else if (id == 1) {
                            put("w", Long.toString(reads));
                        } else {
                            assertThat(store.get(b("k" + (reads % 100)))).isNotNull();
                        }
                        reads++;
                    }
                } catch (StoreClosedException expected) {
                    return reads;
                }
            }));
        }
        started.await();
        Thread.sleep(50);
        store.close();
        for (Future<Long> reader : readers) {
            assertThat(reader.get(5, TimeUnit.SECONDS)).isPositive();
        }
        pool.shutdown();
    }

    @Test
    void randomOperationsMatchATreeMapOracle() {
        Random random = new Random(20240611L);
        NavigableMap<byte[], byte[]> oracle = new TreeMap<>(Arrays::compareUnsigned);
        int[] alphabet = {0x00, 0x01, 0x41, 0x7f, 0x80, 0x81, 0xfe, 0xff};
        int operations = 0;
        int batches = 0;
        while (operations < 10_000) {
            WriteBatch batch = new WriteBatch();
            int size = 1 + random.nextInt(8);
            for (int i = 0; i < size; i++, operations++) {
                byte[] key = randomKey(random, alphabet);
                if (random.nextInt(3) == 0) {
                    batch.delete(key);
                    oracle.remove(key);
                } else {
                    byte[] value = new byte[random.nextInt(6)];
                    random.nextBytes(value);
                    batch.put(key, value);
                    oracle.put(key, value);
                }
            }
            store.write(batch);
            batches++;

            for (int i = 0; i < 3; i++) {
                byte[] key = randomKey(random, alphabet);
                assertThat(store.get(key)).as("get %s", Arrays.toString(key)).isEqualTo(oracle.get(key));
            }
            byte[] from = random.nextInt(4) == 0 ? null : randomKey(random, alphabet);
            byte[] to = random.nextInt(4) == 0 ? null : randomKey(random, alphabet);
            boolean descending = random.nextBoolean();
            KeyCursor cursor = descending ? store.scanDescending(from, to) : store.scan(from, to);
            assertSameEntries(cursor, oracleRange(oracle, from, to, descending));
            if (batches % 100 == 0) {
                assertSameEntries(store.scan(null, null), oracle);
                assertSameEntries(store.scanDescending(null, null), oracle.descendingMap());
            }
        }
        assertSameEntries(store.scan(null, null), oracle);
        assertSameEntries(store.scanDescending(null, null), oracle.descendingMap());
    }

    private static byte[] randomKey(Random random, int[] alphabet) {
        byte[] key = new byte[1 + random.nextInt(3)];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) alphabet[random.nextInt(alphabet.length)];
        }
        return key;
    }

    private static NavigableMap<byte[], byte[]> oracleRange(
            NavigableMap<byte[], byte[]> oracle, byte[] from, byte[] to, boolean descending) {
        NavigableMap<byte[], byte[]> range;
        if (from != null && to != null && Arrays.compareUnsigned(from, to) >= 0) {
            range = new TreeMap<>(Arrays::compareUnsigned);
        } else if (from != null && to != null) {
            range = oracle.subMap(from, true, to, false);
        } else if (from != null) {
            range = oracle.tailMap(from, true);
        } else if (to != null) {
            range = oracle.headMap(to, false);
        } else {
            range = oracle;
        }
        return descending ? range.descendingMap() : range;
    }

    private static void assertSameEntries(KeyCursor cursor, Map<byte[], byte[]> expected) {
        List<Map.Entry<byte[], byte[]>> actual = entries(cursor);
        assertThat(actual).extracting(Map.Entry::getKey).containsExactlyElementsOf(expected.keySet());
        assertThat(actual).extracting(Map.Entry::getValue).containsExactlyElementsOf(expected.values());
    }

    @Test
    void getsNeverSeeHalfABatch() throws Exception {
        int batches = 5000;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> writer = pool.submit(() -> {
            for (int i = 1; i <= batches; i++) {
                WriteBatch batch = new WriteBatch();
                for (int k = 1; k <= 5; k++) {
                    batch.put(b("k" + k), b(Integer.toString(i)));
                }
                store.write(batch);
            }
        });
        int checks = 0;
        while (!writer.isDone() || checks == 0) {
            // k1 is written first and k5 last: seeing k1 of a batch before its k5 would be half a batch.
            int first = counter(store.get(b("k1")));
            int last = counter(store.get(b("k5")));
            assertThat(last).as("k5 after reading k1=%d", first).isGreaterThanOrEqualTo(first);
            checks++;
        }
        writer.get();
        pool.shutdown();
        assertThat(counter(store.get(b("k3")))).isEqualTo(batches);
    }

    private static int counter(byte[] value) {
        return value == null ? 0 : Integer.parseInt(s(value));
    }

    @Test
    void concurrentScansNeverSeeHalfABatch() throws Exception {
        byte[][] keys = {b("k1"), b("k2"), b("k3"), b("k4"), b("k5")};
        WriteBatch initial = new WriteBatch();
        for (byte[] key : keys) {
            initial.put(key, b("0"));
        }
        store.write(initial);

        int writers = 4;
        int batchesPerWriter = 3000;
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        List<Future<?>> writerFutures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            writerFutures.add(pool.submit(() -> {
                for (int i = 1; i <= batchesPerWriter; i++) {
                    byte[] value = b(writer + ":" + i);
                    WriteBatch batch = new WriteBatch();
                    for (byte[] key : keys) {
                        batch.put(key, value);
                    }
                    store.write(batch);
                }
            }));
        }
        List<Future<Integer>> readerFutures = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            boolean descending = r == 1;
            readerFutures.add(pool.submit(() -> {
                int scans = 0;
                do {
                    List<Map.Entry<byte[], byte[]>> seen = entries(
                            descending ? store.scanDescending(b("k1"), b("k6")) : store.scan(null, null));
                    assertThat(seen).hasSize(keys.length);
                    assertThat(seen).extracting(e -> s(e.getValue())).containsOnly(s(seen.get(0).getValue()));
                    scans++;
                } while (writing.get());
                return scans;
            }));
        }
        for (Future<?> f : writerFutures) {
            f.get(30, TimeUnit.SECONDS);
        }
        writing.set(false);
        for (Future<Integer> f : readerFutures) {
            assertThat(f.get(30, TimeUnit.SECONDS)).isPositive();
        }
        pool.shutdown();
        List<Map.Entry<byte[], byte[]>> last = entries(store.scan(null, null));
        assertThat(last).extracting(e -> s(e.getValue())).containsOnly(s(last.get(0).getValue()));
        assertThat(s(last.get(0).getValue())).endsWith(":" + batchesPerWriter);
    }
}
