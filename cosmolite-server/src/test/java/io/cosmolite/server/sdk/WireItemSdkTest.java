package io.cosmolite.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosContainer;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.json.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the items routes put on the wire beyond what the SDK's API shows (4 physical partitions):
 * the read feed and its continuations, the owner and session headers, {@code return=minimal}, the
 * batch and bulk envelopes, change feed etags and 304s, and the refusals for bad input.
 */
class WireItemSdkTest {
    private static final String DOCS = "dbs/db/colls/items/docs";
    private static final String LINK = "dbs/db/colls/items";
    private static SdkFixture fx;
    private static String collRid;

    @BeforeAll
    static void start() {
        fx = SdkFixture.start(4, false);
        CosmosClient client = fx.syncClient();
        client.createDatabase("db");
        collRid = client.getDatabase("db").createContainer("items", "/pk").getProperties().getResourceId();
        CosmosContainer c = client.getDatabase("db").getContainer("items");
        for (int i = 0; i < 30; i++) {
            c.createItem(Map.of("id", "i" + i, "pk", "p" + i % 5));
        }
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        String link = path.equals(DOCS) ? LINK : path;
        return fx.send(method, path, "docs", link, headers, body);
    }

    private static String error(HttpResponse<String> r) {
        return Json.parse(r.body()).get("message").asText();
    }

    @Test
    void itemRepliesCarryOwnerSessionAndLsnHeaders() {
        HttpResponse<String> created = send("POST", DOCS, Map.of("x-ms-documentdb-partitionkey", "[\"w\"]",
                "content-type", "application/json"), "{\"id\":\"w1\",\"pk\":\"w\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("x-ms-alt-content-path")).contains(LINK);
        assertThat(created.headers().firstValue("x-ms-content-path")).contains(collRid);
        assertThat(created.headers().firstValue("x-ms-session-token").orElseThrow()).matches("[0-3]:-1#\\d+");
        String lsn = created.headers().firstValue("lsn").orElseThrow();
        assertThat(created.headers().firstValue("x-ms-item-lsn")).contains(lsn);
        assertThat(Json.parse(created.body()).get("_lsn").asText()).isEqualTo(lsn);
        assertThat(created.headers().firstValue("etag")).contains(Json.parse(created.body()).get("_etag").asText());

        HttpResponse<String> minimal = send("POST", DOCS, Map.of("x-ms-documentdb-partitionkey", "[\"w\"]",
                "prefer", "return=minimal", "x-ms-documentdb-is-upsert", "true"), "{\"id\":\"w1\",\"pk\":\"w\"}");
        assertThat(minimal.statusCode()).isEqualTo(200);
        assertThat(minimal.body()).isEmpty();
        assertThat(minimal.headers().firstValue("etag")).isPresent();
    }

    @Test
    void partitionKeyRefusals() {
        HttpResponse<String> missing = send("GET", DOCS + "/i1", Map.of(), null);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(error(missing)).isEqualTo("PartitionKey value must be supplied for this operation.");
        assertThat(send("POST", DOCS, Map.of(), "{\"id\":\"x\",\"pk\":\"a\"}").statusCode()).isEqualTo(400);
        assertThat(send("GET", DOCS + "/i1", Map.of("x-ms-documentdb-partitionkey", "p1"), null).statusCode())
                .isEqualTo(400);
        HttpResponse<String> tooMany = send("GET", DOCS + "/i1", Map.of("x-ms-documentdb-partitionkey", "[\"a\",\"b\"]"),
                null);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.headers().firstValue("x-ms-substatus")).contains("1001");
        HttpResponse<String> malformed = send("POST", DOCS, Map.of("x-ms-documentdb-partitionkey", "[\"a\"]"), "{\"id\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        HttpResponse<String> stale = send("GET", DOCS + "/i1", Map.of("x-ms-documentdb-partitionkey", "[\"p1\"]",
                "x-ms-cosmos-intended-collection-rid", "AAAAAYAAAAk="), null);
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.headers().firstValue("x-ms-substatus")).contains("1024");
        assertThat(send("PATCH", DOCS, Map.of(), "{}").statusCode()).isEqualTo(405);
        assertThat(send("GET", "dbs/db/colls/none/docs/i1", Map.of("x-ms-documentdb-partitionkey", "[\"p1\"]"), null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void readFeedPagesThroughEveryRangeWithContinuations() {
        List<String> ids = new ArrayList<>();
        String continuation = null;
        int pages = 0;
        do {
            Map<String, String> headers = new HashMap<>(Map.of("x-ms-max-item-count", "7"));
            if (continuation != null) {
                headers.put("x-ms-continuation", continuation);
            }
            HttpResponse<String> page = send("GET", DOCS, headers, null);
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode body = Json.parse(page.body());
            assertThat(body.get("Documents").size()).isLessThanOrEqualTo(7);
            assertThat(page.headers().firstValue("x-ms-item-count")).contains(String.valueOf(body.get("_count").asInt()));
            body.get("Documents").forEach(d -> ids.add(d.get("id").asText()));
            continuation = page.headers().firstValue("x-ms-continuation").orElse(null);
            pages++;
        } while (continuation != null);
        assertThat(ids).filteredOn(id -> id.matches("i\\d+")).hasSize(30).doesNotHaveDuplicates();
        assertThat(pages).isGreaterThanOrEqualTo(5);

        int perRange = 0;
        for (int range = 0; range < 4; range++) {
            HttpResponse<String> r = send("GET", DOCS, Map.of("x-ms-documentdb-partitionkeyrangeid", String.valueOf(range),
                    "x-ms-max-item-count", "1000"), null);
            perRange += (int) java.util.stream.StreamSupport.stream(Json.parse(r.body()).get("Documents").spliterator(), false)
                    .filter(d -> d.get("id").asText().matches("i\\d+")).count();
            assertThat(r.headers().firstValue("x-ms-session-token").orElseThrow()).startsWith(range + ":");
        }
        assertThat(perRange).isEqualTo(30);

        HttpResponse<String> logical = send("GET", DOCS, Map.of("x-ms-documentdb-partitionkey", "[\"p2\"]"), null);
        assertThat(Json.parse(logical.body()).get("Documents")).hasSize(6)
                .allSatisfy(d -> assertThat(d.get("pk").asText()).isEqualTo("p2"));

        assertThat(send("GET", DOCS, Map.of("x-ms-continuation", "junk"), null).statusCode()).isEqualTo(400);
        assertThat(send("GET", DOCS, Map.of("x-ms-continuation", "0:AAAA"), null).statusCode()).isEqualTo(400);
        assertThat(send("GET", DOCS, Map.of("x-ms-max-item-count", "0"), null).statusCode()).isEqualTo(400);
        HttpResponse<String> gone = send("GET", DOCS, Map.of("x-ms-documentdb-partitionkeyrangeid", "9"), null);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.headers().firstValue("x-ms-substatus")).hasValue("1002");
    }

    @Test
    void batchEnvelopes() {
        Map<String, String> atomic = Map.of("x-ms-cosmos-is-batch-request", "true", "x-ms-cosmos-batch-atomic", "true",
                "x-ms-documentdb-partitionkey", "[\"b\"]", "prefer", "return=minimal");
        HttpResponse<String> ok = send("POST", DOCS, atomic,
                "[{\"operationType\":\"Create\",\"resourceBody\":{\"id\":\"b1\",\"pk\":\"b\"}},"
                        + "{\"operationType\":\"Read\",\"id\":\"b1\"}]");
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode results = Json.parse(ok.body());
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("statusCode").asInt()).isEqualTo(201);
        assertThat(results.get(0).has("resourceBody")).isFalse();
        assertThat(results.get(0).get("eTag").asText()).isNotBlank();
        assertThat(results.get(1).get("resourceBody").get("id").asText()).isEqualTo("b1");

        HttpResponse<String> failed = send("POST", DOCS, atomic,
                "[{\"operationType\":\"Upsert\",\"resourceBody\":{\"id\":\"b2\",\"pk\":\"b\"}},"
                        + "{\"operationType\":\"Delete\",\"id\":\"nobody\"}]");
        assertThat(failed.statusCode()).isEqualTo(207);
        assertThat(Json.parse(failed.body()).findValuesAsText("statusCode")).containsExactly("424", "404");

        assertThat(send("POST", DOCS, atomic, "{}").statusCode()).isEqualTo(400);
        assertThat(send("POST", DOCS, atomic, "[]").statusCode()).isEqualTo(400);
        assertThat(send("POST", DOCS, atomic, "[{\"operationType\":\"Merge\",\"id\":\"b1\"}]").statusCode())
                .isEqualTo(400);
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(101,
                "{\"operationType\":\"Read\",\"id\":\"b1\"}")) + "]";
        assertThat(send("POST", DOCS, atomic, tooMany).statusCode()).isEqualTo(400);

        HttpResponse<String> bulk = send("POST", DOCS, Map.of("x-ms-cosmos-is-batch-request", "true",
                "x-ms-cosmos-batch-atomic", "false", "x-ms-cosmos-batch-continue-on-error", "true",
                "x-ms-documentdb-partitionkeyrangeid", "0"),
                "[{\"operationType\":\"Create\",\"partitionKey\":\"[\\\"b\\\"]\",\"resourceBody\":{\"id\":\"b1\",\"pk\":\"b\"}},"
                        + "{\"operationType\":\"Create\",\"partitionKey\":\"[\\\"c\\\"]\",\"resourceBody\":{\"id\":\"c1\",\"pk\":\"c\"}},"
                        + "{\"operationType\":\"Create\",\"resourceBody\":{\"id\":\"c2\",\"pk\":\"c\"}}]");
        assertThat(bulk.statusCode()).isEqualTo(207);
        assertThat(Json.parse(bulk.body()).findValuesAsText("statusCode")).containsExactly("409", "201", "400");
    }

    /** The JavaScript SDK sends {@code item.patch([...])} and a batch's patch as the bare array of operations. */
    @Test
    void aPatchBodyMayBeTheBareOperationsArray() {
        Map<String, String> pk = Map.of("x-ms-documentdb-partitionkey", "[\"pa\"]");
        assertThat(send("POST", DOCS, pk, "{\"id\":\"pa1\",\"pk\":\"pa\",\"n\":1}").statusCode()).isEqualTo(201);

        HttpResponse<String> patched = send("PATCH", DOCS + "/pa1", pk,
                "[{\"op\":\"incr\",\"path\":\"/n\",\"value\":4},{\"op\":\"set\",\"path\":\"/c\",\"value\":\"red\"}]");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(Json.parse(patched.body()).get("n").asInt()).isEqualTo(5);
        assertThat(Json.parse(patched.body()).get("c").asText()).isEqualTo("red");
        assertThat(send("PATCH", DOCS + "/pa1", pk, "[]").statusCode()).isEqualTo(400);
        assertThat(send("PATCH", DOCS + "/pa1", pk, "\"incr\"").statusCode()).isEqualTo(400);

        HttpResponse<String> batch = send("POST", DOCS, Map.of("x-ms-cosmos-is-batch-request", "true",
                "x-ms-cosmos-batch-atomic", "true", "x-ms-documentdb-partitionkey", "[\"pa\"]"),
                "[{\"operationType\":\"Patch\",\"id\":\"pa1\",\"resourceBody\":[{\"op\":\"incr\",\"path\":\"/n\",\"value\":10}]}]");
        assertThat(batch.statusCode()).isEqualTo(200);
        assertThat(Json.parse(batch.body()).get(0).get("resourceBody").get("n").asInt()).isEqualTo(15);
    }

    @Test
    void changeFeedEtagsAnd304() {
        Map<String, String> range0 = Map.of("a-im", "Incremental Feed", "x-ms-documentdb-partitionkeyrangeid", "0");
        HttpResponse<String> all = send("GET", DOCS, range0, null);
        assertThat(all.statusCode()).isEqualTo(200);
        String etag = all.headers().firstValue("etag").orElseThrow();
        assertThat(etag).matches("\"\\d+\"");

        Map<String, String> next = new HashMap<>(range0);
        next.put("if-none-match", etag);
        HttpResponse<String> none = send("GET", DOCS, next, null);
        assertThat(none.statusCode()).isEqualTo(304);
        assertThat(none.headers().firstValue("etag")).contains(etag);
        assertThat(none.body()).isEmpty();

        next.put("if-none-match", "*");
        HttpResponse<String> now = send("GET", DOCS, next, null);
        assertThat(now.statusCode()).isEqualTo(304);
        assertThat(now.headers().firstValue("etag")).contains(etag);

        next.put("if-none-match", "\"not-an-lsn\"");
        assertThat(send("GET", DOCS, next, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", DOCS, Map.of("a-im", "Incremental Feed"), null).statusCode()).isEqualTo(400);
        assertThat(send("GET", DOCS, Map.of("a-im", "Everything", "x-ms-documentdb-partitionkeyrangeid", "0"), null)
                .statusCode()).isEqualTo(400);
        assertThat(send("GET", DOCS, Map.of("a-im", "Incremental Feed", "x-ms-documentdb-partitionkeyrangeid", "0",
                "if-modified-since", "yesterday"), null).statusCode()).isEqualTo(400);
        HttpResponse<String> avad = send("GET", DOCS, Map.of("a-im", "Full-Fidelity Feed",
                "x-ms-documentdb-partitionkeyrangeid", "0"), null);
        assertThat(avad.statusCode()).isEqualTo(400);
    }
}
