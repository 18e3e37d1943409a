package io.cosmolite.engine.query.parser;

import io.cosmolite.engine.query.ConformanceCases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query texts of the shared conformance cases ({@code cosmos-query-samples.jsonl}), by case id.
 */
final class ConformanceQueries {
    static final String FILE = "cosmos-query-samples.jsonl";

    private ConformanceQueries() {}

    static Map<String, String> load() {
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode c : ConformanceCases.all()) {
            queries.put(c.get("id").asText(), c.get("query").asText());
        }
        return queries;
    }
}
