package io.cosmolite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.cli.ItemLedger.ItemKey;
import io.cosmolite.cli.ItemLedger.ItemState;
import io.cosmolite.cli.ItemLedger.Reconciliation;
import io.cosmolite.cli.ItemLedger.Write;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ledger that {@link ServeKillRestartTest} checks a restarted server against catches each way
 * a store can go wrong after a crash, and accepts both outcomes of a write that was in flight.
 */
class ItemLedgerTest {
    private static final ItemKey A = new ItemKey("p", "a");
    private static final ItemKey B = new ItemKey("p", "b");

    @Test
    void aLostWriteALostUpdateAndAResurrectedDeleteAreEachReported() {
        ItemLedger ledger = new ItemLedger();
        ledger.acknowledge(write("w1", Map.of(A, state("w1", 1), B, state("w1", 1))));
        ledger.acknowledge(write("w2", Map.of(A, state("w2", 2))));
        ledger.acknowledge(write("w3", Map.of(B, ItemState.ABSENT)));

        assertThat(ledger.reconcile(Map.of(A, state("w2", 2), B, ItemState.ABSENT)).problems()).isEmpty();
        assertThat(ledger.reconcile(Map.of(A, state("w1", 1), B, state("w1", 1))).problems())
                .hasSize(2).anyMatch(p -> p.startsWith("item " + A + " should be")).anyMatch(p -> p.contains("should be absent"));
        assertThat(ledger.reconcile(Map.of(A, ItemState.ABSENT, B, ItemState.ABSENT)).problems()).hasSize(1);
    }

    @Test
    void aWriteInFlightMayBeWholeOrAbsentButNotHalfApplied() {
        Write batch = write("w2", Map.of(A, state("w2", 2), B, ItemState.ABSENT));
        for (boolean applied : new boolean[] {true, false}) {
            ItemLedger ledger = ledgerWithBatchInDoubt(batch);
            Map<ItemKey, ItemState> stored = applied ? batch.after() : Map.of(A, state("w1", 1), B, state("w1", 1));
            Reconciliation whole = ledger.reconcile(stored);
            assertThat(whole.problems()).isEmpty();
            assertThat(whole.inDoubtApplied()).isEqualTo(applied ? 1 : 0);
            // The outcome found is what the next restart must find again.
            assertThat(ledger.reconcile(stored).problems()).isEmpty();
        }
        Reconciliation half = ledgerWithBatchInDoubt(batch).reconcile(Map.of(A, state("w2", 2), B, state("w1", 1)));
        assertThat(half.problems()).singleElement().asString().startsWith("in-flight write w2 is neither whole nor absent");
    }

    @Test
    void contentMustMatchNotJustTheVersion() {
        ItemLedger ledger = new ItemLedger();
        ledger.acknowledge(write("w1", Map.of(A, state("w1", 1))));
        ObjectNode corrupt = state("w1", 1).body().put("value", "something else");
        assertThat(ledger.reconcile(Map.of(A, new ItemState(corrupt))).problems()).hasSize(1);
        // A patch's increment may come back as another numeric type: the same number is the same content.
        ObjectNode widened = state("w1", 1).body().put("patches", 0L);
        assertThat(ledger.reconcile(Map.of(A, new ItemState(widened))).problems()).isEmpty();
    }

    private static ItemLedger ledgerWithBatchInDoubt(Write batch) {
        ItemLedger ledger = new ItemLedger();
        ledger.acknowledge(write("w1", Map.of(A, state("w1", 1), B, state("w1", 1))));
        ledger.inDoubt(batch);
        return ledger;
    }

    private static Write write(String id, Map<ItemKey, ItemState> after) {
        return new Write(id, new LinkedHashMap<>(after));
    }

    private static ItemState state(String write, int version) {
        return new ItemState(JsonNodeFactory.instance.objectNode().put("id", "x").put("write", write)
                .put("version", version).put("patches", 0).put("value", "v" + version));
    }
}
