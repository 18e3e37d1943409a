package io.cosmolite.toolkit.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.models.PartitionKey;
import io.cosmolite.testing.CosmoliteExtension;
import io.cosmolite.toolkit.container.ContainerDefinition;
import io.cosmolite.toolkit.container.ContainerProvisioner;
import io.cosmolite.toolkit.container.PartitionKeyStrategy;
import io.cosmolite.toolkit.error.ConflictException;
import io.cosmolite.toolkit.metrics.OperationMetrics;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every SDK call the repository makes is recorded with its container, operation and outcome: a create,
 * a read, a read of a missing document (404), a conflicting create (409), query pages, a batch; each
 * with its latency and the request units the server charged.
 */
class RepositoryMetricsTest {
    @RegisterExtension
    static final CosmoliteExtension COSMOS = CosmoliteExtension.inMemory().withPartitions(4);
    private static final ContainerDefinition ORDERS = ContainerDefinition.builder("measured")
            .partitionKey(PartitionKeyStrategy.path("/customerId")).build();
    private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();
    private static Repository<Order> orders;

    @BeforeAll
    static void provision() {
        new ContainerProvisioner(COSMOS.client()).apply("shop", List.of(ORDERS));
        orders = Repository.builder(COSMOS.client().getDatabase("shop").getContainer("measured"), ORDERS, Order.class)
                .metrics(REGISTRY).build();
    }

    private static Timer timer(String operation, String outcome, int status) {
        return REGISTRY.find(OperationMetrics.REQUESTS).tags("container", "measured", "operation", operation,
                "outcome", outcome, "status", Integer.toString(status)).timer();
    }

    private static DistributionSummary charge(String operation, String outcome, int status) {
        return REGISTRY.find(OperationMetrics.REQUEST_CHARGE).tags("container", "measured", "operation", operation,
                "outcome", outcome, "status", Integer.toString(status)).summary();
    }

    private static long count(Timer timer) {
        return timer == null ? 0 : timer.count();
    }

    @Test
    void createReadMissConflictAndQueryAreEachRecorded() {
        long created = count(timer("create", "ok", 201));
        long read = count(timer("read", "ok", 200));
        long missing = count(timer("read", "not_found", 404));
        long conflicts = count(timer("create", "conflict", 409));

        orders.create(Order.of("m-1", "dora", "open", 1));
        assertThat(orders.read("m-1", new PartitionKey("dora"))).isPresent();
        assertThat(orders.read("nobody", new PartitionKey("dora"))).isEmpty();
        assertThatThrownBy(() -> orders.create(Order.of("m-1", "dora", "open", 1))).isInstanceOf(ConflictException.class);

        assertThat(timer("create", "ok", 201).count()).isEqualTo(created + 1);
        assertThat(timer("read", "ok", 200).count()).isEqualTo(read + 1);
        assertThat(timer("read", "not_found", 404).count()).isEqualTo(missing + 1);
        assertThat(timer("create", "conflict", 409).count()).isEqualTo(conflicts + 1);
        assertThat(timer("create", "ok", 201).totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(charge("create", "ok", 201).totalAmount()).isPositive();
        assertThat(charge("read", "ok", 200).totalAmount()).isPositive();
    }

    @Test
    void eachQueryPageAndEachBatchIsOneCall() {
        for (int i = 0; i < 12; i++) {
            orders.create(Order.of("q-" + i, "cust-" + (i % 4), "open", i));
        }
        long pages = count(timer("query", "ok", 200));
        long batches = count(timer("batch", "ok", 200));

        String continuation = null;
        int fetched = 0;
        do {
            Page<Versioned<Order>> page = orders.page(Query.where("STARTSWITH(c.id, 'q-')"), 5, continuation);
            continuation = page.continuationToken();
            fetched++;
        } while (continuation != null);
        orders.createAll(List.of(Order.of("b-1", "erik", "open", 1), Order.of("b-2", "erik", "open", 2)));

        assertThat(timer("query", "ok", 200).count()).isEqualTo(pages + fetched);
        assertThat(charge("query", "ok", 200).totalAmount()).isPositive();
        assertThat(timer("batch", "ok", 200).count()).isEqualTo(batches + 1);
        assertThat(charge("batch", "ok", 200).totalAmount()).isPositive();
    }
}
