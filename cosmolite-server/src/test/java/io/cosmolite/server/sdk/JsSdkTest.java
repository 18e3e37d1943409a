package io.cosmolite.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmolite.server.CosmoliteServer;
import io.cosmolite.server.ServerOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official JavaScript SDK (@azure/cosmos, pinned by {@code src/test/js/package-lock.json})
 * against a real server with 4 physical partitions, over TLS (trusting the server's certificate the
 * way {@code cosmolite serve} tells JavaScript users to) and over plain HTTP. The script
 * {@code src/test/js/sdk-check.mjs} runs CRUD, queries, batch, bulk and the change feed, asserting
 * each result, and prints one line per check; every check listed here must report "ok", so a check
 * the script skipped fails too.
 *
 * <p>Needs Node.js 20+ and npm on the PATH (and the npm registry the first time, for {@code npm ci}
 * into {@code target/js-sdk}); fails without them unless {@code -Dcosmolite.js.skip=true}.
 */
class JsSdkTest {
    private static final int PARTITIONS = 4;
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(2);
    private static final String SCRIPT = "sdk-check.mjs";

    /** The checks the script reports, in its order. */
    private static final List<String> CHECKS = List.of(
            "database create, read, delete",
            "container create, read, replace, delete",
            "item create and read",
            "item replace with a matching etag",
            "item replace with a stale etag is 412",
            "item upsert creates, then replaces",
            "item patch, with a condition",
            "item delete, then read is 404",
            "missing item is 404",
            "duplicate id is 409",
            "query with parameters",
            "query in one partition key",
            "cross-partition ORDER BY, paged",
            "aggregates COUNT and SUM",
            "DISTINCT",
            "TOP",
            "OFFSET LIMIT",
            "query resumed from a continuation token",
            "batch commits every operation",
            "failing batch answers 409 and 424 and writes nothing",
            "bulk over every partition",
            "change feed from the beginning, whole container",
            "change feed from the beginning, per feed range",
            "change feed for one partition key",
            "change feed from now sees only later writes");

    private static JsSdkProject project;

    @BeforeAll
    static void install() {
        project = JsSdkProject.installForTest();
    }

    @ParameterizedTest(name = "tls={0}")
    @ValueSource(booleans = {true, false})
    void theJavaScriptSdkPassesEveryCheck(boolean tls) {
        try (CosmoliteServer server = CosmoliteServer.start(ServerOptions.defaults().withPort(0).withTls(tls)
                .withPartitions(PARTITIONS))) {
            Map<String, String> environment = new HashMap<>(Map.of(
                    "COSMOLITE_ENDPOINT", server.endpoint(),
                    "COSMOLITE_KEY", server.masterKey(),
                    "COSMOLITE_PARTITIONS", Integer.toString(PARTITIONS)));
            if (tls) {
                environment.put("COSMOLITE_CA_FILE", project.write("cosmolite.pem", server.certificatePem()).toString());
            }

            ProcessRun run = project.runScript(SCRIPT, environment, SCRIPT_TIMEOUT, tls ? "tls" : "http");

            assertThat(passedChecks(run.output())).as("the checks reported ok; the script printed:%n%s", run.output())
                    .containsExactlyElementsOf(CHECKS);
            assertThat(run.exitCode()).as("exit code; the script printed:%n%s", run.output()).isZero();
        }
    }

    /** The names of the checks the script reported as passed ({@code ok - <name>}), in order. */
    private static List<String> passedChecks(String output) {
        return output.lines().filter(line -> line.startsWith("ok - ")).map(line -> line.substring("ok - ".length()))
                .toList();
    }
}
