package io.cosmolite.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Scalar, EXISTS, ARRAY and FROM subqueries, correlated with the outer row. */
class SubqueryTest extends QueryTestSupport {

    @Test
    void scalarSubqueries() {
        load("{'id':'1','name':'Winter glove','inv':[{'q':50,'l':'WA'},{'q':30,'l':'DC'}]}", "{'id':'2','name':'Hat'}");
        assertThat(results("SELECT (SELECT VALUE 1) AS a, (SELECT VALUE 2) AS b")).containsExactly("{'a':1,'b':2}");
        assertThat(results("SELECT c.id, (SELECT c.name WHERE CONTAINS(c.name, 'glove')).name FROM c"))
                .containsExactlyInAnyOrder("{'id':'1','name':'Winter glove'}", "{'id':'2'}");
        assertThat(results("SELECT c.id, (SELECT VALUE COUNT(1) FROM i IN c.inv) AS n FROM c"))
                .containsExactlyInAnyOrder("{'id':'1','n':2}", "{'id':'2','n':0}");
        assertThat(results("SELECT VALUE c.id FROM c WHERE (SELECT VALUE SUM(i.q) FROM i IN c.inv) > 60"))
                .containsExactly("'1'");
        assertThat(results("SELECT VALUE (SELECT COUNT(1) AS n, SUM(i.q) AS t FROM i IN c.inv) FROM c WHERE c.id = '1'"))
                .containsExactly("{'n':2,'t':80}");
    }

    @Test
    void aScalarSubqueryWithSeveralResultsIsRefused() {
        load("{'id':'1','list':[1,2]}");
        assertQueryError("SELECT (SELECT VALUE l FROM l IN c.list) FROM c", null,
                "The cardinality of a scalar subquery result set cannot be greater than one.");
    }

    @Test
    void existsSubqueries() {
        load("{'id':'1','acc':[{'t':'chains','q':25}]}", "{'id':'2','acc':[{'t':'tire','q':5}]}", "{'id':'3'}");
        assertThat(results("SELECT VALUE c.id FROM c WHERE EXISTS (SELECT VALUE a FROM a IN c.acc WHERE a.t = 'chains')"))
                .containsExactly("'1'");
        assertThat(results("SELECT EXISTS (SELECT VALUE undefined) AS e")).containsExactly("{'e':false}");
        assertThat(results("SELECT EXISTS (SELECT undefined) AS e")).containsExactly("{'e':true}");
    }

    @Test
    void arraySubqueries() {
        load("{'id':'1','tags':['a','b','c']}");
        assertThat(results("SELECT VALUE ARRAY(SELECT VALUE UPPER(t) FROM t IN c.tags WHERE t != 'b') FROM c"))
                .containsExactly("['A','C']");
        assertThat(results("SELECT VALUE ARRAY(SELECT VALUE t FROM t IN c.tags WHERE t = 'z') FROM c")).containsExactly("[]");
    }

    @Test
    void fromSubqueries() {
        load("{'id':'1','n':1}", "{'id':'2','n':2}", "{'id':'3','n':3}");
        assertThat(results("SELECT VALUE COUNT(1) FROM (SELECT * FROM c WHERE c.n > 1)")).containsExactly("2");
        assertThat(results("SELECT VALUE x.n FROM (SELECT c.n FROM c) x WHERE x.n < 3")).containsExactlyInAnyOrder("1", "2");
    }
}
