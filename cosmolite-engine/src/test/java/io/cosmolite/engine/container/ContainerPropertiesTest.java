package io.cosmolite.engine.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import org.junit.jupiter.api.Test;

class ContainerPropertiesTest {

    static ObjectNode json(String json) {
        return (ObjectNode) Json.parse(json.replace('\'', '"'));
    }

    /** A minimal valid body with extra members spliced in. */
    static ObjectNode body(String extra) {
        return json("{'id':'c1','partitionKey':{'paths':['/pk'],'kind':'Hash','version':2}"
                + (extra.isEmpty() ? "" : "," + extra) + "}");
    }

    static void assertBadRequest(ObjectNode body, String messagePart) {
        assertThatThrownBy(() -> ContainerProperties.normalize(body))
                .isInstanceOfSatisfying(CosmosException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_REQUEST))
                .hasMessageContaining(messagePart);
    }

    @Test
    void aMinimalBodyGetsCosmosDefaults() {
        ObjectNode normalized = ContainerProperties.normalize(body(""));

        assertThat(normalized).isEqualTo(json("{'id':'c1',"
                + "'indexingPolicy':{'indexingMode':'consistent','automatic':true,'includedPaths':[{'path':'/*'}],"
                + "'excludedPaths':[{'path':'/\\'_etag\\'/?'}]},"
                + "'partitionKey':{'paths':['/pk'],'kind':'Hash','version':2},"
                + "'uniqueKeyPolicy':{'uniqueKeys':[]},"
                + "'conflictResolutionPolicy':{'mode':'LastWriterWins','conflictResolutionPath':'/_ts',"
                + "'conflictResolutionProcedure':''},"
                + "'geospatialConfig':{'type':'Geography'}}".replace("\\'", "\\\"")));
        assertThat(normalized.path("indexingPolicy").path("excludedPaths").get(0).path("path").asText())
                .isEqualTo("/\"_etag\"/?");
        assertThat(normalized.has("defaultTtl")).isFalse();
        assertThat(normalized.has("computedProperties")).isFalse();
    }

    @Test
    void normalizingIsIdempotentAndDropsUnknownAndSystemProperties() {
        ObjectNode raw = body("'defaultTtl':60,'_rid':'abc','_ts':1,'somethingElse':true,"
                + "'uniqueKeyPolicy':{'uniqueKeys':[{'paths':['/a','/b']}]},"
                + "'computedProperties':[{'name':'cp_lower','query':'SELECT VALUE LOWER(c.name) FROM c'}],"
                + "'vectorEmbeddingPolicy':{'vectorEmbeddings':[{'path':'/v','dataType':'float32',"
                + "'distanceFunction':'cosine','dimensions':3}]},'fullTextPolicy':{'defaultLanguage':'en-US'}");
        ObjectNode once = ContainerProperties.normalize(raw);

        assertThat(ContainerProperties.normalize(once)).isEqualTo(once);
        assertThat(once.has("_rid")).isFalse();
        assertThat(once.has("somethingElse")).isFalse();
        assertThat(once.get("defaultTtl").intValue()).isEqualTo(60);
        assertThat(once.get("vectorEmbeddingPolicy")).isEqualTo(raw.get("vectorEmbeddingPolicy"));
        assertThat(once.get("fullTextPolicy")).isEqualTo(raw.get("fullTextPolicy"));
        assertThat(once.get("computedProperties")).isEqualTo(raw.get("computedProperties"));
    }

    @Test
    void theIdFollowsCosmosRules() {
        assertBadRequest(json("{'partitionKey':{'paths':['/pk']}}"), "'id', is missing");
        assertBadRequest(body("").put("id", "a/b"), "not allowed");
        assertBadRequest(body("").put("id", "a\\b"), "not allowed");
        assertBadRequest(body("").put("id", "a?b"), "not allowed");
        assertBadRequest(body("").put("id", "a#b"), "not allowed");
        assertBadRequest(body("").put("id", "trailing "), "must not end with a space");
        assertBadRequest(body("").put("id", "x".repeat(256)), "at most 255");
        assertThat(ContainerProperties.normalize(body("").put("id", "x".repeat(255))).get("id").asText()).hasSize(255);
    }

    @Test
    void aPartitionKeyIsRequired() {
        assertBadRequest(json("{'id':'c'}"), "needs a 'partitionKey'");
        assertBadRequest(json("{'id':'c','partitionKey':null}"), "needs a 'partitionKey'");
    }

    @Test
    void defaultTtlIsMinusOneOrAPositiveInt() {
        assertThat(ContainerProperties.normalize(body("'defaultTtl':-1")).get("defaultTtl").intValue()).isEqualTo(-1);
        assertThat(ContainerProperties.normalize(body("'defaultTtl':2147483647")).get("defaultTtl").intValue())
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(ContainerProperties.normalize(body("'defaultTtl':null")).has("defaultTtl")).isFalse();
        for (String bad : new String[] {"0", "-2", "2147483648", "1.5", "'60'", "true"}) {
            assertBadRequest(body("'defaultTtl':" + bad), "Ensure to provide a nonzero positive integer");
        }
    }

    @Test
    void ttlIsImpossibleWithoutIndexing() {
        assertBadRequest(body("'defaultTtl':10,'indexingPolicy':{'indexingMode':'none','automatic':false}"),
                "Time to live cannot be enabled");
    }

    @Test
    void uniqueKeysAreValidatedAndKept() {
        ObjectNode normalized = ContainerProperties.normalize(
                body("'uniqueKeyPolicy':{'uniqueKeys':[{'paths':['/email']},{'paths':['/first','/last']}]}"));
        assertThat(normalized.get("uniqueKeyPolicy"))
                .isEqualTo(json("{'uniqueKeys':[{'paths':['/email']},{'paths':['/first','/last']}]}"));

        assertBadRequest(body("'uniqueKeyPolicy':{'uniqueKeys':[{'paths':['email']}]}"), "unique key path 'email'");
        assertBadRequest(body("'uniqueKeyPolicy':{'uniqueKeys':[{'paths':['/a/*']}]}"), "unique key path '/a/*'");
        assertBadRequest(body("'uniqueKeyPolicy':{'uniqueKeys':[{'paths':[]}]}"), "at least one path");
        assertBadRequest(body("'uniqueKeyPolicy':{'uniqueKeys':{}}"), "must be a JSON array");
        String eleven = String.join(",", java.util.Collections.nCopies(11, "{'paths':['/a']}"));
        assertBadRequest(body("'uniqueKeyPolicy':{'uniqueKeys':[" + eleven + "]}"), "at most 10 unique keys");
        String seventeen = String.join(",", java.util.Collections.nCopies(17, "'/a'"));
        assertBadRequest(body("'uniqueKeyPolicy':{'uniqueKeys':[{'paths':[" + seventeen + "]}]}"), "at most 16 paths");
    }

    @Test
    void conflictResolutionPolicyDefaultsAndModes() {
        assertThat(ContainerProperties.normalize(body("'conflictResolutionPolicy':{'mode':'lastWriterWins'}"))
                .get("conflictResolutionPolicy"))
                .isEqualTo(json("{'mode':'LastWriterWins','conflictResolutionPath':'/_ts','conflictResolutionProcedure':''}"));
        assertThat(ContainerProperties.normalize(body(
                "'conflictResolutionPolicy':{'mode':'LastWriterWins','conflictResolutionPath':'/version'}"))
                .get("conflictResolutionPolicy").get("conflictResolutionPath").asText()).isEqualTo("/version");
        assertThat(ContainerProperties.normalize(body(
                "'conflictResolutionPolicy':{'mode':'Custom','conflictResolutionProcedure':'dbs/d/colls/c/sprocs/r'}"))
                .get("conflictResolutionPolicy"))
                .isEqualTo(json("{'mode':'Custom','conflictResolutionPath':'','conflictResolutionProcedure':'dbs/d/colls/c/sprocs/r'}"));

        assertBadRequest(body("'conflictResolutionPolicy':{'mode':'FirstWriterWins'}"), "invalid value 'FirstWriterWins'");
        assertBadRequest(body("'conflictResolutionPolicy':{'mode':'LastWriterWins','conflictResolutionPath':'version'}"),
                "must start with '/'");
        assertBadRequest(body("'conflictResolutionPolicy':{'mode':'Custom','conflictResolutionPath':'/v'}"),
                "only allowed with mode 'LastWriterWins'");
    }

    @Test
    void geospatialConfigIsGeographyOrGeometry() {
        assertThat(ContainerProperties.normalize(body("'geospatialConfig':{'type':'geometry'}"))
                .get("geospatialConfig")).isEqualTo(json("{'type':'Geometry'}"));
        assertBadRequest(body("'geospatialConfig':{'type':'Flat'}"), "invalid value 'Flat'");
    }

    @Test
    void computedPropertiesAreChecked() {
        assertBadRequest(body("'computedProperties':[{'name':'id','query':'SELECT VALUE 1 FROM c'}]"), "reserved");
        assertBadRequest(body("'computedProperties':[{'name':'_ts','query':'SELECT VALUE 1 FROM c'}]"), "reserved");
        assertBadRequest(body("'computedProperties':[{'name':'a/b','query':'SELECT VALUE 1 FROM c'}]"), "top-level");
        assertBadRequest(body("'computedProperties':[{'name':'cp','query':'SELECT VALUE 1 FROM c'},"
                + "{'name':'cp','query':'SELECT VALUE 2 FROM c'}]"), "more than once");
        assertBadRequest(body("'computedProperties':[{'name':'cp','query':'SELECT c.a FROM c'}]"), "SELECT VALUE");
        assertBadRequest(body("'computedProperties':[{'name':'cp'}]"), "'computedProperties[].query' must be a string");
        String twentyOne = String.join(",", java.util.stream.IntStream.range(0, 21)
                .mapToObj(i -> "{'name':'cp" + i + "','query':'SELECT VALUE 1 FROM c'}").toList());
        assertBadRequest(body("'computedProperties':[" + twentyOne + "]"), "at most 20 computed properties");
    }

    @Test
    void storedPoliciesMustBeObjects() {
        assertBadRequest(body("'vectorEmbeddingPolicy':[]"), "'vectorEmbeddingPolicy' must be a JSON object");
        assertBadRequest(body("'analyticalStorageTtl':'x'"), "'analyticalStorageTtl' must be an integer");
    }

    @Test
    void replaceKeepsIdPartitionKeyAndUniqueKeys() {
        ObjectNode existing = ContainerProperties.normalize(
                body("'uniqueKeyPolicy':{'uniqueKeys':[{'paths':['/email']}]}"));

        ObjectNode newTtl = existing.deepCopy().put("defaultTtl", 30);
        ContainerProperties.checkReplace(existing, newTtl);

        ObjectNode otherPk = existing.deepCopy();
        otherPk.set("partitionKey", json("{'paths':['/other'],'kind':'Hash','version':2}"));
        assertThatThrownBy(() -> ContainerProperties.checkReplace(existing, otherPk))
                .isInstanceOf(CosmosException.class)
                .hasMessageContaining("partition key of a container cannot be changed");

        ObjectNode otherKeys = existing.deepCopy();
        otherKeys.set("uniqueKeyPolicy", json("{'uniqueKeys':[]}"));
        assertThatThrownBy(() -> ContainerProperties.checkReplace(existing, otherKeys))
                .hasMessageContaining("unique key policy of a container cannot be changed");

        ObjectNode otherId = existing.deepCopy().put("id", "c2");
        assertThatThrownBy(() -> ContainerProperties.checkReplace(existing, otherId))
                .hasMessageContaining("id of a container cannot be changed");
    }
}
