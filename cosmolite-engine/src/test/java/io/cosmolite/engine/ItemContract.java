package io.cosmolite.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.document.ItemOperation;
import io.cosmolite.engine.document.ItemResult;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.EffectivePartitionKey;
import io.cosmolite.engine.partition.PartitionKeyRange;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.patch.PatchRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Item rules, conditional requests, patch, batch and partition placement, with their status codes. */
abstract class ItemContract extends EngineTestSupport {
    Container c;

    @BeforeEach
    void createContainer() {
        database("db");
        c = container("db", "items", "/pk", 1);
    }

    @Test
    void createReadReplaceUpsertDeleteRoundTrip() {
        ItemResult created = c.create(null, json("{'id':'1','pk':'a','n':1}"));
        assertThat(created.status()).isEqualTo(201);
        ObjectNode item = created.item();
        assertThat(item.get("_rid").asText()).isNotEmpty();
        assertThat(item.get("_self").asText()).startsWith(c.properties().get("_self").asText() + "docs/");
        assertThat(item.get("_etag").asText()).startsWith("\"").endsWith("\"");
        assertThat(item.get("_ts").asLong()).isEqualTo(clock.millis() / 1000);
        assertThat(item.get("_lsn").asLong()).isPositive();
        assertThat(created.requestCharge()).isGreaterThan(4);

        ItemResult read = c.read(pk("a"), "1", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.item().get("n").asInt()).isEqualTo(1);
        assertThat(read.requestCharge()).isEqualTo(1.0);

        ItemResult replaced = c.replace(pk("a"), "1", json("{'id':'1','pk':'a','n':2}"), null);
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.etag()).isNotEqualTo(created.etag());
        assertThat(replaced.item().get("_rid")).isEqualTo(item.get("_rid"));
        assertThat(replaced.requestCharge()).isGreaterThan(created.requestCharge() * 1.5);

        assertThat(c.upsert(null, json("{'id':'1','pk':'a','n':3}"), null).status()).isEqualTo(200);
        assertThat(c.upsert(null, json("{'id':'2','pk':'a','n':1}"), null).status()).isEqualTo(201);
        assertThat(c.read(pk("a"), "1", null).item().get("n").asInt()).isEqualTo(3);

        assertThat(c.delete(pk("a"), "1", null).status()).isEqualTo(204);
        assertCosmosError(404, 0, () -> c.read(pk("a"), "1", null));
        assertCosmosError(404, 0, () -> c.delete(pk("a"), "1", null));
        assertCosmosError(404, 0, () -> c.replace(pk("a"), "1", json("{'id':'1','pk':'a'}"), null));
    }

    @Test
    void writesSurviveReopen() {
        c.create(null, json("{'id':'1','pk':'a','n':1}"));
        c.replace(pk("a"), "1", json("{'id':'1','pk':'a','n':2}"), null);
        reopen();
        c = engine.container("db", "items");
        assertThat(c.read(pk("a"), "1", null).item().get("n").asInt()).isEqualTo(2);
        long lsn = c.create(null, json("{'id':'2','pk':'a'}")).lsn();
        assertThat(lsn).as("LSNs continue after a restart").isEqualTo(3);
    }

    @Test
    void aWriteNeitherChangesNorKeepsTheBodyItIsGiven() {
        ObjectNode body = json("{'id':'1','pk':'a','_rid':'client','tags':['x'],'address':{'city':'Oslo'}}");
        String before = body.toString();
        c.create(null, body);
        c.upsert(null, body, null);
        c.replace(pk("a"), "1", body, null);
        assertThat(body.toString()).isEqualTo(before);

        // Changing the body afterwards, nested values included, changes nothing stored.
        ((ObjectNode) body.get("address")).put("city", "Lima");
        ((ArrayNode) body.get("tags")).add("y");
        body.put("id", "2");
        ObjectNode stored = c.read(pk("a"), "1", null).item();
        assertThat(stored.get("address").get("city").asText()).isEqualTo("Oslo");
        assertThat(stored.get("tags")).hasSize(1);
        assertThat(stored.get("_rid").asText()).isNotEqualTo("client");
    }

    @Test
    void systemPropertiesInTheBodyAreIgnored() {
        ObjectNode item = c.create(null, json("{'id':'1','pk':'a','_rid':'bogus','_etag':'x','_ts':5}")).item();
        assertThat(item.get("_rid").asText()).isNotEqualTo("bogus");
        assertThat(item.get("_ts").asLong()).isNotEqualTo(5);
    }

    @Test
    void idRules() {
        assertCosmosError(400, 0, () -> c.create(null, json("{'pk':'a'}")));
        assertCosmosError(400, 0, () -> c.create(null, json("{'id':5,'pk':'a'}")));
        assertCosmosError(400, 0, () -> c.create(null, json("{'id':'','pk':'a'}")));
        for (String bad : List.of("a/b", "a\\\\b", "a?b", "a#b")) {
            assertCosmosError(400, 0, () -> c.create(null, json("{'id':'" + bad + "','pk':'a'}")));
        }
        assertCosmosError(400, 0, () -> c.create(null, json("{'id':'" + "x".repeat(1024) + "','pk':'a'}")));
        assertThat(c.create(null, json("{'id':'" + "x".repeat(1023) + "','pk':'a'}")).status()).isEqualTo(201);
        assertThat(c.create(null, json("{'id':'ünï cödé ✓','pk':'a'}")).status()).isEqualTo(201);
    }

    @Test
    void itemSizeLimitIs2MB() {
        String big = "x".repeat(2 * 1024 * 1024);
        assertCosmosError(413, 0, () -> c.create(null, json("{'id':'big','pk':'a','s':'" + big + "'}")));
        // The limit applies to the item as stored, system properties included (about 200 bytes).
        String fits = "x".repeat(2 * 1024 * 1024 - 400);
        assertThat(c.create(null, json("{'id':'fits','pk':'a','s':'" + fits + "'}")).status()).isEqualTo(201);
        assertCosmosError(404, 0, () -> c.read(pk("a"), "big", null));
    }

    @Test
    void partitionKeyMustMatchTheBody() {
        assertCosmosError(400, 1001, () -> c.create(pk("b"), json("{'id':'1','pk':'a'}")));
        c.create(pk("a"), json("{'id':'1','pk':'a'}"));
        assertCosmosError(400, 1001, () -> c.replace(pk("a"), "1", json("{'id':'1','pk':'other'}"), null));
        assertCosmosError(400, 0, () -> c.replace(pk("a"), "1", json("{'id':'2','pk':'a'}"), null));
        assertCosmosError(404, 0, () -> c.read(pk("b"), "1", null));
    }

    @Test
    void duplicateIdIsAConflictOnlyWithinALogicalPartition() {
        c.create(null, json("{'id':'1','pk':'a'}"));
        assertCosmosError(409, 0, () -> c.create(null, json("{'id':'1','pk':'a'}")));
        assertThat(c.create(null, json("{'id':'1','pk':'b'}")).status()).isEqualTo(201);
    }

    @Test
    void unknownDatabaseOrContainerIs404() {
        assertCosmosError(404, 1003, () -> engine.container("nodb", "items"));
        assertCosmosError(404, 1003, () -> engine.container("db", "nocontainer"));
    }

    @Test
    void conditionalRequests() {
        String etag = c.create(null, json("{'id':'1','pk':'a'}")).etag();
        assertCosmosError(412, 0, () -> c.replace(pk("a"), "1", json("{'id':'1','pk':'a'}"), "\"stale\""));
        assertCosmosError(412, 0, () -> c.delete(pk("a"), "1", "\"stale\""));
        assertCosmosError(412, 0, () -> c.upsert(null, json("{'id':'1','pk':'a'}"), "\"stale\""));
        assertThat(c.read(pk("a"), "1", etag).status()).isEqualTo(304);
        assertThat(c.read(pk("a"), "1", "\"other\"").status()).isEqualTo(200);
        String etag2 = c.replace(pk("a"), "1", json("{'id':'1','pk':'a','v':2}"), etag).etag();
        assertCosmosError(412, 0, () -> c.replace(pk("a"), "1", json("{'id':'1','pk':'a'}"), etag));
        assertThat(c.delete(pk("a"), "1", etag2).status()).isEqualTo(204);
    }

    @Test
    void patchAppliesOperationsAndHonoursIfMatch() {
        String etag = c.create(null, json("{'id':'1','pk':'a','n':1,'tags':['x']}")).etag();
        PatchRequest patch = PatchRequest.parse(json(
                "{'operations':[{'op':'incr','path':'/n','value':5},{'op':'add','path':'/tags/-','value':'y'},"
                        + "{'op':'set','path':'/s','value':'new'},{'op':'remove','path':'/tags/0'}]}"));
        ObjectNode item = c.patch(pk("a"), "1", patch, etag).item();
        assertThat(item.get("n").asInt()).isEqualTo(6);
        assertThat(item.get("tags").toString()).isEqualTo("[\"y\"]");
        assertThat(item.get("s").asText()).isEqualTo("new");
        assertCosmosError(412, 0, () -> c.patch(pk("a"), "1", patch, etag));
        assertCosmosError(404, 0, () -> c.patch(pk("a"), "missing", patch, null));
        PatchRequest bad = PatchRequest.parse(json("{'operations':[{'op':'replace','path':'/absent','value':1}]}"));
        assertCosmosError(400, 0, () -> c.patch(pk("a"), "1", bad, null));
        assertThat(c.read(pk("a"), "1", null).item().get("n").asInt()).as("a failed patch changes nothing").isEqualTo(6);
        PatchRequest moveAndReplace = PatchRequest.parse(json("{'operations':[{'op':'move','from':'/s','path':'/t'},"
                + "{'op':'replace','path':'/n','value':100}]}"));
        ObjectNode moved = c.patch(pk("a"), "1", moveAndReplace, null).item();
        assertThat(moved.has("s")).isFalse();
        assertThat(moved.get("t").asText()).isEqualTo("new");
        assertThat(moved.get("n").asInt()).isEqualTo(100);
        PatchRequest movesKey = PatchRequest.parse(json("{'operations':[{'op':'set','path':'/pk','value':'b'}]}"));
        assertCosmosError(400, 1001, () -> c.patch(pk("a"), "1", movesKey, null));
    }

    @Test
    void conditionalPatchAppliesOnlyWhenTheConditionHolds() {
        c.create(null, json("{'id':'1','pk':'a','n':5}"));
        PatchRequest holds = PatchRequest.parse(json(
                "{'operations':[{'op':'incr','path':'/n','value':1}],'condition':'from c where c.n > 1'}"));
        assertThat(c.patch(pk("a"), "1", holds, null).status()).isEqualTo(200);
        assertThat(c.read(pk("a"), "1", null).item().get("n").asInt()).isEqualTo(6);
        PatchRequest fails = PatchRequest.parse(json(
                "{'operations':[{'op':'incr','path':'/n','value':1}],'condition':'FROM c WHERE c.n < 1'}"));
        assertCosmosError(412, 0, () -> c.patch(pk("a"), "1", fails, null));
        PatchRequest undefined = PatchRequest.parse(json(
                "{'operations':[{'op':'incr','path':'/n','value':1}],'condition':'from c where c.missing = 1'}"));
        assertCosmosError(412, 0, () -> c.patch(pk("a"), "1", undefined, null));
        PatchRequest malformed = PatchRequest.parse(json(
                "{'operations':[{'op':'incr','path':'/n','value':1}],'condition':'from c where'}"));
        assertCosmosError(400, 0, () -> c.patch(pk("a"), "1", malformed, null));
        assertThat(c.read(pk("a"), "1", null).item().get("n").asInt()).as("failed patches change nothing").isEqualTo(6);
    }

    @Test
    void uniqueKeysAreEnforcedPerLogicalPartition() {
        engine.createContainer("db", json("{'id':'u','partitionKey':{'paths':['/pk'],'kind':'Hash','version':2},"
                + "'uniqueKeyPolicy':{'uniqueKeys':[{'paths':['/email']}]}}"), 1, null);
        Container u = engine.container("db", "u");
        u.create(null, json("{'id':'1','pk':'a','email':'x@y'}"));
        assertCosmosError(409, 0, () -> u.create(null, json("{'id':'2','pk':'a','email':'x@y'}")));
        assertThat(u.create(null, json("{'id':'2','pk':'b','email':'x@y'}")).status()).isEqualTo(201);
        u.create(null, json("{'id':'3','pk':'a','email':'z@y'}"));
        assertCosmosError(409, 0, () -> u.replace(pk("a"), "3", json("{'id':'3','pk':'a','email':'x@y'}"), null));
        u.delete(pk("a"), "1", null);
        assertThat(u.replace(pk("a"), "3", json("{'id':'3','pk':'a','email':'x@y'}"), null).status()).isEqualTo(200);
        assertCosmosError(409, 0, () -> u.create(null, json("{'id':'4','pk':'a','email':'x@y'}")));
    }

    @Test
    void batchCommitsAllOperations() {
        c.create(null, json("{'id':'r','pk':'a','v':1}"));
        List<ItemResult> results = c.batch(pk("a"), List.of(
                new ItemOperation.Create(json("{'id':'1','pk':'a'}")),
                new ItemOperation.Upsert(json("{'id':'2','pk':'a'}"), null),
                new ItemOperation.Read("1", null, null),
                new ItemOperation.Replace("r", json("{'id':'r','pk':'a','v':2}"), null),
                new ItemOperation.Patch("2", PatchRequest.parse(json("{'operations':[{'op':'set','path':'/p','value':1}]}")), null),
                new ItemOperation.Delete("1", null)));
        assertThat(results).extracting(ItemResult::status).containsExactly(201, 201, 200, 200, 200, 204);
        assertThat(c.read(pk("a"), "r", null).item().get("v").asInt()).isEqualTo(2);
        assertThat(c.read(pk("a"), "2", null).item().get("p").asInt()).isEqualTo(1);
        assertCosmosError(404, 0, () -> c.read(pk("a"), "1", null));
    }

    @Test
    void failedBatchWritesNothingAndNamesTheFailure() {
        c.create(null, json("{'id':'exists','pk':'a'}"));
        List<ItemResult> results = c.batch(pk("a"), List.of(
                new ItemOperation.Create(json("{'id':'new','pk':'a'}")),
                new ItemOperation.Create(json("{'id':'exists','pk':'a'}")),
                new ItemOperation.Delete("exists", null)));
        assertThat(results).extracting(ItemResult::status).containsExactly(424, 409, 424);
        assertThat(results.get(1).message()).isNotBlank();
        assertCosmosError(404, 0, () -> c.read(pk("a"), "new", null));
        assertThat(c.read(pk("a"), "exists", null).status()).isEqualTo(200);
        List<ItemResult> wrongKey = c.batch(pk("a"), List.of(new ItemOperation.Create(json("{'id':'x','pk':'b'}"))));
        assertThat(wrongKey.get(0).status()).isEqualTo(400);
    }

    @Test
    void batchLimits() {
        List<ItemOperation> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(new ItemOperation.Create(json("{'id':'" + i + "','pk':'a'}")));
        }
        assertCosmosError(400, 0, () -> c.batch(pk("a"), tooMany));
        assertThat(c.batch(pk("a"), tooMany.subList(0, 100))).hasSize(100).allMatch(r -> r.status() == 201);
        assertCosmosError(400, 0, () -> c.batch(pk("a"), List.of()));
    }

    @Test
    void batchesAreIsolatedFromConcurrentWriters() throws Exception {
        // Each batch sets counters c1..c5 of one logical partition to the same value; concurrent
        // batches must serialize, so at the end all five agree and each read sees them agree.
        for (int i = 1; i <= 5; i++) {
            c.create(null, json("{'id':'c" + i + "','pk':'a','v':0}"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            final int writer = t;
            futures.add(pool.submit(() -> {
                for (int round = 0; round < 50; round++) {
                    int value = writer * 1000 + round;
                    List<ItemOperation> ops = new ArrayList<>();
                    for (int i = 1; i <= 5; i++) {
                        ops.add(new ItemOperation.Upsert(json("{'id':'c" + i + "','pk':'a','v':" + value + "}"), null));
                    }
                    assertThat(c.batch(pk("a"), ops)).allMatch(ItemResult::isSuccess);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Set<Integer> values = new HashSet<>();
        for (int i = 1; i <= 5; i++) {
            values.add(c.read(pk("a"), "c" + i, null).item().get("v").asInt());
        }
        assertThat(values).hasSize(1);
    }

    @Test
    void itemsLiveInThePhysicalPartitionTheirKeyHashesTo() {
        Container four = container("db", "four", "/pk", 4);
        assertThat(four.partitionKeyRanges()).hasSize(4);
        for (int i = 0; i < 200; i++) {
            four.create(null, json("{'id':'" + i + "','pk':'key" + i + "'}"));
        }
        int total = 0;
        for (PartitionKeyRange range : four.partitionKeyRanges()) {
            byte[] continuation = null;
            do {
                var page = four.readFeed(range.id(), continuation, 7);
                for (ObjectNode item : page.items()) {
                    PartitionKeyValue key = PartitionKeyValue.fromDocument(item, io.cosmolite.engine.partition
                            .PartitionKeyDefinition.fromJson(four.properties().get("partitionKey")));
                    String epk = EffectivePartitionKey.of(key, io.cosmolite.engine.partition.PartitionKeyDefinition
                            .fromJson(four.properties().get("partitionKey")));
                    assertThat(range.contains(epk)).isTrue();
                    total++;
                }
                continuation = page.continuation();
            } while (continuation != null);
        }
        assertThat(total).isEqualTo(200);
    }

    @Test
    void concurrentWritersToDifferentPartitionsAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            final int writer = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 250; i++) {
                    c.create(null, json("{'id':'" + i + "','pk':'w" + writer + "'}"));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(c.readFeed("0", null, 10_000).items()).hasSize(1000);
        assertThat(c.committedLsn("0")).isEqualTo(1000);
        assertThat(Json.toString(c.properties())).contains("\"id\":\"items\"");
    }

    @Test
    void hierarchicalPartitionKeys() {
        engine.createContainer("db", json("{'id':'h','partitionKey':{'paths':['/tenant','/user','/session'],"
                + "'kind':'MultiHash','version':2}}"), 4, null);
        Container h = engine.container("db", "h");
        PartitionKeyValue key = PartitionKeyValue.fromHeaderJson("[\"t1\",\"u1\",\"s1\"]");
        assertThat(h.create(null, json("{'id':'1','tenant':'t1','user':'u1','session':'s1'}")).status()).isEqualTo(201);
        assertThat(h.read(key, "1", null).item().get("tenant").asText()).isEqualTo("t1");
        assertCosmosError(400, 1001, () -> h.create(key, json("{'id':'2','tenant':'t1','user':'u2','session':'s1'}")));
        assertThat(h.batch(key, List.of(new ItemOperation.Create(json("{'id':'2','tenant':'t1','user':'u1','session':'s1'}")),
                new ItemOperation.Delete("1", null)))).extracting(ItemResult::status).containsExactly(201, 204);
        assertCosmosError(404, 0, () -> h.read(PartitionKeyValue.fromHeaderJson("[\"t1\",\"u1\",\"s2\"]"), "2", null));
    }

    @Test
    void aClosedEngineAnswers503() {
        c.create(null, json("{'id':'1','pk':'a'}"));
        engine.close();
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(
                io.cosmolite.engine.error.CosmosException.class, () -> c.read(pk("a"), "1", null));
        assertThat(e.status()).isEqualTo(503);
    }
}
