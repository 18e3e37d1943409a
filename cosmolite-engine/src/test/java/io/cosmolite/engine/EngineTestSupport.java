package io.cosmolite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.resource.ResourceType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of the engine contract tests: each contract runs once on the in-memory store and
 * once on RocksDB (the subclasses choose), with a clock the test moves.
 */
abstract class EngineTestSupport {
    @TempDir
    Path tmp;

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    CosmosEngine engine;

    /** True to run on RocksDB in a temporary directory, false for memory. */
    abstract boolean durable();

    @BeforeEach
    void openEngine() {
        engine = CosmosEngine.open(options());
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    EngineOptions options() {
        EngineOptions base = durable() ? EngineOptions.durable(tmp.resolve("data")) : EngineOptions.inMemory();
        return base.withClock(clock).withTtlPurgeInterval(Duration.ofHours(1));
    }

    /** Closes and reopens the engine on the same data (a no-op test for memory). */
    void reopen() {
        if (durable()) {
            engine.close();
            engine = CosmosEngine.open(options());
        }
    }

    static ObjectNode json(String text) {
        return (ObjectNode) Json.parse(text.replace('\'', '"'));
    }

    static PartitionKeyValue pk(String value) {
        return PartitionKeyValue.fromHeaderJson(Json.toString(Json.NODES.arrayNode().add(value)));
    }

    void database(String id) {
        engine.create(ResourceType.DATABASE, List.of(), json("{'id':'" + id + "'}"));
    }

    Container container(String db, String id, String pkPath, int partitions) {
        engine.createContainer(db, json("{'id':'" + id + "','partitionKey':{'paths':['" + pkPath
                + "'],'kind':'Hash','version':2}}"), partitions, null);
        return engine.container(db, id);
    }

    /** Asserts that {@code call} throws a CosmosException with this status and substatus. */
    static CosmosException assertCosmosError(int status, int subStatus, ThrowingCallable call) {
        CosmosException e = catchThrowableOfType(CosmosException.class, call);
        assertThat(e).as("expected a CosmosException %d/%d", status, subStatus).isNotNull();
        assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
        assertThat(e.subStatus()).as(e.getMessage()).isEqualTo(subStatus);
        assertThat(e.requestCharge()).as("failed requests are charged").isPositive();
        return e;
    }
}
