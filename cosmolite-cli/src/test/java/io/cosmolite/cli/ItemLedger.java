package io.cosmolite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the store must hold: the state of every item after its last acknowledged write, and the
 * writes whose outcome is unknown because the server died while they were in flight. Writers
 * record concurrently, each on items no other writer touches.
 */
final class ItemLedger {
    private final Map<ItemKey, ItemState> acknowledged = new ConcurrentHashMap<>();
    private final Queue<Write> inDoubt = new ConcurrentLinkedQueue<>();
    private final AtomicInteger writesAcknowledged = new AtomicInteger();

    /** An item: its partition key value and id. */
    record ItemKey(String pk, String id) {
    }

    /**
     * An item's user content (system properties stripped), or {@link #ABSENT} for an item that does
     * not exist (never created, or deleted).
     */
    record ItemState(ObjectNode body) {
        static final ItemState ABSENT = new ItemState(null);

        /** Numbers compare by value: a patch's increment may come back as another numeric type. */
        private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.equals(b)
                || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;

        /** The state of an item as read from the server: its body without the {@code _}-prefixed system properties. */
        static ItemState read(ObjectNode stored) {
            List<String> system = new ArrayList<>();
            stored.fieldNames().forEachRemaining(name -> {
                if (name.startsWith("_")) {
                    system.add(name);
                }
            });
            return new ItemState(stored.deepCopy().without(system));
        }

        boolean present() {
            return body != null;
        }

        boolean sameAs(ItemState other) {
            return present() ? other.present() && body.equals(SAME_VALUE, other.body) : !other.present();
        }

        /** The body with its long random value cut short, for readable messages. */
        @Override
        public String toString() {
            if (!present()) {
                return "absent";
            }
            String value = body.path("value").asText();
            return body.deepCopy().put("value", value.length() <= 12 ? value
                    : value.substring(0, 12) + "...(" + value.length() + " chars)").toString();
        }
    }

    /**
     * One acknowledged-or-not unit: a single operation, or a transactional batch that must apply
     * whole or not at all.
     *
     * @param id    names the write in messages and in the items' {@code write} field
     * @param after the state of each item the write touches once it applied
     */
    record Write(String id, Map<ItemKey, ItemState> after) {
    }

    /**
     * What the observed store says about the ledger.
     *
     * @param problems         every difference from what was acknowledged, as sentences
     * @param inDoubtApplied   in-flight writes that turned out applied
     * @param inDoubtNotApplied in-flight writes that turned out not applied
     */
    record Reconciliation(List<String> problems, int inDoubtApplied, int inDoubtNotApplied) {
    }

    /** The state the last acknowledged write left the item in. */
    ItemState acknowledged(ItemKey key) {
        return acknowledged.getOrDefault(key, ItemState.ABSENT);
    }

    /** Records a write whose call returned successfully: the store must show it from now on. */
    void acknowledge(Write write) {
        acknowledged.putAll(write.after());
        writesAcknowledged.incrementAndGet();
    }

    /** How many writes were acknowledged so far. */
    int writesAcknowledged() {
        return writesAcknowledged.get();
    }

    /** Records a write whose call failed once the server was killed: it may or may not have applied. */
    void inDoubt(Write write) {
        inDoubt.add(write);
    }

    /** Every item a write touched, acknowledged or in doubt. */
    Set<ItemKey> keys() {
        Set<ItemKey> keys = new HashSet<>(acknowledged.keySet());
        inDoubt.forEach(write -> keys.addAll(write.after().keySet()));
        return keys;
    }

    /**
     * Compares the store's items ({@code observed}, one state per key of {@link #keys()}) with the
     * ledger: an item no in-doubt write touched must be exactly as acknowledged; the items of an
     * in-doubt write must all be as before it or all as after it. Then takes the observed outcome
     * of each in-doubt write as acknowledged, so the next run writes on from what is stored.
     */
    Reconciliation reconcile(Map<ItemKey, ItemState> observed) {
        List<String> problems = new ArrayList<>();
        Set<ItemKey> uncertain = new HashSet<>();
        int applied = 0;
        int notApplied = 0;
        for (Write write = inDoubt.poll(); write != null; write = inDoubt.poll()) {
            uncertain.addAll(write.after().keySet());
            boolean asBefore = write.after().keySet().stream().allMatch(k -> observed.get(k).sameAs(acknowledged(k)));
            boolean asAfter = write.after().entrySet().stream().allMatch(e -> observed.get(e.getKey()).sameAs(e.getValue()));
            if (asAfter) {
                applied++;
                acknowledged.putAll(write.after());
            } else if (asBefore) {
                notApplied++;
            } else {
                problems.add("in-flight write " + write.id() + " is neither whole nor absent: " + describe(write, observed));
                write.after().keySet().forEach(k -> acknowledged.put(k, observed.get(k)));
            }
        }
        acknowledged.forEach((key, state) -> {
            if (!uncertain.contains(key) && !observed.get(key).sameAs(state)) {
                problems.add("item " + key + " should be " + state + " as acknowledged, but is " + observed.get(key));
            }
        });
        return new Reconciliation(problems, applied, notApplied);
    }

    private String describe(Write write, Map<ItemKey, ItemState> observed) {
        StringBuilder text = new StringBuilder();
        write.after().forEach((key, after) -> text.append("\n  ").append(key).append(": before ").append(acknowledged(key))
                .append(", after ").append(after).append(", stored ").append(observed.get(key)));
        return text.toString();
    }
}
