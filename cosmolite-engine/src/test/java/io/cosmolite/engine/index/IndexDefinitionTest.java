package io.cosmolite.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexDefinitionTest {

    @Test
    void idAndTsAreAlwaysIndexedAndEngineFieldsNever() {
        IndexDefinition d = policy("{'includedPaths':[{'path':'/x/?'}],'excludedPaths':[{'path':'/*'}]}");
        assertThat(d.hasRangeIndex(List.of("id"))).isTrue();
        assertThat(d.hasRangeIndex(List.of("_ts"))).isTrue();
        assertThat(d.hasRangeIndex(List.of("x"))).isTrue();
        assertThat(d.hasRangeIndex(List.of("y"))).isFalse();
        IndexDefinition all = policy("{'includedPaths':[{'path':'/*'}]}");
        assertThat(all.hasRangeIndex(List.of("_lsn"))).isFalse();
        assertThat(all.hasRangeIndex(List.of("_self"))).isFalse();
        assertThat(policy("{'indexingMode':'none'}").hasRangeIndex(List.of("id"))).isFalse();
    }

    @Test
    void aPathsRangeIndexIdIsRememberedAndStaysRightPastTheBound() {
        IndexDefinition d = policy("{'includedPaths':[{'path':'/*'}],'excludedPaths':[{'path':'/secret/?'}]}");
        for (int round = 0; round < 2; round++) {
            // More distinct paths than are remembered: the later ones are worked out every time.
            for (int i = 0; i < 5000; i++) {
                List<String> path = new java.util.ArrayList<>(List.of("map", "k" + i));
                assertThat(d.rangeIndexId(path)).isEqualTo(IndexIds.single(path));
            }
            assertThat(d.rangeIndexId(List.of("secret"))).isNull();
            assertThat(d.rangeIndexId(List.of("_lsn"))).isNull();
            assertThat(d.rangeIndexId(List.of())).isNull();
        }
    }

    @Test
    void onlyExplicitlyIncludedPathsIndexUndefined() {
        IndexDefinition d = policy("{'includedPaths':[{'path':'/*'},{'path':'/a/b/?'},{'path':'/t/[]/?'}]}");
        assertThat(d.indexesUndefined(List.of("a", "b"))).isTrue();
        assertThat(d.indexesUndefined(List.of("a"))).isFalse();
        assertThat(d.indexesUndefined(List.of("t", "[]"))).as("array paths never").isFalse();
    }

    @Test
    void aCompositePathThroughAnArrayGivesOneTuplePerElementValue() {
        IndexDefinition d = policy("{'compositeIndexes':[[{'path':'/family'},{'path':'/children/[]/age','order':'descending'}]]}");
        JsonNode doc = Json.parse("{\"family\":\"A\",\"children\":[{\"age\":3},{\"age\":5},{\"name\":\"x\"}]}");
        CompositeIndex composite = d.composites().get(0);
        long tuples = d.terms(doc).stream().filter(t -> startsWith(t.bytes(), composite.id())).count();
        assertThat(tuples).as("ages 3 and 5; a child without one adds nothing").isEqualTo(2);
    }

    @Test
    void theSamePolicyIsTheSameDefinition() {
        assertThat(policy("{'includedPaths':[{'path':'/*'}]}")).isEqualTo(policy("{'includedPaths':[{'path':'/*'}]}"))
                .isNotEqualTo(policy("{'includedPaths':[{'path':'/*'}],'excludedPaths':[{'path':'/a/?'}]}"));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && java.util.Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static IndexDefinition policy(String json) {
        return IndexDefinition.of(Json.parse(json.replace('\'', '"')));
    }
}
