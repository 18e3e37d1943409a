package io.cosmolite.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.query.ConformanceCases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The shared query conformance cases run through an official SDK against the gateway, the same way
 * for every SDK: each case's documents in a container of its own, each run's pass count printed, and
 * the failures of all runs judged at the end against the test's one list of known failures. One
 * instance per test method.
 */
final class SdkConformance {
    static final String DATABASE = "conformance";

    private final String title;
    private final List<JsonNode> cases = ConformanceCases.all();
    /** Case id to what went wrong, one line per run it failed in. */
    private final Map<String, String> failures = new TreeMap<>();

    /** @param title how the printed pass counts begin, e.g. {@code SDK query conformance} */
    SdkConformance(String title) {
        this.title = title;
    }

    /** Every case, in the file's order. */
    List<JsonNode> cases() {
        return cases;
    }

    /** The container of the case at {@code index} of {@link #cases()}. */
    static String container(int index) {
        return "c" + index;
    }

    /**
     * Creates {@link #DATABASE} and, for each case, a container partitioned on /id (as the README asks)
     * holding the case's documents.
     */
    void load(SdkFixture fx) {
        fx.syncClient().createDatabase(DATABASE);
        for (int n = 0; n < cases.size(); n++) {
            fx.syncClient().getDatabase(DATABASE).createContainer(container(n), "/id");
            Container container = fx.server().engine().container(DATABASE, container(n));
            for (JsonNode doc : cases.get(n).get("documents")) {
                container.create(null, (ObjectNode) doc);
            }
        }
    }

    /**
     * Runs every case once and prints the pass count.
     *
     * @param run     names the run in the output, e.g. {@code 4 partitions, SYNC}
     * @param failure given a case's container and the case, runs its query: what went wrong, or null when it passed
     */
    void run(String run, BiFunction<String, JsonNode, String> failure) {
        int passed = 0;
        for (int n = 0; n < cases.size(); n++) {
            JsonNode c = cases.get(n);
            String why = failure.apply(container(n), c);
            if (why == null) {
                passed++;
            } else {
                failures.merge(c.get("id").asText(), run + ": " + why, (a, b) -> a + "\n      " + b);
            }
        }
        System.out.println(title + " (" + run + "): " + passed + "/" + cases.size() + " passed");
    }

    /**
     * Prints how many cases passed in every run and why the others failed, then asserts that the
     * failing cases are exactly those of {@code knownFailures} (case id to reason): a new failure fails
     * the test, and so does a listed case that passes now.
     */
    void assertOnlyKnownFailures(Map<String, String> knownFailures) {
        System.out.println(title + ": " + (cases.size() - failures.size()) + "/" + cases.size()
                + " passed in every layout");
        failures.forEach((id, why) -> System.out.println("  FAIL " + id
                + (knownFailures.containsKey(id) ? " (known: " + knownFailures.get(id) + ")" : "") + ": " + why));
        Map<String, String> unexpected = new LinkedHashMap<>(failures);
        unexpected.keySet().removeAll(knownFailures.keySet());
        assertThat(unexpected).as("cases failing that are not listed as known failures").isEmpty();
        List<String> nowPassing = knownFailures.keySet().stream().filter(id -> !failures.containsKey(id)).toList();
        assertThat(nowPassing).as("cases listed as known failures that pass now: remove them from the list").isEmpty();
    }

    /** The case's expected results, as Microsoft's engine returned them. */
    static List<JsonNode> expected(JsonNode c) {
        List<JsonNode> expected = new ArrayList<>();
        c.get("expected").forEach(expected::add);
        return expected;
    }

    /**
     * Null when {@code actual} matches {@code expected} by the README's rules (in order when the case
     * says so), else what differs.
     */
    static String mismatch(JsonNode c, List<JsonNode> expected, List<JsonNode> actual) {
        List<JsonNode> stripped = ConformanceCases.withoutSystemProperties(actual);
        return ConformanceCases.sameResults(stripped, expected, c.path("ordered").asBoolean())
                ? null : "expected " + expected + " but got " + stripped;
    }
}
