package io.cosmolite.engine.index;

import io.cosmolite.engine.MutableClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.EngineOptions;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.layout.StorageKeys;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.resource.ResourceId;
import io.cosmolite.engine.resource.ResourceType;
import io.cosmolite.engine.storage.InMemoryStore;
import io.cosmolite.engine.storage.KeyCursor;
import io.cosmolite.engine.storage.KeyValueStore;
import io.cosmolite.engine.storage.RocksDbStore;
import io.cosmolite.engine.storage.SyncPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine on a store the test can scan (memory or RocksDB, chosen by subclasses), with a clock
 * the test moves, and a reader of the raw index entries of a container.
 */
abstract class IndexFixture {
    @TempDir
    Path tmp;

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    KeyValueStore store;
    CosmosEngine engine;

    abstract boolean durable();

    Duration backgroundInterval() {
        return Duration.ofHours(1);
    }

    @BeforeEach
    void open() {
        store = durable() ? RocksDbStore.open(tmp.resolve("data"), SyncPolicy.groupCommit(Duration.ofMillis(10)))
                : new InMemoryStore();
        engine = CosmosEngine.open(store, EngineOptions.inMemory().withClock(clock).withTtlPurgeInterval(backgroundInterval()));
        engine.create(ResourceType.DATABASE, List.of(), json("{'id':'db'}"));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    /** Closes and reopens the engine on the same data (RocksDB only). */
    void reopen() {
        engine.close();
        store = RocksDbStore.open(tmp.resolve("data"), SyncPolicy.groupCommit(Duration.ofMillis(10)));
        engine = CosmosEngine.open(store, EngineOptions.inMemory().withClock(clock).withTtlPurgeInterval(backgroundInterval()));
    }

    Container container(String id, String indexingPolicy, int partitions) {
        return container(id, indexingPolicy, partitions, null);
    }

    Container container(String id, String indexingPolicy, int partitions, Integer defaultTtl) {
        ObjectNode body = json("{'id':'" + id + "','partitionKey':{'paths':['/pk'],'kind':'Hash','version':2}}");
        if (indexingPolicy != null) {
            body.set("indexingPolicy", json(indexingPolicy));
        }
        if (defaultTtl != null) {
            body.put("defaultTtl", defaultTtl);
        }
        engine.createContainer("db", body, partitions, null);
        return engine.container("db", id);
    }

    static ObjectNode json(String text) {
        return (ObjectNode) Json.parse(text.replace('\'', '"'));
    }

    static PartitionKeyValue pk(String value) {
        return PartitionKeyValue.fromHeaderJson(Json.toString(Json.NODES.arrayNode().add(value)));
    }

    /**
     * Every index entry of the container as {@code path=value@id} (single-path indexes) or
     * {@code (spec)=[v1,v2]@id} (composite), values in JSON ({@code undefined} for undefined).
     */
    List<String> entries(Container c) {
        byte[] rid = ResourceId.parse(c.properties().get("_rid").textValue()).bytes();
        byte[] prefix = StorageKeys.containerPrefix(StorageKeys.INDEX, rid);
        List<String> out = new ArrayList<>();
        try (KeyCursor cursor = store.scan(prefix, StorageKeys.prefixEnd(prefix))) {
            while (cursor.next()) {
                out.add(describe(cursor.key(), prefix.length + 4));
            }
        }
        return out;
    }

    /** The entries of one document. */
    List<String> entriesOf(Container c, String id) {
        return entries(c).stream().filter(e -> e.endsWith("@" + id)).map(e -> e.substring(0, e.length() - id.length() - 1))
                .sorted().toList();
    }

    boolean hasIndexState(Container c) {
        byte[] rid = ResourceId.parse(c.properties().get("_rid").textValue()).bytes();
        return store.get(StorageKeys.indexState(rid)) != null;
    }

    private static String describe(byte[] key, int at) {
        byte kind = key[at];
        IndexKeyCodec.Decoded name = IndexKeyCodec.decode(key, at + 1, false);
        int p = name.end();
        StringBuilder b = new StringBuilder();
        if (kind == IndexIds.COMPOSITE) {
            String spec = name.value().textValue();
            b.append('(').append(spec).append(")=[");
            String[] columns = spec.split(",");
            for (int i = 0; i < columns.length; i++) {
                IndexKeyCodec.Decoded v = IndexKeyCodec.decode(key, p, columns[i].endsWith(" DESC"));
                b.append(i == 0 ? "" : ",").append(text(v.value()));
                p = v.end();
            }
            b.append(']');
        } else {
            IndexKeyCodec.Decoded v = IndexKeyCodec.decode(key, p, false);
            b.append(name.value().textValue()).append('=').append(text(v.value()));
            p = v.end();
        }
        p += StorageKeys.INDEX_ORDER_BYTES;
        p += 1 + (key[p] & 0xFF); // the EPK, after its length
        return b.append('@').append(new String(key, p, key.length - p, StandardCharsets.UTF_8)).toString();
    }

    private static String text(JsonNode v) {
        return v == null ? "undefined" : Json.toString(v);
    }
}
