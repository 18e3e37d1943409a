package io.cosmolite.engine.partition;

import static io.cosmolite.engine.partition.PartitionKeyComponent.NULL;
import static io.cosmolite.engine.partition.PartitionKeyComponent.UNDEFINED;
import static io.cosmolite.engine.partition.PartitionKeyComponent.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartitionKeyValueTest {

    private static ObjectNode doc(String json) {
        return (ObjectNode) Json.parse(json);
    }

    @Test
    void parsesEveryComponentTypeFromTheHeader() {
        assertThat(PartitionKeyValue.fromHeaderJson("[\"a\"]")).isEqualTo(PartitionKeyValue.of(of("a")));
        assertThat(PartitionKeyValue.fromHeaderJson("[\"a\", 1.5, true]"))
                .isEqualTo(PartitionKeyValue.of(of("a"), of(1.5), of(true)));
        assertThat(PartitionKeyValue.fromHeaderJson("[null]")).isEqualTo(PartitionKeyValue.of(NULL));
        assertThat(PartitionKeyValue.fromHeaderJson("[{}]")).isEqualTo(PartitionKeyValue.of(UNDEFINED));
        assertThat(PartitionKeyValue.fromHeaderJson("[5]")).isEqualTo(PartitionKeyValue.of(of(5.0)));
        assertThat(PartitionKeyValue.fromHeaderJson("[123456789012345678901234567890]"))
                .isEqualTo(PartitionKeyValue.of(of(1.2345678901234568e29)));
    }

    @Test
    void emptyArrayIsNone() {
        PartitionKeyValue none = PartitionKeyValue.fromHeaderJson("[]");
        assertThat(none.isNone()).isTrue();
        assertThat(none.size()).isZero();
        assertThat(none).isEqualTo(PartitionKeyValue.none());
        assertThat(PartitionKeyValue.of(UNDEFINED).isNone()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "a", "\"a\"", "{}", "1", "[", "[\"a\"", "[1] [2]", "[[1]]", "[[]]",
            "[{\"a\":1}]", "[1,2,3,4]", "[NaN]", "[Infinity]", "[1e999]", "['a']"})
    void malformedHeadersAre400s(String header) {
        assertThatThrownBy(() -> PartitionKeyValue.fromHeaderJson(header))
                .isInstanceOfSatisfying(CosmosException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    @Test
    void headerTextRoundTrips() {
        PartitionKeyValue numbers = PartitionKeyValue.of(of(1), of(-2.5), of(-0.0));
        assertThat(numbers.toHeaderJson()).isEqualTo("[1,-2.5,-0.0]");
        PartitionKeyValue others = PartitionKeyValue.of(of("x\"y"), of(false), NULL);
        assertThat(others.toHeaderJson()).isEqualTo("[\"x\\\"y\",false,null]");
        PartitionKeyValue undefined = PartitionKeyValue.of(UNDEFINED);
        assertThat(undefined.toHeaderJson()).isEqualTo("[{}]");
        for (PartitionKeyValue v : new PartitionKeyValue[] {numbers, others, undefined}) {
            assertThat(PartitionKeyValue.fromHeaderJson(v.toHeaderJson())).isEqualTo(v);
        }
        assertThat(PartitionKeyValue.of(of(1e300)).toHeaderJson()).isEqualTo("[1.0E300]");
        assertThat(PartitionKeyValue.none().toHeaderJson()).isEqualTo("[]");
        assertThat(undefined.toJsonArray().get(0).isObject()).isTrue();
    }

    @Test
    void headersWithMoreThanThreeComponentsAre400s() {
        assertThatThrownBy(() -> PartitionKeyValue.fromHeaderJson("[1,2,3,4]")).isInstanceOf(CosmosException.class);
        assertThat(PartitionKeyValue.fromHeaderJson("[1,2,3]").size()).isEqualTo(3);
    }

    @Test
    void zeroAndNegativeZeroAreDifferentKeys() {
        // They hash differently, so they must not be equal.
        assertThat(PartitionKeyValue.of(of(0.0))).isNotEqualTo(PartitionKeyValue.of(of(-0.0)));
        assertThat(PartitionKeyValue.of(of(1.0))).isEqualTo(PartitionKeyValue.fromHeaderJson("[1.0]"))
                .hasSameHashCodeAs(PartitionKeyValue.fromHeaderJson("[1]"));
    }

    @Test
    void extractsFromDocumentsAlongPaths() {
        PartitionKeyDefinition def = PartitionKeyDefinition.hashV2("/a/b");
        assertThat(PartitionKeyValue.fromDocument(doc("{\"a\":{\"b\":\"x\"}}"), def)).isEqualTo(PartitionKeyValue.of(of("x")));
        assertThat(PartitionKeyValue.fromDocument(doc("{\"a\":{\"b\":7}}"), def)).isEqualTo(PartitionKeyValue.of(of(7)));
        assertThat(PartitionKeyValue.fromDocument(doc("{\"a\":{\"b\":null}}"), def)).isEqualTo(PartitionKeyValue.of(NULL));
        assertThat(PartitionKeyValue.fromDocument(doc("{\"a\":{\"b\":true}}"), def)).isEqualTo(PartitionKeyValue.of(of(true)));
        assertThat(PartitionKeyValue.fromDocument(doc("{\"a\":{}}"), def)).isEqualTo(PartitionKeyValue.of(UNDEFINED));
        assertThat(PartitionKeyValue.fromDocument(doc("{}"), def)).isEqualTo(PartitionKeyValue.of(UNDEFINED));
        assertThat(PartitionKeyValue.fromDocument(doc("{\"a\":\"not an object\"}"), def))
                .isEqualTo(PartitionKeyValue.of(UNDEFINED));
    }

    @Test
    void extractsQuotedPathsAndEveryLevelOfAHierarchicalKey() {
        PartitionKeyDefinition def = PartitionKeyDefinition.multiHash("/\"tenant id\"", "/user/id", "/session");
        PartitionKeyValue v = PartitionKeyValue.fromDocument(
                doc("{\"tenant id\":\"t1\",\"user\":{\"id\":42}}"), def);
        assertThat(v).isEqualTo(PartitionKeyValue.of(of("t1"), of(42), UNDEFINED));
        assertThat(v.size()).isEqualTo(3);
    }

    @Test
    void objectsAndArraysAtThePathAre400s() {
        PartitionKeyDefinition def = PartitionKeyDefinition.hashV2("/pk");
        for (String d : new String[] {"{\"pk\":{\"x\":1}}", "{\"pk\":{}}", "{\"pk\":[1]}", "{\"pk\":[]}"}) {
            assertThatThrownBy(() -> PartitionKeyValue.fromDocument(doc(d), def))
                    .as(d).isInstanceOf(CosmosException.class).hasMessageContaining("/pk");
        }
    }

    @Test
    void aDocumentsKeyHashesLikeTheSameKeyFromTheHeader() {
        PartitionKeyDefinition def = PartitionKeyDefinition.multiHash("/a", "/b");
        PartitionKeyValue fromDoc = PartitionKeyValue.fromDocument(doc("{\"a\":\"x\",\"b\":2.5}"), def);
        PartitionKeyValue fromHeader = PartitionKeyValue.fromHeaderJson("[\"x\",2.5]");
        assertThat(EffectivePartitionKey.of(fromDoc, def)).isEqualTo(EffectivePartitionKey.of(fromHeader, def));
    }
}
