package io.cosmolite.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract for {@link RocksDbStore}, plus persistence across reopening. */
class RocksDbStoreTest extends KeyValueStoreContractTest {

    @TempDir
    Path dir;

    @Override
    KeyValueStore openStore() {
        return RocksDbStore.open(dir.resolve("contract"), SyncPolicy.groupCommit(Duration.ofMillis(5)));
    }

    @Test
    void dataSurvivesReopeningUnderAlways() {
        assertSurvivesReopening(SyncPolicy.always());
    }

    @Test
    void dataSurvivesReopeningUnderGroupCommit() {
        assertSurvivesReopening(SyncPolicy.groupCommit(Duration.ofMillis(10)));
    }

    private void assertSurvivesReopening(SyncPolicy policy) {
        Path data = dir.resolve("reopen-" + policy.mode());
        try (RocksDbStore first = RocksDbStore.open(data, policy)) {
            for (int i = 0; i < 100; i++) {
                first.write(new WriteBatch().put(b("k" + i), b("v" + i)).put(b("gone" + i), b("x")));
            }
            first.write(new WriteBatch().delete(b("gone7")).put(b("k7"), b("changed")));
        }
        try (RocksDbStore second = RocksDbStore.open(data, policy)) {
            assertThat(s(second.get(b("k0")))).isEqualTo("v0");
            assertThat(s(second.get(b("k7")))).isEqualTo("changed");
            assertThat(second.get(b("gone7"))).isNull();
            assertThat(keys(second.scan(b("k"), b("l")))).hasSize(100);
            assertThat(keys(second.scan(b("gone"), b("gonf")))).hasSize(99);
            second.write(new WriteBatch().put(b("after"), b("reopen")));
            second.sync();
        }
        try (RocksDbStore third = RocksDbStore.open(data, policy)) {
            assertThat(s(third.get(b("after")))).isEqualTo("reopen");
        }
    }

    @Test
    void groupCommitThreadStopsOnClose() {
        KeyValueStore own = RocksDbStore.open(dir.resolve("syncer"), SyncPolicy.groupCommit(Duration.ofMillis(2)));
        own.write(new WriteBatch().put(b("a"), b("1")));
        assertThat(syncerThreads()).isPositive();
        store.close();
        own.close();
        assertThat(syncerThreads()).isZero();
    }

    private static long syncerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(WalSyncer.THREAD_NAME) && t.isAlive())
                .count();
    }

    @Test
    void openingARegularFileFailsWithAStorageException() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> RocksDbStore.open(file, SyncPolicy.always()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("not-a-directory");
    }
}
