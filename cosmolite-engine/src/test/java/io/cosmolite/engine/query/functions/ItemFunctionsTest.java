package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.TestExpressions.eval;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.resource.ResourceId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ItemFunctionsTest {

    static List<SampleCases.Case> samples() {
        return SampleCases.using(ItemFunctions.all(), SampleCases.ownFunctions());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void conformanceCase(SampleCases.Case c) {
        SampleCases.check(c);
    }

    @Test
    void everyItemSampleIsSelected() {
        assertThat(samples()).extracting(SampleCases.Case::id).contains(
                "ms-samples/objecttoarray", "ms-samples/objecttoarray-key", "ms-samples/objecttoarray-key-value");
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            ObjectToArray({"a": "12345", "b": "67890"})                => [{"k": "a", "v": "12345"}, {"k": "b", "v": "67890"}]
            ObjectToArray({"a": "12345", "b": "67890"}, "name")        => [{"name": "a", "v": "12345"}, {"name": "b", "v": "67890"}]
            ObjectToArray({"a": "12345", "b": "67890"}, "key", "value") => [{"key": "a", "value": "12345"}, {"key": "b", "value": "67890"}]
            ObjectToArray({"a": {"b": [1]}})                           => [{"k": "a", "v": {"b": [1]}}]
            ObjectToArray({})                                          => []
            ObjectToArray([1, 2])                                      => undefined
            ObjectToArray("a")                                         => undefined
            ObjectToArray(undefined)                                   => undefined
            ObjectToArray({"a": 1}, 1)                                 => undefined
            ObjectToArray({"a": 1}, "k", null)                         => undefined
            ObjectToArray({"a": 1}, undefined)                         => undefined
            DocumentId({"_rid": "36ZyAPW+uN8NAAAAAAAAAA=="})           => 13
            DocumentId({"id": "1"})                                    => undefined
            DocumentId({"_rid": "not a rid"})                          => undefined
            DocumentId({"_rid": 13})                                   => undefined
            DocumentId("36ZyAPW+uN8NAAAAAAAAAA==")                     => undefined
            DocumentId(undefined)                                      => undefined
            """)
    void evaluates(String expression, String expected) {
        TestExpressions.check(expression, expected);
    }

    @Test
    void documentIdIsTheCounterInTheItemsRid() {
        ResourceId container = ResourceId.container(ResourceId.database(3), 7);
        for (long n : new long[] {1, 13, 255, 256, 1L << 40}) {
            JsonNode item = Json.object().put("id", "x").put("_rid", ResourceId.document(container, n).toString());
            assertThat(eval("DocumentId(p)", Map.of("p", item)).longValue()).isEqualTo(n);
        }
        JsonNode procedure = Json.object().put("_rid", ResourceId.storedProcedure(container, 1).toString());
        assertThat(eval("DocumentId(p)", Map.of("p", procedure))).isNull();
        JsonNode containerRid = Json.object().put("_rid", container.toString());
        assertThat(eval("DocumentId(p)", Map.of("p", containerRid))).isNull();
    }

    /** ms-samples/objecttoarray-field, over its documents. */
    @Test
    void fieldSample() {
        JsonNode c = SampleCases.byId("ms-samples/objecttoarray-field");
        assertThat(SampleCases.overCategory(c, "sport-helmets", "ObjectToArray(p.quantities, \"size\", \"quantity\")"))
                .containsExactlyInAnyOrderElementsOf(c.get("expected").findValues("quantitiesBySize"));
    }
}
