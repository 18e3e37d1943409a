package io.cosmolite.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDBException;

/** The group-commit thread: idle without writes, one fsync per window under load, fails loudly. */
class WalSyncerTest {

    private final AtomicInteger syncs = new AtomicInteger();

    private WalSyncer syncer(Duration window) {
        WalSyncer syncer = new WalSyncer(() -> {
            syncs.incrementAndGet();
            return true;
        }, window, "test");
        syncer.start();
        return syncer;
    }

    @Test
    void staysIdleWithoutWrites() throws Exception {
        WalSyncer syncer = syncer(Duration.ofMillis(1));
        Thread.sleep(50);
        syncer.stop();
        assertThat(syncs).hasValue(0);
    }

    @Test
    void syncsPromptlyAfterAWrite() throws Exception {
        WalSyncer syncer = syncer(Duration.ofMillis(20));
        syncer.markDirty();
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (syncs.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        syncer.stop();
        assertThat(syncs).hasValue(1);
    }

    @Test
    void writesWithinOneWindowShareOneSync() throws Exception {
        WalSyncer syncer = syncer(Duration.ofMillis(600));
        syncer.markDirty();
        while (syncs.get() == 0) {
            Thread.sleep(1);
        }
        for (int i = 0; i < 1000; i++) {
            syncer.markDirty();
        }
        Thread.sleep(50);
        // All 1000 writes came during the rest after the first fsync: none fsynced yet, one pending.
        assertThat(syncs).hasValue(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (syncs.get() == 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        syncer.stop();
        assertThat(syncs).hasValue(2);
    }

    @Test
    void aFailedSyncMakesTheStoreRefuseWrites() throws Exception {
        WalSyncer syncer = new WalSyncer(() -> {
            throw new RocksDBException("disk on fire");
        }, Duration.ofMillis(1), "test");
        syncer.start();
        syncer.checkHealthy();
        syncer.markDirty();
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                syncer.checkHealthy();
                Thread.sleep(1);
            } catch (StorageException expected) {
                break;
            }
        }
        assertThatThrownBy(syncer::checkHealthy)
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("disk on fire");
        syncer.stop();
    }
}
