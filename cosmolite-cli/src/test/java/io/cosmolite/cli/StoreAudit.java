package io.cosmolite.cli;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.cli.ItemLedger.ItemKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Reads back, through the SDK, what a restarted server holds. */
final class StoreAudit {
    private static final int NOT_FOUND = 404;

    private StoreAudit() {
    }

    /**
     * The stored document of each key, by point reads on {@code threads}; a key that reads 404 is
     * left out.
     */
    static Map<ItemKey, ObjectNode> pointReads(CosmosContainer container, Set<ItemKey> keys, ExecutorService threads)
            throws InterruptedException {
        Map<ItemKey, ObjectNode> stored = new ConcurrentHashMap<>();
        List<Callable<Void>> reads = keys.stream().<Callable<Void>>map(key -> () -> {
            pointRead(container, key).ifPresent(item -> stored.put(key, item));
            return null;
        }).toList();
        for (Future<Void> read : threads.invokeAll(reads)) {
            try {
                read.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a point read failed", e.getCause());
            }
        }
        return stored;
    }

    private static Optional<ObjectNode> pointRead(CosmosContainer container, ItemKey key) {
        try {
            return Optional.of(container.readItem(key.id(), new PartitionKey(key.pk()), ObjectNode.class).getItem());
        } catch (CosmosException e) {
            if (e.getStatusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * How a cross-partition {@code SELECT * FROM c} differs from the point reads: it must list
     * exactly the documents they found, each the same, and nothing else.
     */
    static List<String> queryProblems(CosmosContainer container, Map<ItemKey, ObjectNode> pointReads) {
        Map<ItemKey, ObjectNode> queried = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (ObjectNode item : container.queryItems("SELECT * FROM c", new CosmosQueryRequestOptions(), ObjectNode.class)) {
            ItemKey key = new ItemKey(item.path("pk").asText(), item.path("id").asText());
            if (queried.put(key, item) != null) {
                problems.add("the query lists " + key + " twice");
            }
        }
        queried.forEach((key, item) -> {
            if (!pointReads.containsKey(key)) {
                problems.add("the query lists " + key + ", which point reads do not find: " + item);
            } else if (!item.equals(pointReads.get(key))) {
                problems.add("the query lists " + key + " as " + item + " but a point read gives " + pointReads.get(key));
            }
        });
        pointReads.keySet().stream().filter(key -> !queried.containsKey(key))
                .forEach(key -> problems.add("the query misses " + key));
        return problems;
    }
}
