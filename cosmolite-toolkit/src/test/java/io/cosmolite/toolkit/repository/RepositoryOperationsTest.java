package io.cosmolite.toolkit.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.testing.CosmoliteExtension;
import io.cosmolite.toolkit.container.ContainerDefinition;
import io.cosmolite.toolkit.container.ContainerProvisioner;
import io.cosmolite.toolkit.container.PartitionKeyStrategy;
import io.cosmolite.toolkit.error.ConflictException;
import io.cosmolite.toolkit.error.FailedDependencyException;
import io.cosmolite.toolkit.error.NotFoundException;
import io.cosmolite.toolkit.error.PreconditionFailedException;
import io.cosmolite.toolkit.error.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The repository's writes against a real server, in a container with a synthetic partition key
 * ({@code /pk} = tenant|customer): ids, audit fields, batch and bulk creates with a result per item,
 * batch deletes, upsert, conditional patch, and the query guard.
 */
class RepositoryOperationsTest {
    @RegisterExtension
    static final CosmoliteExtension COSMOS = CosmoliteExtension.inMemory().withPartitions(4);
    private static final ContainerDefinition ORDERS = ContainerDefinition.builder("orders")
            .partitionKey(PartitionKeyStrategy.synthetic("/pk", "/tenantId", "/customerId")).build();
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2025-03-01T10:00:00Z"));
    private static final AtomicReference<String> USER = new AtomicReference<>("alice");
    private static final AtomicInteger IDS = new AtomicInteger();
    private static CosmosContainer container;
    private static Repository<Order> orders;

    @BeforeAll
    static void provision() {
        new ContainerProvisioner(COSMOS.client()).apply("shop", List.of(ORDERS));
        container = COSMOS.client().getDatabase("shop").getContainer("orders");
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.get();
            }
        };
        orders = Repository.builder(container, ORDERS, Order.class).clock(clock).currentUser(USER::get)
                .idGenerator(() -> "gen-" + IDS.incrementAndGet()).build();
    }

    private static PartitionKey pk(String customer) {
        return new PartitionKey("acme|" + customer);
    }

    @Test
    void createGeneratesTheIdFillsTheSyntheticKeyAndStampsTheAudit() {
        Instant now = NOW.get();
        Versioned<Order> created = orders.create(Order.of(null, "bob", "open", 10));

        assertThat(created.id()).startsWith("gen-");
        assertThat(created.etag()).isNotBlank();
        assertThat(created.audit()).isEqualTo(new Audit(now, "alice", now, "alice"));
        assertThat(created.value().createdAt()).isEqualTo(now);
        assertThat(created.value().createdBy()).isEqualTo("alice");
        ObjectNode raw = container.readItem(created.id(), pk("bob"), ObjectNode.class).getItem();
        assertThat(raw.get("pk").asText()).isEqualTo("acme|bob");
        // Nine fraction digits always, so that the text sorts as the time does.
        assertThat(raw.get("createdAt").asText()).isEqualTo("2025-03-01T10:01:00.000000000Z");
        assertThat(Instant.parse(raw.get("createdAt").asText())).isEqualTo(now);
        assertThat(orders.partitionKeyOf(created.value())).isEqualTo(pk("bob"));
    }

    @Test
    void replaceKeepsTheCreationAuditAndStampsTheUpdate() {
        Versioned<Order> created = orders.create(Order.of("audited", "carol", "open", 1));
        Instant later = NOW.get().plusSeconds(60);
        NOW.set(later);
        USER.set("dave");
        try {
            // A forged createdBy in the value is ignored: the repository owns the audit fields.
            Order forged = new Order("audited", "acme", "carol", "paid", 2, Instant.EPOCH, "mallory");
            Versioned<Order> replaced = orders.replace(created.withValue(forged));

            assertThat(replaced.audit()).isEqualTo(new Audit(created.audit().createdAt(), "alice", later, "dave"));
            assertThat(orders.read("audited", pk("carol")).orElseThrow().audit()).isEqualTo(replaced.audit());
            assertThatThrownBy(() -> orders.replace(created.withValue(forged))).isInstanceOf(PreconditionFailedException.class);
        } finally {
            USER.set("alice");
        }
    }

    @Test
    void upsertCreatesThenReplacesKeepingTheCreationAudit() {
        Versioned<Order> first = orders.upsert(Order.of("up", "erin", "open", 1));
        USER.set("frank");
        try {
            Versioned<Order> second = orders.upsert(Order.of("up", "erin", "paid", 2));

            assertThat(second.value().status()).isEqualTo("paid");
            assertThat(second.audit().createdBy()).isEqualTo("alice");
            assertThat(second.audit().createdAt()).isEqualTo(first.audit().createdAt());
            assertThat(second.audit().updatedBy()).isEqualTo("frank");
        } finally {
            USER.set("alice");
        }
    }

    @Test
    void patchAppliesOnlyWhenItsConditionHolds() {
        orders.create(Order.of("patched", "gina", "open", 5));

        Versioned<Order> patched = orders.patch("patched", pk("gina"),
                Patch.increment("/total", 10).andSet("/status", "paid").when("c.status = 'open'"));

        assertThat(patched.value().total()).isEqualTo(15);
        assertThat(patched.value().status()).isEqualTo("paid");
        assertThatThrownBy(() -> orders.patch("patched", pk("gina"), Patch.increment("/total", 1).when("c.status = 'open'")))
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> orders.patch("nobody", pk("gina"), Patch.increment("/total", 1)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aBatchCreateGivesAResultPerItemAndIsAtomicPerPartition() {
        orders.create(Order.of("taken", "hank", "open", 0));
        List<Order> batch = List.of(
                Order.of("b1", "ivy", "open", 1),
                Order.of("b2", "hank", "open", 2),
                Order.of("b3", "ivy", "open", 3),
                Order.of("taken", "hank", "open", 4),
                new Order("b5", "acme", null, "open", 5, null, null));   // no customer: no partition key

        List<ItemResult<Versioned<Order>>> results = orders.createAll(batch);

        assertThat(results).extracting(ItemResult::index).containsExactly(0, 1, 2, 3, 4);
        assertThat(results.get(0).isOk()).isTrue();
        assertThat(results.get(2).isOk()).isTrue();
        assertThat(results.get(2).value().value().total()).isEqualTo(3);
        assertThat(results.get(3).error()).isInstanceOf(ConflictException.class);
        assertThat(results.get(1).error()).isInstanceOf(FailedDependencyException.class);   // same partition as the conflict
        assertThat(results.get(4).error()).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) results.get(4).error()).violations()).extracting(v -> v.path())
                .containsExactly("/customerId");
        assertThat(orders.read("b1", pk("ivy"))).isPresent();
        assertThat(orders.read("b2", pk("hank"))).isEmpty();
    }

    @Test
    void aLargeBatchGoesInBulkWithIndependentResults() {
        orders.create(Order.of("bulk-7", "jack", "open", 0));
        orders.create(Order.of("bulk-70", "jack", "open", 0));
        List<Order> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(Order.of("bulk-" + i, "jack", "open", i));
        }

        List<ItemResult<Versioned<Order>>> results = orders.createAll(many);

        assertThat(results).hasSize(250);
        assertThat(results.stream().filter(r -> !r.isOk()).map(ItemResult::id)).containsExactlyInAnyOrder("bulk-7", "bulk-70");
        assertThat(results.stream().filter(r -> !r.isOk()).map(ItemResult::error)).allMatch(e -> e instanceof ConflictException);
        assertThat(orders.list(Query.where("STARTSWITH(c.id, 'bulk-')").inPartition(pk("jack")))).hasSize(250);

        List<ItemKey> keys = new ArrayList<>(List.of(new ItemKey("bulk-0", pk("jack")), new ItemKey("bulk-1", pk("jack"))));
        keys.add(new ItemKey("never-there", pk("kate")));
        List<ItemResult<ItemKey>> deleted = orders.deleteAll(keys);

        assertThat(deleted).extracting(ItemResult::isOk).containsExactly(true, true, false);
        assertThat(deleted.get(2).error()).isInstanceOf(NotFoundException.class);
        assertThat(orders.read("bulk-0", pk("jack"))).isEmpty();
    }

    @Test
    void hierarchicalKeysWork() {
        ContainerDefinition events = ContainerDefinition.builder("events")
                .partitionKey(PartitionKeyStrategy.hierarchical("/tenantId", "/customerId")).build();
        new ContainerProvisioner(COSMOS.client()).apply("shop", List.of(events));
        Repository<Order> repo = Repository.builder(COSMOS.client().getDatabase("shop").getContainer("events"), events,
                Order.class).build();

        Versioned<Order> created = repo.create(Order.of("e1", "lena", "open", 1));

        PartitionKey key = repo.partitionKeyOf(created.value());
        assertThat(repo.read("e1", key)).isPresent();
        assertThat(repo.list(Query.where("c.tenantId = @t").param("@t", "acme"))).hasSize(1);
    }

    @Test
    void aFilterCannotEscapeTheSoftDeleteCondition() {
        assertThatThrownBy(() -> Query.where("c.status = 'x') OR (true")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.where("true -- comment")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.where("c.name = 'unterminated")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.all().orderBy("c.total; DROP")).isInstanceOf(IllegalArgumentException.class);
        // Parentheses inside string literals are data, not structure.
        assertThat(Query.where("c.status = ')' OR c.status = '('").filter()).isNotNull();
    }
}
