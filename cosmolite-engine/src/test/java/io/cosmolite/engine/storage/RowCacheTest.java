package io.cosmolite.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The row cache in front of RocksDB's point reads: what it keeps, what it drops, and that no
 * read returns a value older than a write that completed before the read began. (The store
 * contract tests run through it too: {@link RocksDbStoreTest}.)
 */
class RowCacheTest {

    @TempDir
    Path dir;

    @Test
    void aSecondReadIsServedFromTheCacheAndAWriteDropsIt() {
        RowCache cache = new RowCache(1 << 20);
        AtomicInteger loads = new AtomicInteger();
        Function<byte[], byte[]> store = key -> {
            loads.incrementAndGet();
            return b("v1");
        };
        assertThat(s(cache.get(b("k"), store))).isEqualTo("v1");
        assertThat(s(cache.get(b("k"), store))).isEqualTo("v1");
        assertThat(loads).hasValue(1);

        cache.endWrite(cache.beginWrite(new WriteBatch().put(b("k"), b("v2"))));
        assertThat(s(cache.get(b("k"), key -> b("v2")))).isEqualTo("v2");
        assertThat(s(cache.get(b("k"), key -> b("not read")))).isEqualTo("v2");
    }

    @Test
    void aReadThatStartedBeforeAWriteDoesNotPutBackTheOldValue() {
        RowCache cache = new RowCache(1 << 20);
        // The store answers the old value, and the write lands before the reader would keep it.
        byte[] old = cache.get(b("k"), key -> {
            cache.endWrite(cache.beginWrite(new WriteBatch().put(b("k"), b("new"))));
            return b("old");
        });
        assertThat(s(old)).isEqualTo("old");
        assertThat(s(cache.get(b("k"), key -> b("new")))).isEqualTo("new");
    }

    @Test
    void readsWhileAWriteIsUnderWayGoToTheStoreAndKeepNothing() {
        RowCache cache = new RowCache(1 << 20);
        cache.get(b("k"), key -> b("old"));
        long marked = cache.beginWrite(new WriteBatch().put(b("k"), b("new")));
        assertThat(s(cache.get(b("k"), key -> b("from the store")))).isEqualTo("from the store");
        cache.endWrite(marked);
        assertThat(s(cache.get(b("k"), key -> b("new")))).isEqualTo("new");
    }

    @Test
    void keysTheFilterLeavesOutAreReadFromTheStoreEveryTimeAndTheirWritesHoldUpNoStripe() {
        RowCache cache = new RowCache(1 << 20, key -> key[0] != 'i');
        AtomicInteger loads = new AtomicInteger();
        Function<byte[], byte[]> store = key -> {
            loads.incrementAndGet();
            return b("v" + loads.get());
        };
        assertThat(s(cache.get(b("i1"), store))).isEqualTo("v1");
        assertThat(s(cache.get(b("i1"), store))).isEqualTo("v2");
        assertThat(s(cache.get(b("k"), store))).isEqualTo("v3");

        long marked = cache.beginWrite(new WriteBatch().put(b("i1"), b("x")).put(b("i2"), b("y")).delete(b("i3")));
        assertThat(marked).as("stripes marked by a write of left-out keys only").isZero();
        assertThat(s(cache.get(b("k"), store))).as("a cached key stays cached").isEqualTo("v3");
        cache.endWrite(marked);

        // A batch mixing both drops the cached key as before.
        cache.endWrite(cache.beginWrite(new WriteBatch().put(b("i1"), b("x")).put(b("k"), b("new"))));
        assertThat(s(cache.get(b("k"), key -> b("new")))).isEqualTo("new");
        assertThat(loads).hasValue(3);
    }

    @Test
    void aRangeDeleteDropsEveryKey() {
        RowCache cache = new RowCache(1 << 20);
        for (int i = 0; i < 100; i++) {
            cache.get(b("k" + i), key -> b("v"));
        }
        cache.endWrite(cache.beginWrite(new WriteBatch().deleteRange(b("a"), b("b"))));
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            cache.get(b("k" + i), key -> {
                loads.incrementAndGet();
                return null;
            });
        }
        assertThat(loads).hasValue(100);
    }

    @Test
    void valuesAreCopiesInAndOut() {
        RowCache cache = new RowCache(1 << 20);
        byte[] loaded = b("abc");
        byte[] first = cache.get(b("k"), key -> loaded);
        loaded[0] = 'X';
        first[1] = 'Y';
        cache.get(b("k"), key -> null)[2] = 'Z';
        assertThat(s(cache.get(b("k"), key -> null))).isEqualTo("abc");
    }

    @Test
    void absentKeysAndLargeValuesAreNotKept() {
        RowCache cache = new RowCache(64L << 20);
        AtomicInteger loads = new AtomicInteger();
        byte[] large = new byte[RowCache.MAX_VALUE_BYTES + 1];
        for (int i = 0; i < 3; i++) {
            assertThat(cache.get(b("absent"), key -> {
                loads.incrementAndGet();
                return null;
            })).isNull();
            assertThat(cache.get(b("large"), key -> {
                loads.incrementAndGet();
                return large;
            })).hasSize(large.length);
        }
        assertThat(loads).hasValue(6);
    }

    @Test
    void theLeastRecentlyReadGoFirstWhenTheCacheIsFull() {
        // 64 stripes of 4 KB: about three 1 KB values per stripe, under 200 in all.
        RowCache cache = new RowCache(64 * 4096);
        AtomicInteger loads = new AtomicInteger();
        Function<byte[], byte[]> store = key -> {
            loads.incrementAndGet();
            return new byte[1000];
        };
        for (int i = 0; i < 2000; i++) {
            cache.get(b("k" + i), store);
        }
        loads.set(0);
        cache.get(b("k1999"), store);
        assertThat(loads).as("the last key read is kept").hasValue(0);
        for (int i = 0; i < 1000; i++) {
            cache.get(b("k" + i), store);
        }
        assertThat(loads).as("the first thousand were pushed out").hasValue(1000);
    }

    @Test
    void noReadThroughTheStoreSeesAValueOlderThanAWriteThatCompletedBeforeIt() throws Exception {
        try (RocksDbStore store = RocksDbStore.open(dir.resolve("db"), SyncPolicy.DEFAULT)) {
            int keys = 8;
            AtomicLong completed = new AtomicLong();
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            Future<?> writer = pool.submit(() -> {
                for (long n = 1; n <= 20_000; n++) {
                    // One key per batch, in turn, so that other keys stay cached meanwhile.
                    store.write(new WriteBatch().put(b("k" + n % keys), b(Long.toString(n))));
                    completed.set(n);
                }
                writing.set(false);
            });
            List<Future<Long>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    long checks = 0;
                    while (writing.get()) {
                        long before = completed.get();
                        int k = (int) (checks % keys);
                        byte[] value = store.get(b("k" + k));
                        // The newest write of key k that had completed when this read began.
                        long newest = before - Math.floorMod(before - k, keys);
                        if (newest > 0) {
                            assertThat(Long.parseLong(s(value))).as("k%d after write %d completed", k, before)
                                    .isGreaterThanOrEqualTo(newest);
                        }
                        checks++;
                    }
                    return checks;
                }));
            }
            writer.get();
            for (Future<Long> reader : readers) {
                assertThat(reader.get()).isPositive();
            }
            pool.shutdown();
            for (int k = 0; k < keys; k++) {
                long last = 20_000 - Math.floorMod(20_000 - k, keys);
                assertThat(s(store.get(b("k" + k)))).isEqualTo(Long.toString(last));
            }
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
