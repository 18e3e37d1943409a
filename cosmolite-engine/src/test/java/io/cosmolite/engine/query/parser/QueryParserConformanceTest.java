package io.cosmolite.engine.query.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmolite.engine.query.ast.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every query of the shared conformance cases parses. */
class QueryParserConformanceTest {

    @Test
    void everyConformanceQueryParses() {
        Map<String, String> queries = ConformanceQueries.load();
        assertThat(queries).hasSize(117);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> c : queries.entrySet()) {
            try {
                Query q = QueryParser.parse(c.getValue());
                assertThat(q.select()).isNotNull();
                // a FROM keyword in the text means a FROM clause in the tree
                assertThat(q.from() != null).as(c.getKey())
                        .isEqualTo(c.getValue().toUpperCase(java.util.Locale.ROOT).matches("(?s).*\\bFROM\\b.*"));
            } catch (RuntimeException e) {
                failures.add(c.getKey() + ": " + e.getMessage());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void samplesHaveTheExpectedShape() {
        Map<String, String> queries = ConformanceQueries.load();
        Query q = QueryParser.parse(queries.get("ms-samples/absolute-value"));
        assertThat(AstPrinter.print(q))
                .isEqualTo("SELECT VALUE {absoluteNegativeOne: ABS(-1), absoluteZero: ABS(0), absoluteOne: ABS(1)}");
    }
}
