package io.cosmolite.toolkit.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.PartitionKeyBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cosmolite.toolkit.error.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A document's partition key value by its container's paths: what the repository and the migration job write with. */
class PartitionKeyReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsEachKindOfValue() throws Exception {
        PartitionKeyReader single = PartitionKeyReader.of(List.of("/a/b"));
        assertThat(single.read(json("{\"a\":{\"b\":\"x\"}}"))).isEqualTo(new PartitionKey("x"));
        assertThat(single.read(json("{\"a\":{\"b\":7}}"))).isEqualTo(new PartitionKey(7.0));
        assertThat(single.read(json("{\"a\":{\"b\":true}}"))).isEqualTo(new PartitionKey(true));
        assertThat(single.read(json("{\"a\":{\"b\":null}}")))
                .isEqualTo(new PartitionKeyBuilder().addNullValue().build());
    }

    @Test
    void aMissingSingleKeyIsNoneAndAQuotedSegmentLosesItsQuotes() throws Exception {
        assertThat(PartitionKeyReader.of(List.of("/pk")).read(json("{\"id\":\"1\"}"))).isEqualTo(PartitionKey.NONE);
        assertThat(PartitionKeyReader.of(List.of("/\"order id\"")).read(json("{\"order id\":\"o-1\"}")))
                .isEqualTo(new PartitionKey("o-1"));
    }

    @Test
    void hierarchicalKeysNeedEveryLevelAndScalarValues() throws Exception {
        PartitionKeyReader reader = PartitionKeyReader.of(List.of("/tenant", "/user", "/session"));
        assertThat(reader.read(json("{\"tenant\":\"t\",\"user\":\"u\",\"session\":3}")))
                .isEqualTo(new PartitionKeyBuilder().add("t").add("u").add(3.0).build());
        assertThatThrownBy(() -> reader.read(json("{\"tenant\":\"t\",\"session\":{\"n\":1}}")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.path()).containsExactly("/user", "/session"));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
