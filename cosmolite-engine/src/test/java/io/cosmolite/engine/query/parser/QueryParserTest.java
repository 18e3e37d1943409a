package io.cosmolite.engine.query.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import io.cosmolite.engine.query.ast.Span;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {

    private static String query(String text) {
        return AstPrinter.print(QueryParser.parse(text));
    }

    private static Expr valueExpr(String expr) {
        return ((Query.ValueProjection) QueryParser.parse("SELECT VALUE " + expr).select().projection()).expr();
    }

    private static String expr(String expr) {
        return AstPrinter.print(valueExpr(expr));
    }

    /** Asserts a 400 syntax error at {@code start..end} quoting {@code near}. */
    static void assertSyntaxError(String text, int start, int end, String near) {
        assertThatThrownBy(() -> QueryParser.parse(text))
                .isInstanceOfSatisfying(CosmosException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage())
                            .contains("\"location\":{\"start\":" + start + ",\"end\":" + end + "}")
                            .contains("\"code\":\"SC1001\"")
                            .contains("Syntax error, incorrect syntax near '" + near.replace("\\", "\\\\").replace("\"", "\\\"") + "'.");
                });
    }

    static void assertEndOfFile(String text) {
        assertThatThrownBy(() -> QueryParser.parse(text))
                .isInstanceOfSatisfying(CosmosException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage())
                            .contains("\"location\":{\"start\":" + text.length() + ",\"end\":" + text.length() + "}")
                            .contains("\"code\":\"SC1002\"")
                            .contains("Syntax error, unexpected end-of-file.");
                });
    }

    @Nested
    class Select {
        @Test
        void star() {
            assertThat(query("SELECT * FROM c")).isEqualTo("SELECT * FROM c");
        }

        @Test
        void valueDistinctTop() {
            assertThat(query("select distinct top 5 value c.a from c")).isEqualTo("SELECT DISTINCT TOP 5 VALUE c.a FROM c");
            assertThat(query("SELECT TOP @n * FROM c")).isEqualTo("SELECT TOP @n * FROM c");
        }

        @Test
        void listWithAliases() {
            assertThat(query("SELECT c.a, c.b AS x, c.c y, 1 FROM c"))
                    .isEqualTo("SELECT c.a, c.b AS x, c.c AS y, 1 FROM c");
        }

        @Test
        void withoutFrom() {
            Query q = QueryParser.parse("SELECT 1");
            assertThat(q.from()).isNull();
            assertThat(q.joins()).isEmpty();
            assertThat(q.groupBy()).isEmpty();
            assertThat(q.where()).isNull();
            assertThat(q.orderBy()).isNull();
            assertThat(q.offset()).isNull();
            assertThat(q.limit()).isNull();
            assertThat(AstPrinter.print(q)).isEqualTo("SELECT 1");
        }

        @Test
        void starMustStandAlone() {
            assertSyntaxError("SELECT *, c.id FROM c", 8, 9, ",");
            assertSyntaxError("SELECT VALUE * FROM c", 13, 14, "*");
        }

        @Test
        void topTakesOnlyUnsignedNumberOrParameter() {
            assertSyntaxError("SELECT TOP -1 c.name FROM c", 11, 12, "-");
            assertSyntaxError("SELECT TOP c.n * FROM c", 11, 12, "c");
        }
    }

    @Nested
    class From {
        @Test
        void rootAndAliases() {
            assertThat(query("SELECT * FROM ROOT")).isEqualTo("SELECT * FROM ROOT");
            assertThat(query("SELECT * FROM root r")).isEqualTo("SELECT * FROM root AS r");
            assertThat(query("SELECT * FROM products AS p")).isEqualTo("SELECT * FROM products AS p");
        }

        @Test
        void pathSteps() {
            Query q = QueryParser.parse("SELECT * FROM c.a[\"b c\"][2].d x");
            Query.PathSource s = (Query.PathSource) q.from();
            assertThat(s.alias()).isEqualTo("x");
            assertThat(s.iterate()).isFalse();
            assertThat(AstPrinter.print(s.path())).isEqualTo("c.a.b c[2].d");
            assertThat(((Expr.Property) s.path()).target()).isInstanceOf(Expr.Index.class);
        }

        @Test
        void iteration() {
            Query q = QueryParser.parse("SELECT * FROM t IN c.tags");
            Query.PathSource s = (Query.PathSource) q.from();
            assertThat(s.iterate()).isTrue();
            assertThat(s.alias()).isEqualTo("t");
            assertThat(AstPrinter.print(s.path())).isEqualTo("c.tags");
        }

        @Test
        void joins() {
            assertThat(query("SELECT * FROM c JOIN t IN c.tags JOIN (SELECT VALUE 1) AS s JOIN c.x y"))
                    .isEqualTo("SELECT * FROM c JOIN t IN c.tags JOIN (SELECT VALUE 1) AS s JOIN c.x AS y");
        }

        @Test
        void subquerySource() {
            Query q = QueryParser.parse("SELECT * FROM (SELECT VALUE c.a FROM c) x");
            assertThat(q.from()).isInstanceOf(Query.SubquerySource.class);
            assertThat(q.from().alias()).isEqualTo("x");
        }

        @Test
        void pathIndexesMustBeLiterals() {
            assertSyntaxError("SELECT * FROM c[@p]", 16, 18, "@p");
            assertSyntaxError("SELECT * FROM c.value", 16, 21, "value");
        }
    }

    @Nested
    class Clauses {
        @Test
        void whereGroupOrderOffset() {
            assertThat(query("SELECT c.a FROM c WHERE c.b = 1 GROUP BY c.a, c.b ORDER BY c.a ASC, c.b DESC OFFSET 1 LIMIT 3"))
                    .isEqualTo("SELECT c.a FROM c WHERE (EQUAL c.b 1) GROUP BY c.a, c.b ORDER BY c.a, c.b DESC OFFSET 1 LIMIT 3");
            assertThat(query("SELECT * FROM c OFFSET @o LIMIT @l")).isEqualTo("SELECT * FROM c OFFSET @o LIMIT @l");
        }

        @Test
        void orderBySortDirection() {
            Query q = QueryParser.parse("SELECT * FROM c ORDER BY c.a DESC, c.b");
            assertThat(q.orderBy().rank()).isFalse();
            assertThat(q.orderBy().items()).extracting(Query.SortItem::descending).containsExactly(true, false);
        }

        @Test
        void orderByRank() {
            Query q = QueryParser.parse("SELECT TOP 10 * FROM c ORDER BY RANK FullTextScore(c.text, 'swim')");
            assertThat(q.orderBy().rank()).isTrue();
            assertThat(AstPrinter.print(q.orderBy().items().get(0).expr())).isEqualTo("FullTextScore(c.text, \"swim\")");
            // rank stays an ordinary name elsewhere
            assertThat(query("SELECT * FROM c ORDER BY c.rank")).isEqualTo("SELECT * FROM c ORDER BY c.rank");
        }

        @Test
        void offsetNeedsLimit() {
            assertEndOfFile("SELECT * FROM c OFFSET 1");
            assertSyntaxError("SELECT * FROM c LIMIT 1", 16, 21, "LIMIT");
            assertSyntaxError("SELECT c.name FROM c OFFSET -1 LIMIT 10", 28, 29, "-");
            assertSyntaxError("SELECT c.name FROM c OFFSET 10 LIMIT -1", 37, 38, "-");
        }

        @Test
        void clausesInFixedOrder() {
            assertSyntaxError("SELECT * FROM c ORDER BY c.a WHERE c.b", 29, 34, "WHERE");
        }
    }

    @Nested
    class Precedence {
        @ParameterizedTest
        @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "1 + 2 * 3                  => (ADD 1 (MULTIPLY 2 3))",
            "1 - 2 - 3                  => (SUBTRACT (SUBTRACT 1 2) 3)",
            "8 / 4 % 3 * 2              => (MULTIPLY (MODULO (DIVIDE 8 4) 3) 2)",
            "1 << 2 + 3                 => (LEFT_SHIFT 1 (ADD 2 3))",
            "1 < 2 << 3                 => (LESS 1 (LEFT_SHIFT 2 3))",
            "a >> 1 >>> 2               => (ZERO_FILL_RIGHT_SHIFT (RIGHT_SHIFT a 1) 2)",
            "a = b < c                  => (EQUAL a (LESS b c))",
            "a <> b != c                => (NOT_EQUAL (NOT_EQUAL a b) c)",
            "a & b = c                  => (BITWISE_AND a (EQUAL b c))",
            "a | b ^ c & d              => (BITWISE_OR a (BITWISE_XOR b (BITWISE_AND c d)))",
            "a || b | c                 => (CONCAT a (BITWISE_OR b c))",
            "a || b || c                => (CONCAT (CONCAT a b) c)",
            "a = 1 AND b = 2 OR c       => (OR (AND (EQUAL a 1) (EQUAL b 2)) c)",
            "a OR b AND c               => (OR a (AND b c))",
            "a ?? b OR c                => (COALESCE a (OR b c))",
            "a ?? b ?? c                => (COALESCE (COALESCE a b) c)",
            "a ? b : c ?? d             => (? a b (COALESCE c d))",
            "a ?? b ? c : d             => (? (COALESCE a b) c d)",
            "a ? b : c ? d : e          => (? a b (? c d e))",
            "a ? b ? c : d : e          => (? a (? b c d) e)",
            "a OR b ? c : d             => (? (OR a b) c d)",
            "NOT a AND b                => (AND (NOT a) b)",
            "NOT a = b                  => (EQUAL (NOT a) b)",
            "NOT NOT a                  => (NOT (NOT a))",
            "-a.b                       => (MINUS a.b)",
            "~a + -b                    => (ADD (BITWISE_NOT a) (MINUS b))",
            "- -a                       => (MINUS (MINUS a))",
            "(1 + 2) * 3                => (MULTIPLY (ADD 1 2) 3)",
            "a IN (1, 2) AND b          => (AND (IN a [1, 2]) b)",
            "a + 1 IN (2)               => (IN (ADD a 1) [2])",
            "a NOT IN (1)               => (NOT_IN a [1])",
            "a BETWEEN 1 AND 2 AND b    => (AND (BETWEEN a 1 2) b)",
            "a NOT BETWEEN 1 + 1 AND 3  => (NOT_BETWEEN a (ADD 1 1) 3)",
            "a LIKE 'x%' OR b           => (OR (LIKE a \"x%\") b)",
            "a NOT LIKE 'x' ESCAPE '!'  => (NOT_LIKE a \"x\" \"!\")",
            "a || 'x' LIKE b || 'y'     => (LIKE (CONCAT a \"x\") (CONCAT b \"y\"))",
        })
        void binaryAndTernary(String text, String tree) {
            assertThat(expr(text)).isEqualTo(tree);
        }

        @Test
        void predicatesDoNotChain() {
            assertSyntaxError("SELECT VALUE a IN (1) IN (2)", 22, 24, "IN");
            assertSyntaxError("SELECT VALUE a = 1 = 2 LIKE 'x' LIKE 'y'", 32, 36, "LIKE");
        }
    }

    @Nested
    class Primaries {
        @Test
        void memberAccess() {
            assertThat(valueExpr("c.a")).isEqualTo(new Expr.Property(new Expr.Identifier("c"), "a"));
            assertThat(valueExpr("c[\"a b\"]")).isEqualTo(new Expr.Property(new Expr.Identifier("c"), "a b"));
            assertThat(valueExpr("c['value']")).isEqualTo(new Expr.Property(new Expr.Identifier("c"), "value"));
            assertThat(expr("c[0][@p][c.i + 1].x")).isEqualTo("c[0][@p][(ADD c.i 1)].x");
            assertThat(valueExpr("c[0]")).isInstanceOf(Expr.Index.class);
        }

        @Test
        void functionCalls() {
            Expr.Call call = (Expr.Call) valueExpr("STARTSWITH(r.key, 'a')");
            assertThat(call.name()).isEqualTo("STARTSWITH");
            assertThat(call.udf()).isFalse();
            assertThat(call.args()).hasSize(2);
            assertThat(call.span()).isEqualTo(new Span(13, 35));
            assertThat(expr("lower(pi())")).isEqualTo("lower(pi())");
            assertThat(expr("LEFT('abc', 1) || right('abc', 1)")).isEqualTo("(CONCAT LEFT(\"abc\", 1) right(\"abc\", 1))");
        }

        @Test
        void udfCalls() {
            Expr.Call call = (Expr.Call) valueExpr("udf.tax(c.price, 2)");
            assertThat(call.udf()).isTrue();
            assertThat(call.name()).isEqualTo("tax");
            assertThat(call.span()).isEqualTo(new Span(13, 32));
            assertEndOfFile("SELECT VALUE udf.tax");
            assertSyntaxError("SELECT VALUE udf.tax + 1", 21, 22, "+");
        }

        @Test
        void constructors() {
            assertThat(expr("{a: 1, \"b c\": [1, 'x', {}], 'd': []}")).isEqualTo("{a: 1, b c: [1, \"x\", {}], d: []}");
            Expr.ObjectConstructor o = (Expr.ObjectConstructor) valueExpr("{z: 1, a: 2}");
            assertThat(o.properties()).extracting(Expr.PropertyDef::name).containsExactly("z", "a");
        }

        @Test
        void subqueries() {
            assertThat(expr("(SELECT VALUE 1)")).isEqualTo("(SELECT VALUE 1)");
            assertThat(valueExpr("(SELECT VALUE 1)")).isInstanceOf(Expr.ScalarSubquery.class);
            assertThat(expr("EXISTS(SELECT VALUE t FROM t IN c.tags WHERE t = 'a')"))
                    .isEqualTo("EXISTS(SELECT VALUE t FROM t IN c.tags WHERE (EQUAL t \"a\"))");
            assertThat(expr("ARRAY(SELECT DISTINCT VALUE t.name FROM t IN c.tags)"))
                    .isEqualTo("ARRAY(SELECT DISTINCT VALUE t.name FROM t IN c.tags)");
            assertThat(expr("((SELECT VALUE 1) + 1)")).isEqualTo("(ADD (SELECT VALUE 1) 1)");
        }

        @Test
        void parameters() {
            assertThat(valueExpr("@p_1")).isEqualTo(new Expr.Parameter("@p_1"));
        }

        @Test
        void keywordsAreCaseInsensitiveIdentifiersAreNot() {
            assertThat(query("sElEcT VaLuE C.Name FrOm C wHeRe C.a AnD NoT c.B")).isEqualTo(
                    "SELECT VALUE C.Name FROM C WHERE (AND C.a (NOT c.B))");
        }

        @Test
        void reservedWordsAreNotIdentifiers() {
            assertSyntaxError("SELECT c.value FROM c", 9, 14, "value");
            assertSyntaxError("SELECT VALUE select", 13, 19, "select");
            assertSyntaxError("SELECT * FROM c AS from", 19, 23, "from");
            assertThat(expr("c[\"select\"]")).isEqualTo("c.select");
        }

        @Test
        void literalKeywordsAreLowerCaseOnly() {
            assertThat(valueExpr("TRUE")).isEqualTo(new Expr.Identifier("TRUE"));
            assertThat(valueExpr("Null")).isEqualTo(new Expr.Identifier("Null"));
        }
    }

    @Nested
    class Literals {
        @ParameterizedTest
        @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "42               => 42",
            "-42              => -42",
            "+7               => 7",
            "1.5              => 1.5",
            ".5               => 0.5",
            "1.               => 1",
            "1e3              => 1000",
            "2.5E-1           => 0.25",
            "1e+2             => 100",
            "0x1F             => 31",
            "0XfF             => 255",
            "-9223372036854775808 => -9.223372036854776E18",
            "9007199254740993 => 9007199254740992",
            "true             => true",
            "false            => false",
            "null             => null",
            "undefined        => undefined",
            "NaN              => NaN",
            "Infinity         => Infinity",
            "-Infinity        => -Infinity",
        })
        void constants(String text, String printed) {
            assertThat(expr(text)).isEqualTo(printed);
        }

        @Test
        void integralNumbersAreIntegerNodes() {
            Expr.Literal l = (Expr.Literal) valueExpr("20.0");
            assertThat(l.value().isIntegralNumber()).isTrue();
            assertThat(l.value().intValue()).isEqualTo(20);
        }

        @Test
        void strings() {
            assertThat(stringValue("'it''s'")).isNull();
            assertThat(stringValue("\"a'b\"")).isEqualTo("a'b");
            assertThat(stringValue("'a\"b'")).isEqualTo("a\"b");
            assertThat(stringValue("'\\' \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9\\u20AC'"))
                    .isEqualTo("' \" \\ / \b \f \n \r \t é€");
            assertThat(stringValue("''")).isEmpty();
        }

        private String stringValue(String literal) {
            try {
                return ((Expr.Literal) valueExpr(literal)).value().textValue();
            } catch (CosmosException e) {
                return null;
            }
        }

        @Test
        void badStrings() {
            assertSyntaxError("SELECT VALUE 'abc", 13, 14, "'");
            assertSyntaxError("SELECT VALUE \"a\\qb\"", 15, 17, "\\q");
            assertSyntaxError("SELECT VALUE 'a\\u12G4'", 15, 21, "\\u12G4");
            assertSyntaxError("SELECT VALUE 'a\\u12", 15, 19, "\\u12");
        }

        @Test
        void commentsRunToEndOfLine() {
            assertThat(query("SELECT -- the projection\n c.a -- more\nFROM c --end")).isEqualTo("SELECT c.a FROM c");
        }
    }

    @Nested
    class Errors {
        @Test
        void trailingCommaBeforeFrom() {
            String text = "SELECT\n    udf.f(r.a), udf.g(r.b),\nFROM Root r";
            assertSyntaxError(text, text.indexOf("FROM"), text.indexOf("FROM") + 4, "FROM");
        }

        @Test
        void unexpectedTokens() {
            assertSyntaxError("SELECT * FROM c WHERE c.a = = 1", 28, 29, "=");
            assertSyntaxError("SELECT * FROM c WHERE c.a ! 1", 26, 27, "!");
            assertSyntaxError("SELECT * FROM c WHERE c.a # 1", 26, 27, "#");
            assertSyntaxError("SELECT * FROM c;", 15, 16, ";");
            assertSyntaxError("SELECT c.a c.b FROM c", 12, 13, ".");
            assertSyntaxError("SELECT VALUE [1, 2,]", 19, 20, "]");
            assertSyntaxError("SELECT VALUE {a 1}", 16, 17, "1");
            assertSyntaxError("SELECT VALUE {1: 1}", 14, 15, "1");
            assertSyntaxError("SELECT VALUE a IN ()", 19, 20, ")");
            assertSyntaxError("SELECT VALUE @", 13, 14, "@");
            assertSyntaxError("SELECT VALUE a LIKE 'x' ESCAPE c.e", 31, 32, "c");
            assertSyntaxError("DELETE FROM c", 0, 6, "DELETE");
            assertSyntaxError("SELECT distinct distinct * FROM c", 16, 24, "distinct");
        }

        @Test
        void theFirstFaultInTheTextIsReported() {
            assertSyntaxError("SELECT FROM c WHERE #", 7, 11, "FROM");
            assertSyntaxError("SELECT VALUE 1 'open", 15, 16, "'");
            assertSyntaxError("SELECT # FROM c WHERE )", 7, 8, "#");
        }

        @Test
        void unexpectedEnd() {
            assertEndOfFile("");
            assertEndOfFile("   ");
            assertEndOfFile("SELECT");
            assertEndOfFile("SELECT * FROM");
            assertEndOfFile("SELECT * FROM c WHERE (c.a");
            assertEndOfFile("SELECT VALUE f(1,");
            assertEndOfFile("SELECT * FROM c ORDER BY");
        }

        @Test
        void tooDeep() {
            String deep = "SELECT VALUE " + "(".repeat(200) + "1" + ")".repeat(200);
            assertThatThrownBy(() -> QueryParser.parse(deep))
                    .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.status()).isEqualTo(400));
            String ok = "SELECT VALUE " + "(".repeat(100) + "1" + ")".repeat(100);
            assertThat(expr(ok.substring("SELECT VALUE ".length()))).isEqualTo("1");
        }

        @Test
        void longChainsAreBoundedButOrdinaryOnesPass() {
            String ors = "SELECT * FROM c WHERE " + "c.id = 'x' OR ".repeat(1500) + "c.id = 'y'";
            assertThat(QueryParser.parse(ors).where()).isInstanceOf(Expr.Binary.class);
            String sum = "SELECT VALUE " + "1 + ".repeat(5000) + "1";
            assertThatThrownBy(() -> QueryParser.parse(sum))
                    .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.status()).isEqualTo(400));
        }

        @Test
        void tooLong() {
            String text = "SELECT VALUE '" + "x".repeat(QueryParser.MAX_QUERY_LENGTH) + "'";
            assertThatThrownBy(() -> QueryParser.parse(text))
                    .isInstanceOfSatisfying(CosmosException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.getMessage()).contains("maximum limit");
                    });
        }

        @Test
        void missingText() {
            assertThatThrownBy(() -> QueryParser.parse(null))
                    .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }
}
