package io.cosmolite.engine.container;

import static io.cosmolite.engine.container.ContainerPropertiesTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.error.CosmosException;
import org.junit.jupiter.api.Test;

class IndexingPoliciesTest {

    private static JsonNode normalize(String policy) {
        return IndexingPolicies.normalize(json(policy));
    }

    private static void assertRejected(String policy, String messagePart) {
        assertThatThrownBy(() -> normalize(policy)).isInstanceOf(CosmosException.class).hasMessageContaining(messagePart);
    }

    @Test
    void theDefaultPolicyIncludesEverythingButEtag() {
        assertThat(IndexingPolicies.defaults()).isEqualTo(json("{'indexingMode':'consistent','automatic':true,"
                + "'includedPaths':[{'path':'/*'}],'excludedPaths':[{'path':'/\\\"_etag\\\"/?'}]}".replace("\\\"", "\\\"")));
        assertThat(normalize("{}")).isEqualTo(IndexingPolicies.defaults());
        assertThat(normalize("{'indexingMode':'Consistent'}")).isEqualTo(IndexingPolicies.defaults());
    }

    @Test
    void etagExclusionIsAppendedOnceUnlessEtagIsMentioned() {
        JsonNode policy = normalize("{'includedPaths':[{'path':'/*'}],'excludedPaths':[{'path':'/secret/?'}]}");
        assertThat(policy.get("excludedPaths")).isEqualTo(json("{'a':[{'path':'/secret/?'},{'path':'/\\\"_etag\\\"/?'}]}").get("a"));

        JsonNode etagIncluded = normalize("{'includedPaths':[{'path':'/*'},{'path':'/_etag/?'}]}");
        assertThat(etagIncluded.get("excludedPaths")).isEmpty();

        assertThat(IndexingPolicies.normalize(policy)).isEqualTo(policy);
    }

    @Test
    void legacyIndexesAreDroppedAndDuplicatesMerged() {
        JsonNode policy = normalize("{'includedPaths':[{'path':'/*','indexes':[{'kind':'Range','dataType':'String',"
                + "'precision':-1}]},{'path':'/*'}]}");
        assertThat(policy.get("includedPaths")).isEqualTo(json("{'a':[{'path':'/*'}]}").get("a"));
    }

    @Test
    void excludingTheRootIsAllowed() {
        JsonNode policy = normalize("{'indexingMode':'consistent','includedPaths':[],'excludedPaths':[{'path':'/*'}]}");
        assertThat(policy.get("includedPaths")).isEmpty();
        assertThat(policy.get("excludedPaths").get(0).get("path").asText()).isEqualTo("/*");
    }

    @Test
    void theRootPathIsMandatory() {
        assertRejected("{'includedPaths':[{'path':'/a/?'}]}", "special mandatory indexing path");
        assertRejected("{'excludedPaths':[{'path':'/a/*'}]}", "special mandatory indexing path");
    }

    @Test
    void aPathCannotBeBothIncludedAndExcluded() {
        assertRejected("{'includedPaths':[{'path':'/*'},{'path':'/a/?'}],'excludedPaths':[{'path':'/a/?'}]}",
                "both included and excluded");
    }

    @Test
    void modeNoneMeansNoAutomaticIndexingAndNoPaths() {
        assertThat(normalize("{'indexingMode':'none'}")).isEqualTo(json(
                "{'indexingMode':'none','automatic':false,'includedPaths':[],'excludedPaths':[]}"));
        assertThat(normalize("{'indexingMode':'None','automatic':false,'includedPaths':[],'excludedPaths':[]}"))
                .isEqualTo(normalize("{'indexingMode':'none'}"));
        assertRejected("{'indexingMode':'none','automatic':true}", "requires 'automatic' to be false");
        assertRejected("{'indexingMode':'none','includedPaths':[{'path':'/*'}]}", "cannot have included or excluded");
        assertRejected("{'indexingMode':'eager'}", "invalid value 'eager'");
        assertRejected("{'automatic':'yes'}", "must be true or false");
        assertThat(normalize("{'indexingMode':'lazy'}").get("indexingMode").asText()).isEqualTo("lazy");
    }

    @Test
    void invalidPathsAreRejectedWithCosmosMessage() {
        assertRejected("{'includedPaths':[{'path':'/*'},{'path':'/a'}]}",
                "The indexing path '/a' could not be accepted, failed near position");
        assertRejected("{'includedPaths':[{'path':'a/?'}]}", "The indexing path 'a/?' could not be accepted");
        assertRejected("{'includedPaths':[{'path':'/*'},{'path':'/a-b/?'}]}", "'/a-b/?' could not be accepted");
        assertRejected("{'includedPaths':[{'path':'/*'},{'path':'/a/*/b/?'}]}", "could not be accepted");
        assertRejected("{'includedPaths':[{'path':'/*'},{}]}", "'indexingPolicy.includedPaths[].path' must be a string");
        assertRejected("{'includedPaths':{}}", "must be a JSON array");
    }

    @Test
    void compositeIndexesNeedTwoPathsAndAnOrder() {
        JsonNode policy = normalize("{'compositeIndexes':[[{'path':'/name'},{'path':'/age','order':'Descending'}]]}");
        assertThat(policy.get("compositeIndexes")).isEqualTo(json("{'a':[[{'path':'/name','order':'ascending'},"
                + "{'path':'/age','order':'descending'}]]}").get("a"));

        assertRejected("{'compositeIndexes':[[{'path':'/name'}]]}", "at least two paths");
        assertRejected("{'compositeIndexes':[[{'path':'/name'},{'path':'/age','order':'up'}]]}", "invalid value 'up'");
        assertRejected("{'compositeIndexes':[[{'path':'/name/?'},{'path':'/age'}]]}", "could not be accepted");
    }

    @Test
    void spatialIndexesNeedKnownTypes() {
        JsonNode policy = normalize("{'spatialIndexes':[{'path':'/loc/*','types':['point','Polygon']}]}");
        assertThat(policy.get("spatialIndexes")).isEqualTo(json("{'a':[{'path':'/loc/*','types':['Point','Polygon']}]}").get("a"));

        assertRejected("{'spatialIndexes':[{'path':'/loc/*','types':['Circle']}]}", "invalid value 'Circle'");
        assertRejected("{'spatialIndexes':[{'path':'/loc/*','types':[]}]}", "at least one type");
        assertRejected("{'spatialIndexes':[{'path':'/loc/*'}]}", "types' must be a JSON array");
    }

    @Test
    void vectorAndFullTextIndexesAreKept() {
        JsonNode policy = normalize("{'vectorIndexes':[{'path':'/v','type':'diskANN'}],'fullTextIndexes':[{'path':'/t'}]}");
        assertThat(policy.get("vectorIndexes")).isEqualTo(json("{'a':[{'path':'/v','type':'diskANN'}]}").get("a"));
        assertThat(policy.get("fullTextIndexes")).isEqualTo(json("{'a':[{'path':'/t'}]}").get("a"));
    }
}
