package io.cosmolite.server.sdk;

import io.cosmolite.engine.query.ConformanceCases;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.models.CompositePath;
import com.azure.cosmos.models.CompositePathSortOrder;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosItemIdentity;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.IndexingPolicy;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.QueryPage;
import io.cosmolite.engine.query.QueryRequest;
import io.cosmolite.engine.query.QueryScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries through the official SDK (sync and async, gateway mode) against a server whose container has
 * 1 physical partition (over TLS) or 4 (over plain HTTP): the SDK fetches the query plan, queries each
 * partition key range and merges ORDER BY, aggregates, GROUP BY, DISTINCT, TOP and OFFSET/LIMIT on its
 * side. Every result is compared with the engine's own run of the query over the whole container, so
 * both layouts give the same results.
 */
class QuerySdkTest {
    private static final String DB = "db";
    private static final String ITEMS = "items";
    private static final String BY_ID = "byid";
    private static final int COUNT = 40;
    private static final Map<Integer, SdkFixture> FIXTURES = new HashMap<>();
    /** Queries of every pipeline stage, read page by page. */
    private static final List<String> PAGED = List.of(
            "SELECT * FROM c",
            "SELECT c.id, c.n FROM c ORDER BY c.n DESC",
            "SELECT * FROM c ORDER BY c.g ASC, c.n DESC",
            "SELECT VALUE c.g FROM c ORDER BY c.g",
            "SELECT TOP 11 VALUE c.n FROM c ORDER BY c.x",
            "SELECT VALUE c.n FROM c ORDER BY c.n OFFSET 7 LIMIT 13",
            "SELECT VALUE c.n FROM c WHERE c.pk = 'p2'",
            "SELECT c.g, COUNT(1) AS cnt FROM c GROUP BY c.g",
            "SELECT DISTINCT c.pk FROM c",
            "SELECT DISTINCT VALUE c.g FROM c ORDER BY c.g",
            "SELECT VALUE SUM(c.n) FROM c");

    @BeforeAll
    static void start() {
        for (int partitions : new int[] {1, 4}) {
            SdkFixture fx = SdkFixture.start(partitions, partitions == 1);
            FIXTURES.put(partitions, fx);
            fx.syncClient().createDatabase(DB);
            CosmosContainerProperties items = new CosmosContainerProperties(ITEMS, "/pk");
            IndexingPolicy policy = new IndexingPolicy();
            policy.setCompositeIndexes(List.of(
                    List.of(path("/g", CompositePathSortOrder.ASCENDING), path("/n", CompositePathSortOrder.DESCENDING)),
                    List.of(path("/s", CompositePathSortOrder.ASCENDING), path("/n", CompositePathSortOrder.ASCENDING))));
            items.setIndexingPolicy(policy);
            fx.syncClient().getDatabase(DB).createContainer(items);
            fx.syncClient().getDatabase(DB).createContainer(BY_ID, "/id");
            Container engineItems = fx.server().engine().container(DB, ITEMS);
            Container engineById = fx.server().engine().container(DB, BY_ID);
            for (int k = 0; k < COUNT; k++) {
                engineItems.create(null, item(k));
                engineById.create(null, item(k));
            }
        }
    }

    @AfterAll
    static void stop() {
        FIXTURES.values().forEach(SdkFixture::close);
    }

    static Stream<Arguments> layouts() {
        return Stream.of(Arguments.of(1, SdkQueries.SYNC), Arguments.of(1, SdkQueries.ASYNC),
                Arguments.of(4, SdkQueries.SYNC), Arguments.of(4, SdkQueries.ASYNC));
    }

    /** Item k: unique n, group g of four, pk of seven, a string s (missing on every ninth), a fraction x. */
    private static ObjectNode item(int k) {
        ObjectNode o = Json.object().put("id", "i" + k).put("pk", "p" + (k % 7)).put("n", k)
                .put("g", String.valueOf((char) ('a' + k % 4))).put("x", k * 1.5);
        if (k % 9 != 0) {
            o.put("s", "s" + (char) ('a' + (k * 7) % 26));
        }
        return o;
    }

    private static CompositePath path(String path, CompositePathSortOrder order) {
        CompositePath p = new CompositePath();
        p.setPath(path);
        p.setOrder(order);
        return p;
    }

    @ParameterizedTest(name = "{0} partitions, {1}")
    @MethodSource("layouts")
    void orderByMergesAcrossRanges(int partitions, SdkQueries api) {
        for (String q : List.of(
                "SELECT * FROM c ORDER BY c.n",
                "SELECT c.id, c.n FROM c ORDER BY c.n DESC",
                "SELECT VALUE c.n FROM c ORDER BY c.x DESC",
                "SELECT c.id, c.s FROM c ORDER BY c.s ASC, c.n ASC",
                "SELECT * FROM c ORDER BY c.g ASC, c.n DESC",
                "SELECT VALUE c.n FROM c WHERE c.n > 10 ORDER BY c.g, c.n DESC")) {
            expectSame(partitions, api, new SqlQuerySpec(q), true);
        }
        List<JsonNode> ns = api.all(FIXTURES.get(partitions), DB, ITEMS, new SqlQuerySpec(
                "SELECT VALUE c.n FROM c ORDER BY c.n DESC"), new CosmosQueryRequestOptions());
        assertThat(ns.stream().map(JsonNode::asInt).toList())
                .isEqualTo(IntStream.range(0, COUNT).map(i -> COUNT - 1 - i).boxed().toList());
    }

    @ParameterizedTest(name = "{0} partitions, {1}")
    @MethodSource("layouts")
    void aggregatesCombinePartials(int partitions, SdkQueries api) {
        for (String q : List.of(
                "SELECT VALUE COUNT(1) FROM c", "SELECT VALUE SUM(c.n) FROM c", "SELECT VALUE AVG(c.x) FROM c",
                "SELECT VALUE MIN(c.s) FROM c", "SELECT VALUE MAX(c.n) FROM c", "SELECT VALUE COUNT(c.s) FROM c",
                "SELECT COUNT(1) AS cnt FROM c", "SELECT SUM(c.n) AS total, AVG(c.n) AS mean FROM c",
                "SELECT MIN(c.n) AS lo, MAX(c.s) AS hi, COUNT(c.s) AS withS FROM c WHERE c.n >= 5",
                "SELECT COUNT(1) FROM c",
                "SELECT VALUE COUNT(1) FROM c WHERE c.pk = 'p3'")) {
            expectSame(partitions, api, new SqlQuerySpec(q), false);
        }
        assertThat(api.all(FIXTURES.get(partitions), DB, ITEMS, new SqlQuerySpec("SELECT VALUE COUNT(1) FROM c"),
                new CosmosQueryRequestOptions())).extracting(JsonNode::asInt).containsExactly(COUNT);
        assertThat(json(api.all(FIXTURES.get(partitions), DB, ITEMS, new SqlQuerySpec("SELECT COUNT(1) AS n FROM c"),
                new CosmosQueryRequestOptions()))).isEqualTo("[{\"n\":" + COUNT + "}]");
        // The Java SDK reports an undefined VALUE aggregate as null (its {"_value": ...} wrapper), as against Cosmos DB.
        for (String undefined : List.of("SELECT VALUE AVG(c.missing) FROM c", "SELECT VALUE MAX(c.g) FROM c WHERE c.n > 100")) {
            assertThat(json(api.all(FIXTURES.get(partitions), DB, ITEMS, new SqlQuerySpec(undefined),
                    new CosmosQueryRequestOptions()))).as(undefined).isEqualTo("[null]");
        }
    }

    @ParameterizedTest(name = "{0} partitions, {1}")
    @MethodSource("layouts")
    void groupByAndDistinct(int partitions, SdkQueries api) {
        for (String q : List.of(
                "SELECT c.g, COUNT(1) AS cnt, SUM(c.n) AS total FROM c GROUP BY c.g",
                "SELECT VALUE COUNT(1) FROM c GROUP BY c.pk",
                "SELECT c.g, MIN(c.s) AS lo, MAX(c.x) AS hi, AVG(c.n) AS mean FROM c GROUP BY c.g",
                "SELECT c.pk, c.g FROM c GROUP BY c.pk, c.g",
                "SELECT DISTINCT c.g FROM c", "SELECT DISTINCT VALUE c.pk FROM c",
                "SELECT DISTINCT c.g, c.pk FROM c WHERE c.n < 20")) {
            expectSame(partitions, api, new SqlQuerySpec(q), false);
        }
        expectSame(partitions, api, new SqlQuerySpec("SELECT DISTINCT VALUE c.g FROM c ORDER BY c.g DESC"), true);
    }

    @ParameterizedTest(name = "{0} partitions, {1}")
    @MethodSource("layouts")
    void topOffsetLimitAndParameters(int partitions, SdkQueries api) {
        for (String q : List.of(
                "SELECT TOP 5 * FROM c ORDER BY c.n", "SELECT TOP 3 VALUE c.n FROM c ORDER BY c.x DESC",
                "SELECT * FROM c ORDER BY c.n OFFSET 3 LIMIT 10", "SELECT VALUE c.n FROM c ORDER BY c.n DESC OFFSET 35 LIMIT 10",
                "SELECT c.id FROM c ORDER BY c.g, c.n DESC OFFSET 2 LIMIT 4")) {
            expectSame(partitions, api, new SqlQuerySpec(q), true);
        }
        SdkFixture fx = FIXTURES.get(partitions);
        assertThat(api.all(fx, DB, ITEMS, new SqlQuerySpec("SELECT TOP 7 c.id FROM c"), new CosmosQueryRequestOptions()))
                .hasSize(7);
        assertThat(api.all(fx, DB, ITEMS, new SqlQuerySpec("SELECT VALUE c.n FROM c OFFSET 5 LIMIT 6"),
                new CosmosQueryRequestOptions())).hasSize(6);
        SqlQuerySpec withParameters = new SqlQuerySpec(
                "SELECT VALUE c.n FROM c WHERE c.n > @min AND c.g IN (@a, @b) ORDER BY c.n",
                new SqlParameter("@min", 12), new SqlParameter("@a", "a"), new SqlParameter("@b", "c"));
        expectSame(partitions, api, withParameters, true);
        assertThat(json(api.all(fx, DB, ITEMS, withParameters, new CosmosQueryRequestOptions())))
                .isEqualTo("[14,16,18,20,22,24,26,28,30,32,34,36,38]");
        expectSame(partitions, api, new SqlQuerySpec("SELECT * FROM c WHERE c.pk = @pk ORDER BY c.n",
                new SqlParameter("@pk", "p4")), true);
        expectSame(partitions, api, new SqlQuerySpec("SELECT TOP @top VALUE c.n FROM c ORDER BY c.n DESC",
                new SqlParameter("@top", 4)), true);
    }

    @ParameterizedTest(name = "{0} partitions, {1}")
    @MethodSource("layouts")
    void everyPageSizeGivesTheSameResults(int partitions, SdkQueries api) {
        SdkFixture fx = FIXTURES.get(partitions);
        for (int pageSize = 1; pageSize <= 5; pageSize++) {
            for (String q : PAGED) {
                List<FeedResponse<JsonNode>> pages = api.pages(fx, DB, ITEMS, new SqlQuerySpec(q),
                        new CosmosQueryRequestOptions(), null, pageSize);
                for (FeedResponse<JsonNode> page : pages) {
                    assertThat(page.getResults().size()).as(q).isLessThanOrEqualTo(pageSize);
                }
                expectMatch(q + " by pages of " + pageSize, SdkQueries.results(pages), oracle(partitions,
                        new SqlQuerySpec(q)), isOrdered(q));
            }
        }
    }

    @ParameterizedTest(name = "{0} partitions, {1}")
    @MethodSource("layouts")
    void aQueryResumesFromItsContinuationToken(int partitions, SdkQueries api) {
        for (String q : List.of("SELECT * FROM c", "SELECT VALUE c.n FROM c WHERE c.pk = 'p2'", "SELECT c.id FROM c WHERE c.n > 7")) {
            expectResumable(partitions, api, q);
        }
    }

    /**
     * The SDK resumes an ORDER BY query from a token by filtering each range on the last sort key, with the
     * type checks {@code IS_NUMBER}, {@code IS_STRING}, {@code IS_BOOLEAN}, ... that Cosmos DB accepts.
     */
    @ParameterizedTest(name = "{0} partitions, {1}")
    @MethodSource("layouts")
    void anOrderByQueryResumesFromItsContinuationToken(int partitions, SdkQueries api) {
        for (String q : List.of(
                "SELECT c.id, c.n FROM c ORDER BY c.n DESC",
                "SELECT * FROM c ORDER BY c.x",
                "SELECT TOP 11 VALUE c.n FROM c ORDER BY c.x",
                "SELECT VALUE c.n FROM c ORDER BY c.n OFFSET 7 LIMIT 13")) {
            expectResumable(partitions, api, q);
        }
    }

    /** Resumes after every page (each resume is a new query: plan, then every range), at two page sizes to stay fast. */
    private static void expectResumable(int partitions, SdkQueries api, String q) {
        List<JsonNode> expected = oracle(partitions, new SqlQuerySpec(q));
        for (int pageSize : new int[] {1, 4}) {
            expectMatch(q + " resumed every " + pageSize, api.resumed(FIXTURES.get(partitions), DB, ITEMS,
                    new SqlQuerySpec(q), pageSize), expected, isOrdered(q));
        }
    }

    private static boolean isOrdered(String q) {
        return q.contains("ORDER BY");
    }

    /**
     * The SDK resumes an ORDER BY from its continuation token by filtering the resumed range on the last sort
     * key and dropping the rows of equal keys whose document {@code _rid} sorts before the token's: each range
     * must order rows of equal sort keys by {@code _rid} (in the direction of the first ORDER BY item), as Cosmos
     * DB does.
     */
    @ParameterizedTest(name = "{0} partitions, {1}")
    @MethodSource("layouts")
    void resumingInsideEqualSortKeys(int partitions, SdkQueries api) {
        for (String q : List.of("SELECT VALUE c.g FROM c ORDER BY c.g", "SELECT VALUE c.g FROM c ORDER BY c.g DESC")) {
            expectResumable(partitions, api, q);
        }
    }

    /**
     * Ordered DISTINCT resumed from a token after every page repeats values, because of the SDK
     * (azure-cosmos 4.81): on resume it loads the token's {@code lastHash} into its distinct map,
     * but writes the next token's {@code lastHash} from a reference that starts empty for each new
     * query and is set only when a value passes the filter. A resumed page whose rows are all
     * duplicates comes back empty with {@code "lastHash":null}, and the resume after it lets the
     * duplicate through. Paging through one query is correct ({@link #groupByAndDistinct},
     * {@link #everyPageSizeGivesTheSameResults}).
     */
    @Disabled("SDK 4.81: a resumed ordered-DISTINCT page of only duplicates loses lastHash (see the Javadoc)")
    @ParameterizedTest(name = "{0} partitions, {1}")
    @MethodSource("layouts")
    void resumingAnOrderedDistinctQuery(int partitions, SdkQueries api) {
        expectResumable(partitions, api, "SELECT DISTINCT VALUE c.g FROM c ORDER BY c.g DESC");
    }

    @ParameterizedTest(name = "{0} partitions, {1}")
    @MethodSource("layouts")
    void aPartitionKeyScopesTheQuery(int partitions, SdkQueries api) {
        SdkFixture fx = FIXTURES.get(partitions);
        CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey("p3"));
        assertThat(json(api.all(fx, DB, ITEMS, new SqlQuerySpec("SELECT VALUE c.n FROM c ORDER BY c.n DESC"), options)))
                .isEqualTo("[38,31,24,17,10,3]");
        assertThat(json(api.all(fx, DB, ITEMS, new SqlQuerySpec("SELECT VALUE COUNT(1) FROM c"), options)))
                .isEqualTo("[6]");
        assertThat(api.all(fx, DB, ITEMS, new SqlQuerySpec("SELECT c.g, COUNT(1) AS n FROM c GROUP BY c.g"), options))
                .hasSize(4);
        assertThat(api.all(fx, DB, ITEMS, new SqlQuerySpec("SELECT * FROM c OFFSET 1 LIMIT 2"), options)).hasSize(2);
    }

    @ParameterizedTest(name = "{0} partitions, {1}")
    @MethodSource("layouts")
    void readManyFindsItemsInEveryRange(int partitions, SdkQueries api) {
        SdkFixture fx = FIXTURES.get(partitions);
        List<CosmosItemIdentity> ids = new ArrayList<>();
        for (int k = 0; k < COUNT; k += 3) {
            ids.add(new CosmosItemIdentity(new PartitionKey("p" + (k % 7)), "i" + k));
        }
        ids.add(new CosmosItemIdentity(new PartitionKey("p1"), "missing"));
        ids.add(new CosmosItemIdentity(new PartitionKey("p2"), "i1")); // the id exists, in another partition
        List<String> expected = IntStream.iterate(0, k -> k < COUNT, k -> k + 3).mapToObj(k -> "i" + k).toList();

        FeedResponse<JsonNode> read = api.readMany(fx, DB, ITEMS, ids);
        assertThat(read.getResults()).extracting(n -> n.path("id").asText()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(read.getRequestCharge()).isPositive();

        for (int k : new int[] {5, 6}) {
            // one item per range: the SDK reads it with a point read rather than a query
            List<CosmosItemIdentity> one = List.of(new CosmosItemIdentity(new PartitionKey("p" + (k % 7)), "i" + k));
            assertThat(api.readMany(fx, DB, ITEMS, one).getResults()).extracting(n -> n.path("n").asInt())
                    .containsExactly(k);
        }

        List<CosmosItemIdentity> byId = expected.stream().map(id -> new CosmosItemIdentity(new PartitionKey(id), id)).toList();
        assertThat(api.readMany(fx, DB, BY_ID, byId).getResults()).extracting(n -> n.path("id").asText())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0} partitions, {1}")
    @MethodSource("layouts")
    void logicalPartitionReads(int partitions, SdkQueries api) {
        SdkFixture fx = FIXTURES.get(partitions);
        assertThat(api.readAllItems(fx, DB, ITEMS, new PartitionKey("p3"))).extracting(n -> n.path("n").asInt())
                .containsExactlyInAnyOrder(3, 10, 17, 24, 31, 38);
        List<PartitionKey> pks = List.of(new PartitionKey("p1"), new PartitionKey("p5"), new PartitionKey("none"));
        assertThat(api.readManyByPartitionKeys(fx, DB, ITEMS, pks, new SqlQuerySpec("SELECT c.n FROM c WHERE c.n > @min",
                new SqlParameter("@min", 10)))).extracting(n -> n.path("n").asInt())
                .containsExactlyInAnyOrder(15, 22, 29, 36, 12, 19, 26, 33);
    }

    @ParameterizedTest(name = "{0} partitions, {1}")
    @MethodSource("layouts")
    void itemsWrittenThroughTheSdkAreQueryableInTheSameSession(int partitions, SdkQueries api) {
        SdkFixture fx = FIXTURES.get(partitions);
        String container = "written" + api;
        fx.syncClient().getDatabase(DB).createContainerIfNotExists(container, "/pk");
        for (int k = 0; k < 12; k++) {
            fx.syncClient().getDatabase(DB).getContainer(container).createItem(item(k));
        }
        assertThat(json(api.all(fx, DB, container, new SqlQuerySpec("SELECT VALUE c.n FROM c ORDER BY c.n DESC"),
                new CosmosQueryRequestOptions()))).isEqualTo("[11,10,9,8,7,6,5,4,3,2,1,0]");
    }

    @ParameterizedTest(name = "{0} partitions, {1}")
    @MethodSource("layouts")
    void metricsReachTheSdk(int partitions, SdkQueries api) {
        SdkFixture fx = FIXTURES.get(partitions);
        CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setQueryMetricsEnabled(true)
                .setIndexMetricsEnabled(true);
        List<FeedResponse<JsonNode>> pages = api.pages(fx, DB, ITEMS, new SqlQuerySpec("SELECT * FROM c WHERE c.n = 7"),
                options, null, 10);
        assertThat(SdkQueries.results(pages)).hasSize(1);
        FeedResponse<JsonNode> withResult = pages.stream().filter(p -> !p.getResults().isEmpty()).findFirst().orElseThrow();
        assertThat(withResult.getResponseHeaders().get("x-ms-documentdb-query-metrics")).contains("retrievedDocumentCount=");
        assertThat(withResult.getResponseHeaders()).containsKey("x-ms-cosmos-index-utilization");
    }

    /** Results as compact JSON text. */
    private static String json(List<JsonNode> results) {
        return Json.toString(Json.NODES.arrayNode().addAll(results));
    }

    private static void expectSame(int partitions, SdkQueries api, SqlQuerySpec query, boolean ordered) {
        List<JsonNode> actual = api.all(FIXTURES.get(partitions), DB, ITEMS, query, new CosmosQueryRequestOptions());
        expectMatch(query.getQueryText(), actual, oracle(partitions, query), ordered);
    }

    private static void expectMatch(String what, List<JsonNode> actual, List<JsonNode> expected, boolean ordered) {
        List<JsonNode> a = ConformanceCases.withoutSystemProperties(actual);
        List<JsonNode> e = ConformanceCases.withoutSystemProperties(expected);
        assertThat(ConformanceCases.sameResults(a, e, ordered)).as("%s%n  expected %s%n  but got  %s", what, e, a).isTrue();
    }

    /** The engine's own results for the query over the whole container. */
    private static List<JsonNode> oracle(int partitions, SqlQuerySpec query) {
        Map<String, JsonNode> parameters = new HashMap<>();
        for (SqlParameter p : query.getParameters()) {
            parameters.put(p.getName(), Json.MAPPER.valueToTree(p.getValue(Object.class)));
        }
        Container container = FIXTURES.get(partitions).server().engine().container(DB, ITEMS);
        QueryRequest request = new QueryRequest(query.getQueryText(), parameters, -1, null, false);
        List<JsonNode> results = new ArrayList<>();
        do {
            QueryPage page = container.query(request, QueryScope.container());
            results.addAll(page.items());
            request = request.withContinuation(page.continuation());
        } while (request.continuation() != null);
        return results;
    }
}
