package io.cosmolite.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmolite.engine.Container;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.query.QueryRequest;
import io.cosmolite.engine.query.QueryScope;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SELECT, FROM, WHERE, ORDER BY, DISTINCT, TOP, OFFSET/LIMIT, scopes and computed properties. */
class ClauseTest extends QueryTestSupport {

    @Test
    void selectStarReturnsItemsWithSystemProperties() {
        load("{'id':'1','n':1}");
        var items = query("SELECT * FROM c");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("_rid")).isNotNull();
        assertThat(texts(items)).containsExactly("{\"id\":\"1\",\"n\":1,\"pk\":\"p\"}");
    }

    @Test
    void listProjectionNamesMembersByAliasPathOrPosition() {
        load("{'id':'1','a':{'b':2},'arr':[7]}");
        assertThat(results("SELECT c.id, c.a.b, c.a.b AS x, 1 + 1, c.arr[0], 'k', c FROM c").get(0))
                .startsWith("{'id':'1','b':2,'x':2,'$1':2,'$2':7,'$3':'k','c':{");
        assertThat(results("SELECT 'Adventure', 'Works'")).containsExactly("{'$1':'Adventure','$2':'Works'}");
        assertThat(results("SELECT c.missing FROM c")).containsExactly("{}");
    }

    @Test
    void orderByRankPutsTheBestScoreFirstAndFusesRrfComponents() {
        load("{'id':'1','text':'red fox','v':[1,0]}", "{'id':'2','text':'red red fox','v':[0,1]}",
                "{'id':'3','text':'blue whale','v':[1,0.1]}");
        assertThat(results("SELECT VALUE c.id FROM c ORDER BY RANK FullTextScore(c.text, 'red')").subList(0, 2))
                .containsExactly("'2'", "'1'");
        // Item 1 ranks first by vector and second by text; item 2 first by text, third by vector:
        // fused 1/61 + 1/62 beats 1/61 + 1/63.
        assertThat(results("SELECT VALUE c.id FROM c ORDER BY RANK RRF(FullTextScore(c.text, 'red'), "
                + "VectorDistance(c.v, [1,0]))").get(0)).isEqualTo("'1'");
    }

    @Test
    void selectValueDropsUndefinedResults() {
        load("{'id':'1','n':1}", "{'id':'2'}");
        assertThat(results("SELECT VALUE c.n FROM c")).containsExactly("1");
        assertThat(results("SELECT VALUE undefined")).isEmpty();
        assertThat(results("SELECT undefined")).containsExactly("{}");
    }

    @Test
    void fromBindsPathsAndIteratesArrays() {
        load("{'id':'1','e':{'team':'x'},'tags':['a','b']}", "{'id':'2','tags':'notAnArray'}");
        assertThat(results("SELECT * FROM c.e")).containsExactly("{'team':'x'}");
        assertThat(results("SELECT e.team FROM root.e e")).containsExactly("{'team':'x'}");
        assertThat(results("SELECT VALUE t FROM t IN c.tags")).containsExactly("'a'", "'b'");
        assertThat(results("SELECT VALUE t FROM products p JOIN t IN p.tags")).containsExactly("'a'", "'b'");
    }

    @Test
    void whereKeepsOnlyTrue() {
        load("{'id':'1','n':1}", "{'id':'2','n':'1'}", "{'id':'3'}", "{'id':'4','n':5,'flag':true}");
        assertThat(results("SELECT VALUE c.id FROM c WHERE c.n >= 1")).containsExactlyInAnyOrder("'1'", "'4'");
        assertThat(results("SELECT VALUE c.id FROM c WHERE c.flag")).containsExactly("'4'");
        assertThat(results("SELECT VALUE c.id FROM c WHERE c.n")).isEmpty();
        assertThat(results("SELECT VALUE c.id FROM c WHERE NOT (c.n = 1)")).as("undefined stays undefined").containsExactly("'4'");
    }

    @Test
    void orderBySortsByTypeThenValueOnSeveralKeys() {
        // An explicitly included path indexes undefined (so ORDER BY returns items without it);
        // several keys need a composite index, as in Cosmos DB.
        c = createContainer("sorted", ",'indexingPolicy':{'includedPaths':[{'path':'/*'},{'path':'/a/?'}],"
                + "'compositeIndexes':[[{'path':'/a','order':'descending'},{'path':'/b','order':'ascending'}]]}");
        load("{'id':'1','a':2,'b':'x'}", "{'id':'2','a':1,'b':'y'}", "{'id':'3','a':2,'b':'a'}", "{'id':'4'}",
                "{'id':'5','a':null}", "{'id':'6','a':'s'}", "{'id':'7','a':true}");
        assertThat(results("SELECT VALUE c.id FROM c ORDER BY c.a")).containsExactly(
                "'4'", "'5'", "'7'", "'2'", "'1'", "'3'", "'6'");
        assertThat(results("SELECT VALUE c.id FROM c ORDER BY c.a DESC, c.b ASC")).containsExactly(
                "'6'", "'3'", "'1'", "'2'", "'7'", "'5'", "'4'");
    }

    @Test
    void distinctTopOffsetLimit() {
        load("{'id':'1','v':1}", "{'id':'2','v':1}", "{'id':'3','v':{'a':1,'b':2}}", "{'id':'4','v':{'b':2,'a':1}}");
        assertThat(results("SELECT DISTINCT VALUE c.v FROM c")).containsExactlyInAnyOrder("1", "{'a':1,'b':2}");
        assertThat(results("SELECT DISTINCT c.v FROM c")).hasSize(2);
        assertThat(results("SELECT TOP 2 VALUE c.id FROM c ORDER BY c.id")).containsExactly("'1'", "'2'");
        assertThat(results("SELECT VALUE c.id FROM c ORDER BY c.id OFFSET 1 LIMIT 2")).containsExactly("'2'", "'3'");
        assertThat(results("SELECT VALUE c.id FROM c ORDER BY c.id OFFSET 3 LIMIT 5")).containsExactly("'4'");
        assertThat(results("SELECT VALUE c.id FROM c OFFSET 10 LIMIT 5")).isEmpty();
        assertThat(results("SELECT TOP 0 VALUE c.id FROM c")).isEmpty();
        assertThat(results("SELECT TOP @n VALUE c.id FROM c ORDER BY c.id", "@n", "1")).containsExactly("'1'");
    }

    @Test
    void scopesReadOnePhysicalOrLogicalPartition() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            load("{'id':'" + i + "','pk':'k" + (i % 8) + "'}");
            ids.add("'" + i + "'");
        }
        Set<String> perRange = new HashSet<>();
        int nonEmpty = 0;
        for (var range : c.partitionKeyRanges()) {
            List<String> part = texts(queryAll(QueryRequest.of("SELECT VALUE c.id FROM c"), QueryScope.range(range.id())))
                    .stream().map(s -> s.replace('"', '\'')).toList();
            nonEmpty += part.isEmpty() ? 0 : 1;
            assertThat(perRange).doesNotContainAnyElementsOf(part);
            perRange.addAll(part);
        }
        assertThat(perRange).isEqualTo(ids);
        assertThat(nonEmpty).as("the items spread over several ranges").isGreaterThan(1);
        PartitionKeyValue k3 = PartitionKeyValue.fromHeaderJson("[\"k3\"]");
        assertThat(texts(queryAll(QueryRequest.of("SELECT VALUE c.id FROM c"), QueryScope.partition(k3))))
                .containsExactlyInAnyOrder("\"3\"", "\"11\"", "\"19\"", "\"27\"", "\"35\"");
    }

    @Test
    void computedPropertiesAreQueryableButNotInSelectStar() {
        Container cp = createContainer("cp", ",'computedProperties':[{'name':'cp_lower','query':"
                + "'SELECT VALUE LOWER(c.name) FROM c'},{'name':'name2','query':'SELECT VALUE c.n * 2 FROM c'}]");
        c = cp;
        load("{'id':'1','name':'ABC','n':2}", "{'id':'2','name':'Xyz','n':5}");
        assertThat(results("SELECT c.cp_lower, c.name2 FROM c WHERE c.cp_lower = 'abc'"))
                .containsExactly("{'cp_lower':'abc','name2':4}");
        assertThat(results("SELECT * FROM c WHERE c.name2 > 5")).containsExactly("{'id':'2','name':'Xyz','n':5,'pk':'p'}");
        assertThat(results("SELECT VALUE COUNT(1) FROM c GROUP BY c.cp_lower")).containsExactly("1", "1");
    }

    @Test
    void queriesWithoutFromProduceOneRow() {
        assertThat(results("SELECT VALUE 1 + 2")).containsExactly("3");
        assertThat(results("SELECT VALUE {a: 1, b: undefined}")).containsExactly("{'a':1}");
        assertThat(results("SELECT VALUE COUNT(1)")).containsExactly("1");
    }
}
