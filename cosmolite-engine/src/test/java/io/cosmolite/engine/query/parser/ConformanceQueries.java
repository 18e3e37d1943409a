package io.cosmolite.engine.query.parser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query texts of the shared conformance cases ({@code cosmos-query-samples.jsonl}), by case id.
 * The file is found through the system property {@code cosmolite.conformance}, else in a
 * {@code shared/conformance/query} folder beside the working directory or one of its parents.
 */
final class ConformanceQueries {
    static final String FILE = "cosmos-query-samples.jsonl";

    private ConformanceQueries() {}

    static Map<String, String> load() {
        Path file = locate();
        ObjectMapper mapper = new ObjectMapper();
        Map<String, String> queries = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    JsonNode c = mapper.readTree(line);
                    queries.put(c.get("id").asText(), c.get("query").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queries;
    }

    private static Path locate() {
        String property = System.getProperty("cosmolite.conformance");
        List<Path> candidates = new ArrayList<>();
        if (property != null) {
            candidates.add(Path.of(property));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("shared/conformance/query").resolve(FILE));
        }
        candidates.add(Path.of("/work/shared/conformance/query").resolve(FILE));
        return candidates.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("conformance file " + FILE + " not found in " + candidates));
    }
}
