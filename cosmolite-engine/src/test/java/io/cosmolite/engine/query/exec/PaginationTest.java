package io.cosmolite.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.EngineOptions;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.QueryPage;
import io.cosmolite.engine.query.QueryRequest;
import io.cosmolite.engine.query.QueryScope;
import io.cosmolite.engine.resource.ResourceType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages and continuation tokens: any page size gives the same results as one unpaged run. */
class PaginationTest extends QueryTestSupport {
    private static final List<String> SHAPES = List.of(
            "SELECT * FROM c",
            "SELECT VALUE c.id FROM c WHERE c.n % 2 = 0",
            "SELECT c.id, t FROM c JOIN t IN c.tags",
            "SELECT VALUE [t, s] FROM c JOIN t IN c.tags JOIN s IN c.tags WHERE t <= s",
            "SELECT VALUE c.n FROM c ORDER BY c.n DESC",
            "SELECT c.id FROM c ORDER BY c.g, c.id DESC",
            "SELECT DISTINCT VALUE c.n % 3 FROM c",
            "SELECT DISTINCT VALUE t FROM c JOIN t IN c.tags",
            "SELECT c.g, COUNT(1) AS n FROM c GROUP BY c.g",
            "SELECT VALUE COUNT(1) FROM c",
            "SELECT VALUE c.id FROM c OFFSET 3 LIMIT 9",
            "SELECT VALUE t FROM c JOIN t IN c.tags OFFSET 2 LIMIT 7",
            "SELECT VALUE c.id FROM c ORDER BY c.id OFFSET 4 LIMIT 6",
            "SELECT TOP 5 VALUE c.id FROM c",
            "SELECT TOP 8 c.id, t FROM c JOIN t IN c.tags",
            "SELECT VALUE c.missing FROM c",
            "SELECT VALUE x FROM (SELECT VALUE c.n FROM c WHERE c.n > 3) x");

    @BeforeEach
    void compositeIndexForTheOrderByShapes() {
        // Cosmos DB serves an ORDER BY on several paths only from a matching composite index.
        c = createContainer("paged", ",'indexingPolicy':{'compositeIndexes':[[{'path':'/g','order':'ascending'},"
                + "{'path':'/id','order':'descending'}]]}");
    }

    private void loadItems() {
        for (int i = 0; i < 20; i++) {
            StringBuilder tags = new StringBuilder("[");
            for (int t = 0; t < i % 4; t++) {
                tags.append(t == 0 ? "" : ",").append("'t").append((i + t) % 5).append("'");
            }
            load("{'id':'" + (char) ('a' + i) + "','pk':'k" + (i % 6) + "','n':" + (i * 7 % 11) + ",'g':" + (i % 3)
                    + ",'tags':" + tags + "]}");
        }
    }

    @Test
    void everyPageSizeGivesTheUnpagedResults() {
        loadItems();
        for (String shape : SHAPES) {
            List<JsonNode> all = queryAll(new QueryRequest(shape, java.util.Map.of(), -1, null, false), QueryScope.container());
            assertThat(all.isEmpty()).as(shape).isEqualTo(shape.contains("missing"));
            for (int size = 1; size <= 7; size++) {
                List<JsonNode> paged = new ArrayList<>();
                QueryRequest r = new QueryRequest(shape, java.util.Map.of(), size, null, false);
                int pages = 0;
                do {
                    QueryPage page = c.query(r, QueryScope.container());
                    assertThat(page.items().size()).as("%s, page size %d", shape, size).isLessThanOrEqualTo(size);
                    paged.addAll(page.items());
                    r = r.withContinuation(page.continuation());
                    pages++;
                } while (r.continuation() != null && pages < 1000);
                assertThat(paged).as("%s, page size %d", shape, size).isEqualTo(all);
            }
        }
    }

    @Test
    void pagesOfAPhysicalPartitionResumeToo() {
        loadItems();
        for (var range : c.partitionKeyRanges()) {
            QueryScope scope = QueryScope.range(range.id());
            List<JsonNode> all = queryAll(new QueryRequest("SELECT c.id, t FROM c JOIN t IN c.tags", java.util.Map.of(), -1,
                    null, false), scope);
            List<JsonNode> paged = queryAll(new QueryRequest("SELECT c.id, t FROM c JOIN t IN c.tags", java.util.Map.of(), 2,
                    null, false), scope);
            assertThat(paged).isEqualTo(all);
        }
    }

    @Test
    void theDefaultPageHoldsAHundredItems() {
        for (int i = 0; i < 150; i++) {
            load("{'id':'" + i + "'}");
        }
        QueryPage first = c.query(QueryRequest.of("SELECT VALUE c.id FROM c"), QueryScope.container());
        assertThat(first.items()).hasSize(100);
        assertThat(first.continuation()).isNotNull();
        QueryPage dynamic = c.query(QueryRequest.of("SELECT VALUE c.id FROM c").withMaxItemCount(-1), QueryScope.container());
        assertThat(dynamic.items()).hasSize(150);
        assertThat(dynamic.continuation()).isNull();
    }

    @Test
    void badOrForeignTokensAreRefused() {
        loadItems();
        QueryRequest r = QueryRequest.of("SELECT * FROM c").withMaxItemCount(2);
        String token = c.query(r, QueryScope.container()).continuation();
        assertRefused(r.withContinuation("not a token"));
        assertRefused(r.withContinuation(""));
        assertRefused(QueryRequest.of("SELECT c.id FROM c").withContinuation(token));
        assertRefused(r.withParameters(java.util.Map.of("@x", Json.NODES.numberNode(1))).withContinuation(token));
        ObjectNode decoded = (ObjectNode) Json.parse(Base64.getUrlDecoder().decode(token));
        decoded.put("n", -1);
        assertRefused(r.withContinuation(encode(decoded)));
        decoded.put("n", 0).put("k", Base64.getUrlEncoder().encodeToString("elsewhere".getBytes(StandardCharsets.UTF_8)));
        assertRefused(r.withContinuation(encode(decoded)));
        String blockingToken = c.query(QueryRequest.of("SELECT * FROM c ORDER BY c.id").withMaxItemCount(2),
                QueryScope.container()).continuation();
        assertRefused(QueryRequest.of("SELECT * FROM c ORDER BY c.id").withContinuation(token));
        assertThat(blockingToken).isNotNull();
        String pk0Token = c.query(r, QueryScope.range(c.partitionKeyRanges().get(0).id())).continuation();
        if (pk0Token != null) {
            assertRefused(r.withContinuation(pk0Token));
        }
    }

    @Test
    void tokensSurviveARestart(@TempDir Path dir) {
        EngineOptions options = EngineOptions.durable(dir.resolve("data"));
        QueryRequest r = new QueryRequest("SELECT c.id, t FROM c JOIN t IN c.tags", java.util.Map.of(), 3, null, false);
        List<JsonNode> expected;
        QueryPage first;
        try (CosmosEngine durable = CosmosEngine.open(options)) {
            durable.create(ResourceType.DATABASE, List.of(), Json.object().put("id", "db"));
            durable.createContainer("db", (ObjectNode) json("{'id':'d','partitionKey':{'paths':['/pk'],'kind':'Hash','version':2}}"),
                    2, null);
            c = durable.container("db", "d");
            loadItems();
            expected = queryAll(r.withMaxItemCount(-1), QueryScope.container());
            first = c.query(r, QueryScope.container());
        }
        try (CosmosEngine reopened = CosmosEngine.open(options)) {
            c = reopened.container("db", "d");
            List<JsonNode> all = new ArrayList<>(first.items());
            all.addAll(queryAll(r.withContinuation(first.continuation()), QueryScope.container()));
            assertThat(all).isEqualTo(expected);
        }
    }

    @Test
    void chargesAndMetrics() {
        load("{'id':'1','n':1}");
        QueryPage page = c.query(QueryRequest.of("SELECT * FROM c WHERE c.id = '1'").withMetrics(true), QueryScope.container());
        assertThat(page.requestCharge()).isBetween(2.8, 3.0);
        assertThat(page.queryMetrics()).contains("retrievedDocumentCount=1;", "outputDocumentCount=1;",
                "totalExecutionTimeInMs=", "indexUtilizationRatio=");
        QueryPage empty = c.query(QueryRequest.of("SELECT * FROM c WHERE c.id = 'x'"), QueryScope.container());
        assertThat(empty.requestCharge()).isLessThan(page.requestCharge());
        assertThat(empty.queryMetrics()).isNull();
    }

    private void assertRefused(QueryRequest r) {
        CosmosException e = catchThrowableOfType(CosmosException.class, () -> c.query(r, QueryScope.container()));
        assertThat(e).as("token %s", r.continuation()).isNotNull();
        assertThat(e.status()).isEqualTo(400);
    }

    private static String encode(JsonNode o) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.toBytes(o));
    }
}
