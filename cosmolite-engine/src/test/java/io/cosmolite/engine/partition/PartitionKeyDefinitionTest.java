package io.cosmolite.engine.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartitionKeyDefinitionTest {

    private static PartitionKeyDefinition parse(String json) {
        return PartitionKeyDefinition.fromJson(Json.parse(json));
    }

    @Test
    void readsCosmosShapes() {
        assertThat(parse("{\"paths\":[\"/pk\"],\"kind\":\"Hash\",\"version\":2}"))
                .isEqualTo(PartitionKeyDefinition.hashV2("/pk"));
        assertThat(parse("{\"paths\":[\"/a\",\"/b\"],\"kind\":\"MultiHash\",\"version\":2}"))
                .isEqualTo(PartitionKeyDefinition.multiHash("/a", "/b"));
        // Older SDKs write the version as a string.
        assertThat(parse("{\"paths\":[\"/pk\"],\"kind\":\"Hash\",\"version\":\"V2\"}").version()).isEqualTo(2);
        assertThat(parse("{\"paths\":[\"/pk\"],\"kind\":\"hash\",\"version\":\"1\"}").version()).isEqualTo(1);
    }

    @Test
    void absentVersionIsV1ForHashAndAbsentKindIsHash() {
        PartitionKeyDefinition def = parse("{\"paths\":[\"/pk\"]}");
        assertThat(def.kind()).isEqualTo(PartitionKeyDefinition.Kind.HASH);
        assertThat(def.version()).isEqualTo(1);
        assertThat(parse("{\"paths\":[\"/a\",\"/b\"],\"kind\":\"MultiHash\"}").version()).isEqualTo(2);
    }

    @Test
    void writesCosmosShape() {
        assertThat(Json.toString(PartitionKeyDefinition.multiHash("/a", "/b").toJson()))
                .isEqualTo("{\"paths\":[\"/a\",\"/b\"],\"kind\":\"MultiHash\",\"version\":2}");
        PartitionKeyDefinition v1 = parse("{\"paths\":[\"/pk\"]}");
        assertThat(Json.toString(v1.toJson())).isEqualTo("{\"paths\":[\"/pk\"],\"kind\":\"Hash\",\"version\":1}");
        assertThat(PartitionKeyDefinition.fromJson(v1.toJson())).isEqualTo(v1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]", "{}", "{\"paths\":\"/pk\"}", "{\"paths\":[]}", "{\"paths\":[1]}",
        "{\"paths\":[\"/a\",\"/b\",\"/c\",\"/d\"],\"kind\":\"MultiHash\",\"version\":2}",
        "{\"paths\":[\"pk\"]}", "{\"paths\":[\"/\"]}", "{\"paths\":[\"/a//b\"]}", "{\"paths\":[\"/a/\"]}",
        "{\"paths\":[\"/a/ /b\"]}", "{\"paths\":[\"/\\\"a\"]}", "{\"paths\":[\"/\\\"a\\\"b\"]}",
        "{\"paths\":[\"/a\",\"/b\"],\"kind\":\"Hash\",\"version\":2}",
        "{\"paths\":[\"/a\",\"/b\"]}",
        "{\"paths\":[\"/a\",\"/b\"],\"kind\":\"MultiHash\",\"version\":1}",
        "{\"paths\":[\"/a\",\"/a\"],\"kind\":\"MultiHash\",\"version\":2}",
        "{\"paths\":[\"/pk\"],\"version\":3}", "{\"paths\":[\"/pk\"],\"version\":\"two\"}",
        "{\"paths\":[\"/pk\"],\"version\":2.5}", "{\"paths\":[\"/pk\"],\"kind\":\"Range\"}",
        "{\"paths\":[\"/pk\"],\"kind\":1}"})
    void invalidDefinitionsAre400s(String json) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(CosmosException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_REQUEST))
                .hasMessageNotContaining("null");
    }

    @Test
    void splitsPathsIntoPropertyNames() {
        assertThat(PartitionKeyDefinition.splitPath("/a")).containsExactly("a");
        assertThat(PartitionKeyDefinition.splitPath("/a/b/c")).containsExactly("a", "b", "c");
        assertThat(PartitionKeyDefinition.splitPath("/\"a b\"/c")).containsExactly("a b", "c");
        assertThat(PartitionKeyDefinition.splitPath("/'x/y'")).containsExactly("x/y");
        assertThat(PartitionKeyDefinition.splitPath("/\"say \\\"hi\\\"\"")).containsExactly("say \"hi\"");
        assertThat(PartitionKeyDefinition.multiHash("/a", "/\"b c\"/d").propertyNames())
                .isEqualTo(List.of(List.of("a"), List.of("b c", "d")));
    }
}
