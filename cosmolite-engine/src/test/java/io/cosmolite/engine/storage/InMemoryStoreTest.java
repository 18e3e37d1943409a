package io.cosmolite.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The store contract for {@link InMemoryStore}, plus its version bookkeeping. */
class InMemoryStoreTest extends KeyValueStoreContractTest {

    @Override
    KeyValueStore openStore() {
        return new InMemoryStore();
    }

    @Test
    void deletedKeysStayVisibleToOlderScansOnlyUntilTheyClose() {
        put("a", "1");
        put("b", "1");
        KeyCursor older = store.scan(null, null);
        store.write(new WriteBatch().delete(b("a")));
        for (int i = 2; i < 5; i++) {
            put("b", Integer.toString(i));
        }
        KeyCursor middle = store.scan(null, null);
        put("b", "5");

        assertThat(keys(store.scan(null, null))).containsExactly("b");
        List<java.util.Map.Entry<byte[], byte[]>> fromMiddle = entries(middle);
        assertThat(fromMiddle).extracting(e -> s(e.getKey()) + "=" + s(e.getValue())).containsExactly("b=4");
        List<java.util.Map.Entry<byte[], byte[]>> fromOlder = entries(older);
        assertThat(fromOlder).extracting(e -> s(e.getKey()) + "=" + s(e.getValue()))
                .containsExactly("a=1", "b=1");

        // With no scan open, the next write prunes and the tombstone leaves; the view is unchanged.
        put("c", "1");
        assertThat(keys(store.scan(null, null))).containsExactly("b", "c");
        assertThat(store.get(b("a"))).isNull();
    }
}
