package io.cosmolite.cli;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosBatch;
import com.azure.cosmos.models.CosmosBatchResponse;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosPatchOperations;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.cli.ItemLedger.ItemKey;
import io.cosmolite.cli.ItemLedger.ItemState;
import io.cosmolite.cli.ItemLedger.Write;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One writer thread of the kill-and-restart workload: through the SDK, creates, upserts, replaces,
 * patches and deletes single items and runs transactional batches, on items only it touches,
 * recording each acknowledged write in the ledger, until told to stop or until a write fails (the
 * server is gone): that last write is recorded as in doubt.
 *
 * <p>An item's body is {@code id}, {@code pk}, {@code write} (the write that produced it),
 * {@code version} (its writes so far), {@code patches} and a random {@code value}.
 */
final class ItemWriter implements Callable<ItemWriter.Report> {
    private static final int SINGLE_ITEMS = 30;
    private static final int SINGLE_PARTITIONS = 5;
    private static final int BATCH_GROUPS = 3;
    private static final int BATCH_SIZE = 4;

    private final String name;
    private final String run;
    private final CosmosContainer container;
    private final ItemLedger ledger;
    private final AtomicBoolean stop;
    private final Random random;
    private int sequence;

    /** What a writer did during one run of the server. */
    record Report(String writer, int singleAcks, int batchAcks, Write inDoubt, RuntimeException failure,
                  long failedAtNanos) {
        int acks() {
            return singleAcks + batchAcks;
        }
    }

    private enum Kind { CREATE, UPSERT, REPLACE, PATCH, DELETE }

    /** One item operation, alone or in a batch, with the state it leaves the item in. */
    private record Operation(Kind kind, ItemKey key, ItemState after) {
    }

    ItemWriter(int writer, int run, CosmosContainer container, ItemLedger ledger, AtomicBoolean stop, long seed) {
        this.name = "w" + writer;
        this.run = "r" + run;
        this.container = container;
        this.ledger = ledger;
        this.stop = stop;
        this.random = new Random(seed);
    }

    @Override
    public Report call() {
        int singles = 0;
        int batches = 0;
        while (!stop.get()) {
            String id = run + "-" + name + "-" + sequence++;
            boolean batch = random.nextInt(4) == 0;
            List<Operation> operations = batch ? batchOperations(id) : List.of(operation(singleItem(), id));
            Map<ItemKey, ItemState> after = new LinkedHashMap<>();
            operations.forEach(op -> after.put(op.key(), op.after()));
            Write write = new Write(id, after);
            try {
                if (batch) {
                    executeBatch(write.id(), operations);
                    batches++;
                } else {
                    execute(operations.get(0));
                    singles++;
                }
            } catch (RuntimeException e) {
                ledger.inDoubt(write);
                return new Report(name, singles, batches, write, e, System.nanoTime());
            }
            ledger.acknowledge(write);
        }
        return new Report(name, singles, batches, null, null, 0);
    }

    private ItemKey singleItem() {
        int item = random.nextInt(SINGLE_ITEMS);
        return new ItemKey(name + "-p" + item % SINGLE_PARTITIONS, name + "-item" + item);
    }

    private List<Operation> batchOperations(String write) {
        String group = name + "-batch" + random.nextInt(BATCH_GROUPS);
        List<Operation> operations = new ArrayList<>(BATCH_SIZE);
        for (int i = 0; i < BATCH_SIZE; i++) {
            operations.add(operation(new ItemKey(group, group + "-" + i), write));
        }
        return operations;
    }

    /** A random operation of {@code write} that succeeds on the item's acknowledged state. */
    private Operation operation(ItemKey key, String write) {
        ItemState before = ledger.acknowledged(key);
        if (!before.present()) {
            Kind kind = random.nextInt(3) == 0 ? Kind.UPSERT : Kind.CREATE;
            return new Operation(kind, key, new ItemState(body(key, write, 1, 0)));
        }
        int version = before.body().path("version").asInt() + 1;
        int patches = before.body().path("patches").asInt();
        return switch (random.nextInt(10)) {
            case 0, 1 -> new Operation(Kind.DELETE, key, ItemState.ABSENT);
            case 2, 3, 4 -> new Operation(Kind.PATCH, key, new ItemState(body(key, write, version, patches + 1)));
            case 5, 6 -> new Operation(Kind.REPLACE, key, new ItemState(body(key, write, version, patches)));
            default -> new Operation(Kind.UPSERT, key, new ItemState(body(key, write, version, patches)));
        };
    }

    private ObjectNode body(ItemKey key, String write, int version, int patches) {
        char[] value = new char[20 + random.nextInt(300)];
        for (int i = 0; i < value.length; i++) {
            value[i] = (char) ('a' + random.nextInt(26));
        }
        return JsonNodeFactory.instance.objectNode().put("id", key.id()).put("pk", key.pk()).put("write", write)
                .put("version", version).put("patches", patches).put("value", new String(value));
    }

    /** The patch that turns the item into {@code after}: sets what a write chooses, increments the patch count. */
    private static CosmosPatchOperations patchTo(ObjectNode after) {
        return CosmosPatchOperations.create().set("/write", after.path("write").asText())
                .set("/version", after.path("version").asInt()).set("/value", after.path("value").asText())
                .increment("/patches", 1);
    }

    private void execute(Operation op) {
        PartitionKey pk = new PartitionKey(op.key().pk());
        ObjectNode body = op.after().body();
        CosmosItemRequestOptions options = new CosmosItemRequestOptions();
        switch (op.kind()) {
            case CREATE -> container.createItem(body, pk, options);
            case UPSERT -> container.upsertItem(body, pk, options);
            case REPLACE -> container.replaceItem(body, op.key().id(), pk, options);
            case PATCH -> container.patchItem(op.key().id(), pk, patchTo(body), ObjectNode.class);
            case DELETE -> container.deleteItem(op.key().id(), pk, options);
        }
    }

    private void executeBatch(String write, List<Operation> operations) {
        CosmosBatch batch = CosmosBatch.createCosmosBatch(new PartitionKey(operations.get(0).key().pk()));
        for (Operation op : operations) {
            ObjectNode body = op.after().body();
            switch (op.kind()) {
                case CREATE -> batch.createItemOperation(body);
                case UPSERT -> batch.upsertItemOperation(body);
                case REPLACE -> batch.replaceItemOperation(op.key().id(), body);
                case PATCH -> batch.patchItemOperation(op.key().id(), patchTo(body));
                case DELETE -> batch.deleteItemOperation(op.key().id());
            }
        }
        CosmosBatchResponse response = container.executeCosmosBatch(batch);
        if (!response.isSuccessStatusCode()) {
            throw new IllegalStateException("batch " + write + " failed with " + response.getStatusCode() + " "
                    + response.getSubStatusCode() + ": " + response.getErrorMessage());
        }
    }
}
