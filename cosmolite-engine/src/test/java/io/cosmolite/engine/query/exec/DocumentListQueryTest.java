package io.cosmolite.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.parser.QueryParser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentListQueryTest {
    private static final List<JsonNode> USERS = List.of(
            Json.parse("{\"id\":\"b\",\"team\":\"x\",\"n\":2}"),
            Json.parse("{\"id\":\"a\",\"team\":\"y\",\"n\":1}"),
            Json.parse("{\"id\":\"c\",\"team\":\"x\"}"));

    private static List<String> run(String text, Map<String, JsonNode> parameters) {
        return DocumentListQuery.run(text, parameters, USERS, Clock.systemUTC(), QueryParser::parse).stream()
                .map(Json::toString).toList();
    }

    @Test
    void keepsTheListOrderWithoutOrderBy() {
        assertThat(run("SELECT VALUE r.id FROM root r", Map.of())).containsExactly("\"b\"", "\"a\"", "\"c\"");
    }

    @Test
    void runsProjectionsOrderingAggregatesAndGrouping() {
        assertThat(run("SELECT r.id, r.n FROM r WHERE r.team = @t ORDER BY r.id DESC",
                Map.of("@t", Json.NODES.textNode("x")))).containsExactly("{\"id\":\"c\"}", "{\"id\":\"b\",\"n\":2}");
        assertThat(run("SELECT VALUE COUNT(1) FROM r", Map.of())).containsExactly("3");
        assertThat(run("SELECT r.team, SUM(r.n) AS total FROM r GROUP BY r.team", Map.of()))
                .containsExactlyInAnyOrder("{\"team\":\"x\",\"total\":2}", "{\"team\":\"y\",\"total\":1}");
        assertThat(run("SELECT DISTINCT VALUE r.team FROM r", Map.of())).containsExactlyInAnyOrder("\"x\"", "\"y\"");
        assertThat(run("SELECT * FROM r ORDER BY r.id OFFSET 1 LIMIT 1", Map.of()))
                .containsExactly("{\"id\":\"b\",\"team\":\"x\",\"n\":2}");
    }

    @Test
    void refusesWhatAContainerQueryRefuses() {
        assertThatThrownBy(() -> run("SELECT * FROM r WHERE", Map.of()))
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> run("SELECT * FROM r WHERE r.id = @missing", Map.of()))
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
