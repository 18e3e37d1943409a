package io.cosmolite.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.models.CosmosDatabaseProperties;
import com.azure.cosmos.models.ThroughputProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.json.Json;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the metadata routes put on the wire beyond what the SDK's API shows: partition key ranges by
 * name and by resource id with the incremental feed's etag and 304, offers, owner headers, paging,
 * and the refusals (404 with substatus 1003 under a missing owner, 405, 400).
 */
class WireMetadataSdkTest {
    private static final Map<String, String> NONE = Map.of();
    private static SdkFixture fx;
    private static String dbRid;
    private static String collRid;

    @BeforeAll
    static void start() {
        fx = SdkFixture.start(4, false);
        CosmosClient client = fx.syncClient();
        dbRid = client.createDatabase("w").getProperties().getResourceId();
        collRid = client.getDatabase("w").createContainer("c", "/pk", ThroughputProperties.createManualThroughput(400))
                .getProperties().getResourceId();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void partitionKeyRangesTileTheKeySpaceWithAnEtagAnd304() {
        HttpResponse<String> r = fx.send("GET", "dbs/w/colls/c/pkranges", "pkranges", "dbs/w/colls/c",
                Map.of("a-im", "Incremental Feed"), null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = Json.parse(r.body());
        assertThat(body.get("_rid").asText()).isEqualTo(collRid);
        JsonNode ranges = body.get("PartitionKeyRanges");
        assertThat(ranges).hasSize(4);
        assertThat(ranges.get(0).get("minInclusive").asText()).isEmpty();
        assertThat(ranges.get(3).get("maxExclusive").asText()).isEqualTo("FF");
        for (int i = 1; i < 4; i++) {
            assertThat(ranges.get(i).get("minInclusive")).isEqualTo(ranges.get(i - 1).get("maxExclusive"));
        }
        assertThat(ranges.get(0).get("_self").asText()).startsWith("dbs/" + dbRid + "/colls/" + collRid + "/pkranges/");
        assertThat(ranges.get(0).get("parents")).isEmpty();
        assertThat(ranges.get(0).get("status").asText()).isEqualTo("online");
        assertThat(r.headers().firstValue("x-ms-item-count")).contains("4");
        String etag = r.headers().firstValue("etag").orElseThrow();

        HttpResponse<String> byRid = fx.send("GET", "dbs/" + dbRid + "/colls/" + collRid + "/pkranges", "pkranges",
                collRid.toLowerCase(), Map.of("a-im", "Incremental Feed", "if-none-match", etag), null);
        assertThat(byRid.statusCode()).isEqualTo(304);
        assertThat(byRid.headers().firstValue("etag")).contains(etag);

        HttpResponse<String> one = fx.send("GET", "dbs/w/colls/c/pkranges/2", "pkranges", "dbs/w/colls/c/pkranges/2",
                NONE, null);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(Json.parse(one.body()).get("id").asText()).isEqualTo("2");
    }

    @Test
    void containerRepliesNameTheirOwner() {
        HttpResponse<String> r = fx.send("GET", "dbs/w/colls/c", "colls", "dbs/w/colls/c", NONE, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-ms-alt-content-path")).contains("dbs/w");
        assertThat(r.headers().firstValue("x-ms-content-path")).contains(dbRid);
        assertThat(r.headers().firstValue("x-ms-documentdb-collection-index-transformation-progress")).contains("100");
        assertThat(r.headers().firstValue("etag")).isPresent();
        assertThat(Double.parseDouble(r.headers().firstValue("x-ms-request-charge").orElseThrow())).isPositive();

        String etag = r.headers().firstValue("etag").orElseThrow();
        assertThat(fx.send("GET", "dbs/w/colls/c", "colls", "dbs/w/colls/c", Map.of("if-none-match", etag), null)
                .statusCode()).isEqualTo(304);
    }

    @Test
    void offersAreListedQueriedAndReadByRid() {
        HttpResponse<String> feed = fx.send("GET", "offers", "offers", "", NONE, null);
        assertThat(feed.statusCode()).isEqualTo(200);
        JsonNode offers = Json.parse(feed.body()).get("Offers");
        assertThat(offers).anySatisfy(o -> assertThat(o.get("offerResourceId").asText()).isEqualTo(collRid));

        HttpResponse<String> query = fx.send("POST", "offers", "offers", "",
                Map.of("x-ms-documentdb-isquery", "True", "content-type", "application/query+json"),
                "{\"query\":\"select * from c where c.offerResourceId = @r\",\"parameters\":[{\"name\":\"@r\",\"value\":\""
                        + collRid + "\"}]}");
        assertThat(query.statusCode()).isEqualTo(200);
        JsonNode found = Json.parse(query.body()).get("Offers");
        assertThat(found).hasSize(1);
        JsonNode offer = found.get(0);
        assertThat(offer.get("offerVersion").asText()).isEqualTo("V2");
        assertThat(offer.get("content").get("offerThroughput").asInt()).isEqualTo(400);

        String rid = offer.get("_rid").asText();
        HttpResponse<String> read = fx.send("GET", "offers/" + rid, "offers", rid.toLowerCase(), NONE, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Json.parse(read.body()).get("resource").asText()).isEqualTo(offer.get("resource").asText());
    }

    @Test
    void deletingADatabaseDeletesItsOffer() {
        String rid = fx.syncClient().createDatabase("gone", ThroughputProperties.createManualThroughput(400))
                .getProperties().getResourceId();
        assertThat(offerResourceIds()).contains(rid);
        fx.syncClient().getDatabase("gone").delete();
        assertThat(offerResourceIds()).doesNotContain(rid);
    }

    private static java.util.List<String> offerResourceIds() {
        JsonNode offers = Json.parse(fx.send("GET", "offers", "offers", "", NONE, null).body()).get("Offers");
        java.util.List<String> out = new java.util.ArrayList<>();
        offers.forEach(o -> out.add(o.get("offerResourceId").asText()));
        return out;
    }

    @Test
    void feedsPageWithContinuations() {
        for (String id : new String[] {"p1", "p2", "p3"}) {
            fx.syncClient().getDatabase("w").createUser(new com.azure.cosmos.models.CosmosUserProperties().setId(id));
        }
        HttpResponse<String> first = fx.send("GET", "dbs/w/users", "users", "dbs/w", Map.of("x-ms-max-item-count", "2"),
                null);
        assertThat(Json.parse(first.body()).get("Users")).hasSize(2);
        String continuation = first.headers().firstValue("x-ms-continuation").orElseThrow();
        HttpResponse<String> second = fx.send("GET", "dbs/w/users", "users", "dbs/w",
                Map.of("x-ms-max-item-count", "2", "x-ms-continuation", continuation), null);
        assertThat(Json.parse(second.body()).get("Users").size()).isGreaterThanOrEqualTo(1);
        assertThat(fx.send("GET", "dbs/w/users", "users", "dbs/w", Map.of("x-ms-continuation", "bogus"), null)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void refusals() {
        HttpResponse<String> orphan = fx.send("GET", "dbs/missing/colls", "colls", "dbs/missing", NONE, null);
        assertThat(orphan.statusCode()).isEqualTo(404);
        assertThat(orphan.headers().firstValue("x-ms-substatus")).contains("1003");
        assertThat(fx.send("GET", "dbs/missing", "dbs", "dbs/missing", NONE, null).statusCode()).isEqualTo(404);
        assertThat(fx.send("PATCH", "dbs/w", "dbs", "dbs/w", NONE, "{}").statusCode()).isEqualTo(405);
        assertThat(fx.send("DELETE", "offers", "offers", "", NONE, null).statusCode()).isEqualTo(405);
        assertThat(fx.send("POST", "dbs", "dbs", "", NONE, "{not json").statusCode()).isEqualTo(400);
        assertThat(fx.send("POST", "dbs", "dbs", "", Map.of("x-ms-offer-throughput", "100"), "{\"id\":\"cheap\"}")
                .statusCode()).isEqualTo(400);
        assertThat(fx.send("GET", "dbs/cheap", "dbs", "dbs/cheap", NONE, null).statusCode()).isEqualTo(404);
        HttpResponse<String> badQuery = fx.send("POST", "dbs", "dbs", "", QUERY, "{\"query\":\"SELECT r.id FROM r WHERE\"}");
        assertThat(badQuery.statusCode()).isEqualTo(400);
        HttpResponse<String> unresolved = fx.send("POST", "dbs", "dbs", "", QUERY,
                "{\"query\":\"SELECT * FROM r WHERE r.id = @missing\"}");
        assertThat(unresolved.statusCode()).isEqualTo(400);
    }

    private static final Map<String, String> QUERY =
            Map.of("x-ms-documentdb-isquery", "True", "content-type", "application/query+json");

    /** The users of database mq that a query over its users feed returns, from every page. */
    private static java.util.List<JsonNode> userQuery(String query, int pageSize) {
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        String continuation = null;
        do {
            Map<String, String> headers = new java.util.HashMap<>(QUERY);
            headers.put("x-ms-max-item-count", Integer.toString(pageSize));
            if (continuation != null) {
                headers.put("x-ms-continuation", continuation);
            }
            HttpResponse<String> page = fx.send("POST", "dbs/mq/users", "users", "dbs/mq", headers, query);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode body = Json.parse(page.body());
            assertThat(body.get("_count").asInt()).isEqualTo(body.get("Users").size());
            body.get("Users").forEach(out::add);
            continuation = page.headers().firstValue("x-ms-continuation").orElse(null);
        } while (continuation != null);
        return out;
    }

    @Test
    void metadataQueriesRunTheWholeQueryLanguage() {
        fx.syncClient().createDatabaseIfNotExists("mq");
        for (String id : new String[] {"q-b", "q-a", "other", "q-c"}) {
            fx.syncClient().getDatabase("mq").createUser(new com.azure.cosmos.models.CosmosUserProperties().setId(id));
        }
        String byPrefix = "{\"query\":\"SELECT VALUE u.id FROM u WHERE STARTSWITH(u.id, @p) ORDER BY u.id DESC\","
                + "\"parameters\":[{\"name\":\"@p\",\"value\":\"q-\"}]}";
        assertThat(userQuery(byPrefix, 100)).map(JsonNode::asText).containsExactly("q-c", "q-b", "q-a");
        assertThat(userQuery(byPrefix, 2)).map(JsonNode::asText).containsExactly("q-c", "q-b", "q-a");
        assertThat(userQuery("{\"query\":\"SELECT VALUE COUNT(1) FROM u\"}", 100)).map(JsonNode::asInt)
                .containsExactly(4);
        assertThat(userQuery("{\"query\":\"SELECT TOP 1 u.id, LENGTH(u.id) AS n FROM u ORDER BY u.id\"}", 100))
                .map(Json::toString).containsExactly("{\"id\":\"other\",\"n\":5}");

        // Through the SDK, whose database query is this same feed query.
        assertThat(fx.syncClient().queryDatabases("SELECT * FROM d WHERE d.id IN ('mq', 'w') ORDER BY d.id DESC", null)
                .stream().map(CosmosDatabaseProperties::getId).toList()).containsExactly("w", "mq");
    }
}
