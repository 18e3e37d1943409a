package io.cosmolite.server.sdk;

import io.cosmolite.engine.query.ConformanceCases;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Runs the 117 shared query conformance cases (outputs recorded from Microsoft's engine; the set and its
 * README are in the engine's test resources, read through {@code ConformanceCases}) through the official SDK, sync and async,
 * against containers with 1 and with 4 physical partitions, and compares by the README's rules. Prints
 * the pass count of each layout; the cases that cannot pass are listed, with the reason, in one map.
 */
class ConformanceQuerySdkTest {
    private static final String DB = "conformance";

    private static final String SDK_SPREADS_ARRAYS = "the Java SDK 4.81 hands out the elements of a result that is "
            + "an array as separate results; the gateway answers the array whole (QueryRoutesTest.anArrayResultIsOneResult)";

    /** The cases known to fail through the SDK, with the reason: the one place where failures are listed. */
    private static final Map<String, String> KNOWN_FAILURES = Map.of(
            "ms-samples/objecttoarray", SDK_SPREADS_ARRAYS,
            "ms-samples/objecttoarray-key", SDK_SPREADS_ARRAYS,
            "ms-samples/objecttoarray-key-value", SDK_SPREADS_ARRAYS);

    @Test
    void everyCaseMatchesCosmosDbThroughTheSdk() {
        List<JsonNode> cases = ConformanceCases.all();
        Map<String, String> failures = new TreeMap<>();
        for (int partitions : new int[] {1, 4}) {
            try (SdkFixture fx = SdkFixture.start(partitions, false)) {
                fx.syncClient().createDatabase(DB);
                for (int n = 0; n < cases.size(); n++) {
                    load(fx, "c" + n, cases.get(n));
                }
                for (SdkQueries api : SdkQueries.values()) {
                    int passed = 0;
                    for (int n = 0; n < cases.size(); n++) {
                        JsonNode c = cases.get(n);
                        String failure = run(fx, api, "c" + n, c);
                        if (failure == null) {
                            passed++;
                        } else {
                            failures.merge(c.get("id").asText(), partitions + " partitions, " + api + ": " + failure,
                                    (a, b) -> a + "\n      " + b);
                        }
                    }
                    System.out.println("SDK query conformance (" + partitions + " partitions, " + api + "): "
                            + passed + "/" + cases.size() + " passed");
                }
            }
        }
        System.out.println("SDK query conformance: " + (cases.size() - failures.size()) + "/" + cases.size()
                + " passed in every layout");
        failures.forEach((id, why) -> System.out.println("  FAIL " + id
                + (KNOWN_FAILURES.containsKey(id) ? " (known: " + KNOWN_FAILURES.get(id) + ")" : "") + ": " + why));
        Map<String, String> unexpected = new LinkedHashMap<>(failures);
        unexpected.keySet().removeAll(KNOWN_FAILURES.keySet());
        assertThat(unexpected).as("cases failing that are not listed in KNOWN_FAILURES").isEmpty();
        List<String> nowPassing = KNOWN_FAILURES.keySet().stream().filter(id -> !failures.containsKey(id)).toList();
        assertThat(nowPassing).as("cases listed in KNOWN_FAILURES that pass now: remove them from the list").isEmpty();
    }

    /** A container partitioned on /id (as the README asks) holding the case's documents. */
    private static void load(SdkFixture fx, String containerId, JsonNode c) {
        fx.syncClient().getDatabase(DB).createContainer(containerId, "/id");
        Container container = fx.server().engine().container(DB, containerId);
        for (JsonNode doc : c.get("documents")) {
            container.create(null, (ObjectNode) doc);
        }
    }

    private static String run(SdkFixture fx, SdkQueries api, String containerId, JsonNode c) {
        List<SqlParameter> parameters = new ArrayList<>();
        for (JsonNode p : c.path("parameters")) {
            parameters.add(new SqlParameter(p.get("name").asText(), p.get("value")));
        }
        List<JsonNode> actual;
        try {
            actual = api.all(fx, DB, containerId, new SqlQuerySpec(c.get("query").asText(), parameters),
                    new CosmosQueryRequestOptions());
        } catch (CosmosException e) {
            return "error " + e.getStatusCode() + ": " + e.getShortMessage();
        } catch (RuntimeException e) {
            return "client error: " + e;
        }
        List<JsonNode> expected = new ArrayList<>();
        c.get("expected").forEach(expected::add);
        List<JsonNode> stripped = ConformanceCases.withoutSystemProperties(actual);
        return ConformanceCases.sameResults(stripped, expected, c.path("ordered").asBoolean())
                ? null : "expected " + expected + " but got " + stripped;
    }
}
