package io.cosmolite.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmolite.engine.query.QueryRequest;
import io.cosmolite.engine.query.QueryScope;
import org.junit.jupiter.api.Test;

/** The 400s a query gets before it runs, in Cosmos DB's error shape. */
class QueryErrorTest extends QueryTestSupport {

    @Test
    void unknownFunctionsAndWrongArgumentCounts() {
        var e = assertQueryError("SELECT VALUE NOPE(1)", "SC2005", "'NOPE' is not a recognized built-in function name.");
        assertThat(e.getMessage()).contains("\"location\":{\"start\":13,\"end\":20}");
        assertQueryError("SELECT ABS()", "SC2050", "The ABS function requires 1 argument(s).");
        assertQueryError("SELECT VALUE udf.f(1)", null, "user-defined function");
    }

    @Test
    void unknownIdentifiers() {
        var e = assertQueryError("SELECT d.id FROM c", "SC2001", "Identifier 'd' could not be resolved.");
        assertThat(e.getMessage()).contains("\"location\":{\"start\":7,\"end\":8}");
        assertQueryError("SELECT products.id FROM products p", "SC2001", "Identifier 'products' could not be resolved.");
        assertQueryError("SELECT c.id", "SC2001", "Identifier 'c' could not be resolved.");
        assertQueryError("SELECT VALUE (SELECT VALUE 1 FROM x IN y.z) FROM c", "SC2001", "Identifier 'y' could not be resolved.");
    }

    @Test
    void aggregatesOnlyInSelect() {
        assertQueryError("SELECT * FROM c WHERE COUNT(1) > 1", null, "not allowed in the WHERE clause");
        assertQueryError("SELECT c.k FROM c GROUP BY COUNT(1)", null, "not allowed in the GROUP BY clause");
        assertQueryError("SELECT VALUE COUNT(SUM(c.n)) FROM c", null, "not allowed");
        assertQueryError("SELECT c.id, COUNT(1) AS n FROM c", null, "Property reference 'c.id' is invalid in the select list");
        assertQueryError("SELECT c.other, COUNT(1) FROM c GROUP BY c.k", null, "Property reference 'c.other'");
    }

    @Test
    void selectStarRules() {
        assertQueryError("SELECT *", "SC1001", "'SELECT *' is not valid if FROM clause is omitted.");
        assertQueryError("SELECT * FROM c JOIN t IN c.tags", null, "'SELECT *' is only valid with a single input set.");
        assertQueryError("SELECT * FROM c GROUP BY c.k", null, "'SELECT *' is not valid with GROUP BY.");
    }

    @Test
    void syntaxErrorsComeFromTheParser() {
        assertQueryError("SELEC * FROM c", "SC1001", "Syntax error");
    }

    @Test
    void badCountsAndPageSizes() {
        assertQueryError("SELECT TOP 1.5 * FROM c", null, "TOP");
        assertQueryError("SELECT * FROM c OFFSET 1 LIMIT 2.5", null, "LIMIT");
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(io.cosmolite.engine.error.CosmosException.class,
                () -> c.query(QueryRequest.of("SELECT * FROM c").withMaxItemCount(-2), QueryScope.container()));
        assertThat(e.status()).isEqualTo(400);
    }

    @Test
    void anUnknownRangeIsNotFound() {
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(io.cosmolite.engine.error.CosmosException.class,
                () -> c.query(QueryRequest.of("SELECT * FROM c"), QueryScope.range("99")));
        assertThat(e.status()).isEqualTo(404);
    }
}
