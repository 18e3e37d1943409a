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
}
