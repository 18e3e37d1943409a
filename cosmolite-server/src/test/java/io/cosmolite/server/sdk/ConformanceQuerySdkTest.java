package io.cosmolite.server.sdk;

import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the 117 shared query conformance cases (outputs recorded from Microsoft's engine; the set and its
 * README are in the engine's test resources, read through {@code ConformanceCases}) through the official SDK, sync and async,
 * against containers with 1 and with 4 physical partitions, and compares by the README's rules, with
 * the expected results as the Java SDK presents them. Prints the pass count of each layout; the cases
 * that cannot pass are listed, with the reason, in one map.
 */
class ConformanceQuerySdkTest {
    /** The cases known to fail through the SDK, with the reason: the one place where failures are listed. */
    private static final Map<String, String> KNOWN_FAILURES = Map.of();

    @Test
    void everyCaseMatchesCosmosDbThroughTheSdk() {
        SdkConformance conformance = new SdkConformance("SDK query conformance");
        System.out.println("SDK query conformance: compared as the Java SDK presents them (a lone array result as its "
                + "elements): " + conformance.cases().stream().filter(ConformanceQuerySdkTest::reshapedByTheSdk)
                        .map(c -> c.get("id").asText()).toList());
        for (int partitions : new int[] {1, 4}) {
            try (SdkFixture fx = SdkFixture.start(partitions, false)) {
                conformance.load(fx);
                for (SdkQueries api : SdkQueries.values()) {
                    conformance.run(partitions + " partitions, " + api,
                            (container, c) -> failure(fx, api, container, c));
                }
            }
        }
        conformance.assertOnlyKnownFailures(KNOWN_FAILURES);
    }

    private static String failure(SdkFixture fx, SdkQueries api, String container, JsonNode c) {
        List<SqlParameter> parameters = new ArrayList<>();
        for (JsonNode p : c.path("parameters")) {
            parameters.add(new SqlParameter(p.get("name").asText(), p.get("value")));
        }
        List<JsonNode> actual;
        try {
            actual = api.all(fx, SdkConformance.DATABASE, container,
                    new SqlQuerySpec(c.get("query").asText(), parameters), new CosmosQueryRequestOptions());
        } catch (CosmosException e) {
            return "error " + e.getStatusCode() + ": " + e.getShortMessage();
        } catch (RuntimeException e) {
            return "client error: " + e;
        }
        return SdkConformance.mismatch(c, asTheJavaSdkPresents(SdkConformance.expected(c)), actual);
    }

    /**
     * The results as the Java SDK hands them to the application. A lone result that is an array
     * reaches it as the array's elements: {@code RxDocumentServiceResponse.extractQueryResponseNodes}
     * (azure-cosmos 4.81, called by {@code getQueryResponse} for every query page) takes the page's
     * {@code Documents} and, while they are exactly one element that is itself an array, replaces them
     * by that array ("Aggregate queries may return a nested array", says its comment). Azure and our
     * gateway answer such a result whole ({@code [[a, b]]}; QueryRoutesTest.anArrayResultIsOneResult),
     * so the JavaScript SDK, which keeps it, sees {@code [[a, b]]}: JsConformanceQueryTest compares
     * those cases exactly. The SDK does this per page; an expected list of one result is one page.
     */
    private static List<JsonNode> asTheJavaSdkPresents(List<JsonNode> results) {
        List<JsonNode> presented = results;
        while (presented.size() == 1 && presented.get(0).isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            presented.get(0).forEach(elements::add);
            presented = elements;
        }
        return presented;
    }

    private static boolean reshapedByTheSdk(JsonNode c) {
        return !asTheJavaSdkPresents(SdkConformance.expected(c)).equals(SdkConformance.expected(c));
    }
}
