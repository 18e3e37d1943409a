package io.cosmolite.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.ConformanceCases;
import io.cosmolite.engine.query.QueryPage;
import io.cosmolite.engine.query.QueryRequest;
import io.cosmolite.engine.query.QueryScope;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import io.cosmolite.engine.query.ast.Span;
import io.cosmolite.engine.query.functions.BuiltinFunction;
import io.cosmolite.engine.query.functions.Functions;
import io.cosmolite.engine.query.plan.QueryText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever text or tree a client sends, the engine answers with results or a 400-class
 * {@link CosmosException}, never another exception, and within a bound. Random syntax trees (every
 * node kind, every function of the catalog with right and wrong argument counts, subqueries, joins,
 * grouping, ordering, paging) are printed to text and run to the end over items with nested
 * objects, arrays and every JSON type; random token soups and mutated conformance queries are run
 * as they are. Seeds are fixed, so a failure reproduces.
 */
class QueryFuzzTest extends QueryTestSupport {
    private static final long BOUND_MS_PER_QUERY = 2_000;
    private static final List<BuiltinFunction> FUNCTIONS = List.copyOf(Functions.all());
    private static final String[] PROPERTIES = {"id", "n", "s", "b", "z", "arr", "obj", "missing", "pk"};

    private int answered;
    private int refused;

    private void loadVariedItems() {
        load("{'id':'1','n':1,'s':'a','b':true,'z':null,'arr':[1,'x',[2]],'obj':{'n':2,'s':'b'}}",
                "{'id':'2','n':-2.5,'s':'B','b':false,'arr':[],'obj':{}}",
                "{'id':'3','s':'','arr':[{'n':3},{'s':'c'}],'obj':{'arr':[1,2,3]}}",
                "{'id':'4','n':1e300,'s':'%_[x]','b':'true','arr':'notArray','obj':[1]}",
                "{'id':'5','pk':'q','n':0,'s':'2024-01-01T00:00:00Z','arr':[null,true,1.5]}");
    }

    @Test
    void randomTreesAnswerResultsOrA400() {
        loadVariedItems();
        for (long seed = 1; seed <= 3; seed++) {
            TreeGenerator gen = new TreeGenerator(new Random(seed));
            for (int i = 0; i < 800; i++) {
                run(QueryText.of(gen.query(0)));
            }
        }
        System.out.printf("Query fuzz: %d trees answered, %d refused with a 400%n", answered, refused);
        // The generator must mostly produce valid queries, or the property would only test errors.
        assertThat(answered).isGreaterThan(refused);
    }

    @Test
    void randomTextAndMutatedConformanceQueriesAnswerResultsOrA400() {
        loadVariedItems();
        Random random = new Random(42);
        String[] tokens = {"SELECT", "VALUE", "*", "FROM", "c", "WHERE", "JOIN", "IN", "ORDER BY", "GROUP BY",
                "TOP", "OFFSET", "LIMIT", "DISTINCT", "(", ")", "[", "]", "{", "}", ",", ".", ":", "?", "??",
                "=", "<", ">=", "!=", "+", "-", "*", "/", "%", "||", "&", "AND", "OR", "NOT", "1", "0", "-1",
                "'s'", "\"t\"", "true", "null", "undefined", "c.n", "c.arr", "c.obj.s", "@p", "COUNT(1)",
                "ABS(", "ARRAY(", "EXISTS(", "SELECT VALUE x FROM x IN c.arr", "2.5e3", "x"};
        for (int i = 0; i < 2_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(14);
            for (int t = 0; t < n; t++) {
                b.append(tokens[random.nextInt(tokens.length)]).append(' ');
            }
            run(b.toString());
        }
        for (JsonNode c : ConformanceCases.all()) {
            String q = c.get("query").asText();
            for (int m = 0; m < 10; m++) {
                StringBuilder b = new StringBuilder(q);
                int at = random.nextInt(b.length());
                switch (random.nextInt(3)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, tokens[random.nextInt(tokens.length)]);
                    default -> b.setCharAt(at, (char) (' ' + random.nextInt(95)));
                }
                run(b.toString());
            }
        }
    }

    /** Runs a query to the end, page by page; only results or a 4xx CosmosException may come back. */
    private void run(String text) {
        long started = System.nanoTime();
        try {
            String continuation = null;
            int pages = 0;
            do {
                QueryPage page = c.query(new QueryRequest(text, Map.of("@p", Json.parse("3")), 3, continuation,
                        false), QueryScope.container());
                continuation = page.continuation();
                assertThat(++pages).as("pages of %s", text).isLessThan(1_000);
            } while (continuation != null);
            answered++;
        } catch (CosmosException e) {
            refused++;
            if (e.status() < 400 || e.status() >= 500) {
                fail("status %d for %s: %s", e.status(), text, e.getMessage());
            }
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("query " + text + " threw " + e, e);
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(ms).as("time of %s", text).isLessThan(BOUND_MS_PER_QUERY);
    }

    /** Random query trees over the items above. */
    private static final class TreeGenerator {
        private final Random random;

        TreeGenerator(Random random) {
            this.random = random;
        }

        Query query(int depth) {
            boolean grouped = random.nextInt(6) == 0;
            List<Expr> groupBy = grouped ? List.of(path()) : List.of();
            Query.Projection projection = switch (random.nextInt(grouped ? 2 : 3)) {
                case 0 -> new Query.ValueProjection(grouped ? aggregateOr(groupBy.get(0)) : expr(depth));
                case 1 -> new Query.ListProjection(List.of(
                        new Query.Item(grouped ? groupBy.get(0) : expr(depth), null),
                        new Query.Item(grouped ? aggregate() : expr(depth), "x")));
                default -> new Query.Star();
            };
            List<Query.Source> joins = new ArrayList<>();
            for (int j = random.nextInt(3); j > 0; j--) {
                joins.add(new Query.PathSource(prop(new Expr.Identifier("c"), "arr"), "j" + j, true));
            }
            Query.OrderBy orderBy = !grouped && random.nextInt(4) == 0
                    ? new Query.OrderBy(List.of(new Query.SortItem(path(), random.nextBoolean())), false) : null;
            boolean paged = random.nextInt(5) == 0;
            return new Query(new Query.Select(random.nextInt(6) == 0, random.nextInt(6) == 0 ? number(5) : null,
                    projection),
                    new Query.PathSource(new Expr.Identifier("c"), null, false), joins,
                    random.nextBoolean() ? expr(depth) : null, groupBy, orderBy,
                    paged ? number(random.nextInt(3)) : null, paged ? number(1 + random.nextInt(3)) : null);
        }

        Expr expr(int depth) {
            if (depth >= 3) {
                return random.nextBoolean() ? literal() : path();
            }
            int d = depth + 1;
            return switch (random.nextInt(16)) {
                case 0, 1 -> literal();
                case 2, 3 -> path();
                case 4 -> new Expr.Unary(pick(Expr.UnaryOp.values()), expr(d));
                case 5, 6 -> new Expr.Binary(pick(Expr.BinaryOp.values()), expr(d), expr(d));
                case 7 -> new Expr.Between(expr(d), expr(d), expr(d), random.nextBoolean());
                case 8 -> new Expr.In(expr(d), List.of(expr(d), literal()), random.nextBoolean());
                case 9 -> new Expr.Like(expr(d), literal(), random.nextInt(4) == 0 ? Expr.Literal.class.cast(
                        new Expr.Literal(Json.parse("\"!\""))) : null, random.nextBoolean());
                case 10 -> new Expr.Conditional(expr(d), expr(d), expr(d));
                case 11, 12 -> call(d);
                case 13 -> new Expr.ObjectConstructor(List.of(new Expr.PropertyDef("k", expr(d)),
                        new Expr.PropertyDef("l", expr(d))));
                case 14 -> new Expr.ArrayConstructor(List.of(expr(d), expr(d)));
                default -> subquery(d);
            };
        }

        private Expr subquery(int depth) {
            Query inner = new Query(new Query.Select(false, null, new Query.ValueProjection(
                    random.nextBoolean() ? new Expr.Identifier("v") : expr(depth))),
                    new Query.PathSource(prop(new Expr.Identifier("c"), "arr"), "v", true), List.of(),
                    random.nextBoolean() ? expr(depth) : null, List.of(), null, null, null);
            return switch (random.nextInt(3)) {
                case 0 -> new Expr.Exists(inner);
                case 1 -> new Expr.ArraySubquery(inner);
                default -> new Expr.ScalarSubquery(inner);
            };
        }

        private Expr call(int depth) {
            BuiltinFunction f = FUNCTIONS.get(random.nextInt(FUNCTIONS.size()));
            if (f.isAggregate()) {
                return literal();
            }
            int max = Math.min(f.maxArgs(), f.minArgs() + 2);
            int count = random.nextInt(10) == 0 ? f.minArgs() + 3 : f.minArgs() + random.nextInt(max - f.minArgs() + 1);
            List<Expr> args = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                args.add(expr(depth));
            }
            return new Expr.Call(f.name(), false, args, Span.NONE);
        }

        private Expr aggregate() {
            String name = pick(new String[] {"COUNT", "SUM", "AVG", "MIN", "MAX"});
            return new Expr.Call(name, false, List.of(path()), Span.NONE);
        }

        private Expr aggregateOr(Expr groupKey) {
            return random.nextBoolean() ? aggregate() : groupKey;
        }

        private Expr path() {
            Expr p = new Expr.Identifier("c");
            int steps = 1 + random.nextInt(2);
            for (int i = 0; i < steps; i++) {
                p = random.nextInt(5) == 0 ? new Expr.Index(p, number(random.nextInt(3))) : prop(p, pick(PROPERTIES));
            }
            return p;
        }

        private static Expr prop(Expr target, String name) {
            return new Expr.Property(target, name);
        }

        private Expr literal() {
            String[] values = {"1", "0", "-3.5", "1e308", "\"a\"", "\"\"", "true", "false", "null", "[1,\"a\"]",
                    "{\"n\":1}", "[]"};
            return random.nextInt(12) == 0 ? new Expr.Literal(null) : new Expr.Literal(Json.parse(pick(values)));
        }

        private Expr number(int n) {
            return new Expr.Literal(Json.parse(Integer.toString(n)));
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}
