package io.cosmolite.server.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.resource.ResourceType;
import io.cosmolite.server.CosmoliteServer;
import io.cosmolite.server.ServerOptions;
import io.cosmolite.server.auth.MasterKeyAuthorizer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query routes on the wire, as a hand-written REST client sees them: query plans, pages and
 * continuations, scopes, metrics headers, and Cosmos's refusals for bad requests.
 */
class QueryRoutesTest {
    private static final String FEED = "dbs/db/colls/%s/docs";

    private static CosmoliteServer server;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        server = CosmoliteServer.start(ServerOptions.defaults().withPort(0).withTls(false));
        http = HttpClient.newHttpClient();
        CosmosEngine engine = server.engine();
        engine.create(ResourceType.DATABASE, List.of(), Json.object().put("id", "db"));
        for (int partitions : new int[] {1, 4}) {
            String id = "c" + partitions;
            engine.createContainer("db", (ObjectNode) Json.parse("{\"id\":\"" + id
                    + "\",\"partitionKey\":{\"paths\":[\"/pk\"],\"kind\":\"Hash\",\"version\":2}}"), partitions, null);
            for (int i = 0; i < 20; i++) {
                engine.container("db", id).create(null, (ObjectNode) Json.parse(
                        "{\"id\":\"i" + i + "\",\"pk\":\"p" + (i % 5) + "\",\"n\":" + i + "}"));
            }
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aQueryPlanRequestGetsThePlan() throws Exception {
        HttpResponse<String> r = post("c4", Map.of("x-ms-cosmos-is-query-plan-request", "True",
                        "x-ms-cosmos-supported-query-features", "OrderBy, Top", "content-type", "application/json"),
                "{\"query\":\"SELECT TOP 3 c.n FROM c ORDER BY c.n\",\"parameters\":[]}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode plan = Json.parse(r.body());
        assertThat(plan.path("partitionedQueryExecutionInfoVersion").asInt()).isEqualTo(2);
        assertThat(plan.path("queryInfo").path("top").asInt()).isEqualTo(3);
        assertThat(plan.path("queryInfo").path("orderBy").toString()).isEqualTo("[\"Ascending\"]");
        assertThat(plan.path("queryRanges").toString())
                .isEqualTo("[{\"min\":\"\",\"max\":\"FF\",\"isMinInclusive\":true,\"isMaxInclusive\":false}]");
    }

    @Test
    void aPlanForABadQueryIsCosmossQueryError() throws Exception {
        HttpResponse<String> r = post("c1", Map.of("x-ms-cosmos-is-query-plan-request", "True",
                "content-type", "application/json"), "{\"query\":\"SELECT * FROM c WHERE\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.parse(r.body()).path("message").asText()).startsWith("Message: {\"errors\":[");

        HttpResponse<String> unsupported = post("c1", Map.of("x-ms-cosmos-is-query-plan-request", "True",
                "x-ms-cosmos-supported-query-features", "Top", "content-type", "application/json"),
                "{\"query\":\"SELECT * FROM c ORDER BY c.n\"}");
        assertThat(unsupported.statusCode()).isEqualTo(400);
        assertThat(unsupported.body()).contains("Query contained OrderBy, which the calling client does not support.");
    }

    @Test
    void pagesFollowTheContinuation() throws Exception {
        List<Integer> seen = new ArrayList<>();
        String continuation = null;
        int pages = 0;
        do {
            Map<String, String> headers = new java.util.HashMap<>(query());
            headers.put("x-ms-max-item-count", "3");
            headers.put("x-ms-documentdb-partitionkeyrangeid", "0");
            if (continuation != null) {
                headers.put("x-ms-continuation", continuation);
            }
            HttpResponse<String> r = post("c1", headers, "{\"query\":\"SELECT VALUE c.n FROM c WHERE c.n >= @min\","
                    + "\"parameters\":[{\"name\":\"@min\",\"value\":5}]}");
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode body = Json.parse(r.body());
            assertThat(body.path("_rid").asText()).isNotEmpty();
            assertThat(body.path("_count").asInt()).isEqualTo(body.path("Documents").size());
            assertThat(r.headers().firstValue("x-ms-item-count")).hasValue(Integer.toString(body.path("_count").asInt()));
            assertThat(r.headers().firstValue("x-ms-session-token").orElseThrow()).matches("0:-1#\\d+");
            assertThat(Double.parseDouble(r.headers().firstValue("x-ms-request-charge").orElseThrow())).isPositive();
            body.path("Documents").forEach(n -> seen.add(n.asInt()));
            continuation = r.headers().firstValue("x-ms-continuation").orElse(null);
            pages++;
        } while (continuation != null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(5, 20).boxed().toList());
        assertThat(pages).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aPartitionKeyScopesTheQuery() throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(query());
        headers.put("x-ms-documentdb-partitionkey", "[\"p2\"]");
        HttpResponse<String> r = post("c4", headers, "{\"query\":\"SELECT VALUE c.n FROM c ORDER BY c.n\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.parse(r.body()).path("Documents").toString()).isEqualTo("[2,7,12,17]");
        assertThat(r.headers().firstValue("x-ms-session-token").orElseThrow()).matches("\\d:-1#\\d+");
    }

    @Test
    void crossPartitionQueriesFollowTheGatewaysRules() throws Exception {
        HttpResponse<String> disabled = post("c4", query(), "{\"query\":\"SELECT * FROM c\"}");
        assertThat(disabled.statusCode()).isEqualTo(400);
        assertThat(disabled.body()).contains("Cross partition query is required but disabled.");

        HttpResponse<String> onePartition = post("c4", query(), "{\"query\":\"SELECT VALUE c.n FROM c WHERE c.pk = 'p1'\"}");
        assertThat(onePartition.statusCode()).isEqualTo(200);
        assertThat(Json.parse(onePartition.body()).path("Documents")).hasSize(4);

        Map<String, String> cross = new java.util.HashMap<>(query());
        cross.put("x-ms-documentdb-query-enablecrosspartition", "True");
        HttpResponse<String> streaming = post("c4", cross, "{\"query\":\"SELECT * FROM c\"}");
        assertThat(streaming.statusCode()).isEqualTo(200);
        assertThat(Json.parse(streaming.body()).path("Documents")).hasSize(20);

        HttpResponse<String> ordered = post("c4", cross, "{\"query\":\"SELECT * FROM c ORDER BY c.n\"}");
        assertThat(ordered.statusCode()).isEqualTo(400);
        assertThat(ordered.headers().firstValue("x-ms-substatus")).hasValue("1004");
        JsonNode error = Json.parse(ordered.body());
        assertThat(Json.parse(error.path("additionalErrorInfo").asText()).path("queryInfo").path("orderBy").size())
                .isEqualTo(1);
    }

    @Test
    void metricsHeadersComeWhenAskedFor() throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(query());
        headers.put("x-ms-documentdb-populatequerymetrics", "true");
        headers.put("x-ms-cosmos-populateindexmetrics", "true");
        HttpResponse<String> r = post("c1", headers, "{\"query\":\"SELECT * FROM c WHERE c.n = 3\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-ms-documentdb-query-metrics").orElseThrow()).contains("totalExecutionTimeInMs=");
        String utilization = new String(Base64.getDecoder().decode(
                r.headers().firstValue("x-ms-cosmos-index-utilization").orElseThrow()), StandardCharsets.UTF_8);
        assertThat(Json.parse(utilization).isObject()).isTrue();

        HttpResponse<String> plain = post("c1", query(), "{\"query\":\"SELECT * FROM c WHERE c.n = 3\"}");
        assertThat(plain.headers().firstValue("x-ms-documentdb-query-metrics")).isEmpty();
        assertThat(plain.headers().firstValue("x-ms-cosmos-index-utilization")).isEmpty();
    }

    @Test
    void badRequestsAreCosmosErrors() throws Exception {
        Map<String, String> json = new java.util.HashMap<>(query());
        json.put("content-type", "application/json");
        assertBadRequest(post("c1", json, "{\"query\":\"SELECT * FROM c\"}"), "not supported for a query");
        assertBadRequest(post("c1", query(), "{\"query\":"), "not valid JSON");
        assertBadRequest(post("c1", query(), "[1]"), "must be a JSON object");
        assertBadRequest(post("c1", query(), "{\"parameters\":[]}"), "'query'");
        assertBadRequest(post("c1", query(), "{\"query\":\"SELECT * FROM c\",\"parameters\":{}}"), "'parameters'");
        assertBadRequest(post("c1", query(), "{\"query\":\"SELECT * FROM c\",\"parameters\":[{\"value\":1}]}"),
                "'name'");
        assertBadRequest(post("c1", query(), "{\"query\":\"SELECT * FROM c WHERE c.n = @n\"}"), "@n");
        Map<String, String> badToken = new java.util.HashMap<>(query());
        badToken.put("x-ms-continuation", "not-a-token");
        assertBadRequest(post("c1", badToken, "{\"query\":\"SELECT * FROM c\"}"), "");
        Map<String, String> badCount = new java.util.HashMap<>(query());
        badCount.put("x-ms-max-item-count", "ten");
        assertBadRequest(post("c1", badCount, "{\"query\":\"SELECT * FROM c\"}"),
                "x-ms-max-item-count");
        assertThat(post("missing", query(), "{\"query\":\"SELECT * FROM c\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void aBareSqlBodyIsAQueryToo() throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(query());
        headers.put("content-type", "application/sql");
        HttpResponse<String> r = post("c1", headers, "SELECT VALUE COUNT(1) FROM c");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.parse(r.body()).path("Documents").toString()).isEqualTo("[20]");
    }

    @Test
    void anArrayResultIsOneResult() throws Exception {
        HttpResponse<String> r = post("c1", query(), "{\"query\":\"SELECT VALUE [[1,2]]\"}");
        assertThat(Json.parse(r.body()).path("Documents").toString()).isEqualTo("[[[1,2]]]");
    }

    private static void assertBadRequest(HttpResponse<String> r, String messagePart) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode body = Json.parse(r.body());
        assertThat(body.path("code").asText()).isEqualTo("BadRequest");
        assertThat(body.path("message").asText()).contains(messagePart);
    }

    private static Map<String, String> query() {
        return Map.of("x-ms-documentdb-isquery", "True", "content-type", "application/query+json");
    }

    /** POSTs to a container's items feed, signed with the master key as the SDKs sign. */
    private static HttpResponse<String> post(String container, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.Instant.now().atZone(ZoneOffset.UTC));
        String link = "dbs/db/colls/" + container;
        String sig = new MasterKeyAuthorizer(server.masterKey(), Clock.systemUTC())
                .sign("post\ndocs\n" + link + "\n" + date.toLowerCase(java.util.Locale.ROOT) + "\n\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.endpoint() + FEED.formatted(container)))
                .header("x-ms-date", date).header("x-ms-version", "2020-07-15")
                .header("authorization", URLEncoder.encode("type=master&ver=1.0&sig=" + sig, StandardCharsets.UTF_8))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
