package io.cosmolite.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.ru.RequestCharges;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndexedPathsTest {
    private static final JsonNode DOC = Json.parse("""
            {"id": "a", "n": 1, "ok": false, "none": null,
             "address": {"city": "X", "geo": {"lat": 1.5, "lon": 2.5}},
             "tags": ["t1", "t2", {"k": "v"}, [1, 2]],
             "empty": {}, "list": [],
             "_rid": "r", "_self": "s", "_etag": "e", "_attachments": "a", "_ts": 1}
            """);

    @Test
    void theDefaultPolicyCountsEveryScalarLeafButSystemProperties() {
        // id, n, ok, none, city, lat, lon, t1, t2, k, 1, 2
        assertThat(IndexedPaths.DEFAULT.count(DOC)).isEqualTo(12);
        assertThat(RequestCharges.indexedTerms(DOC)).isEqualTo(12);
        assertThat(RequestCharges.indexedTerms(Json.parse("{}"))).isZero();
    }

    @Test
    void anExcludedSubtreeIsNotCounted() {
        assertThat(count(List.of("/*"), List.of("/address/*"))).isEqualTo(9);
        assertThat(count(List.of("/*"), List.of("/tags/[]/?"))).isEqualTo(10);
        assertThat(count(List.of("/*"), List.of("/tags/*"))).isEqualTo(7);
    }

    @Test
    void theMostPrecisePathDecides() {
        assertThat(count(List.of("/address/geo/lat/?"), List.of("/*"))).isEqualTo(1);
        assertThat(count(List.of("/address/*"), List.of("/*", "/address/geo/*"))).isEqualTo(1);
        assertThat(count(List.of("/id/?", "/n/?"), List.of())).isEqualTo(2);
        // a tie goes to the exclusion
        assertThat(count(List.of("/*", "/id/?"), List.of("/id/?"))).isEqualTo(11);
        // /x/? names the scalar only, never array elements below it
        assertThat(count(List.of("/tags/?"), List.of())).isZero();
    }

    @Test
    void quotedSegmentsAreUnquoted() {
        assertThat(count(List.of("/\"address\"/\"city\"/?"), List.of())).isEqualTo(1);
        JsonNode doc = Json.parse("{\"a/b\": 1, \"c\": 2}");
        assertThat(RequestCharges.indexedTerms(doc, List.of("/*"), List.of("/\"a/b\"/?"))).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "a/?", "/a", "/a//?", "/\"a/?", "/a/*/b/?", "/?", "//*"})
    void malformedPathsAreABadRequest(String path) {
        assertThatThrownBy(() -> count(List.of(path), List.of()))
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    private static int count(List<String> included, List<String> excluded) {
        return RequestCharges.indexedTerms(DOC, included, excluded);
    }
}
