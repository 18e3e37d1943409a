package io.cosmolite.engine.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.EngineOptions;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.query.QueryPage;
import io.cosmolite.engine.query.QueryRequest;
import io.cosmolite.engine.query.QueryScope;
import io.cosmolite.engine.query.value.Values;
import io.cosmolite.engine.resource.ResourceType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries through {@link Container#query} on an indexed container give the results of the same
 * queries on an unindexed copy, read fewer documents, page through index scans, and refuse what
 * Cosmos DB refuses.
 */
abstract class IndexedQueryContract {
    private static final Pattern RETRIEVED = Pattern.compile("retrievedDocumentCount=(\\d+)");
    private static final int ITEMS = 400;

    @TempDir
    Path tmp;
    CosmosEngine engine;
    Container indexed;
    Container unindexed;
    final List<ObjectNode> docs = new ArrayList<>();

    abstract boolean durable();

    @BeforeEach
    void load() {
        EngineOptions base = durable() ? EngineOptions.durable(tmp.resolve("data")) : EngineOptions.inMemory();
        engine = CosmosEngine.open(base.withTtlPurgeInterval(Duration.ofHours(1)));
        engine.create(ResourceType.DATABASE, List.of(), Json.object().put("id", "db"));
        indexed = create("indexed", "{'includedPaths':[{'path':'/*'}],'excludedPaths':[{'path':'/secret/?'}],"
                + "'compositeIndexes':[[{'path':'/cat','order':'ascending'},{'path':'/n','order':'descending'}]]}");
        unindexed = create("unindexed", "{'indexingMode':'none','automatic':false}");
        Random random = new Random(11);
        for (int i = 0; i < ITEMS; i++) {
            ObjectNode d = json("{'id':'i" + i + "','pk':'p" + (i % 23) + "','cat':'c" + (i % 5) + "','secret':" + (i % 7) + "}");
            switch (random.nextInt(8)) {
                case 0 -> d.put("n", "s" + random.nextInt(30));
                case 1 -> { }
                case 2 -> d.putObject("n").put("x", 1);
                default -> d.put("n", random.nextInt(100));
            }
            var tags = d.putArray("tags");
            for (int t = random.nextInt(4); t > 0; t--) {
                tags.add("t" + random.nextInt(8));
            }
            if (random.nextBoolean()) {
                d.put("name", (random.nextBoolean() ? "Al" : "Bo") + random.nextInt(50));
            }
            docs.add(d);
            indexed.create(null, d);
            unindexed.create(null, d);
        }
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void indexedFiltersGiveTheResultsOfAScanAndReadFewerDocuments() {
        for (String q : List.of(
                "SELECT c.id, c.n FROM c WHERE c.n = 42",
                "SELECT c.id, c.n FROM c WHERE c.n = @v",
                "SELECT VALUE c.id FROM c WHERE c.n IN (1, 2, 3, 's4', true)",
                "SELECT VALUE c.id FROM c WHERE c.n > 90",
                "SELECT VALUE c.id FROM c WHERE c.n >= 's25'",
                "SELECT VALUE c.id FROM c WHERE c.n BETWEEN 10 AND 12",
                "SELECT VALUE c.id FROM c WHERE STARTSWITH(c.name, 'Al1')",
                "SELECT VALUE c.id FROM c WHERE IS_DEFINED(c.name)",
                "SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(c.tags, 't3')",
                "SELECT c.id, t FROM c JOIN t IN c.tags WHERE t = 't2'",
                "SELECT c.id, t FROM c JOIN t IN c.tags WHERE t >= 't5'",
                "SELECT VALUE c.id FROM c WHERE c.cat = 'c2' AND c.n > 50",
                "SELECT VALUE c.id FROM c WHERE c.n > 50 AND c.n < 60 AND c.cat != 'c1'",
                "SELECT VALUE COUNT(1) FROM c WHERE c.cat = 'c3'",
                "SELECT c.cat, COUNT(1) AS k FROM c WHERE c.n > 20 GROUP BY c.cat",
                "SELECT VALUE c.id FROM c WHERE c.secret = 3")) {
            List<JsonNode> expected = all(unindexed, q, 1000);
            assertThat(all(indexed, q, 1000)).as(q).containsExactlyInAnyOrderElementsOf(expected);
            for (int size : new int[] {1, 3, 7}) {
                assertThat(all(indexed, q, size)).as("%s, pages of %d", q, size).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
        assertThat(retrieved(indexed, "SELECT * FROM c WHERE c.n = 42")).isLessThan(20);
        assertThat(retrieved(unindexed, "SELECT * FROM c WHERE c.n = 42")).isEqualTo(ITEMS);
        assertThat(retrieved(indexed, "SELECT VALUE c.id FROM c WHERE c.secret = 3"))
                .as("an excluded path is scanned").isEqualTo(ITEMS);
    }

    @Test
    void anOrderByIsServedInIndexOrderWithoutItemsWhereThePathIsUndefined() {
        for (boolean desc : new boolean[] {false, true}) {
            String q = "SELECT c.id, c.n FROM c ORDER BY c.n" + (desc ? " DESC" : "");
            List<JsonNode> rows = all(indexed, q, 1000);
            assertThat(rows).hasSize((int) docs.stream().filter(d -> d.has("n")).count());
            List<JsonNode> scalars = rows.stream().map(r -> r.get("n")).filter(n -> !n.isObject()).toList();
            Comparator<JsonNode> order = Values::sortCompare;
            assertThat(scalars).isSortedAccordingTo(desc ? order.reversed() : order);
            for (int size : new int[] {1, 4, 9}) {
                assertThat(all(indexed, q, size)).as("%s, pages of %d", q, size).isEqualTo(rows);
            }
        }
        List<JsonNode> top = all(indexed, "SELECT VALUE c.n FROM c WHERE IS_NUMBER(c.n) ORDER BY c.n OFFSET 0 LIMIT 10", 1000);
        assertThat(top).hasSize(10).isSortedAccordingTo(Values::sortCompare);
        assertThat(retrieved(indexed, "SELECT VALUE c.id FROM c ORDER BY c.n OFFSET 0 LIMIT 10"))
                .as("a top-10 reads a little more than 10 items").isLessThan(40);
    }

    @Test
    void aCompositeIndexServesAnOrderByOnTwoPaths() {
        String q = "SELECT c.cat, c.n FROM c WHERE IS_NUMBER(c.n) ORDER BY c.cat, c.n DESC";
        List<JsonNode> rows = all(indexed, q, 1000);
        List<JsonNode> expected = new ArrayList<>(all(unindexed, "SELECT c.cat, c.n FROM c WHERE IS_NUMBER(c.n)", 1000));
        expected.sort(Comparator.<JsonNode, String>comparing(r -> r.get("cat").textValue())
                .thenComparing(r -> -r.get("n").doubleValue()));
        assertThat(rows).isEqualTo(expected);
        assertThat(all(indexed, q, 6)).isEqualTo(rows);
        List<JsonNode> reversed = all(indexed, "SELECT c.cat, c.n FROM c WHERE IS_NUMBER(c.n) ORDER BY c.cat DESC, c.n", 5);
        List<JsonNode> backwards = new ArrayList<>(expected);
        java.util.Collections.reverse(backwards);
        assertThat(reversed).isEqualTo(backwards);
    }

    @Test
    void partitionScopesUseTheIndexToo() {
        String q = "SELECT VALUE c.id FROM c WHERE c.n >= 50";
        PartitionKeyValue p3 = PartitionKeyValue.fromHeaderJson("[\"p3\"]");
        assertThat(pages(indexed, q, QueryScope.partition(p3), 2))
                .containsExactlyInAnyOrderElementsOf(pages(unindexed, q, QueryScope.partition(p3), 100));
        List<JsonNode> perRange = new ArrayList<>();
        for (var range : indexed.partitionKeyRanges()) {
            perRange.addAll(pages(indexed, q, QueryScope.range(range.id()), 3));
        }
        assertThat(perRange).containsExactlyInAnyOrderElementsOf(all(unindexed, q, 1000));
    }

    @Test
    void orderBysThePolicyCannotServeAreRefused() {
        CosmosException excluded = catchThrowableOfType(CosmosException.class,
                () -> indexed.query(QueryRequest.of("SELECT * FROM c ORDER BY c.secret"), QueryScope.container()));
        assertThat(excluded.status()).isEqualTo(400);
        assertThat(excluded.getMessage()).contains("The index path corresponding to the specified order-by item is excluded.");
        assertThat(excluded.requestCharge()).isPositive();
        CosmosException composite = catchThrowableOfType(CosmosException.class,
                () -> indexed.query(QueryRequest.of("SELECT * FROM c ORDER BY c.n, c.cat"), QueryScope.container()));
        assertThat(composite.getMessage()).contains("does not have a corresponding composite index");
    }

    @Test
    void pagesCarryIndexMetricsWhenAsked() {
        QueryPage page = indexed.query(new QueryRequest("SELECT * FROM c WHERE c.cat = 'c1' AND c.name > 'B'", Map.of(),
                10, null, true), QueryScope.container());
        JsonNode metrics = Json.parse(page.indexMetrics());
        assertThat(metrics.get("UtilizedSingleIndexes").findValuesAsText("IndexSpec")).containsExactly("/cat/?", "/name/?");
        assertThat(metrics.get("PotentialCompositeIndexes").get(0).get("IndexSpecs").toString())
                .isEqualTo("[\"/cat ASC\",\"/name ASC\"]");
    }

    @Test
    void afterAPolicyChangeQueriesScanUntilTheIndexIsBuilt() {
        ObjectNode body = unindexed.properties();
        body.set("indexingPolicy", json("{'indexingMode':'consistent'}"));
        engine.replace(ResourceType.CONTAINER, List.of("db"), "unindexed", body, null);
        Container rebuilding = engine.container("db", "unindexed");
        assertThat(rebuilding.indexTransformationProgress()).isLessThan(100);
        String q = "SELECT VALUE c.id FROM c WHERE c.n = 42";
        List<JsonNode> expected = all(indexed, q, 1000);
        assertThat(all(rebuilding, q, 1000)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(retrieved(rebuilding, q)).isEqualTo(ITEMS);
        engine.buildIndexes();
        assertThat(rebuilding.indexTransformationProgress()).isEqualTo(100);
        assertThat(all(rebuilding, q, 1000)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(retrieved(rebuilding, q)).isLessThan(20);
    }

    private Container create(String id, String policy) {
        ObjectNode body = json("{'id':'" + id + "','partitionKey':{'paths':['/pk'],'kind':'Hash','version':2}}");
        body.set("indexingPolicy", json(policy));
        engine.createContainer("db", body, 3, null);
        return engine.container("db", id);
    }

    private static List<JsonNode> all(Container c, String q, int pageSize) {
        return pages(c, q, QueryScope.container(), pageSize);
    }

    private static List<JsonNode> pages(Container c, String q, QueryScope scope, int pageSize) {
        List<JsonNode> out = new ArrayList<>();
        QueryRequest r = new QueryRequest(q, Map.of("@v", Json.parse("42")), pageSize, null, false);
        int guard = 0;
        do {
            QueryPage page = c.query(r, scope);
            out.addAll(page.items());
            r = r.withContinuation(page.continuation());
        } while (r.continuation() != null && ++guard < 10_000);
        return out;
    }

    /** The documents the query read over all its pages. */
    private static long retrieved(Container c, String q) {
        long total = 0;
        QueryRequest r = new QueryRequest(q, Map.of(), 1000, null, true);
        do {
            QueryPage page = c.query(r, QueryScope.container());
            Matcher m = RETRIEVED.matcher(page.queryMetrics());
            assertThat(m.find()).isTrue();
            total += Long.parseLong(m.group(1));
            r = r.withContinuation(page.continuation());
        } while (r.continuation() != null);
        return total;
    }

    static ObjectNode json(String text) {
        return (ObjectNode) Json.parse(text.replace('\'', '"'));
    }
}
