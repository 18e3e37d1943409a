package io.cosmolite.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.document.ItemOperation;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.patch.PatchRequest;
import io.cosmolite.engine.resource.ResourceType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Index entries as real container writes leave them, read back from the store. */
abstract class IndexMaintenanceContract extends IndexFixture {
    private static final String TS = "1767225600";

    @Test
    void aCreateIndexesEveryScalarLeafAndTheSystemPropertiesCosmosIndexes() {
        Container c = container("c", null, 1);
        c.create(null, json("{'id':'1','pk':'a','n':1,'tags':['x','y','x'],'o':{'s':'t','nil':null,'b':true},'e':[],'eo':{}}"));
        assertThat(userEntries(c, "1")).containsExactly(
                "/_ts=" + TS, "/e=[]", "/eo={}", "/id=\"1\"", "/n=1", "/o/b=true", "/o/nil=null", "/o/s=\"t\"",
                "/o={}", "/pk=\"a\"", "/tags/[]=\"x\"", "/tags/[]=\"y\"", "/tags=[]");
        assertThat(entriesOf(c, "1")).anyMatch(e -> e.startsWith("/_rid="))
                .noneMatch(e -> e.startsWith("/_etag") || e.startsWith("/_lsn") || e.startsWith("/_self"));
    }

    @Test
    void replacePatchAndDeleteKeepTheEntriesInStepWithTheItem() {
        Container c = container("c", null, 2);
        c.create(null, json("{'id':'1','pk':'a','n':1,'s':'keep'}"));
        c.replace(pk("a"), "1", json("{'id':'1','pk':'a','n':2,'s':'keep','t':[3]}"), null);
        assertThat(userEntries(c, "1")).contains("/n=2", "/s=\"keep\"", "/tags/[]=3".replace("tags", "t"))
                .doesNotContain("/n=1");
        c.patch(pk("a"), "1", PatchRequest.parse(Json.parse(
                "{\"operations\":[{\"op\":\"set\",\"path\":\"/n\",\"value\":5},{\"op\":\"remove\",\"path\":\"/t\"}]}")), null);
        assertThat(userEntries(c, "1")).contains("/n=5").doesNotContain("/n=2", "/t/[]=3");
        c.upsert(null, json("{'id':'1','pk':'a','n':6}"), null);
        assertThat(userEntries(c, "1")).contains("/n=6").doesNotContain("/s=\"keep\"");
        c.delete(pk("a"), "1", null);
        assertThat(entries(c)).isEmpty();
    }

    @Test
    void aBatchWritesTheNetChangeOfEachItem() {
        Container c = container("c", null, 1);
        c.create(null, json("{'id':'old','pk':'a','n':0}"));
        c.batch(pk("a"), List.of(
                new ItemOperation.Create(json("{'id':'1','pk':'a','n':1}")),
                new ItemOperation.Replace("1", json("{'id':'1','pk':'a','n':2}"), null),
                new ItemOperation.Create(json("{'id':'2','pk':'a','n':3}")),
                new ItemOperation.Delete("2", null),
                new ItemOperation.Replace("old", json("{'id':'old','pk':'a','m':1}"), null)));
        assertThat(userEntries(c, "1")).contains("/n=2").doesNotContain("/n=1");
        assertThat(entriesOf(c, "2")).isEmpty();
        assertThat(userEntries(c, "old")).contains("/m=1").doesNotContain("/n=0");
    }

    @Test
    void aFailedBatchWritesNoEntry() {
        Container c = container("c", null, 1);
        c.batch(pk("a"), List.of(
                new ItemOperation.Create(json("{'id':'1','pk':'a','n':1}")),
                new ItemOperation.Delete("missing", null)));
        assertThat(entries(c)).isEmpty();
    }

    @Test
    void theTtlPurgeRemovesTheEntriesOfExpiredItems() {
        Container c = container("c", null, 1, 10);
        c.create(null, json("{'id':'1','pk':'a','n':1}"));
        c.create(null, json("{'id':'2','pk':'a','n':2,'ttl':-1}"));
        clock.advance(Duration.ofSeconds(11));
        assertThat(engine.purgeExpired()).isEqualTo(1);
        assertThat(entriesOf(c, "1")).isEmpty();
        assertThat(userEntries(c, "2")).contains("/n=2");
    }

    @Test
    void aCreateOverAnExpiredItemTakesOverItsEntries() {
        Container c = container("c", null, 1, 10);
        c.create(null, json("{'id':'1','pk':'a','n':1}"));
        clock.advance(Duration.ofSeconds(11));
        c.create(null, json("{'id':'1','pk':'a','n':2}"));
        assertThat(entriesOf(c, "1")).as("the new item has a new rid: no entry of the old one stays")
                .doesNotHaveDuplicates().hasSize(5).contains("/n=2").doesNotContain("/n=1");
    }

    @Test
    void excludedPathsAndModeNoneAreHonoured() {
        Container c = container("c", "{'includedPaths':[{'path':'/*'}],'excludedPaths':[{'path':'/secret/*'},"
                + "{'path':'/o/x/?'}]}", 1);
        c.create(null, json("{'id':'1','pk':'a','secret':{'a':1},'o':{'x':1,'y':2}}"));
        assertThat(userEntries(c, "1")).containsExactly("/_ts=" + TS, "/id=\"1\"", "/o/y=2", "/o={}", "/pk=\"a\"");

        Container none = container("none", "{'indexingMode':'none','automatic':false}", 1);
        none.create(null, json("{'id':'1','pk':'a','n':1}"));
        assertThat(entries(none)).isEmpty();
    }

    @Test
    void explicitlyIncludedPathsIndexUndefinedAndIdAndTsAreAlwaysIndexed() {
        Container c = container("c", "{'includedPaths':[{'path':'/x/?'},{'path':'/tags/[]/?'}],"
                + "'excludedPaths':[{'path':'/*'}]}", 1);
        c.create(null, json("{'id':'1','pk':'a','x':'v','tags':['t'],'other':1}"));
        c.create(null, json("{'id':'2','pk':'a'}"));
        assertThat(userEntries(c, "1")).containsExactly("/_ts=" + TS, "/id=\"1\"", "/tags/[]=\"t\"", "/x=\"v\"");
        assertThat(userEntries(c, "2")).containsExactly("/_ts=" + TS, "/id=\"2\"", "/x=undefined");
    }

    @Test
    void compositeIndexesHoldOneTuplePerDocumentWithUndefinedForMissingPaths() {
        Container c = container("c", "{'compositeIndexes':[[{'path':'/a','order':'ascending'},"
                + "{'path':'/b','order':'descending'}]]}", 1);
        c.create(null, json("{'id':'1','pk':'a','a':'x','b':2}"));
        c.create(null, json("{'id':'2','pk':'a','a':{'o':1}}"));
        assertThat(entriesOf(c, "1")).contains("(/a ASC,/b DESC)=[\"x\",2]");
        assertThat(entriesOf(c, "2")).contains("(/a ASC,/b DESC)=[undefined,undefined]");
        c.replace(pk("a"), "1", json("{'id':'1','pk':'a','a':'x','b':3}"), null);
        assertThat(entriesOf(c, "1")).contains("(/a ASC,/b DESC)=[\"x\",3]").doesNotContain("(/a ASC,/b DESC)=[\"x\",2]");
    }

    @Test
    void deletingTheContainerDropsItsIndex() {
        Container c = container("c", null, 2);
        for (int i = 0; i < 20; i++) {
            c.create(null, json("{'id':'" + i + "','pk':'p" + i + "','n':" + i + "}"));
        }
        assertThat(entries(c)).isNotEmpty();
        assertThat(hasIndexState(c)).isTrue();
        engine.delete(ResourceType.CONTAINER, List.of("db"), "c", null);
        assertThat(entries(c)).isEmpty();
        assertThat(hasIndexState(c)).isFalse();
    }

    @Test
    void aPolicyChangeRebuildsTheIndexOnline() {
        Container c = container("c", null, 3);
        for (int i = 0; i < 1500; i++) {
            c.create(null, json("{'id':'" + i + "','pk':'p" + (i % 50) + "','n':" + i + ",'s':'x" + i + "'}"));
        }
        assertThat(c.indexTransformationProgress()).isEqualTo(100);
        ObjectNode body = c.properties();
        body.set("indexingPolicy", json("{'includedPaths':[{'path':'/*'}],'excludedPaths':[{'path':'/s/?'}]}"));
        engine.replace(ResourceType.CONTAINER, List.of("db"), "c", body, null);
        Container replaced = engine.container("db", "c");
        assertThat(replaced.indexTransformationProgress()).isZero();
        assertThat(entries(replaced)).isEmpty();

        // writes during the build maintain the new definition
        replaced.replace(pk("p7"), "7", json("{'id':'7','pk':'p7','n':-7,'s':'y'}"), null);
        replaced.create(null, json("{'id':'new','pk':'p1','n':9999,'s':'z'}"));
        assertThat(engine.buildIndexes()).isEqualTo(1);
        assertThat(replaced.indexTransformationProgress()).isEqualTo(100);
        assertThat(c.indexTransformationProgress()).as("old handles share the index").isEqualTo(100);
        List<String> all = entries(replaced);
        assertThat(all).noneMatch(e -> e.startsWith("/s="));
        assertThat(all.stream().filter(e -> e.startsWith("/n="))).hasSize(1501);
        assertThat(userEntries(replaced, "7")).contains("/n=-7").doesNotContain("/n=7");
    }

    /** The entries of one document but {@code _rid}, sorted. */
    List<String> userEntries(Container c, String id) {
        return entriesOf(c, id).stream().filter(e -> !e.startsWith("/_rid=")).toList();
    }
}
