package io.cosmolite.engine.query.functions;

import io.cosmolite.engine.query.ConformanceCases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The conformance cases (Microsoft's engine's own outputs) that a function family can check on its
 * own: {@code SELECT VALUE <constant expression>} over no documents, calling only functions of the
 * families under test. Their expressions run through {@link TestExpressions}.
 */
final class SampleCases {
    /** Where the shared case file lives when the repository holds no copy of it. */
    private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final String SELECT_VALUE = "SELECT VALUE";
    private static final double RELATIVE_TOLERANCE = 1e-9;

    /** One case: its id, the expression after SELECT VALUE, and the one expected result. */
    record Case(String id, String expression, JsonNode expected) {
        @Override
        public String toString() {
            return id;
        }
    }

    private SampleCases() {}


    /**
     * The cases calling at least one function of {@code family} and nothing outside
     * {@code allowed}.
     */
    static List<Case> using(List<BuiltinFunction> family, Set<String> allowed) {
        Set<String> own = names(family);
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : read()) {
            String query = c.get("query").textValue().trim();
            if (c.get("documents").size() > 0 || !query.startsWith(SELECT_VALUE) || c.get("expected").size() != 1) {
                continue;
            }
            Set<String> called = calls(query);
            if (!called.isEmpty() && allowed.containsAll(called) && called.stream().anyMatch(own::contains)) {
                cases.add(new Case(c.get("id").textValue(), query.substring(SELECT_VALUE.length()), c.get("expected").get(0)));
            }
        }
        return cases;
    }

    /** The whole case of this id: query, documents, expected results. */
    static JsonNode byId(String id) {
        return read().stream().filter(c -> c.get("id").textValue().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + id));
    }

    /**
     * The results of a {@code FROM products p WHERE p.category = "..."} case computed by hand:
     * the expression evaluated with {@code p} bound to each document of that category.
     */
    static List<JsonNode> overCategory(JsonNode c, String category, String expression) {
        List<JsonNode> results = new ArrayList<>();
        for (JsonNode doc : c.get("documents")) {
            if (category.equals(doc.path("category").textValue())) {
                results.add(TestExpressions.eval(expression, Map.of("p", doc)));
            }
        }
        return results;
    }

    /** The upper-case names of the functions this helper's owner implements. */
    static Set<String> ownFunctions() {
        List<BuiltinFunction> all = new ArrayList<>();
        all.addAll(MathFunctions.all());
        all.addAll(IntegerFunctions.all());
        all.addAll(TypeCheckingFunctions.all());
        all.addAll(StringFunctions.all());
        all.addAll(ConditionalFunctions.all());
        all.addAll(ItemFunctions.all());
        return names(all);
    }

    static Set<String> names(List<BuiltinFunction> functions) {
        return functions.stream().map(f -> f.name().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** Runs a case and compares as the case file's README says: numbers within 1e-9 relative. */
    static void check(Case c) {
        JsonNode actual = TestExpressions.eval(c.expression());
        assertThat(actual).as("%s returned undefined", c.id()).isNotNull();
        assertThat(ConformanceCases.same(actual, c.expected()))
                .as("%s: expected %s, got %s", c.id(), c.expected(), actual)
                .isTrue();
    }

    private static Set<String> calls(String query) {
        Matcher m = CALL.matcher(query);
        Set<String> names = new java.util.HashSet<>();
        while (m.find()) {
            names.add(m.group(1).toUpperCase(Locale.ROOT));
        }
        return names;
    }

    private static List<JsonNode> cases;

    private static synchronized List<JsonNode> read() {
        if (cases == null) {
            cases = load();
        }
        return cases;
    }

    private static List<JsonNode> load() {
        return ConformanceCases.all();
    }
}
