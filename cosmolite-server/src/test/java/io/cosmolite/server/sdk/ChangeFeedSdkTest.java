package io.cosmolite.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.ChangeFeedProcessor;
import com.azure.cosmos.ChangeFeedProcessorBuilder;
import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosDatabase;
import com.azure.cosmos.models.ChangeFeedPolicy;
import com.azure.cosmos.models.ChangeFeedProcessorOptions;
import com.azure.cosmos.models.ChangeFeedProcessorState;
import com.azure.cosmos.models.CosmosChangeFeedRequestOptions;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.FeedRange;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The change feed pull model through the official SDK (gateway mode, plain HTTP) with 1 and 4
 * physical partitions: latest-version and all-versions-and-deletes modes; from the beginning, now,
 * a point in time and a continuation; over the whole container, each physical partition, part of
 * one (an EPK sub-range) and one logical partition; sync and async clients.
 */
class ChangeFeedSdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, SdkFixture> SERVERS = new HashMap<>();

    @BeforeAll
    static void start() {
        for (int partitions : new int[] {1, 4}) {
            SERVERS.put(partitions, SdkFixture.start(partitions, false));
            SERVERS.get(partitions).syncClient().createDatabaseIfNotExists("db");
        }
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(SdkFixture::close);
    }

    /** A new container with the given name (one per test, so feeds hold only that test's changes). */
    private static CosmosContainer container(int partitions, String name) {
        CosmosDatabase db = SERVERS.get(partitions).syncClient().getDatabase("db");
        db.createContainerIfNotExists(name, "/pk");
        return db.getContainer(name);
    }

    private static ObjectNode item(String id, String pk, int n) {
        return JSON.createObjectNode().put("id", id).put("pk", pk).put("n", n);
    }

    /** Every change a pull-model request returns until the SDK reports no more, and the last continuation. */
    private record Drained(List<JsonNode> items, String continuation) {
        List<String> ids() {
            return items.stream().map(i -> i.get("id").asText()).toList();
        }
    }

    private static Drained drain(CosmosContainer c, CosmosChangeFeedRequestOptions options) {
        List<JsonNode> items = new ArrayList<>();
        String continuation = null;
        for (FeedResponse<JsonNode> page : c.queryChangeFeed(options, JsonNode.class).iterableByPage()) {
            items.addAll(page.getResults());
            continuation = page.getContinuationToken();
        }
        return new Drained(items, continuation);
    }

    private static void write(CosmosContainer c, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            c.createItem(item(prefix + i, "pk" + i % 7, 1));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void fromTheBeginningThenFromItsContinuation(int partitions) {
        CosmosContainer c = container(partitions, "beginning");
        write(c, "a", 40);
        c.upsertItem(item("a3", "pk3", 2));
        c.deleteItem("a4", new PartitionKey("pk4"), new CosmosItemRequestOptions());

        Drained first = drain(c, CosmosChangeFeedRequestOptions.createForProcessingFromBeginning(FeedRange.forFullRange()));
        assertThat(first.ids()).hasSize(39).doesNotHaveDuplicates().doesNotContain("a4");
        assertThat(first.items()).filteredOn(i -> i.get("id").asText().equals("a3"))
                .singleElement().satisfies(i -> assertThat(i.get("n").asInt()).isEqualTo(2));
        assertThat(first.items()).allSatisfy(i -> assertThat(i.get("_lsn").asLong()).isPositive());

        write(c, "b", 10);
        c.upsertItem(item("a5", "pk5", 3));
        Drained next = drain(c, CosmosChangeFeedRequestOptions.createForProcessingFromContinuation(first.continuation()));
        assertThat(next.ids()).containsExactlyInAnyOrder("b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9",
                "a5");
        assertThat(drain(c, CosmosChangeFeedRequestOptions.createForProcessingFromContinuation(next.continuation()))
                .items()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void smallPagesFromNowAndFromAPointInTime(int partitions) throws InterruptedException {
        CosmosContainer c = container(partitions, "now");
        write(c, "old", 10);
        Drained now = drain(c, CosmosChangeFeedRequestOptions.createForProcessingFromNow(FeedRange.forFullRange()));
        assertThat(now.items()).isEmpty();

        Thread.sleep(1100); // change times have a resolution of one second
        Instant since = Instant.now();
        write(c, "new", 25);
        CosmosChangeFeedRequestOptions paged = CosmosChangeFeedRequestOptions.createForProcessingFromContinuation(
                now.continuation());
        paged.setMaxItemCount(3);
        int pages = 0;
        List<String> ids = new ArrayList<>();
        for (FeedResponse<JsonNode> page : c.queryChangeFeed(paged, JsonNode.class).iterableByPage()) {
            assertThat(page.getResults().size()).isLessThanOrEqualTo(3);
            page.getResults().forEach(i -> ids.add(i.get("id").asText()));
            pages++;
        }
        assertThat(ids).hasSize(25).allMatch(id -> id.startsWith("new")).doesNotHaveDuplicates();
        assertThat(pages).isGreaterThanOrEqualTo(9);

        Drained fromTime = drain(c, CosmosChangeFeedRequestOptions.createForProcessingFromPointInTime(since,
                FeedRange.forFullRange()));
        assertThat(fromTime.ids()).hasSize(25).allMatch(id -> id.startsWith("new"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void perPhysicalPartitionSubRangeAndLogicalPartition(int partitions) {
        CosmosContainer c = container(partitions, "ranges");
        write(c, "r", 60);
        List<FeedRange> ranges = c.getFeedRanges();
        assertThat(ranges).hasSize(partitions);
        List<String> union = new ArrayList<>();
        for (FeedRange range : ranges) {
            union.addAll(drain(c, CosmosChangeFeedRequestOptions.createForProcessingFromBeginning(range)).ids());
        }
        assertThat(union).hasSize(60).doesNotHaveDuplicates();

        // Two EPK halves of the key space: with 1 partition both lie inside range 0 (the SDK then
        // sends x-ms-start-epk/x-ms-end-epk); together they hold every change exactly once.
        List<String> halves = new ArrayList<>();
        for (String range : List.of("{\"Range\":{\"min\":\"\",\"max\":\"1F\"}}", "{\"Range\":{\"min\":\"1F\",\"max\":\"3F\"}}",
                "{\"Range\":{\"min\":\"3F\",\"max\":\"FF\"}}")) {
            if (partitions == 1) {
                halves.addAll(drain(c, CosmosChangeFeedRequestOptions.createForProcessingFromBeginning(
                        FeedRange.fromString(java.util.Base64.getEncoder().encodeToString(range.getBytes())))).ids());
            }
        }
        if (partitions == 1) {
            assertThat(halves).hasSize(60).doesNotHaveDuplicates();
        }

        Drained logical = drain(c, CosmosChangeFeedRequestOptions.createForProcessingFromBeginning(
                FeedRange.forLogicalPartition(new PartitionKey("pk3"))));
        assertThat(logical.items()).hasSizeGreaterThan(5).allSatisfy(i -> assertThat(i.get("pk").asText()).isEqualTo("pk3"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void allVersionsAndDeletes(int partitions) {
        CosmosDatabase db = SERVERS.get(partitions).syncClient().getDatabase("db");
        CosmosContainerProperties props = new CosmosContainerProperties("avad", "/pk");
        props.setChangeFeedPolicy(ChangeFeedPolicy.createAllVersionsAndDeletesPolicy(Duration.ofMinutes(10)));
        db.createContainerIfNotExists(props);
        CosmosContainer c = db.getContainer("avad");

        CosmosChangeFeedRequestOptions fromNow = CosmosChangeFeedRequestOptions
                .createForProcessingFromNow(FeedRange.forFullRange()).allVersionsAndDeletes();
        Drained start = drain(c, fromNow);
        assertThat(start.items()).isEmpty();

        for (int i = 0; i < 5; i++) {
            c.createItem(item("v" + i, "pk" + i, 1));
            c.upsertItem(item("v" + i, "pk" + i, 2));
            c.deleteItem("v" + i, new PartitionKey("pk" + i), new CosmosItemRequestOptions());
        }
        Drained changes = drain(c, CosmosChangeFeedRequestOptions.createForProcessingFromContinuation(start.continuation())
                .allVersionsAndDeletes());
        assertThat(changes.items()).hasSize(15);
        Map<String, List<String>> byId = changes.items().stream().collect(Collectors.groupingBy(
                ChangeFeedSdkTest::idOf, Collectors.mapping(i -> i.at("/metadata/operationType").asText(),
                        Collectors.toList())));
        assertThat(byId).hasSize(5).allSatisfy((id, ops) -> assertThat(ops).containsExactly("create", "replace", "delete"));
        assertThat(changes.items()).filteredOn(i -> i.at("/metadata/operationType").asText().equals("replace"))
                .allSatisfy(i -> {
                    assertThat(i.at("/current/n").asInt()).isEqualTo(2);
                    assertThat(i.at("/previous/n").asInt()).isEqualTo(1);
                    assertThat(i.at("/metadata/lsn").asLong()).isPositive();
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void asyncClient(int partitions) {
        container(partitions, "async");
        CosmosAsyncContainer c = SERVERS.get(partitions).asyncClient().getDatabase("db").getContainer("async");
        for (int i = 0; i < 20; i++) {
            c.createItem(item("x" + i, "pk" + i, 1)).block();
        }
        List<JsonNode> items = c.queryChangeFeed(
                CosmosChangeFeedRequestOptions.createForProcessingFromBeginning(FeedRange.forFullRange()), JsonNode.class)
                .collectList().block();
        assertThat(items).hasSize(20);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void twoProcessorsShareTheLeasesAndSeeEveryChange(int partitions) throws InterruptedException {
        SdkFixture fx = SERVERS.get(partitions);
        CosmosContainer feed = container(partitions, "processed");
        fx.syncClient().getDatabase("db").createContainerIfNotExists("leases", "/id");
        // The processor requires its lease client to return written items.
        CosmosAsyncClient leaseClient = fx.builder().contentResponseOnWriteEnabled(true).buildAsyncClient();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Map<String, Set<String>> byHost = new ConcurrentHashMap<>();
        List<ChangeFeedProcessor> processors = new ArrayList<>();
        try {
            write(feed, "before", 50);
            for (String host : List.of("host-a", "host-b")) {
                ChangeFeedProcessorOptions options = new ChangeFeedProcessorOptions()
                        .setStartFromBeginning(true)
                        .setFeedPollDelay(Duration.ofMillis(200))
                        .setLeaseAcquireInterval(Duration.ofSeconds(1))
                        .setLeaseRenewInterval(Duration.ofSeconds(1))
                        .setLeaseExpirationInterval(Duration.ofSeconds(5))
                        .setMaxItemCount(20);
                ChangeFeedProcessor processor = new ChangeFeedProcessorBuilder()
                        .hostName(host)
                        .feedContainer(fx.asyncClient().getDatabase("db").getContainer("processed"))
                        .leaseContainer(leaseClient.getDatabase("db").getContainer("leases"))
                        .options(options)
                        .handleLatestVersionChanges(changes -> changes.forEach(change -> {
                            String id = change.getCurrent().get("id").asText();
                            seen.add(id);
                            byHost.computeIfAbsent(host, h -> ConcurrentHashMap.newKeySet()).add(id);
                        }))
                        .buildChangeFeedProcessor();
                processor.start().block();
                processors.add(processor);
            }
            write(feed, "after", 50);
            awaitSeen(seen, 100);
            CosmosAsyncContainer leases = leaseClient.getDatabase("db").getContainer("leases");
            if (partitions > 1) {
                // The processors balance the leases between them: each ends up owning some.
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (owners(leases).size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(owners(leases)).containsExactlyInAnyOrder("host-a", "host-b");
            }
            write(feed, "later", 50);
            awaitSeen(seen, 150);
            assertThat(byHost.keySet()).isSubsetOf("host-a", "host-b");

            // The processor's estimator reads the LSN out of the change feed's etag: once every change
            // is checkpointed, no lease lags.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            List<ChangeFeedProcessorState> states = processors.get(0).getCurrentState().block();
            while (states.stream().anyMatch(st -> st.getEstimatedLag() != 0) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                states = processors.get(0).getCurrentState().block();
            }
            assertThat(states).hasSize(partitions).allSatisfy(st -> assertThat(st.getEstimatedLag()).isZero());
        } finally {
            processors.forEach(p -> p.stop().block());
            leaseClient.close();
        }
    }

    private static void awaitSeen(Set<String> seen, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (seen.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(seen).hasSize(count);
    }

    /** The hosts that own the processor's leases now. */
    private static Set<String> owners(CosmosAsyncContainer leases) {
        return leases.queryItems("SELECT * FROM c WHERE IS_DEFINED(c.LeaseToken)", JsonNode.class).collectList().block()
                .stream().map(l -> l.path("Owner").asText(null)).filter(o -> o != null).collect(Collectors.toSet());
    }

    private static String idOf(JsonNode change) {
        JsonNode current = change.at("/current/id");
        return current.isMissingNode() ? change.at("/metadata/id").asText(change.at("/previous/id").asText())
                : current.asText();
    }
}
