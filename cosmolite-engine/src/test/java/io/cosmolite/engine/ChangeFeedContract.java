package io.cosmolite.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.changefeed.ChangeFeedPage;
import io.cosmolite.engine.changefeed.ChangeFeedRequest;
import io.cosmolite.engine.changefeed.ChangeFeedRequest.Mode;
import io.cosmolite.engine.changefeed.ChangeFeedRequest.Start;
import io.cosmolite.engine.document.ItemOperation;
import io.cosmolite.engine.resource.ResourceType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Change feed in both modes, every start, continuations, page sizes; TTL expiry and purge. */
abstract class ChangeFeedContract extends EngineTestSupport {
    Container c;

    @BeforeEach
    void createContainer() {
        database("db");
        engine.createContainer("db", json("{'id':'feed','partitionKey':{'paths':['/pk'],'kind':'Hash','version':2},"
                + "'changeFeedPolicy':{'retentionDuration':10}}"), 1, null);
        c = engine.container("db", "feed");
    }

    private List<ObjectNode> readAll(Mode mode, Start start, int pageSize) {
        List<ObjectNode> out = new ArrayList<>();
        Start next = start;
        while (true) {
            ChangeFeedPage page = c.changeFeed("0", ChangeFeedRequest.of(mode, next, pageSize));
            if (page.isEmpty()) {
                return out;
            }
            assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
            out.addAll(page.items());
            next = new Start.AfterLsn(page.continuation());
        }
    }

    private static List<String> ids(List<ObjectNode> items) {
        return items.stream().map(i -> i.get("id").asText()).toList();
    }

    @Test
    void latestVersionShowsEachLiveItemOnceAtItsLastChange() {
        c.create(null, json("{'id':'a','pk':'p','v':1}"));
        c.create(null, json("{'id':'b','pk':'p','v':1}"));
        c.create(null, json("{'id':'gone','pk':'p'}"));
        c.replace(pk("p"), "a", json("{'id':'a','pk':'p','v':2}"), null);
        c.delete(pk("p"), "gone", null);
        for (int pageSize = 1; pageSize <= 4; pageSize++) {
            List<ObjectNode> items = readAll(Mode.LATEST_VERSION, new Start.Beginning(), pageSize);
            assertThat(ids(items)).as("page size %d", pageSize).containsExactly("b", "a");
            assertThat(items.get(1).get("v").asInt()).isEqualTo(2);
            assertThat(items.get(1).get("_lsn").asLong()).isEqualTo(4);
        }
    }

    @Test
    void continuationResumesExactlyAndNowSkipsThePast() {
        c.create(null, json("{'id':'1','pk':'p'}"));
        ChangeFeedPage first = c.changeFeed("0", ChangeFeedRequest.of(Mode.LATEST_VERSION, new Start.Beginning(), 10));
        assertThat(ids(first.items())).containsExactly("1");
        ChangeFeedPage now = c.changeFeed("0", ChangeFeedRequest.of(Mode.LATEST_VERSION, new Start.Now(), 10));
        assertThat(now.isEmpty()).isTrue();
        c.create(null, json("{'id':'2','pk':'p'}"));
        c.create(null, json("{'id':'3','pk':'q'}"));
        assertThat(ids(readAll(Mode.LATEST_VERSION, new Start.AfterLsn(first.continuation()), 1))).containsExactly("2", "3");
        assertThat(ids(readAll(Mode.LATEST_VERSION, new Start.AfterLsn(now.continuation()), 5))).containsExactly("2", "3");
        reopen();
        c = engine.container("db", "feed");
        assertThat(ids(readAll(Mode.LATEST_VERSION, new Start.AfterLsn(first.continuation()), 2)))
                .as("continuations survive a restart").containsExactly("2", "3");
    }

    @Test
    void pointInTimeStartsAtTheFirstChangeAtOrAfterIt() {
        c.create(null, json("{'id':'old','pk':'p'}"));
        clock.advance(Duration.ofSeconds(10));
        long t = clock.millis() / 1000;
        c.create(null, json("{'id':'new','pk':'p'}"));
        assertThat(ids(readAll(Mode.LATEST_VERSION, new Start.PointInTime(t), 10))).containsExactly("new");
        assertThat(ids(readAll(Mode.LATEST_VERSION, new Start.PointInTime(t - 100), 10))).containsExactly("old", "new");
    }

    @Test
    void allVersionsAndDeletesShowsEveryChangeWithMetadata() {
        c.create(null, json("{'id':'a','pk':'p','v':1}"));
        c.replace(pk("p"), "a", json("{'id':'a','pk':'p','v':2}"), null);
        c.delete(pk("p"), "a", null);
        List<ObjectNode> changes = readAll(Mode.ALL_VERSIONS_AND_DELETES, new Start.Beginning(), 2);
        assertThat(changes).hasSize(3);
        assertThat(changes).extracting(ch -> ch.get("metadata").get("operationType").asText())
                .containsExactly("create", "replace", "delete");
        assertThat(changes).extracting(ch -> ch.get("metadata").get("lsn").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(changes.get(0).get("current").get("v").asInt()).isEqualTo(1);
        assertThat(changes.get(1).get("current").get("v").asInt()).isEqualTo(2);
        assertThat(changes.get(1).get("previous").get("v").asInt()).isEqualTo(1);
        assertThat(changes.get(1).get("metadata").get("previousImageLSN").asLong()).isEqualTo(1);
        assertThat(changes.get(2).get("previous").get("v").asInt()).isEqualTo(2);
        assertThat(changes.get(2).get("metadata").get("id").asText()).isEqualTo("a");
        assertThat(changes.get(2).get("metadata").get("timeToLiveExpired").asBoolean()).isFalse();
        assertThat(changes.get(0).get("metadata").get("crts").asLong()).isEqualTo(clock.millis() / 1000);
    }

    @Test
    void allVersionsModeNeedsAChangeFeedPolicyButLatestVersionDoesNot() {
        Container plain = container("db", "plain", "/pk", 1);
        plain.create(null, json("{'id':'a','pk':'p','v':1}"));
        plain.replace(pk("p"), "a", json("{'id':'a','pk':'p','v':2}"), null);
        assertCosmosError(400, 0, () -> plain.changeFeed("0",
                ChangeFeedRequest.of(Mode.ALL_VERSIONS_AND_DELETES, new Start.Beginning(), 10)));
        List<ObjectNode> latest = plain.changeFeed("0",
                ChangeFeedRequest.of(Mode.LATEST_VERSION, new Start.Beginning(), 10)).items();
        assertThat(latest).hasSize(1);
        assertThat(latest.get(0).get("v").asInt()).isEqualTo(2);
    }

    @Test
    void batchesAppearInTheFeedAndFailedOnesDoNot() {
        c.batch(pk("p"), List.of(new ItemOperation.Create(json("{'id':'1','pk':'p'}")),
                new ItemOperation.Create(json("{'id':'1','pk':'p'}"))));
        c.batch(pk("p"), List.of(new ItemOperation.Create(json("{'id':'2','pk':'p'}")),
                new ItemOperation.Create(json("{'id':'3','pk':'p'}"))));
        assertThat(ids(readAll(Mode.LATEST_VERSION, new Start.Beginning(), 10))).containsExactly("2", "3");
        assertThat(readAll(Mode.ALL_VERSIONS_AND_DELETES, new Start.Beginning(), 10)).hasSize(2);
    }

    @Test
    void feedRangesAreFilteredByEffectivePartitionKeyAndTileThePartitions() {
        Container four = container("db", "four", "/pk", 4);
        for (int i = 0; i < 40; i++) {
            four.create(null, json("{'id':'" + i + "','pk':'k" + i + "'}"));
        }
        int total = 0;
        for (var range : four.partitionKeyRanges()) {
            ChangeFeedPage page = four.changeFeed(range.id(),
                    ChangeFeedRequest.of(Mode.LATEST_VERSION, new Start.Beginning(), 100));
            total += page.items().size();
            ChangeFeedPage sub = four.changeFeed(range.id(), new ChangeFeedRequest(Mode.LATEST_VERSION,
                    new Start.Beginning(), 100, range.minInclusive(), range.maxExclusive()));
            assertThat(sub.items()).hasSameSizeAs(page.items());
        }
        assertThat(total).isEqualTo(40);
    }

    @Test
    void expiredItemsAreInvisibleAtOnceAndPurgedIntoTheFeed() {
        engine.createContainer("db", json(
                "{'id':'ttl','partitionKey':{'paths':['/pk'],'kind':'Hash','version':2},'defaultTtl':10,"
                + "'changeFeedPolicy':{'retentionDuration':10}}"), 1, null);
        Container t = engine.container("db", "ttl");
        t.create(null, json("{'id':'default','pk':'p'}"));
        t.create(null, json("{'id':'short','pk':'p','ttl':2}"));
        t.create(null, json("{'id':'forever','pk':'p','ttl':-1}"));
        assertCosmosError(400, 0, () -> t.create(null, json("{'id':'bad','pk':'p','ttl':0}")));
        clock.advance(Duration.ofSeconds(2));
        assertCosmosError(404, 0, () -> t.read(pk("p"), "short", null));
        assertThat(t.read(pk("p"), "default", null).status()).isEqualTo(200);
        assertThat(t.create(null, json("{'id':'short','pk':'p','ttl':5}")).status())
                .as("an expired id can be created again").isEqualTo(201);
        clock.advance(Duration.ofSeconds(8));
        assertCosmosError(404, 0, () -> t.read(pk("p"), "default", null));
        assertThat(t.readFeed("0", null, 100).items()).extracting(i -> i.get("id").asText())
                .containsExactlyInAnyOrder("forever");
        assertThat(engine.purgeExpired()).isEqualTo(2);
        assertThat(engine.purgeExpired()).isZero();
        List<ObjectNode> changes = new ArrayList<>();
        ChangeFeedPage page = t.changeFeed("0", ChangeFeedRequest.of(Mode.ALL_VERSIONS_AND_DELETES, new Start.Beginning(), 100));
        changes.addAll(page.items());
        List<ObjectNode> ttlDeletes = changes.stream()
                .filter(ch -> ch.get("metadata").get("operationType").asText().equals("delete")).toList();
        assertThat(ttlDeletes).hasSize(2).allMatch(ch -> ch.get("metadata").get("timeToLiveExpired").asBoolean());
    }

    @Test
    void itemTtlIsIgnoredWhileContainerTtlIsOff() {
        c.create(null, json("{'id':'x','pk':'p','ttl':1}"));
        clock.advance(Duration.ofSeconds(5));
        assertThat(c.read(pk("p"), "x", null).status()).isEqualTo(200);
        ObjectNode props = engine.read(ResourceType.CONTAINER, List.of("db"), "feed").resource();
        props.put("defaultTtl", -1);
        engine.replace(ResourceType.CONTAINER, List.of("db"), "feed", props, null);
        Container after = engine.container("db", "feed");
        assertCosmosError(404, 0, () -> after.read(pk("p"), "x", null));
    }

    @Test
    void theBackgroundPurgeDeletesExpiredItemsByItself() throws InterruptedException {
        engine.close();
        engine = CosmosEngine.open(options().withTtlPurgeInterval(Duration.ofMillis(20)));
        database("db2");
        engine.createContainer("db2", json(
                "{'id':'ttl','partitionKey':{'paths':['/pk'],'kind':'Hash','version':2},'defaultTtl':1,"
                + "'changeFeedPolicy':{'retentionDuration':10}}"), 2, null);
        Container t = engine.container("db2", "ttl");
        for (int i = 0; i < 5; i++) {
            t.create(null, json("{'id':'" + i + "','pk':'p" + i + "'}"));
        }
        clock.advance(Duration.ofSeconds(2));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int deletes = 0;
        while (deletes < 5 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            deletes = 0;
            for (var range : t.partitionKeyRanges()) {
                deletes += (int) t.changeFeed(range.id(),
                        ChangeFeedRequest.of(Mode.ALL_VERSIONS_AND_DELETES, new Start.Beginning(), 100)).items().stream()
                        .filter(ch -> ch.get("metadata").get("timeToLiveExpired").asBoolean()).count();
            }
        }
        assertThat(deletes).isEqualTo(5);
    }

    @Test
    void allVersionsRecordsLeaveAfterTheRetentionWindowUnlessStillNeeded() {
        c.create(null, json("{'id':'a','pk':'p','v':1}"));
        c.replace(pk("p"), "a", json("{'id':'a','pk':'p','v':2}"), null);
        c.create(null, json("{'id':'b','pk':'p'}"));
        c.delete(pk("p"), "b", null);
        clock.advance(Duration.ofMinutes(11));
        c.create(null, json("{'id':'c','pk':'p'}"));
        engine.purgeExpired();
        List<ObjectNode> all = readAll(Mode.ALL_VERSIONS_AND_DELETES, new Start.Beginning(), 10);
        assertThat(all).extracting(ch -> ch.get("current").path("id").asText() + "/"
                        + ch.get("metadata").get("operationType").asText())
                .as("a's current version and the change inside the window stay").containsExactly("a/replace", "c/create");
        assertThat(all.get(0).has("previous")).as("the trimmed previous image is gone").isFalse();
        assertThat(ids(readAll(Mode.LATEST_VERSION, new Start.Beginning(), 10))).containsExactly("a", "c");
        reopen();
        c = engine.container("db", "feed");
        assertThat(c.create(null, json("{'id':'d','pk':'p'}")).lsn()).as("LSNs resume after the newest record").isEqualTo(6);
    }

    @Test
    void withoutAllVersionsTheLogKeepsOneRecordPerItem() {
        io.cosmolite.engine.storage.KeyValueStore store = new io.cosmolite.engine.storage.InMemoryStore();
        try (CosmosEngine own = CosmosEngine.open(store, options())) {
            own.create(io.cosmolite.engine.resource.ResourceType.DATABASE, List.of(), json("{'id':'d'}"));
            own.createContainer("d", json("{'id':'lv','partitionKey':{'paths':['/pk'],'kind':'Hash','version':2}}"), 1, null);
            Container lv = own.container("d", "lv");
            lv.create(null, json("{'id':'a','pk':'p','v':0}"));
            lv.create(null, json("{'id':'gone','pk':'p'}"));
            for (int v = 1; v <= 50; v++) {
                lv.replace(pk("p"), "a", json("{'id':'a','pk':'p','v':" + v + "}"), null);
            }
            lv.delete(pk("p"), "gone", null);
            assertThat(changeLogRecords(store)).as("one record for 'a', one delete record for 'gone'").isEqualTo(2);
            List<ObjectNode> latest = lv.changeFeed("0", ChangeFeedRequest.of(Mode.LATEST_VERSION, new Start.Beginning(), 10)).items();
            assertThat(ids(latest)).containsExactly("a");
            assertThat(latest.get(0).get("v").asInt()).isEqualTo(50);
            assertThat(lv.create(null, json("{'id':'b','pk':'p'}")).lsn()).as("LSNs never go back").isEqualTo(54);
        }
    }

    private static int changeLogRecords(io.cosmolite.engine.storage.KeyValueStore store) {
        int n = 0;
        byte[] prefix = {io.cosmolite.engine.layout.StorageKeys.CHANGE_LOG};
        try (var c = store.scan(prefix, io.cosmolite.engine.layout.StorageKeys.prefixEnd(prefix))) {
            while (c.next()) {
                n++;
            }
        }
        return n;
    }
}
