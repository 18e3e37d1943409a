package io.cosmolite.engine.query.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.EngineOptions;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.PartitionKeyDefinition;
import io.cosmolite.engine.partition.PartitionKeyRange;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.query.QueryPage;
import io.cosmolite.engine.query.QueryRequest;
import io.cosmolite.engine.query.QueryScope;
import io.cosmolite.engine.query.parser.QueryParser;
import io.cosmolite.engine.query.value.Values;
import io.cosmolite.engine.resource.ResourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plays the SDK against a container of four physical partitions: each range runs the plan's
 * rewritten query, and a minimal client merges the results as the plan says (ORDER BY merge, partial
 * aggregates, GROUP BY, DISTINCT, TOP, OFFSET/LIMIT). The merged results equal what the engine
 * answers for the whole container at once.
 */
class CrossPartitionMergeTest {

    private static final PartitionKeyDefinition PK = PartitionKeyDefinition.hashV2("/pk");
    private static CosmosEngine engine;
    private static Container container;

    @BeforeAll
    static void load() {
        engine = CosmosEngine.open(EngineOptions.inMemory());
        engine.create(ResourceType.DATABASE, List.of(), (ObjectNode) Json.parse("{\"id\":\"db\"}"));
        engine.createContainer("db", (ObjectNode) Json.parse(
                "{\"id\":\"c\",\"partitionKey\":{\"paths\":[\"/pk\"],\"kind\":\"Hash\",\"version\":2},"
                        // ORDER BY on several paths needs a matching composite index, as in Cosmos DB
                        + "\"indexingPolicy\":{\"compositeIndexes\":[[{\"path\":\"/x\"},{\"path\":\"/id\"}],"
                        + "[{\"path\":\"/s\"},{\"path\":\"/id\"}]]}}"), 4, null);
        container = engine.container("db", "c");
        for (int i = 0; i < 60; i++) {
            ObjectNode doc = Json.object().put("id", "d" + i).put("pk", "p" + (i % 13)).put("x", (i * 37) % 23)
                    .put("g", "g" + (i % 4)).put("s", "s" + (i % 7));
            if (i % 5 != 0) {
                doc.put("y", i % 3);
            }
            container.create(PartitionKeyValue.of(io.cosmolite.engine.partition.PartitionKeyComponent.of("p" + (i % 13))), doc);
        }
        assertThat(container.partitionKeyRanges()).hasSize(4);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void orderBy() {
        assertMergeEqualsWhole("SELECT c.id, c.x FROM c ORDER BY c.x, c.id", true);
        assertMergeEqualsWhole("SELECT VALUE c.id FROM c ORDER BY c.x DESC, c.id DESC", true);
        assertMergeEqualsWhole("SELECT TOP 7 * FROM c WHERE c.x > 3 ORDER BY c.s, c.id", true);
        assertMergeEqualsWhole("SELECT c.id FROM c ORDER BY c.x, c.id OFFSET 5 LIMIT 9", true);
        assertMergeEqualsWhole("SELECT DISTINCT VALUE c.x FROM c ORDER BY c.x", true);
    }

    @Test
    void aggregates() {
        assertMergeEqualsWhole("SELECT VALUE COUNT(1) FROM c", false);
        assertMergeEqualsWhole("SELECT VALUE SUM(c.x) FROM c WHERE c.x > 2", false);
        assertMergeEqualsWhole("SELECT VALUE AVG(c.y) FROM c", false);
        assertMergeEqualsWhole("SELECT VALUE MIN(c.x) FROM c", false);
        assertMergeEqualsWhole("SELECT VALUE MAX(c.s) FROM c", false);
        assertMergeEqualsWhole("SELECT COUNT(1) AS n, AVG(c.x) AS a, MIN(c.y), MAX(c.y) FROM c", false);
    }

    @Test
    void groupByDistinctAndPaging() {
        assertMergeEqualsWhole("SELECT c.g, COUNT(1) AS n, SUM(c.x) AS total, AVG(c.y) AS avg, MAX(c.x) AS biggest "
                + "FROM c GROUP BY c.g", false);
        assertMergeEqualsWhole("SELECT VALUE COUNT(1) FROM c GROUP BY c.s", false);
        assertMergeEqualsWhole("SELECT DISTINCT c.g FROM c", false);
        assertMergeEqualsWhole("SELECT DISTINCT VALUE c.y FROM c", false);
        assertMergeEqualsWhole("SELECT * FROM c WHERE c.pk IN ('p1', 'p2', 'p3')", false);
    }

    private static void assertMergeEqualsWhole(String text, boolean ordered) {
        List<JsonNode> whole = drain(text, QueryScope.container());
        List<JsonNode> merged = new SimulatedClient(text).run();
        if (ordered) {
            assertThat(merged).as(text).isEqualTo(whole);
        } else {
            assertThat(sorted(merged)).as(text).isEqualTo(sorted(whole));
        }
    }

    private static List<JsonNode> sorted(List<JsonNode> rows) {
        List<JsonNode> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Values::canonicalKey));
        return copy;
    }

    private static List<JsonNode> drain(String text, QueryScope scope) {
        List<JsonNode> rows = new ArrayList<>();
        QueryRequest request = QueryRequest.of(text);
        while (true) {
            QueryPage page = container.query(request, scope);
            rows.addAll(page.items());
            if (page.continuation() == null) {
                return rows;
            }
            request = request.withContinuation(page.continuation());
        }
    }

    /** The part of the SDK's query pipeline this test needs. */
    private static final class SimulatedClient {
        private final JsonNode info;
        private final JsonNode plan;
        private final String rangeQuery;

        SimulatedClient(String text) {
            plan = QueryPlanner.plan(QueryParser.parse(text), Map.of(), PK, QueryPlanner.JAVA_SDK_FEATURES);
            info = plan.get("queryInfo");
            String rewritten = info.get("rewrittenQuery").textValue();
            rangeQuery = rewritten.isEmpty() ? text
                    : rewritten.replace("{documentdb-formattableorderbyquery-filter}", "true");
        }

        List<JsonNode> run() {
            List<List<JsonNode>> perRange = new ArrayList<>();
            for (PartitionKeyRange range : container.partitionKeyRanges()) {
                if (touched(range)) {
                    perRange.add(drain(rangeQuery, QueryScope.range(range.id())));
                }
            }
            List<JsonNode> rows;
            if (info.get("orderBy").size() > 0) {
                rows = mergeOrdered(perRange);
            } else {
                rows = perRange.stream().flatMap(List::stream).toList();
            }
            if (info.get("groupByExpressions").size() > 0) {
                rows = groupBy(rows);
            } else if (info.get("aggregates").size() > 0) {
                rows = valueAggregate(rows);
            } else if (info.get("groupByAliasToAggregateType").size() > 0) {
                rows = List.of(combinePayloads(rows.stream().map(r -> r.get("payload")).toList()));
            }
            if (!info.get("distinctType").textValue().equals("None")) {
                Map<String, JsonNode> distinct = new LinkedHashMap<>();
                rows.forEach(r -> distinct.putIfAbsent(Values.canonicalKey(r), r));
                rows = new ArrayList<>(distinct.values());
            }
            int skip = info.get("offset").isNull() ? 0 : info.get("offset").intValue();
            int take = info.get("limit").isNull() ? Integer.MAX_VALUE : info.get("limit").intValue();
            if (!info.get("top").isNull()) {
                take = Math.min(take, info.get("top").intValue());
            }
            return rows.stream().skip(skip).limit(take).toList();
        }

        private boolean touched(PartitionKeyRange range) {
            for (JsonNode r : plan.get("queryRanges")) {
                String min = r.get("min").textValue();
                String max = r.get("max").textValue();
                boolean point = r.get("isMaxInclusive").booleanValue();
                boolean overlaps = point ? range.contains(min)
                        : min.compareTo(range.maxExclusive()) < 0 && max.compareTo(range.minInclusive()) > 0;
                if (overlaps) {
                    return true;
                }
            }
            return false;
        }

        /** K-way merge of the ranges' sorted streams by their orderByItems, keeping the payloads. */
        private List<JsonNode> mergeOrdered(List<List<JsonNode>> perRange) {
            List<String> directions = new ArrayList<>();
            info.get("orderBy").forEach(d -> directions.add(d.textValue()));
            Comparator<JsonNode> byItems = (a, b) -> {
                for (int i = 0; i < directions.size(); i++) {
                    int c = Values.sortCompare(a.get("orderByItems").get(i).get("item"),
                            b.get("orderByItems").get(i).get("item"));
                    if (c != 0) {
                        return directions.get(i).equals("Descending") ? -c : c;
                    }
                }
                return 0;
            };
            List<JsonNode> out = new ArrayList<>();
            int[] at = new int[perRange.size()];
            while (true) {
                int best = -1;
                for (int i = 0; i < perRange.size(); i++) {
                    if (at[i] < perRange.get(i).size() && (best < 0
                            || byItems.compare(perRange.get(i).get(at[i]), perRange.get(best).get(at[best])) < 0)) {
                        best = i;
                    }
                }
                if (best < 0) {
                    return out;
                }
                JsonNode payload = perRange.get(best).get(at[best]++).get("payload");
                if (payload != null) {
                    out.add(payload);
                }
            }
        }

        private List<JsonNode> valueAggregate(List<JsonNode> rows) {
            String op = info.get("aggregates").get(0).textValue();
            List<JsonNode> partials = rows.stream().map(r -> r.get(0)).toList();
            JsonNode v = combine(op, partials);
            return v == null ? List.of() : List.of(v);
        }

        private List<JsonNode> groupBy(List<JsonNode> rows) {
            Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
            for (JsonNode r : rows) {
                groups.computeIfAbsent(Values.canonicalKey(r.get("groupByItems")), k -> new ArrayList<>())
                        .add(r.get("payload"));
            }
            List<JsonNode> out = new ArrayList<>();
            for (List<JsonNode> payloads : groups.values()) {
                if (info.get("hasSelectValue").booleanValue()) {
                    if (info.get("aggregates").size() > 0) {
                        JsonNode v = combine(info.get("aggregates").get(0).textValue(),
                                payloads.stream().map(p -> p.get(0)).toList());
                        if (v != null) {
                            out.add(v);
                        }
                    } else {
                        out.add(payloads.get(0));
                    }
                } else {
                    out.add(combinePayloads(payloads));
                }
            }
            return out;
        }

        /** A non-VALUE row from the partial objects of every range: aggregates combined, others as is. */
        private JsonNode combinePayloads(List<JsonNode> payloads) {
            ObjectNode row = Json.object();
            for (JsonNode alias : info.get("groupByAliases")) {
                String name = alias.textValue();
                JsonNode op = info.get("groupByAliasToAggregateType").get(name);
                JsonNode v = op == null || op.isNull() ? payloads.get(0).get(name)
                        : combine(op.textValue(), payloads.stream().map(p -> p.get(name)).toList());
                if (v != null) {
                    row.set(name, v);
                }
            }
            return row;
        }

        /** Combines the partial results {@code {"item": ..., "item2": ...}} of one aggregate. */
        private static JsonNode combine(String op, List<JsonNode> partials) {
            switch (op) {
                case "Count", "Sum" -> {
                    double total = 0;
                    for (JsonNode p : partials) {
                        JsonNode item = p.get("item");
                        if (item == null || !item.isNumber()) {
                            return op.equals("Count") ? Values.number(total) : null;
                        }
                        total += item.doubleValue();
                    }
                    return Values.number(total);
                }
                case "Average" -> {
                    double sum = 0;
                    double count = 0;
                    for (JsonNode p : partials) {
                        JsonNode item = p.get("item");
                        if (item == null || item.get("sum") == null || !item.get("sum").isNumber()) {
                            continue;
                        }
                        sum += item.get("sum").doubleValue();
                        count += item.get("count").doubleValue();
                    }
                    return count == 0 ? null : Values.number(sum / count);
                }
                default -> {
                    // Min and Max: the best defined partial among ranges that counted something.
                    boolean min = op.equals("Min");
                    JsonNode best = null;
                    for (JsonNode p : partials) {
                        JsonNode item2 = p.get("item2");
                        if (item2 == null || item2.get("count").doubleValue() == 0) {
                            continue;
                        }
                        JsonNode v = item2.get(min ? "min" : "max");
                        if (best == null || (min ? Values.sortCompare(v, best) < 0 : Values.sortCompare(v, best) > 0)) {
                            best = v;
                        }
                    }
                    return best;
                }
            }
        }
    }
}
