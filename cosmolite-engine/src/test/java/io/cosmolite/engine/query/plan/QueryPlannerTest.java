package io.cosmolite.engine.query.plan;

import static io.cosmolite.engine.query.plan.Ast.and;
import static io.cosmolite.engine.query.plan.Ast.bin;
import static io.cosmolite.engine.query.plan.Ast.call;
import static io.cosmolite.engine.query.plan.Ast.eq;
import static io.cosmolite.engine.query.plan.Ast.in;
import static io.cosmolite.engine.query.plan.Ast.item;
import static io.cosmolite.engine.query.plan.Ast.lit;
import static io.cosmolite.engine.query.plan.Ast.param;
import static io.cosmolite.engine.query.plan.Ast.path;
import static io.cosmolite.engine.query.plan.Ast.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.PartitionKeyDefinition;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden plans. Unless a test says otherwise, the expected rewritten queries and query infos are
 * those of Microsoft's query-plan engine (ServiceInterop, which the gateway runs) recorded in
 * Azure/azure-cosmos-dotnet-v3, Microsoft.Azure.Cosmos/tests/Microsoft.Azure.Cosmos.Tests/
 * BaselineTest/TestBaseline/QueryPlanBaselineTests.{OrderBy,MultiOrderBy,Aggregates,
 * NonValueAggregates,GroupBy,Distinct,Top,OffsetLimit,PointRange,ManyRanges,Basic}.xml. Where the
 * syntax tree cannot tell how the query was written (an explicit ASC), the query here is written the
 * other way.
 */
class QueryPlannerTest {

    private static final PartitionKeyDefinition KEY = PartitionKeyDefinition.hashV2("/key");
    private static final String FILTER = "{documentdb-formattableorderbyquery-filter}";

    private static ObjectNode plan(Query q) {
        return plan(q, Map.of(), KEY);
    }

    private static ObjectNode plan(Query q, Map<String, JsonNode> params, PartitionKeyDefinition pk) {
        return QueryPlanner.plan(q, params, pk, QueryPlanner.JAVA_SDK_FEATURES);
    }

    private static JsonNode info(Query q) {
        return plan(q).get("queryInfo");
    }

    private static String rewritten(Query q) {
        return info(q).get("rewrittenQuery").textValue();
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    // ---------------------------------------------------------------- whole shape

    @Test
    void orderByPlanHasEveryFieldInTheGatewaysOrder() {
        ObjectNode plan = plan(select().from("Root", "r").orderBy(path("r", "blah"), false).build());
        assertThat(plan).isEqualTo(Json.parse("""
                {"partitionedQueryExecutionInfoVersion":2,
                 "queryInfo":{"distinctType":"None","top":null,"offset":null,"limit":null,
                   "orderBy":["Ascending"],"orderByExpressions":["r.blah"],"groupByExpressions":[],
                   "groupByAliases":[],"aggregates":[],"groupByAliasToAggregateType":{},
                   "rewrittenQuery":"SELECT r._rid, [{\\"item\\": r.blah}] AS orderByItems, r AS payload\\nFROM Root AS r\\nWHERE ({documentdb-formattableorderbyquery-filter})\\nORDER BY r.blah",
                   "hasSelectValue":false,"dCountInfo":null,"hasNonStreamingOrderBy":false},
                 "queryRanges":[{"min":"","max":"FF","isMinInclusive":true,"isMaxInclusive":false}]}
                """));
        List<String> keys = new java.util.ArrayList<>();
        plan.get("queryInfo").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("distinctType", "top", "offset", "limit", "orderBy", "orderByExpressions",
                "groupByExpressions", "groupByAliases", "aggregates", "groupByAliasToAggregateType", "rewrittenQuery",
                "hasSelectValue", "dCountInfo", "hasNonStreamingOrderBy");
    }

    @Test
    void simpleQueryIsSentUnchanged() {
        JsonNode info = info(select().from("c", null).where(eq(path("c", "blah"), lit(5))).build());
        assertThat(info.get("rewrittenQuery").textValue()).isEmpty();
        assertThat(info.get("distinctType").textValue()).isEqualTo("None");
        assertThat(info.get("hasSelectValue").booleanValue()).isFalse();
    }

    // ---------------------------------------------------------------- ORDER BY

    @Test
    void orderByDescendingAndWithFilter() {
        JsonNode info = info(select().from("Root", "r").where(eq(path("r", "key"), lit("key")))
                .orderBy(path("r", "key"), true).build());
        assertThat(strings(info.get("orderBy"))).containsExactly("Descending");
        assertThat(info.get("rewrittenQuery").textValue()).isEqualTo(
                "SELECT r._rid, [{\"item\": r.key}] AS orderByItems, r AS payload\nFROM Root AS r\n"
                        + "WHERE ((r.key = \"key\") AND (" + FILTER + "))\nORDER BY r.key DESC");
    }

    @Test
    void orderByWithTopKeepsTopPerRange() {
        JsonNode info = info(select().top(lit(10)).from("Root", "r").orderBy(path("r", "key"), false).build());
        assertThat(info.get("top").intValue()).isEqualTo(10);
        assertThat(info.get("rewrittenQuery").textValue()).isEqualTo(
                "SELECT TOP 10 r._rid, [{\"item\": r.key}] AS orderByItems, r AS payload\nFROM Root AS r\n"
                        + "WHERE (" + FILTER + ")\nORDER BY r.key");
    }

    @Test
    void orderByWithProjectionListPutsItemsUnderTheirNames() {
        assertThat(rewritten(select().list(item(path("c", "blah")), item(path("c", "blah2"))).from("Root", "c")
                .orderBy(path("c", "key"), false).build())).isEqualTo(
                "SELECT c._rid, [{\"item\": c.key}] AS orderByItems, {\"blah\": c.blah, \"blah2\": c.blah2} AS payload\n"
                        + "FROM Root AS c\nWHERE (" + FILTER + ")\nORDER BY c.key");
        // An item without a name of its own is $1, $2, ...
        assertThat(rewritten(select().top(lit(50)).list(item(new Expr.Index(path("r"), lit(0)))).from("r", null)
                .orderBy(path("r", "key"), false).build())).isEqualTo(
                "SELECT TOP 50 r._rid, [{\"item\": r.key}] AS orderByItems, {\"$1\": r[0]} AS payload\nFROM r\n"
                        + "WHERE (" + FILTER + ")\nORDER BY r.key");
        assertThat(rewritten(select().top(lit(70)).list(item(path("r", "a"))).from("Root", "r")
                .orderBy(path("r", "key"), true).build())).contains("{\"a\": r.a} AS payload");
    }

    @Test
    void orderByValueRequiresTheValueToBeDefined() {
        JsonNode info = info(select().value(path("r", "a")).from("r", null).where(eq(path("r", "d"), lit(true)))
                .orderBy(path("r", "b"), false).build());
        assertThat(info.get("hasSelectValue").booleanValue()).isTrue();
        assertThat(info.get("rewrittenQuery").textValue()).isEqualTo(
                "SELECT r._rid, [{\"item\": r.b}] AS orderByItems, r.a AS payload\nFROM r\n"
                        + "WHERE (((r.d = true) AND (" + FILTER + ")) AND IS_DEFINED(r.a))\nORDER BY r.b");
        assertThat(rewritten(select().value(lit(1)).from("r", null).orderBy(path("r", "_ts"), false).build()))
                .isEqualTo("SELECT r._rid, [{\"item\": r._ts}] AS orderByItems, 1 AS payload\nFROM r\n"
                        + "WHERE ((" + FILTER + ") AND IS_DEFINED(1))\nORDER BY r._ts");
    }

    @Test
    void multipleOrderByItems() {
        JsonNode info = info(select().from("c", null).where(eq(path("c", "property4"), lit("asdf")))
                .orderBy(path("c", "orderByField1"), false).orderBy(path("c", "orderByField2"), true).build());
        assertThat(strings(info.get("orderBy"))).containsExactly("Ascending", "Descending");
        assertThat(strings(info.get("orderByExpressions"))).containsExactly("c.orderByField1", "c.orderByField2");
        assertThat(info.get("rewrittenQuery").textValue()).isEqualTo(
                "SELECT c._rid, [{\"item\": c.orderByField1}, {\"item\": c.orderByField2}] AS orderByItems, c AS payload\n"
                        + "FROM c\nWHERE ((c.property4 = \"asdf\") AND (" + FILTER + "))\n"
                        + "ORDER BY c.orderByField1, c.orderByField2 DESC");
    }

    @Test
    void orderByAFunctionIsRejected() {
        assertThatThrownBy(() -> plan(select().from("root", null)
                .orderBy(call("LOWER", path("root", "field")), false).build()))
                .isInstanceOf(CosmosException.class)
                .hasMessageContaining("ORDER BY item expression could not be mapped to a document path.");
    }

    @Test
    void vectorSearchOrderByIsNonStreaming() {
        String v = "VectorDistance(c.embedding, @vectorEmbedding, true)";
        Query q = io.cosmolite.engine.query.parser.QueryParser.parse("SELECT TOP 10 c.title AS Title, " + v
                + " AS SimilarityScore FROM c ORDER BY " + v);
        JsonNode info = info(q);
        assertThat(info.get("hasNonStreamingOrderBy").booleanValue()).isTrue();
        assertThat(strings(info.get("orderByExpressions"))).containsExactly(v);
        assertThat(info.get("rewrittenQuery").textValue()).isEqualTo("SELECT TOP 10 c._rid, [{\"item\": " + v
                + "}] AS orderByItems, {\"Title\": c.title, \"SimilarityScore\": " + v + "} AS payload\nFROM c\n"
                + "WHERE (" + FILTER + ")\nORDER BY " + v);
    }

    // ---------------------------------------------------------------- aggregates

    @Test
    void valueAggregatesTravelAsPartials() {
        Query avg = select().value(call("AVG", path("c", "blah"))).from("c", null).build();
        JsonNode info = info(avg);
        assertThat(strings(info.get("aggregates"))).containsExactly("Average");
        assertThat(info.get("hasSelectValue").booleanValue()).isTrue();
        assertThat(info.get("rewrittenQuery").textValue()).isEqualTo(
                "SELECT VALUE [{\"item\": {\"sum\": SUM(c.blah), \"count\": COUNT(c.blah)}}]\nFROM c");
        assertThat(rewritten(select().value(call("MIN", path("c", "blah"))).from("c", null).build())).isEqualTo(
                "SELECT VALUE [{\"item\": MIN(c.blah), \"item2\": {\"min\": MIN(c.blah), \"count\": COUNT(c.blah)}}]\nFROM c");
        assertThat(rewritten(select().value(call("MAX", path("c", "blah"))).from("c", null).build())).isEqualTo(
                "SELECT VALUE [{\"item\": MAX(c.blah), \"item2\": {\"max\": MAX(c.blah), \"count\": COUNT(c.blah)}}]\nFROM c");
        assertThat(rewritten(select().value(call("SUM", path("c", "blah"))).from("c", null).build()))
                .isEqualTo("SELECT VALUE [{\"item\": SUM(c.blah)}]\nFROM c");
        assertThat(rewritten(select().value(call("COUNT", lit(1))).from("c", null).build()))
                .isEqualTo("SELECT VALUE [{\"item\": COUNT(1)}]\nFROM c");
        assertThat(rewritten(select().value(call("MIN", bin(Expr.BinaryOp.ADD, path("c", "blah"), lit(1))))
                .from("c", null).build())).isEqualTo("SELECT VALUE [{\"item\": MIN((c.blah + 1)), \"item2\": "
                + "{\"min\": MIN((c.blah + 1)), \"count\": COUNT((c.blah + 1))}}]\nFROM c");
    }

    @Test
    void valueAggregateDropsTopFromTheRangeQueryAndKeepsOrderBy() {
        JsonNode info = info(select().top(lit(10)).value(call("AVG", bin(Expr.BinaryOp.ADD, path("r", "age"), lit(1))))
                .from("Root", "r").build());
        assertThat(info.get("top").intValue()).isEqualTo(10);
        assertThat(info.get("rewrittenQuery").textValue()).isEqualTo(
                "SELECT VALUE [{\"item\": {\"sum\": SUM((r.age + 1)), \"count\": COUNT((r.age + 1))}}]\nFROM Root AS r");
        JsonNode ordered = info(select().value(call("AVG", bin(Expr.BinaryOp.ADD, path("c", "age"), lit(1))))
                .from("Root", "r").join("c", path("r", "children")).where(bin(Expr.BinaryOp.GREATER, path("c", "age"), lit(1)))
                .orderBy(path("c", "name"), false).build());
        assertThat(ordered.get("orderBy")).isEmpty();
        assertThat(ordered.get("rewrittenQuery").textValue()).isEqualTo(
                "SELECT VALUE [{\"item\": {\"sum\": SUM((c.age + 1)), \"count\": COUNT((c.age + 1))}}]\n"
                        + "FROM Root AS r\nJOIN c IN r.children\nWHERE (c.age > 1)\nORDER BY c.name");
    }

    @Test
    void nonValueAggregatesAreNamedPayloadProperties() {
        JsonNode info = info(select().list(item(call("SUM", path("c", "blah")), "sum_blah"), item(call("SUM", path("c", "blah"))),
                item(call("SUM", path("c", "blah")), "sum_blah2")).from("c", null).build());
        assertThat(strings(info.get("groupByAliases"))).containsExactly("sum_blah", "$1", "sum_blah2");
        assertThat(info.get("groupByAliasToAggregateType")).isEqualTo(
                Json.parse("{\"sum_blah\":\"Sum\",\"$1\":\"Sum\",\"sum_blah2\":\"Sum\"}"));
        assertThat(info.get("aggregates")).isEmpty();
        assertThat(info.get("groupByExpressions")).isEmpty();
        assertThat(info.get("rewrittenQuery").textValue()).isEqualTo("SELECT {\"sum_blah\": {\"item\": SUM(c.blah)}, "
                + "\"$1\": {\"item\": SUM(c.blah)}, \"sum_blah2\": {\"item\": SUM(c.blah)}} AS payload\nFROM c");

        ObjectNode plan = plan(select().list(item(call("MIN", path("c", "blah"))), item(call("MAX", path("c", "blah"))))
                .from("c", null).where(eq(path("c", "pk"), lit(1))).build(), Map.of(), PartitionKeyDefinition.hashV2("/pk"));
        assertThat(plan.get("queryInfo").get("rewrittenQuery").textValue()).isEqualTo(
                "SELECT {\"$1\": {\"item\": MIN(c.blah), \"item2\": {\"min\": MIN(c.blah), \"count\": COUNT(c.blah)}}, "
                        + "\"$2\": {\"item\": MAX(c.blah), \"item2\": {\"max\": MAX(c.blah), \"count\": COUNT(c.blah)}}} "
                        + "AS payload\nFROM c\nWHERE (c.pk = 1)");
        assertThat(plan.get("queryRanges")).hasSize(1);
        assertThat(plan.get("queryRanges").get(0).get("isMaxInclusive").booleanValue()).isTrue();
    }

    @Test
    void aggregateInsideAnotherExpressionIsRejected() {
        assertThatThrownBy(() -> plan(select().list(item(bin(Expr.BinaryOp.DIVIDE, call("MIN", path("c", "blah")), lit(2))))
                .from("c", null).build()))
                .isInstanceOf(CosmosException.class)
                .hasMessage("{\"Errors\":[\"Compositions of aggregates and other expressions are not allowed.\"]}");
        assertThatThrownBy(() -> plan(select().value(new Expr.ObjectConstructor(List.of(
                new Expr.PropertyDef("sum", call("SUM", path("r")))))).from("r", null).build()))
                .isInstanceOf(CosmosException.class).hasMessageContaining("Compositions of aggregates");
        // An aggregate of an expression is fine.
        assertThat(rewritten(select().list(item(call("MIN", bin(Expr.BinaryOp.DIVIDE, path("c", "blah"), lit(2)))))
                .from("c", null).build())).startsWith("SELECT {\"$1\": {\"item\": MIN((c.blah / 2)), ");
    }

    // ---------------------------------------------------------------- GROUP BY

    @Test
    void groupByWithEveryAggregateKind() {
        Query q = select().list(item(path("c", "team")), item(path("c", "name")), item(call("COUNT", lit(1)), "count"),
                        item(call("AVG", path("c", "age")), "avg_age"), item(call("MIN", path("c", "age")), "min_age"),
                        item(call("MAX", path("c", "age")), "max_age"))
                .from("c", null).groupBy(path("c", "team"), path("c", "name")).build();
        JsonNode info = info(q);
        assertThat(strings(info.get("groupByExpressions"))).containsExactly("c.team", "c.name");
        assertThat(strings(info.get("groupByAliases")))
                .containsExactly("team", "name", "count", "avg_age", "min_age", "max_age");
        assertThat(info.get("groupByAliasToAggregateType")).isEqualTo(Json.parse("""
                {"team":null,"name":null,"count":"Count","avg_age":"Average","min_age":"Min","max_age":"Max"}"""));
        assertThat(info.get("rewrittenQuery").textValue()).isEqualTo(
                "SELECT [{\"item\": c.team}, {\"item\": c.name}] AS groupByItems, {\"team\": c.team, \"name\": c.name, "
                        + "\"count\": {\"item\": COUNT(1)}, \"avg_age\": {\"item\": {\"sum\": SUM(c.age), \"count\": COUNT(c.age)}}, "
                        + "\"min_age\": {\"item\": MIN(c.age), \"item2\": {\"min\": MIN(c.age), \"count\": COUNT(c.age)}}, "
                        + "\"max_age\": {\"item\": MAX(c.age), \"item2\": {\"max\": MAX(c.age), \"count\": COUNT(c.age)}}} "
                        + "AS payload\nFROM c\nGROUP BY c.team, c.name");
    }

    @Test
    void groupByValueForms() {
        JsonNode avg = info(select().value(call("AVG", path("c", "age"))).from("c", null).groupBy(path("c", "age")).build());
        assertThat(strings(avg.get("aggregates"))).containsExactly("Average");
        assertThat(avg.get("rewrittenQuery").textValue()).isEqualTo("SELECT [{\"item\": c.age}] AS groupByItems, "
                + "[{\"item\": {\"sum\": SUM(c.age), \"count\": COUNT(c.age)}}] AS payload\nFROM c\nGROUP BY c.age");
        JsonNode plain = info(select().value(path("c", "age")).from("c", null).groupBy(path("c", "age")).build());
        assertThat(plain.get("aggregates")).isEmpty();
        assertThat(plain.get("hasSelectValue").booleanValue()).isTrue();
        assertThat(plain.get("rewrittenQuery").textValue())
                .isEqualTo("SELECT [{\"item\": c.age}] AS groupByItems, c.age AS payload\nFROM c\nGROUP BY c.age");
        JsonNode unnamed = info(select().list(item(path("c", "name")), item(call("UPPER", path("c", "name"))))
                .from("c", null).groupBy(path("c", "name")).build());
        assertThat(unnamed.get("groupByAliasToAggregateType")).isEqualTo(Json.parse("{\"name\":null,\"$1\":null}"));
        assertThat(unnamed.get("rewrittenQuery").textValue()).isEqualTo("SELECT [{\"item\": c.name}] AS groupByItems, "
                + "{\"name\": c.name, \"$1\": UPPER(c.name)} AS payload\nFROM c\nGROUP BY c.name");
    }

    @Test
    void groupByDropsTopAndReportsIt() {
        JsonNode info = info(select().top(lit(5)).value(path("c", "name")).from("c", null).groupBy(path("c", "name")).build());
        assertThat(info.get("top").intValue()).isEqualTo(5);
        assertThat(info.get("rewrittenQuery").textValue())
                .isEqualTo("SELECT [{\"item\": c.name}] AS groupByItems, c.name AS payload\nFROM c\nGROUP BY c.name");
    }

    // ---------------------------------------------------------------- DISTINCT

    @Test
    void distinctWithoutOrderByIsUnorderedAndUnchanged() {
        JsonNode info = info(select().distinct().list(item(path("c", "blah"))).from("c", null).build());
        assertThat(info.get("distinctType").textValue()).isEqualTo("Unordered");
        assertThat(info.get("rewrittenQuery").textValue()).isEmpty();
        JsonNode top = info(select().distinct().top(lit(5)).value(path("c", "name")).from("c", null).build());
        assertThat(top.get("top").intValue()).isEqualTo(5);
        assertThat(top.get("rewrittenQuery").textValue()).isEqualTo("SELECT DISTINCT VALUE c.name\nFROM c");
    }

    @Test
    void distinctWithOrderByIsOrdered() {
        JsonNode info = info(select().distinct().value(path("c", "blah")).from("c", null)
                .orderBy(path("c", "blah"), false).build());
        assertThat(info.get("distinctType").textValue()).isEqualTo("Ordered");
        assertThat(info.get("rewrittenQuery").textValue()).isEqualTo(
                "SELECT c._rid, [{\"item\": c.blah}] AS orderByItems, c.blah AS payload\nFROM c\n"
                        + "WHERE ((" + FILTER + ") AND IS_DEFINED(c.blah))\nORDER BY c.blah");
    }

    // ---------------------------------------------------------------- TOP, OFFSET/LIMIT

    @Test
    void topIsReportedAndLeftInTheQuery() {
        JsonNode info = info(select().top(param("@TOPCOUNT")).from("c", null).build());
        assertThat(info.get("top").isNull()).isTrue();
        ObjectNode plan = plan(select().top(param("@TOPCOUNT")).from("c", null).build(),
                Map.of("@TOPCOUNT", Json.NODES.numberNode(42)), KEY);
        assertThat(plan.get("queryInfo").get("top").intValue()).isEqualTo(42);
        assertThat(plan.get("queryInfo").get("rewrittenQuery").textValue()).isEmpty();
    }

    @Test
    void offsetLimitAcrossRangesFetchesTheFirstOffsetPlusLimitRows() {
        JsonNode info = info(select().from("c", null).offsetLimit(lit(1), lit(2)).build());
        assertThat(info.get("offset").intValue()).isEqualTo(1);
        assertThat(info.get("limit").intValue()).isEqualTo(2);
        assertThat(info.get("rewrittenQuery").textValue()).isEqualTo("SELECT *\nFROM c\nOFFSET 0 LIMIT 3");
        ObjectNode plan = plan(select().from("c", null).offsetLimit(param("@OFFSETCOUNT"), param("@LIMITCOUNT")).build(),
                Map.of("@OFFSETCOUNT", Json.NODES.numberNode(42), "@LIMITCOUNT", Json.NODES.numberNode(1337)), KEY);
        assertThat(plan.get("queryInfo").get("rewrittenQuery").textValue())
                .isEqualTo("SELECT *\nFROM c\nOFFSET 0 LIMIT 1379");
        assertThat(rewritten(select().list(item(path("c", "name"))).from("c", null)
                .offsetLimit(lit(2147483647L), lit(10)).build()))
                .isEqualTo("SELECT c.name\nFROM c\nOFFSET 0 LIMIT 2147483657");
    }

    @Test
    void offsetLimitWithinOnePartitionKeyIsLeftToTheBackend() {
        JsonNode info = info(select().from("c", null).where(eq(path("c", "key"), lit(5)))
                .offsetLimit(lit(1), lit(2)).build());
        assertThat(info.get("offset").isNull()).isTrue();
        assertThat(info.get("limit").isNull()).isTrue();
        assertThat(info.get("rewrittenQuery").textValue()).isEmpty();
        JsonNode count = info(select().value(call("COUNT", lit(1))).from("c", null).where(eq(path("c", "key"), lit(5)))
                .offsetLimit(lit(1), lit(2)).build());
        assertThat(count.get("offset").intValue()).isEqualTo(1);
        assertThat(count.get("limit").intValue()).isEqualTo(2);
        assertThat(count.get("rewrittenQuery").textValue())
                .isEqualTo("SELECT VALUE [{\"item\": COUNT(1)}]\nFROM c\nWHERE (c.key = 5)");
        JsonNode distinct = info(select().distinct().from("c", null).where(eq(path("c", "key"), lit(5)))
                .offsetLimit(lit(1), lit(2)).build());
        assertThat(distinct.get("rewrittenQuery").textValue()).isEqualTo("SELECT DISTINCT *\nFROM c\nWHERE (c.key = 5)");
        JsonNode grouped = info(select().list(item(path("c", "name"))).from("c", null).where(eq(path("c", "key"), lit(5)))
                .groupBy(path("c", "name")).offsetLimit(lit(1), lit(2)).build());
        assertThat(grouped.get("offset").intValue()).isEqualTo(1);
        assertThat(grouped.get("rewrittenQuery").textValue()).isEqualTo("SELECT [{\"item\": c.name}] AS groupByItems, "
                + "{\"name\": c.name} AS payload\nFROM c\nWHERE (c.key = 5)\nGROUP BY c.name");
    }

    // ---------------------------------------------------------------- client features

    @Test
    void aFeatureTheClientDidNotListIsTheGatewaysBadRequest() {
        // Message as Cosmos DB answers it (checked against the emulator by Azure/azure-sdk-for-rust,
        // sdk/cosmos/azure_data_cosmos tests: cross_partition_query_with_order_by_fails).
        Query q = select().value(path("c", "id")).from("c", null).orderBy(path("c", "mergeOrder"), false).build();
        assertThatThrownBy(() -> QueryPlanner.plan(q, Map.of(), KEY, QueryPlanner.parseSupportedFeatures(null)))
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("Query contains 1 or more unsupported features. Upgrade your SDK to a version that does "
                        + "support the requested features:\r\nQuery contained OrderBy, which the calling client does not support.");
        assertThat(QueryPlanner.plan(q, Map.of(), KEY, QueryPlanner.parseSupportedFeatures("Aggregate, OrderBy")))
                .isNotNull();
        Query multi = select().list(item(call("MIN", path("c", "a"))), item(call("MAX", path("c", "a")))).from("c", null).build();
        assertThatThrownBy(() -> QueryPlanner.plan(multi, Map.of(), KEY, QueryPlanner.parseSupportedFeatures("Aggregate")))
                .hasMessageEndingWith("Query contained NonValueAggregate, which the calling client does not support."
                        + "\r\nQuery contained MultipleAggregates, which the calling client does not support.");
    }
}
