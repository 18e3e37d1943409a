package io.cosmolite.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The store contract for an {@link InMemoryStore} whose hash index holds only some keys (as the
 * engine opens it): keys of even first byte are hashed, the others are found in the skip list.
 * The contract's tests use keys of both kinds.
 */
class InMemoryStorePartlyHashedTest extends KeyValueStoreContractTest {

    @Override
    KeyValueStore openStore() {
        return new InMemoryStore(key -> key.length > 0 && key[0] % 2 == 0);
    }

    @Test
    void keysOutsideTheHashIndexAreWrittenReadOverwrittenAndDeletedLikeTheOthers() {
        // 'a' (97) is outside the hash index, 'b' (98) inside.
        for (String key : new String[] {"a1", "b1"}) {
            assertThat(store.get(b(key))).isNull();
            put(key, "1");
            assertThat(s(store.get(b(key)))).isEqualTo("1");
            put(key, "2");
            assertThat(s(store.get(b(key)))).isEqualTo("2");
            store.write(new WriteBatch().delete(b(key)));
            assertThat(store.get(b(key))).isNull();
            put("c", "purge"); // a later write drops the tombstone; the key can come back
            put(key, "3");
            assertThat(s(store.get(b(key)))).isEqualTo("3");
        }
        assertThat(keys(store.scan(null, null))).containsExactly("a1", "b1", "c");
    }

    @Test
    void aReadNeverSeesPartOfABatchThatMixesBothKindsOfKey() throws Exception {
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 20_000; i++) {
                String v = Integer.toString(i);
                store.write(new WriteBatch().put(b("a"), b(v)).put(b("b"), b(v)));
            }
        });
        writer.start();
        while (writer.isAlive()) {
            // 'b' is read second: it is never older than the 'a' read before it.
            int a = value("a");
            int b = value("b");
            assertThat(b).isGreaterThanOrEqualTo(a);
        }
        writer.join();
        assertThat(s(store.get(b("a")))).isEqualTo("19999");
    }

    private int value(String key) {
        byte[] v = store.get(b(key));
        return v == null ? -1 : Integer.parseInt(s(v));
    }
}
