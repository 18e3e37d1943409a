package io.cosmolite.engine.query.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property tests with fixed seeds: whatever the text, the parser returns a tree or throws a 400
 * whose location lies inside the text, never anything else, and quickly; and randomly generated
 * trees, written out fully parenthesised, parse back to the same tree.
 */
class QueryParserFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] VOCABULARY = {
        "SELECT", "select", "VALUE", "DISTINCT", "TOP", "FROM", "WHERE", "JOIN", "IN", "AS", "GROUP", "BY",
        "ORDER", "RANK", "ASC", "DESC", "OFFSET", "LIMIT", "AND", "OR", "NOT", "BETWEEN", "LIKE", "ESCAPE",
        "EXISTS", "ARRAY", "LEFT", "RIGHT", "udf", "true", "false", "null", "undefined", "NaN", "Infinity",
        "c", "r", "root", "ROOT", "t", "name", "ABS", "COUNT", "IS_DEFINED", "_x1", "@p", "@limit",
        "0", "1", "42", "1.5", ".5", "1e3", "0x1F", "9223372036854775808", "'a'", "\"b\"", "'\\n'", "\"\\u00e9\"",
        "'", "\"", "\\", "(", ")", "[", "]", "{", "}", ",", ".", ":", "?", "??", "*", "/", "%", "+", "-", "~",
        "=", "!=", "<>", "<", "<=", ">", ">=", "<<", ">>", ">>>", "&", "|", "^", "||", "!", "#", ";", "$", "@",
        "--", "\n", "é", "\u0000",
    };

    private static final String[] OPENERS = {
        "(", "[", "{a: ", "-", "NOT ", "~", "(SELECT VALUE ", "EXISTS(SELECT VALUE ", "ARRAY(SELECT VALUE ",
        "f(", "udf.g(", "c[", "1 ? ", "x IN (", "IIF(",
    };

    private static final String[] CLOSERS = {")", "]", "}", ""};

    @Test
    void randomTokenSoupIsATreeOrA400() {
        long started = System.nanoTime();
        for (long seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            for (int i = 0; i < 5_000; i++) {
                StringBuilder b = new StringBuilder(random.nextBoolean() ? "SELECT " : "");
                int n = random.nextInt(30);
                for (int k = 0; k < n; k++) {
                    b.append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
                    b.append(random.nextInt(4) == 0 ? "" : " ");
                }
                check(b.toString());
            }
        }
        assertFast(started);
    }

    @Test
    void mutatedConformanceQueriesAreATreeOrA400() {
        long started = System.nanoTime();
        Random random = new Random(117);
        for (String query : ConformanceQueries.load().values()) {
            for (int i = 0; i < 30; i++) {
                check(mutate(query, random));
            }
        }
        assertFast(started);
    }

    @Test
    void deepNestingIsATreeOrA400() {
        long started = System.nanoTime();
        Random random = new Random(7);
        for (int i = 0; i < 120; i++) {
            int depth = 1 + random.nextInt(i < 60 ? 200 : 3_000);
            StringBuilder b = new StringBuilder("SELECT VALUE ");
            for (int k = 0; k < depth; k++) {
                b.append(OPENERS[random.nextInt(OPENERS.length)]);
            }
            b.append("1");
            for (int k = 0; k < depth; k++) {
                b.append(random.nextInt(10) == 0 ? " + 1" : "").append(CLOSERS[random.nextInt(CLOSERS.length)]);
            }
            check(b.toString());
        }
        check("SELECT VALUE " + "-".repeat(20_000) + "1");
        check("SELECT VALUE " + "- ".repeat(20_000) + "1");
        check("SELECT VALUE c" + ".a".repeat(20_000));
        check("SELECT VALUE " + "1 OR ".repeat(20_000) + "1");
        check("SELECT VALUE " + "1 ? 2 : ".repeat(5_000) + "1");
        check("SELECT * FROM c WHERE " + "c.a IN (".repeat(5_000) + "1" + ")".repeat(5_000));
        check("SELECT * FROM " + "(SELECT * FROM ".repeat(5_000) + "c" + ")".repeat(5_000));
        assertFast(started);
    }

    @Test
    void generatedTreesRoundTrip() {
        long started = System.nanoTime();
        Random random = new Random(2024);
        for (int i = 0; i < 600; i++) {
            Expr tree = new TreeGenerator(random).expr(4);
            String text = "SELECT VALUE " + new SourceWriter(random).write(tree);
            Query q;
            try {
                q = QueryParser.parse(text);
            } catch (CosmosException e) {
                throw new AssertionError("generated text did not parse: " + text + "\n" + e.getMessage(), e);
            }
            Expr parsed = ((Query.ValueProjection) q.select().projection()).expr();
            assertThat(AstPrinter.print(parsed)).as(text).isEqualTo(AstPrinter.print(tree));
        }
        assertFast(started);
    }

    /** Parses {@code text}: a tree, or a 400 with a location inside the text; anything else fails. */
    private static void check(String text) {
        long t0 = System.nanoTime();
        try {
            if (QueryParser.parse(text) == null) {
                fail("null tree for: " + abbreviate(text));
            }
        } catch (CosmosException e) {
            if (e.status() != 400) {
                fail("status " + e.status() + " for: " + abbreviate(text));
            }
            assertLocationInside(e.getMessage(), text);
        } catch (Throwable t) {
            fail("parser threw " + t + " for: " + abbreviate(text), t);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        if (millis > 2_000) {
            fail("parse took " + millis + " ms for: " + abbreviate(text));
        }
    }

    private static void assertLocationInside(String message, String text) {
        JsonNode error;
        try {
            error = JSON.readTree(message).get("errors").get(0);
        } catch (java.io.IOException e) {
            throw new AssertionError("error message is not JSON: " + message, e);
        }
        if (error.get("message").asText().isEmpty()) {
            fail("empty message for: " + abbreviate(text));
        }
        JsonNode location = error.get("location");
        if (location != null) {
            int start = location.get("start").asInt();
            int end = location.get("end").asInt();
            if (start < 0 || start > end || end > text.length()) {
                fail("location " + start + ".." + end + " outside the text: " + abbreviate(text));
            }
        }
    }

    private static String mutate(String query, Random random) {
        StringBuilder b = new StringBuilder(query);
        int edits = 1 + random.nextInt(3);
        for (int k = 0; k < edits && b.length() > 0; k++) {
            int at = random.nextInt(b.length());
            int len = Math.min(b.length() - at, 1 + random.nextInt(8));
            switch (random.nextInt(5)) {
                case 0 -> b.delete(at, at + len);
                case 1 -> b.insert(at, VOCABULARY[random.nextInt(VOCABULARY.length)]);
                case 2 -> b.insert(at, b.substring(at, at + len));
                case 3 -> b.setCharAt(at, (char) (32 + random.nextInt(95)));
                default -> b.setLength(at);
            }
        }
        return b.toString();
    }

    private static void assertFast(long started) {
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(10_000);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...(" + s.length() + " chars)";
    }

    /** Random expression trees of every node kind (none that the parser would fold or re-shape). */
    private static final class TreeGenerator {
        private static final String[] NAMES = {"c", "t", "root", "name", "a_1", "ALL"};
        private static final String[] FUNCTIONS = {"ABS", "lower", "IS_DEFINED", "ARRAY_CONTAINS", "LEFT", "RIGHT"};
        private final Random random;

        TreeGenerator(Random random) {
            this.random = random;
        }

        Expr expr(int depth) {
            if (depth == 0) {
                return leaf();
            }
            int d = depth - 1;
            return switch (random.nextInt(16)) {
                case 0, 1 -> leaf();
                case 2 -> new Expr.Property(expr(d), random.nextBoolean() ? "p" : "not an identifier");
                case 3 -> new Expr.Index(expr(d), random.nextBoolean() ? number() : expr(d) instanceof Expr.Literal
                        ? new Expr.Parameter("@i") : new Expr.Identifier("i"));
                case 4 -> unary(d);
                case 5, 6, 7 -> new Expr.Binary(Expr.BinaryOp.values()[random.nextInt(Expr.BinaryOp.values().length)],
                        expr(d), expr(d));
                case 8 -> new Expr.Between(expr(d), expr(d), expr(d), random.nextBoolean());
                case 9 -> new Expr.In(expr(d), List.of(expr(d), expr(d)), random.nextBoolean());
                case 10 -> new Expr.Like(expr(d), expr(d), random.nextBoolean() ? null
                        : new Expr.Literal(io.cosmolite.engine.query.value.Values.string("!")), random.nextBoolean());
                case 11 -> new Expr.Conditional(expr(d), expr(d), expr(d));
                case 12 -> call(d);
                case 13 -> new Expr.ObjectConstructor(List.of(new Expr.PropertyDef("k", expr(d)),
                        new Expr.PropertyDef("two words", expr(d))));
                case 14 -> new Expr.ArrayConstructor(random.nextBoolean() ? List.of() : List.of(expr(d), expr(d)));
                default -> subquery(d);
            };
        }

        private Expr unary(int d) {
            Expr.UnaryOp op = Expr.UnaryOp.values()[random.nextInt(Expr.UnaryOp.values().length)];
            Expr operand = expr(d);
            if ((op == Expr.UnaryOp.MINUS || op == Expr.UnaryOp.PLUS) && operand instanceof Expr.Literal l
                    && l.value() != null && l.value().isNumber()) {
                operand = new Expr.Identifier("n");
            }
            return new Expr.Unary(op, operand);
        }

        private Expr call(int d) {
            List<Expr> args = new ArrayList<>();
            for (int k = random.nextInt(3); k > 0; k--) {
                args.add(expr(d));
            }
            boolean udf = random.nextInt(4) == 0;
            String name = udf ? "myUdf" : FUNCTIONS[random.nextInt(FUNCTIONS.length)];
            return new Expr.Call(name, udf, args, io.cosmolite.engine.query.ast.Span.NONE);
        }

        private Expr subquery(int d) {
            Query q = new Query(new Query.Select(false, null, new Query.ValueProjection(expr(d))),
                    new Query.PathSource(new Expr.Identifier("x"), null, false), List.of(), null, List.of(), null,
                    null, null);
            return switch (random.nextInt(3)) {
                case 0 -> new Expr.ScalarSubquery(q);
                case 1 -> new Expr.Exists(q);
                default -> new Expr.ArraySubquery(q);
            };
        }

        private Expr leaf() {
            return switch (random.nextInt(6)) {
                case 0 -> number();
                case 1 -> new Expr.Literal(io.cosmolite.engine.query.value.Values.string(
                        random.nextBoolean() ? "it's \"quoted\"\n\\" : "é€\u0001"));
                case 2 -> new Expr.Literal(random.nextBoolean() ? io.cosmolite.engine.query.value.Values.NULL : null);
                case 3 -> new Expr.Literal(io.cosmolite.engine.query.value.Values.bool(random.nextBoolean()));
                case 4 -> new Expr.Parameter("@p" + random.nextInt(3));
                default -> new Expr.Identifier(NAMES[random.nextInt(NAMES.length)]);
            };
        }

        private Expr number() {
            double d = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(1000);
                case 1 -> -random.nextInt(1000);
                case 2 -> random.nextInt(1000) / 8.0;
                default -> random.nextDouble() * 1e20;
            };
            return new Expr.Literal(io.cosmolite.engine.query.value.Values.number(d));
        }
    }

    /** Writes a tree as query text, every compound node in parentheses, with random spacing and case. */
    private static final class SourceWriter {
        private final Random random;

        SourceWriter(Random random) {
            this.random = random;
        }

        String write(Expr e) {
            if (e instanceof Expr.Literal l) {
                if (l.value() == null) {
                    return "undefined";
                }
                return l.value().isTextual() ? quote(l.value().textValue()) : "(" + l.value().toString() + ")";
            } else if (e instanceof Expr.Parameter p) {
                return p.name();
            } else if (e instanceof Expr.Identifier i) {
                return i.name();
            } else if (e instanceof Expr.Property p) {
                String target = "(" + write(p.target()) + ")";
                return p.name().equals("p") ? target + "." + p.name() : target + "[" + quote(p.name()) + "]";
            } else if (e instanceof Expr.Index i) {
                return "(" + write(i.target()) + ")[" + write(i.index()) + "]";
            } else if (e instanceof Expr.Unary u) {
                String op = switch (u.op()) {
                    case MINUS -> "-";
                    case PLUS -> "+";
                    case BITWISE_NOT -> "~";
                    case NOT -> keyword("NOT");
                };
                return "(" + op + sp() + write(u.operand()) + ")";
            } else if (e instanceof Expr.Binary b) {
                return "(" + write(b.left()) + sp() + binary(b.op()) + sp() + write(b.right()) + ")";
            } else if (e instanceof Expr.Between b) {
                return "(" + write(b.value()) + sp() + not(b.not()) + keyword("BETWEEN") + sp() + write(b.low()) + sp()
                        + keyword("AND") + sp() + write(b.high()) + ")";
            } else if (e instanceof Expr.In in) {
                return "(" + write(in.value()) + sp() + not(in.not()) + keyword("IN") + sp() + "(" + list(in.list())
                        + "))";
            } else if (e instanceof Expr.Like l) {
                return "(" + write(l.value()) + sp() + not(l.not()) + keyword("LIKE") + sp() + write(l.pattern())
                        + (l.escape() == null ? "" : sp() + keyword("ESCAPE") + sp() + write(l.escape())) + ")";
            } else if (e instanceof Expr.Conditional c) {
                return "(" + write(c.condition()) + sp() + "?" + sp() + write(c.whenTrue()) + sp() + ":" + sp()
                        + write(c.whenFalse()) + ")";
            } else if (e instanceof Expr.Call c) {
                return (c.udf() ? "udf." : "") + c.name() + "(" + list(c.args()) + ")";
            } else if (e instanceof Expr.ObjectConstructor o) {
                StringBuilder b = new StringBuilder("{");
                for (Expr.PropertyDef p : o.properties()) {
                    b.append(b.length() > 1 ? "," + sp() : "");
                    b.append(p.name().equals("k") && random.nextBoolean() ? p.name() : quote(p.name()));
                    b.append(sp()).append(":").append(sp()).append(write(p.value()));
                }
                return b.append("}").toString();
            } else if (e instanceof Expr.ArrayConstructor a) {
                return "[" + list(a.items()) + "]";
            } else if (e instanceof Expr.ScalarSubquery s) {
                return "(" + query(s.query()) + ")";
            } else if (e instanceof Expr.Exists x) {
                return keyword("EXISTS") + "(" + query(x.query()) + ")";
            } else {
                return keyword("ARRAY") + "(" + query(((Expr.ArraySubquery) e).query()) + ")";
            }
        }

        private String query(Query q) {
            Expr value = ((Query.ValueProjection) q.select().projection()).expr();
            return keyword("SELECT") + sp() + keyword("VALUE") + sp() + write(value) + sp() + keyword("FROM") + sp()
                    + AstPrinter.print(q.from());
        }

        private String list(List<Expr> items) {
            StringBuilder b = new StringBuilder();
            for (Expr item : items) {
                b.append(b.length() > 0 ? "," + sp() : "").append(write(item));
            }
            return b.toString();
        }

        private String not(boolean not) {
            return not ? keyword("NOT") + sp() : "";
        }

        private static String binary(Expr.BinaryOp op) {
            return switch (op) {
                case ADD -> "+";
                case SUBTRACT -> "-";
                case MULTIPLY -> "*";
                case DIVIDE -> "/";
                case MODULO -> "%";
                case EQUAL -> "=";
                case NOT_EQUAL -> "!=";
                case LESS -> "<";
                case LESS_OR_EQUAL -> "<=";
                case GREATER -> ">";
                case GREATER_OR_EQUAL -> ">=";
                case AND -> "AND";
                case OR -> "or";
                case BITWISE_AND -> "&";
                case BITWISE_OR -> "|";
                case BITWISE_XOR -> "^";
                case LEFT_SHIFT -> "<<";
                case RIGHT_SHIFT -> ">>";
                case ZERO_FILL_RIGHT_SHIFT -> ">>>";
                case CONCAT -> "||";
                case COALESCE -> "??";
            };
        }

        private String keyword(String k) {
            return random.nextBoolean() ? k : k.toLowerCase(java.util.Locale.ROOT);
        }

        private String sp() {
            return switch (random.nextInt(8)) {
                case 0 -> "\n";
                case 1 -> "\t ";
                case 2 -> " -- comment\n";
                default -> " ";
            };
        }

        private static String quote(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return b.append('"').toString();
        }
    }
}
