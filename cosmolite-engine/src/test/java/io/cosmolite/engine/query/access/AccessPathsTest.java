package io.cosmolite.engine.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.index.IndexDefinition;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.parser.QueryParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessPathsTest {
    private static final IndexDefinition DEFAULT = policy("{'includedPaths':[{'path':'/*'}],'excludedPaths':[{'path':'/\\\"_etag\\\"/?'}]}");

    @Test
    void eachSargableFormUsesTheIndexOfItsPath() {
        assertIndex("SELECT * FROM c WHERE c.a.b = 1", "/a/b");
        assertIndex("SELECT * FROM c WHERE 1 = c.a", "/a");
        assertIndex("SELECT * FROM root r WHERE r['a-b'] = 'x'", "/a-b");
        assertIndex("SELECT * FROM c WHERE c.a IN (1, 2, 'x')", "/a");
        assertIndex("SELECT * FROM c WHERE c.a > 1", "/a");
        assertIndex("SELECT * FROM c WHERE 5 >= c.a", "/a");
        assertIndex("SELECT * FROM c WHERE c.a BETWEEN 1 AND 5", "/a");
        assertIndex("SELECT * FROM c WHERE STARTSWITH(c.s, 'ab')", "/s");
        assertIndex("SELECT * FROM c WHERE STARTSWITH(c.s, 'ab', false)", "/s");
        assertIndex("SELECT * FROM c WHERE IS_DEFINED(c.s)", "/s");
        assertIndex("SELECT * FROM c WHERE ARRAY_CONTAINS(c.tags, 'x')", "/tags/[]");
        assertIndex("SELECT VALUE t FROM c JOIN t IN c.tags WHERE t = 'x'", "/tags/[]");
        assertIndex("SELECT * FROM c JOIN ch IN c.children WHERE ch.age > 3", "/children/[]/age");
        assertIndex("SELECT * FROM c WHERE c.a = @v", "/a", Map.of("@v", Json.parse("3")));
    }

    @Test
    void theMostSelectiveConjunctWins() {
        assertIndex("SELECT * FROM c WHERE c.r > 1 AND c.e = 2 AND IS_DEFINED(c.d)", "/e");
        assertIndex("SELECT * FROM c WHERE c.r > 1 AND STARTSWITH(c.p, 'x')", "/p");
    }

    @Test
    void whatNoIndexAnswersIsAFullScan() {
        assertScan("SELECT * FROM c");
        assertScan("SELECT * FROM c WHERE c.a = 1 OR c.b = 2");
        assertScan("SELECT * FROM c WHERE NOT (c.a = 1)");
        assertScan("SELECT * FROM c WHERE STARTSWITH(c.s, 'ab', true)");
        assertScan("SELECT * FROM c WHERE c.a != 1");
        assertScan("SELECT * FROM c WHERE c.a = c.b");
        assertScan("SELECT * FROM c WHERE UPPER(c.a) = 'X'");
        assertScan("SELECT * FROM c WHERE c.a BETWEEN 1 AND 'z'");
        assertScan("SELECT * FROM c WHERE c.a = {'x': 1}".replace('\'', '"'));
        assertScan("SELECT * FROM c IN c.tags WHERE c = 'x'");
        AccessPlan none = plan("SELECT * FROM c WHERE c.a = 1", policy("{'indexingMode':'none'}"), Map.of());
        assertThat(none.usesIndex()).isFalse();
        AccessPlan excluded = plan("SELECT * FROM c WHERE c.a = 1",
                policy("{'includedPaths':[{'path':'/*'}],'excludedPaths':[{'path':'/a/?'}]}"), Map.of());
        assertThat(excluded.usesIndex()).isFalse();
        assertThat(excluded.utilization().potentialSingle()).extracting(IndexUtilization.SingleIndex::indexSpec)
                .containsExactly("/a/?");
    }

    @Test
    void anOrderByOnOneIndexedPathIsServedInIndexOrder() {
        AccessPlan p = plan("SELECT * FROM c ORDER BY c.x DESC", DEFAULT, Map.of());
        assertThat(p.ordered()).isTrue();
        assertThat(p.lookup().index()).isEqualTo("/x");
        assertThat(p.lookup().descending()).isTrue();
        assertThat(p.requiredPath()).as("the default policy leaves out items where x is undefined").containsExactly("x");

        AccessPlan explicit = plan("SELECT * FROM c ORDER BY c.x",
                policy("{'includedPaths':[{'path':'/*'},{'path':'/x/?'}]}"), Map.of());
        assertThat(explicit.ordered()).isTrue();
        assertThat(explicit.requiredPath()).as("an explicitly included path indexes undefined").isNull();

        AccessPlan filtered = plan("SELECT * FROM c WHERE c.x > 5 ORDER BY c.x", DEFAULT, Map.of());
        assertThat(filtered.ordered()).isTrue();
        assertThat(filtered.lookup().intervals()).hasSize(1);

        AccessPlan selective = plan("SELECT * FROM c WHERE c.k = 5 ORDER BY c.x", DEFAULT, Map.of());
        assertThat(selective.ordered()).isFalse();
        assertThat(selective.lookup().index()).isEqualTo("/k");
        assertThat(selective.requiredPath()).containsExactly("x");
    }

    @Test
    void anOrderByOnAnExcludedPathIsRefused() {
        CosmosException e = refused("SELECT * FROM c ORDER BY c.x",
                policy("{'includedPaths':[{'path':'/*'}],'excludedPaths':[{'path':'/x/?'}]}"));
        assertThat(e.getMessage()).contains("The index path corresponding to the specified order-by item is excluded.");
        refused("SELECT * FROM c ORDER BY c.x", policy("{'indexingMode':'none'}"));
    }

    @Test
    void anOrderByOnSeveralPathsNeedsAMatchingCompositeIndex() {
        CosmosException e = refused("SELECT * FROM c ORDER BY c.a, c.b", DEFAULT);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains(
                "The order by query does not have a corresponding composite index that it can be served from.");
        IndexDefinition composite = policy("{'compositeIndexes':[[{'path':'/a','order':'ascending'},"
                + "{'path':'/b','order':'descending'}]]}");
        AccessPlan same = plan("SELECT * FROM c ORDER BY c.a ASC, c.b DESC", composite, Map.of());
        assertThat(same.ordered()).isTrue();
        assertThat(same.lookup().index()).isEqualTo("(/a ASC,/b DESC)");
        assertThat(same.lookup().descending()).isFalse();
        assertThat(same.utilization().utilizedComposite()).hasSize(1);
        AccessPlan opposite = plan("SELECT * FROM c ORDER BY c.a DESC, c.b ASC", composite, Map.of());
        assertThat(opposite.lookup().descending()).isTrue();
        refused("SELECT * FROM c ORDER BY c.a ASC, c.b ASC", composite);
        refused("SELECT * FROM c ORDER BY c.b DESC, c.a ASC", composite);
        refused("SELECT * FROM c ORDER BY c.a, c.b, c.c", composite);
    }

    @Test
    void anEqualityThenRangeFilterUsesACompositeIndex() {
        IndexDefinition composite = policy("{'compositeIndexes':[[{'path':'/name','order':'ascending'},"
                + "{'path':'/age','order':'descending'}]]}");
        AccessPlan p = plan("SELECT * FROM c WHERE c.name = 'John' AND c.age > 18", composite, Map.of());
        assertThat(p.lookup().index()).isEqualTo("(/name ASC,/age DESC)");
        assertThat(p.utilization().utilizedComposite()).extracting(IndexUtilization.CompositeIndexUse::indexSpecs)
                .containsExactly(List.of("/name ASC", "/age DESC"));
        assertThat(plan("SELECT * FROM c WHERE c.age > 18 AND c.x = 1", composite, Map.of()).lookup().index())
                .as("the equality must lead").isEqualTo("/x");
    }

    @Test
    void indexMetricsHaveCosmosShape() throws Exception {
        AccessPlan p = plan("SELECT * FROM c WHERE c.name = @n AND c.age > 12", DEFAULT, Map.of("@n", Json.parse("\"Julien\"")));
        JsonNode report = Json.parse(p.utilization().toJson());
        assertThat(report.get("UtilizedSingleIndexes")).hasSize(2);
        assertThat(report.get("UtilizedSingleIndexes").get(0).get("FilterExpression").asText())
                .isEqualTo("(ROOT.name = \"Julien\")");
        assertThat(report.get("UtilizedSingleIndexes").get(0).get("IndexSpec").asText()).isEqualTo("/name/?");
        assertThat(report.get("UtilizedSingleIndexes").get(1).get("FilterExpression").asText()).isEqualTo("(ROOT.age > 12)");
        assertThat(report.get("UtilizedSingleIndexes").get(0).get("IndexImpactScore").asText()).isEqualTo("High");
        assertThat(report.get("PotentialSingleIndexes")).isEmpty();
        assertThat(report.get("UtilizedCompositeIndexes")).isEmpty();
        assertThat(report.get("PotentialCompositeIndexes").get(0).get("IndexSpecs").toString())
                .isEqualTo("[\"/name ASC\",\"/age ASC\"]");
    }

    private static void assertIndex(String query, String index) {
        assertIndex(query, index, Map.of());
    }

    private static void assertIndex(String query, String index, Map<String, JsonNode> parameters) {
        AccessPlan p = plan(query, DEFAULT, parameters);
        assertThat(p.usesIndex()).as(query).isTrue();
        assertThat(p.lookup().index()).as(query).isEqualTo(index);
        assertThat(p.ordered()).isFalse();
    }

    private static void assertScan(String query) {
        assertThat(plan(query, DEFAULT, Map.of()).usesIndex()).as(query).isFalse();
    }

    private static CosmosException refused(String query, IndexDefinition definition) {
        CosmosException e = catchThrowableOfType(CosmosException.class, () -> plan(query, definition, Map.of()));
        assertThat(e).as(query).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        return e;
    }

    private static AccessPlan plan(String query, IndexDefinition definition, Map<String, JsonNode> parameters) {
        return AccessPaths.choose(QueryParser.parse(query), parameters, definition);
    }

    private static IndexDefinition policy(String json) {
        return IndexDefinition.of(Json.parse(json.replace('\'', '"')));
    }
}
