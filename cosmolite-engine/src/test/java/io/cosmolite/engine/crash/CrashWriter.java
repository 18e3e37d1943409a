package io.cosmolite.engine.crash;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.EngineOptions;
import io.cosmolite.engine.document.ItemOperation;
import io.cosmolite.engine.document.ItemResult;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.resource.ResourceType;
import io.cosmolite.engine.storage.SyncPolicy;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.rocksdb.RocksDB;

/**
 * The child process of {@link CrashRecoveryTest}: writes single items and transactional batches
 * until it is killed, printing one acknowledgment line per write that returned.
 *
 * <p>Usage: {@code CrashWriter <dataDir> <always|group> <round> <maxSeconds>}; it opens the store
 * once it reads {@code GO} on stdin, and stops by itself {@code maxSeconds} later. Write {@code s} of
 * round {@code r} is named {@code r<r>-w<s>}: a single item with that id, or a batch whose items
 * are {@code r<r>-w<s>-<i>}. Output lines are {@code READY}, {@code ACK item <id>},
 * {@code ACK batch <batchId> <size>} and, if nobody killed it in time, {@code DONE}.
 */
final class CrashWriter {
    static final String DATABASE = "db";
    static final String CONTAINER = "c";
    static final int PARTITIONS = 2;

    private CrashWriter() {
    }

    /** Runs the write loop; exits 0 after {@code maxSeconds}, 2 when a write fails. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        SyncPolicy policy = SyncPolicy.parse(args[1]);
        int round = Integer.parseInt(args[2]);
        Random random = new Random(round);
        // Warm up while the parent still holds the store, then wait for its go; end of input means
        // the parent is gone.
        RocksDB.loadLibrary();
        Json.toBytes(item("warm-up", "warm-up", payload(random)));
        if (!"GO".equals(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine())) {
            return;
        }
        long deadline = System.nanoTime() + Long.parseLong(args[3]) * 1_000_000_000L;
        // Raw descriptor, one write(2) per line: a kill can never leave half a line in a buffer
        // that a later flush would complete, and no ack is printed before its write returned.
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        try (CosmosEngine engine = CosmosEngine.open(EngineOptions.durable(dir).withSyncPolicy(policy))) {
            Container container = openContainer(engine);
            println(out, "READY");
            for (int seq = 0; System.nanoTime() < deadline; seq++) {
                String writeId = "r" + round + "-w" + seq;
                if (random.nextInt(3) == 0) {
                    int size = 2 + random.nextInt(9);
                    writeBatch(container, writeId, size, random);
                    println(out, "ACK batch " + writeId + " " + size);
                } else {
                    container.create(null, item(writeId, "p" + seq % 13, payload(random)));
                    println(out, "ACK item " + writeId);
                }
            }
            println(out, "DONE");
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(2);
        }
    }

    private static Container openContainer(CosmosEngine engine) {
        try {
            engine.create(ResourceType.DATABASE, List.of(), Json.object().put("id", DATABASE));
        } catch (CosmosException e) {
            requireConflict(e);
        }
        ObjectNode body = Json.object().put("id", CONTAINER);
        body.putObject("partitionKey").put("kind", "Hash").put("version", 2).putArray("paths").add("/pk");
        try {
            engine.createContainer(DATABASE, body, PARTITIONS, null);
        } catch (CosmosException e) {
            requireConflict(e);
        }
        return engine.container(DATABASE, CONTAINER);
    }

    private static void requireConflict(CosmosException e) {
        if (e.status() != 409) {
            throw e;
        }
    }

    private static void writeBatch(Container container, String batchId, int size, Random random) {
        List<ItemOperation> ops = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ObjectNode body = item(batchId + "-" + i, batchId, payload(random));
            body.put("batch", batchId).put("size", size).put("index", i);
            body.put("crc", checksum(body));
            // Mixing both kinds of write covers both paths into the same transaction.
            ops.add(i % 2 == 0 ? new ItemOperation.Create(body) : new ItemOperation.Upsert(body, null));
        }
        List<ItemResult> results = container.batch(partitionKey(batchId), ops);
        for (ItemResult result : results) {
            if (!result.isSuccess()) {
                throw new IllegalStateException("batch " + batchId + " failed: " + result.status() + " " + result.message());
            }
        }
    }

    /** A single item: its id, partition key, payload and a checksum over them. */
    static ObjectNode item(String id, String pk, String value) {
        ObjectNode body = Json.object().put("id", id).put("pk", pk).put("value", value);
        body.put("crc", checksum(body));
        return body;
    }

    /**
     * The CRC32 of the fields the writer chose (id, pk, value and the batch fields), so a torn,
     * mixed-up or half-rewritten document does not verify.
     */
    static long checksum(ObjectNode item) {
        CRC32 crc = new CRC32();
        for (String field : new String[] {"id", "pk", "value", "batch", "size", "index"}) {
            crc.update((field + '=' + item.path(field).asText("<none>") + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return crc.getValue();
    }

    /** The partition key value of {@code pk} as the engine takes it. */
    static PartitionKeyValue partitionKey(String pk) {
        return PartitionKeyValue.fromHeaderJson(Json.toString(Json.NODES.arrayNode().add(pk)));
    }

    private static String payload(Random random) {
        char[] chars = new char[20 + random.nextInt(600)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    private static void println(OutputStream out, String line) throws IOException {
        out.write((line + '\n').getBytes(StandardCharsets.UTF_8));
    }
}
