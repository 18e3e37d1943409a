package io.cosmolite.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.resource.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link IndexMaintenanceContract} on RocksDB, and an index build that survives a restart. */
class RocksDbIndexMaintenanceTest extends IndexMaintenanceContract {
    @Override
    boolean durable() {
        return true;
    }

    @Test
    void anUnfinishedBuildResumesAfterARestart() {
        Container c = container("c", null, 2);
        for (int i = 0; i < 1500; i++) {
            c.create(null, json("{'id':'" + i + "','pk':'p" + i + "','n':" + i + "}"));
        }
        ObjectNode body = c.properties();
        body.set("indexingPolicy", json("{'includedPaths':[{'path':'/n/?'}],'excludedPaths':[{'path':'/*'}]}"));
        engine.replace(ResourceType.CONTAINER, List.of("db"), "c", body, null);
        assertThat(engine.container("db", "c").indexTransformationProgress()).isZero();
        reopen();
        Container reopened = engine.container("db", "c");
        assertThat(reopened.indexTransformationProgress()).isLessThan(100);
        engine.buildIndexes();
        assertThat(reopened.indexTransformationProgress()).isEqualTo(100);
        assertThat(entries(reopened).stream().filter(e -> e.startsWith("/n="))).hasSize(1500);
        assertThat(entries(reopened)).noneMatch(e -> e.startsWith("/pk="));
        reopen();
        assertThat(engine.container("db", "c").indexTransformationProgress()).isEqualTo(100);
    }

    @Test
    void theBackgroundTaskBuildsTheIndexInSteps() throws InterruptedException {
        Container c = container("c", null, 1);
        for (int i = 0; i < 2500; i++) {
            c.create(null, json("{'id':'" + i + "','pk':'p" + i + "','n':" + i + "}"));
        }
        ObjectNode body = c.properties();
        body.set("indexingPolicy", json("{'includedPaths':[{'path':'/n/?'}],'excludedPaths':[{'path':'/*'}]}"));
        engine.replace(ResourceType.CONTAINER, List.of("db"), "c", body, null);
        engine.close();
        store = io.cosmolite.engine.storage.RocksDbStore.open(tmp.resolve("data"),
                io.cosmolite.engine.storage.SyncPolicy.groupCommit(java.time.Duration.ofMillis(10)));
        engine = io.cosmolite.engine.CosmosEngine.open(store, io.cosmolite.engine.EngineOptions.inMemory()
                .withClock(clock).withTtlPurgeInterval(java.time.Duration.ofMillis(20)));
        Container reopened = engine.container("db", "c");
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (reopened.indexTransformationProgress() < 100 && System.currentTimeMillis() < deadline) {
            seen.add(reopened.indexTransformationProgress());
            Thread.sleep(2);
        }
        assertThat(reopened.indexTransformationProgress()).isEqualTo(100);
        assertThat(seen).as("progress is reported between 0 and 100").isNotEmpty().allMatch(p -> p < 100);
        assertThat(entries(reopened).stream().filter(e -> e.startsWith("/n="))).hasSize(2500);
    }
}
