package io.cosmolite.engine.query.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionalFunctionsTest {

    static List<SampleCases.Case> samples() {
        return SampleCases.using(ConditionalFunctions.all(), SampleCases.ownFunctions());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void conformanceCase(SampleCases.Case c) {
        SampleCases.check(c);
    }

    @Test
    void everyConditionalSampleIsSelected() {
        assertThat(samples()).extracting(SampleCases.Case::id)
                .contains("ms-samples/iif", "ms-samples/choose", "ms-samples/choose-indexes");
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            IIF(true, 123, 456)                       => 123
            IIF(false, 123, 456)                      => 456
            IIF(123, 123, 456)                        => 456
            IIF("ABC", 123, 456)                      => 456
            IIF([1,2,3], 123, 456)                    => 456
            IIF({"name": "Alice", "age": 20}, 123, 456) => 456
            IIF(undefined, 1, 2)                      => 2
            IIF(null, 1, 2)                           => 2
            IIF(true, undefined, 2)                   => undefined
            CHOOSE(1, "adventure", "works", true, [1]) => "adventure"
            CHOOSE(0, "abc", 1, true, [1])            => undefined
            CHOOSE(2, "abc", 1, true, [1])            => 1
            CHOOSE(3, "abc", 1, true, [1])            => true
            CHOOSE(4, "abc", 1, true, [1])            => [1]
            CHOOSE(5, "abc", 1, true, [1])            => undefined
            CHOOSE(-1, "abc")                         => undefined
            CHOOSE("1", "abc")                        => undefined
            CHOOSE(undefined, "abc")                  => undefined
            """)
    void evaluates(String expression, String expected) {
        TestExpressions.check(expression, expected);
    }

    /** ms-samples/iif-fields and ms-samples/choose-fields, over their documents. */
    @Test
    void fieldSamples() {
        JsonNode iif = SampleCases.byId("ms-samples/iif-fields");
        assertThat(SampleCases.overCategory(iif, "camp-utensils", "IIF(p.onSale, p.pricing.sale, p.pricing.msrp)"))
                .containsExactlyInAnyOrderElementsOf(iif.get("expected").findValues("price"));
        JsonNode choose = SampleCases.byId("ms-samples/choose-fields");
        assertThat(SampleCases.overCategory(choose, "short-fins", "CHOOSE(3, p.category, p.name, p.sku)"))
                .containsExactlyInAnyOrderElementsOf(choose.get("expected").findValues("barcode"));
    }
}
