package io.cosmolite.toolkit.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.models.PartitionKey;
import io.cosmolite.testing.CosmoliteExtension;
import io.cosmolite.toolkit.container.ContainerDefinition;
import io.cosmolite.toolkit.container.ContainerProvisioner;
import io.cosmolite.toolkit.container.PartitionKeyStrategy;
import io.cosmolite.toolkit.error.ConflictException;
import io.cosmolite.toolkit.error.PreconditionFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Writers racing on one document, through real concurrent SDK requests to a real server. */
class RepositoryConcurrencyTest {
    @RegisterExtension
    static final CosmoliteExtension COSMOS = CosmoliteExtension.inMemory();
    private static final ContainerDefinition ORDERS = ContainerDefinition.builder("orders")
            .partitionKey(PartitionKeyStrategy.path("/customerId")).build();
    private static final PartitionKey CUSTOMER = new PartitionKey("c1");
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(8);
    private static Repository<Order> orders;

    @BeforeAll
    static void provision() {
        new ContainerProvisioner(COSMOS.client()).apply("shop", List.of(ORDERS));
        orders = Repository.builder(COSMOS.client().getDatabase("shop").getContainer("orders"), ORDERS, Order.class).build();
    }

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    @Test
    void twoWritersReplacingTheSameVersionExactlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            Versioned<Order> read = orders.create(Order.of(null, "c1", "open", 0));
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Versioned<Order>>> writers = new ArrayList<>();
            for (long total : new long[] {1, 2}) {
                writers.add(THREADS.submit(() -> {
                    start.await();
                    return orders.replace(read.withValue(read.value().withTotal(total)));
                }));
            }

            List<Versioned<Order>> won = new ArrayList<>();
            List<Throwable> lost = new ArrayList<>();
            for (Future<Versioned<Order>> w : writers) {
                try {
                    won.add(w.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    lost.add(e.getCause());
                }
            }
            assertThat(won).hasSize(1);
            assertThat(lost).singleElement().isInstanceOf(PreconditionFailedException.class);
            assertThat(orders.read(read.id(), CUSTOMER).orElseThrow().value().total()).isEqualTo(won.get(0).value().total());
        }
    }

    @Test
    void twoCreatorsOfOneIdExactlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            String id = "dup-" + round;
            CyclicBarrier start = new CyclicBarrier(2);
            Callable<Versioned<Order>> create = () -> {
                start.await();
                return orders.create(Order.of(id, "c1", "open", 0));
            };
            Future<Versioned<Order>> a = THREADS.submit(create);
            Future<Versioned<Order>> b = THREADS.submit(create);

            int wins = 0;
            for (Future<Versioned<Order>> f : List.of(a, b)) {
                try {
                    f.get();
                    wins++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                }
            }
            assertThat(wins).isEqualTo(1);
        }
    }

    @Test
    void theRetryHelperConvergesUnderContention() throws Exception {
        int threads = 8;
        int incrementsEach = 25;
        String id = orders.create(Order.of(null, "c1", "open", 0)).id();
        OptimisticRetry retry = OptimisticRetry.of(200, Duration.ofMillis(1), Duration.ofMillis(50));
        AtomicInteger attempts = new AtomicInteger();

        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(THREADS.submit(() -> {
                for (int i = 0; i < incrementsEach; i++) {
                    retry.update(orders, id, CUSTOMER, o -> {
                        attempts.incrementAndGet();
                        return o.withTotal(o.total() + 1);
                    });
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }

        assertThat(orders.read(id, CUSTOMER).orElseThrow().value().total()).isEqualTo((long) threads * incrementsEach);
        System.out.printf("retry helper: %d increments by %d threads took %d attempts (%d lost races retried)%n",
                threads * incrementsEach, threads, attempts.get(), attempts.get() - threads * incrementsEach);
    }

    @Test
    void anExhaustedRetrySurfacesTheLastLostRace() {
        String id = orders.create(Order.of(null, "c1", "open", 0)).id();
        AtomicInteger attempts = new AtomicInteger();

        // Each attempt's change lets another writer in first, so every replace loses.
        assertThatThrownBy(() -> OptimisticRetry.of(3, Duration.ofMillis(1), Duration.ofMillis(2)).update(orders, id,
                CUSTOMER, o -> {
                    attempts.incrementAndGet();
                    orders.patch(id, CUSTOMER, Patch.increment("/total", 100));
                    return o.withTotal(o.total() + 1);
                })).isInstanceOf(PreconditionFailedException.class);

        assertThat(attempts).hasValue(3);
        assertThat(orders.read(id, CUSTOMER).orElseThrow().value().total()).isEqualTo(300);
    }
}
