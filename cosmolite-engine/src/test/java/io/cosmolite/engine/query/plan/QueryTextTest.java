package io.cosmolite.engine.query.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import io.cosmolite.engine.query.ast.Span;
import io.cosmolite.engine.query.parser.QueryParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link QueryText} prints what the parser reads back to the same tree. */
class QueryTextTest {

    /** Texts that exercise every node form. */
    private static final List<String> FORMS = List.of(
            "SELECT * FROM c",
            "SELECT * FROM Root r WHERE r.a.b.c = null AND NOT r.d OR r.e != -1.5e-7",
            "SELECT DISTINCT TOP 5 VALUE c.name FROM c",
            "SELECT TOP @n c.a AS x, c[\"b c\"], c[0], c[@p], c.arr[1].x, 1 + 2 * 3 - 4 / 5 % 6 FROM c",
            "SELECT VALUE {\"a\": 1, \"b\": [1, 2.5, \"x\\\"y\\\\z\\n\", true, false, null, undefined], \"c\": {}} FROM c",
            "SELECT VALUE (c.a ?? c.b) || \"s\" FROM c",
            "SELECT VALUE c.a ? 1 : 2 FROM c",
            "SELECT VALUE ~c.a & 3 | 4 ^ 5 << 1 >> 2 >>> 3 FROM c",
            "SELECT VALUE -c.a FROM c",
            "SELECT * FROM c WHERE c.a BETWEEN 1 AND 2 AND c.b NOT BETWEEN 3 AND 4",
            "SELECT * FROM c WHERE c.a IN (1, 2, 'x') AND c.b NOT IN (3)",
            "SELECT * FROM c WHERE c.a LIKE 'a%' AND c.b NOT LIKE 'b!%' ESCAPE '!'",
            "SELECT * FROM c WHERE udf.myFunc(c.a, 2) AND IS_DEFINED(c.b) AND ARRAY_CONTAINS(c.tags, 'x')",
            "SELECT c.id, t AS tag FROM c JOIN t IN c.tags WHERE t.name = 'x'",
            "SELECT * FROM c JOIN (SELECT VALUE t FROM t IN c.tags WHERE t > 1) AS s",
            "SELECT VALUE s FROM (SELECT VALUE c.a FROM c) AS s",
            "SELECT (SELECT VALUE COUNT(1) FROM t IN c.tags) AS n, EXISTS (SELECT VALUE t FROM t IN c.tags) AS e, "
                    + "ARRAY (SELECT VALUE t FROM t IN c.tags) AS arr FROM c",
            "SELECT c.team, COUNT(1) AS n FROM c WHERE c.x > 1 GROUP BY c.team",
            "SELECT * FROM c ORDER BY c.a, c.b DESC OFFSET 10 LIMIT 20",
            "SELECT * FROM c ORDER BY c.a ASC",
            "SELECT * FROM c WHERE c[\"value\"] = 1 AND c[\"select\"] = 2 AND c[\"\"] = 3",
            "SELECT VALUE 1");

    @Test
    void everyFormReadsBackToTheSameTree() {
        for (String text : FORMS) {
            assertRoundTrip(text);
        }
    }

    @Test
    void theConformanceQueriesReadBackToTheSameTree() throws IOException {
        Path file = locate();
        int checked = 0;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = Json.parse(line);
            assertRoundTrip(c.get("query").textValue());
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void layoutIsTheGateways() {
        Query q = QueryParser.parse("select c.a from Root c join (select value s from s in c.scores group by s) s "
                + "where c.x = 'y' order by c.a desc offset 1 limit 2");
        assertThat(QueryText.of(q)).isEqualTo("SELECT c.a\nFROM Root AS c\nJOIN (\n    SELECT VALUE s\n    FROM s IN c.scores\n"
                + "    GROUP BY s\n) AS s\nWHERE (c.x = \"y\")\nORDER BY c.a DESC\nOFFSET 1 LIMIT 2");
    }

    @Test
    void numbersPrintLikeTheGateway() {
        assertThat(QueryText.literal(Json.NODES.numberNode(-0.005676387343555689)))
                .isEqualTo("-0.0056763873435556889"); // as in QueryPlanBaselineTests.VectorSearch.xml
        assertThat(QueryText.literal(Json.NODES.numberNode(0.0039695268496870995))).isEqualTo("0.0039695268496870995");
        assertThat(QueryText.literal(Json.NODES.numberNode(2147483657L))).isEqualTo("2147483657");
        assertThat(QueryText.literal(Json.NODES.numberNode(2.0))).isEqualTo("2");
        assertThat(QueryText.literal(Json.NODES.numberNode(0.5))).isEqualTo("0.5");
        assertThat(QueryText.literal(Json.NODES.numberNode(1e20))).isEqualTo("1e+20");
        assertThat(QueryText.literal(Json.NODES.numberNode(1.5e-7))).isEqualTo("1.4999999999999999e-07");
    }

    private static void assertRoundTrip(String text) {
        Query parsed = QueryParser.parse(text);
        String printed = QueryText.of(parsed);
        Query reparsed = QueryParser.parse(printed);
        assertThat(strip(reparsed)).as("%s%n  printed as%n%s", text, printed).isEqualTo(strip(parsed));
        assertThat(QueryText.of(reparsed)).isEqualTo(printed);
    }

    private static Path locate() {
        String name = "shared/conformance/query/cosmos-query-samples.jsonl";
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        return Path.of("/work").resolve(name);
    }

    // ---- trees without spans, so that trees parsed from different texts compare equal

    private static Query strip(Query q) {
        Query.Select s = q.select();
        Query.Projection p = s.projection();
        if (p instanceof Query.ValueProjection v) {
            p = new Query.ValueProjection(strip(v.expr()));
        } else if (p instanceof Query.ListProjection l) {
            p = new Query.ListProjection(l.items().stream().map(i -> new Query.Item(strip(i.expr()), i.alias())).toList());
        }
        List<Query.Source> joins = q.joins().stream().map(QueryTextTest::strip).toList();
        Query.OrderBy orderBy = q.orderBy() == null ? null : new Query.OrderBy(q.orderBy().items().stream()
                .map(i -> new Query.SortItem(strip(i.expr()), i.descending())).toList(), q.orderBy().rank());
        return new Query(new Query.Select(s.distinct(), strip(s.top()), p), q.from() == null ? null : strip(q.from()),
                joins, strip(q.where()), q.groupBy().stream().map(QueryTextTest::strip).toList(), orderBy,
                strip(q.offset()), strip(q.limit()));
    }

    private static Query.Source strip(Query.Source s) {
        if (s instanceof Query.PathSource p) {
            return new Query.PathSource(strip(p.path()), p.alias(), p.iterate());
        }
        Query.SubquerySource sub = (Query.SubquerySource) s;
        return new Query.SubquerySource(strip(sub.query()), sub.alias());
    }

    private static List<Expr> strip(List<Expr> es) {
        List<Expr> out = new ArrayList<>();
        es.forEach(e -> out.add(strip(e)));
        return out;
    }

    private static Expr strip(Expr e) {
        if (e == null) {
            return null;
        }
        if (e instanceof Expr.Property p) {
            return new Expr.Property(strip(p.target()), p.name());
        } else if (e instanceof Expr.Index ix) {
            return new Expr.Index(strip(ix.target()), strip(ix.index()));
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), strip(u.operand()));
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), strip(b.left()), strip(b.right()));
        } else if (e instanceof Expr.Between b) {
            return new Expr.Between(strip(b.value()), strip(b.low()), strip(b.high()), b.not());
        } else if (e instanceof Expr.In in) {
            return new Expr.In(strip(in.value()), strip(in.list()), in.not());
        } else if (e instanceof Expr.Like l) {
            return new Expr.Like(strip(l.value()), strip(l.pattern()), strip(l.escape()), l.not());
        } else if (e instanceof Expr.Conditional c) {
            return new Expr.Conditional(strip(c.condition()), strip(c.whenTrue()), strip(c.whenFalse()));
        } else if (e instanceof Expr.Call c) {
            return new Expr.Call(c.name(), c.udf(), strip(c.args()), Span.NONE);
        } else if (e instanceof Expr.ObjectConstructor o) {
            return new Expr.ObjectConstructor(o.properties().stream()
                    .map(p -> new Expr.PropertyDef(p.name(), strip(p.value()))).toList());
        } else if (e instanceof Expr.ArrayConstructor a) {
            return new Expr.ArrayConstructor(strip(a.items()));
        } else if (e instanceof Expr.ScalarSubquery s) {
            return new Expr.ScalarSubquery(strip(s.query()));
        } else if (e instanceof Expr.Exists s) {
            return new Expr.Exists(strip(s.query()));
        } else if (e instanceof Expr.ArraySubquery s) {
            return new Expr.ArraySubquery(strip(s.query()));
        }
        return e;
    }
}
