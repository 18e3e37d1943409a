package io.cosmolite.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The shared query conformance cases (outputs recorded from Microsoft's engine), read from the
 * copy in the test resources ({@code conformance/query/}, with its README), so that every test of
 * every layer reads the same 117 cases on any machine.
 */
public final class ConformanceCases {
    private static final String RESOURCE = "/conformance/query/cosmos-query-samples.jsonl";
    private static List<JsonNode> cases;

    private ConformanceCases() {}

    /** Every case as a JSON object: id, query, parameters, documents, expected, ordered. */
    public static synchronized List<JsonNode> all() {
        if (cases == null) {
            try (InputStream in = ConformanceCases.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("test resource " + RESOURCE + " is missing");
                }
                cases = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank()).map(Json::parse).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cases;
    }
}
