package io.cosmolite.engine.query.plan;

import static io.cosmolite.engine.query.plan.Ast.and;
import static io.cosmolite.engine.query.plan.Ast.call;
import static io.cosmolite.engine.query.plan.Ast.eq;
import static io.cosmolite.engine.query.plan.Ast.in;
import static io.cosmolite.engine.query.plan.Ast.lit;
import static io.cosmolite.engine.query.plan.Ast.or;
import static io.cosmolite.engine.query.plan.Ast.param;
import static io.cosmolite.engine.query.plan.Ast.path;
import static io.cosmolite.engine.query.plan.Ast.select;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.EffectivePartitionKey;
import io.cosmolite.engine.partition.PartitionKeyComponent;
import io.cosmolite.engine.partition.PartitionKeyDefinition;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The query ranges of plans. Which filters pin which keys follows Microsoft's query-plan engine as
 * recorded in Azure/azure-cosmos-dotnet-v3 (QueryPlanBaselineTests.{PointRange,ManyRanges,Basic,
 * MultipleKeys,Like}.xml, partition key values before hashing); the EPK form of the ranges is the
 * gateway's (point ranges inclusive at both ends, as in a recorded gateway reply quoted in
 * Azure/azure-cosmos-dotnet-v3 CrossPartitionQueryTests.cs; hierarchical prefixes as the SDKs'
 * getEPKRangeForPrefixPartitionKey).
 */
class QueryRangesTest {

    private static final PartitionKeyDefinition KEY = PartitionKeyDefinition.hashV2("/key");

    private static JsonNode ranges(Query q, PartitionKeyDefinition pk) {
        return ranges(q, pk, Map.of());
    }

    private static JsonNode ranges(Query q, PartitionKeyDefinition pk, Map<String, JsonNode> params) {
        return QueryPlanner.plan(q, params, pk, QueryPlanner.JAVA_SDK_FEATURES).get("queryRanges");
    }

    private static Query where(Expr filter) {
        return select().from("c", null).where(filter).build();
    }

    private static String epk(PartitionKeyDefinition pk, PartitionKeyComponent... components) {
        return EffectivePartitionKey.of(PartitionKeyValue.of(components), pk);
    }

    private static JsonNode point(String epk) {
        return range(epk, epk, true);
    }

    private static JsonNode range(String min, String max, boolean maxInclusive) {
        return Json.MAPPER.createObjectNode().put("min", min).put("max", max).put("isMinInclusive", true)
                .put("isMaxInclusive", maxInclusive);
    }

    private static JsonNode list(JsonNode... ranges) {
        return Json.MAPPER.createArrayNode().addAll(List.of(ranges));
    }

    private static JsonNode points(PartitionKeyDefinition pk, PartitionKeyComponent... values) {
        return list(java.util.Arrays.stream(values).map(v -> epk(pk, v)).sorted().map(QueryRangesTest::point)
                .toArray(JsonNode[]::new));
    }

    private static final JsonNode FULL = list(range("", "FF", false));
    private static final JsonNode EMPTY = list(point(""));

    @Test
    void theRecordedGatewayReplyForAnInListUnderV1Hashing() {
        // Azure/azure-cosmos-dotnet-v3 CrossPartitionQueryTests.cs quotes a real gateway reply to
        // "SELECT * FROM r WHERE r.key IN (0, 1) ORDER BY r.key" on a /key container (V1 hash).
        PartitionKeyDefinition v1 = new PartitionKeyDefinition(List.of("/key"), PartitionKeyDefinition.Kind.HASH, 1);
        Query q = select().from("r", null).where(in(path("r", "key"), lit(0), lit(1))).build();
        assertThat(ranges(q, v1)).isEqualTo(list(point("05C1BF6DA11560058000"), point("05C1ED172B6B2605BFF0")));
    }

    @Test
    void noFilterIsTheWholeKeySpace() {
        assertThat(ranges(select().from("c", null).build(), KEY)).isEqualTo(FULL);
        assertThat(ranges(where(eq(path("c", "other"), lit(1))), KEY)).isEqualTo(FULL);
        assertThat(ranges(where(new Expr.Between(path("c", "key"), lit(2), lit(3), false)), KEY)).isEqualTo(FULL);
        assertThat(ranges(where(call("IS_NUMBER", path("c", "key"))), KEY)).isEqualTo(FULL);
    }

    @Test
    void equalityPinsAPoint() {
        assertThat(ranges(where(eq(path("c", "key"), lit("Hello World"))), KEY))
                .isEqualTo(points(KEY, PartitionKeyComponent.of("Hello World")));
        assertThat(ranges(where(eq(lit(5), path("c", "key"))), KEY)).isEqualTo(points(KEY, PartitionKeyComponent.of(5)));
        assertThat(ranges(where(and(eq(path("c", "x"), lit(1)), eq(path("c", "key"), param("@k")))), KEY,
                Map.of("@k", Json.NODES.textNode("a")))).isEqualTo(points(KEY, PartitionKeyComponent.of("a")));
        PartitionKeyDefinition nested = PartitionKeyDefinition.hashV2("/a/b/c");
        Query q = select().from("Root", "r").where(eq(path("r", "a", "b", "c"), lit(null))).build();
        assertThat(ranges(q, nested)).isEqualTo(points(nested, PartitionKeyComponent.NULL));
    }

    @Test
    void inListsAndOrAreSetsOfPoints() {
        JsonNode expected = points(KEY, PartitionKeyComponent.of(1), PartitionKeyComponent.of(2), PartitionKeyComponent.of(3));
        assertThat(ranges(where(in(path("c", "key"), lit(1), lit(2), lit(3))), KEY)).isEqualTo(expected);
        assertThat(ranges(where(or(eq(path("c", "key"), lit(1)), or(eq(path("c", "key"), lit(2)),
                eq(path("c", "key"), lit(3))))), KEY)).isEqualTo(expected);
        assertThat(ranges(where(call("ARRAY_CONTAINS", new Expr.ArrayConstructor(List.of(lit(1), lit(2), lit(3))),
                path("c", "key"))), KEY)).isEqualTo(expected);
        // Only one of a disjunction constrained: anything.
        assertThat(ranges(where(or(eq(path("c", "key"), lit(1)), eq(path("c", "x"), lit(2)))), KEY)).isEqualTo(FULL);
    }

    @Test
    void contradictionsAndFalseMatchNothing() {
        assertThat(ranges(where(and(eq(path("c", "key"), lit(1)), eq(path("c", "key"), lit(2)))), KEY)).isEqualTo(EMPTY);
        assertThat(ranges(where(lit(false)), KEY)).isEqualTo(EMPTY);
        assertThat(ranges(where(and(call("ARRAY_CONTAINS", new Expr.ArrayConstructor(List.of(lit(1), lit(2), lit(3))),
                path("c", "key")), eq(path("c", "key"), lit(4)))), KEY)).isEqualTo(EMPTY);
        assertThat(ranges(select().value(lit(5)).build(), KEY)).isEqualTo(EMPTY);
        assertThat(ranges(where(lit(true)), KEY)).isEqualTo(FULL);
    }

    @Test
    void booleanAndTypeTestsOfTheKey() {
        assertThat(ranges(where(path("c", "key")), KEY)).isEqualTo(points(KEY, PartitionKeyComponent.of(true)));
        assertThat(ranges(where(new Expr.Unary(Expr.UnaryOp.NOT, path("c", "key"))), KEY))
                .isEqualTo(points(KEY, PartitionKeyComponent.of(false)));
        assertThat(ranges(where(call("IS_NULL", path("c", "key"))), KEY)).isEqualTo(points(KEY, PartitionKeyComponent.NULL));
        assertThat(ranges(where(call("IS_BOOL", path("c", "key"))), KEY))
                .isEqualTo(points(KEY, PartitionKeyComponent.of(true), PartitionKeyComponent.of(false)));
        // Arrays and objects cannot be keys: the gateway answers the undefined key.
        assertThat(ranges(where(eq(path("c", "key"), new Expr.ArrayConstructor(List.of()))), KEY))
                .isEqualTo(points(KEY, PartitionKeyComponent.UNDEFINED));
        // LIKE without wildcards is equality.
        assertThat(ranges(where(new Expr.Like(path("c", "key"), lit("a!%"), lit("!"), false)), KEY))
                .isEqualTo(points(KEY, PartitionKeyComponent.of("a%")));
        assertThat(ranges(where(new Expr.Like(path("c", "key"), lit("a%"), null, false)), KEY)).isEqualTo(FULL);
    }

    @Test
    void hierarchicalKeysFullyOrByPrefix() {
        PartitionKeyDefinition hpk = PartitionKeyDefinition.multiHash("/tenant", "/user", "/session");
        PartitionKeyComponent a = PartitionKeyComponent.of("a");
        PartitionKeyComponent b = PartitionKeyComponent.of("b");
        PartitionKeyComponent s = PartitionKeyComponent.of(7);
        assertThat(ranges(where(and(eq(path("c", "tenant"), lit("a")), and(eq(path("c", "user"), lit("b")),
                eq(path("c", "session"), lit(7))))), hpk)).isEqualTo(list(point(epk(hpk, a, b, s))));
        String prefix = epk(hpk, a, b);
        assertThat(ranges(where(and(eq(path("c", "user"), lit("b")), eq(path("c", "tenant"), lit("a")))), hpk))
                .isEqualTo(list(range(prefix, prefix + "FF", false)));
        String tenant = epk(hpk, a);
        assertThat(ranges(where(eq(path("c", "tenant"), lit("a"))), hpk)).isEqualTo(list(range(tenant, tenant + "FF", false)));
        // A later level without the first pins nothing.
        assertThat(ranges(where(eq(path("c", "user"), lit("b"))), hpk)).isEqualTo(FULL);
        // A full key inside a prefix range is covered by it.
        assertThat(ranges(where(or(eq(path("c", "tenant"), lit("a")), and(eq(path("c", "tenant"), lit("a")),
                and(eq(path("c", "user"), lit("b")), eq(path("c", "session"), lit(7)))))), hpk))
                .isEqualTo(list(range(tenant, tenant + "FF", false)));
    }

    @Test
    void onlyTheDocumentAliasReadsTheKey() {
        Query iterated = new Query(new Query.Select(false, null, new Query.Star()),
                new Query.PathSource(path("root", "children"), "c", true), List.of(),
                eq(path("c", "key"), lit(1)), List.of(), null, null, null);
        assertThat(ranges(iterated, KEY)).isEqualTo(FULL);
        Query aliased = select().from("Root", "r").where(eq(path("r", "key"), lit(1))).build();
        assertThat(ranges(aliased, KEY)).isEqualTo(points(KEY, PartitionKeyComponent.of(1)));
        Query wrongAlias = select().from("Root", "r").where(eq(path("Root", "key"), lit(1))).build();
        assertThat(ranges(wrongAlias, KEY)).isEqualTo(FULL);
    }
}
