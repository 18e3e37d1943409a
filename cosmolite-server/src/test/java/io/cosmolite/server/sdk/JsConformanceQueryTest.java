package io.cosmolite.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the 117 shared query conformance cases through the official JavaScript SDK (@azure/cosmos, see
 * {@link JsSdkTest}) against containers with 1 and with 4 physical partitions, over plain HTTP (the
 * JavaScript SDK's TLS is JsSdkTest's subject), and compares each case's results exactly with
 * Microsoft's by the README's rules. One node process per layout runs every query
 * ({@code src/test/js/query-cases.mjs}); this class loads the items and judges, as
 * ConformanceQuerySdkTest does for the Java SDK. Needs Node.js, as JsSdkTest does.
 */
class JsConformanceQueryTest {
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(2);
    private static final String SCRIPT = "query-cases.mjs";

    /** The cases known to fail through the JavaScript SDK, with the reason: the one place where they are listed. */
    private static final Map<String, String> KNOWN_FAILURES = Map.of();

    private static JsSdkProject project;

    @BeforeAll
    static void install() {
        project = JsSdkProject.installForTest();
    }

    @Test
    void everyCaseMatchesCosmosDbThroughTheJavaScriptSdk() {
        SdkConformance conformance = new SdkConformance("JavaScript SDK query conformance");
        for (int partitions : new int[] {1, 4}) {
            try (SdkFixture fx = SdkFixture.start(partitions, false)) {
                conformance.load(fx);
                JsonNode outcomes = runEveryQuery(fx, conformance.cases(), partitions + "-partitions");
                conformance.run(partitions + " partitions",
                        (container, c) -> failure(c, outcomes.get(c.get("id").asText())));
            }
        }
        conformance.assertOnlyKnownFailures(KNOWN_FAILURES);
    }

    /** Runs the script over every case: case id to {@code {"results": [...]}} or {@code {"error": "..."}}. */
    private static JsonNode runEveryQuery(SdkFixture fx, List<JsonNode> cases, String run) {
        ArrayNode queries = Json.NODES.arrayNode();
        for (int n = 0; n < cases.size(); n++) {
            JsonNode c = cases.get(n);
            queries.addObject().put("id", c.get("id").asText()).put("container", SdkConformance.container(n))
                    .put("query", c.get("query").asText()).set("parameters", c.path("parameters"));
        }
        ObjectNode input = Json.object().put("database", SdkConformance.DATABASE).set("cases", queries);
        Path outcomes = project.file("query-outcomes-" + run + ".json");
        ProcessRun script = project.runScript(SCRIPT, Map.of(
                "COSMOLITE_ENDPOINT", fx.server().endpoint(),
                "COSMOLITE_KEY", fx.server().masterKey(),
                "COSMOLITE_CASES", project.write("query-cases-" + run + ".json", Json.toString(input)).toString(),
                "COSMOLITE_OUTCOMES", outcomes.toString()), SCRIPT_TIMEOUT, run);
        assertThat(script.exitCode()).as("exit code; the script printed:%n%s", script.output()).isZero();
        try {
            return Json.parse(Files.readAllBytes(outcomes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String failure(JsonNode c, JsonNode outcome) {
        if (outcome == null) {
            return "the script reported nothing";
        }
        if (outcome.has("error")) {
            return "error " + outcome.get("error").asText();
        }
        List<JsonNode> actual = new ArrayList<>();
        outcome.get("results").forEach(actual::add);
        return SdkConformance.mismatch(c, SdkConformance.expected(c), actual);
    }
}
