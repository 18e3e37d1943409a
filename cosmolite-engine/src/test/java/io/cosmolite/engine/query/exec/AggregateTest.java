package io.cosmolite.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GROUP BY and the aggregates over mixed types, empty inputs and groups. */
class AggregateTest extends QueryTestSupport {

    @Test
    void wholeQueryAggregatesIgnoreUndefined() {
        load("{'id':'1','n':1}", "{'id':'2','n':2}", "{'id':'3','n':6}", "{'id':'4'}");
        assertThat(results("SELECT VALUE COUNT(1) FROM c")).containsExactly("4");
        assertThat(results("SELECT VALUE COUNT(c.n) FROM c")).containsExactly("3");
        assertThat(results("SELECT VALUE SUM(c.n) FROM c")).containsExactly("9");
        assertThat(results("SELECT VALUE AVG(c.n) FROM c")).containsExactly("3");
        assertThat(results("SELECT MIN(c.n) AS lo, MAX(c.n) AS hi FROM c")).containsExactly("{'lo':1,'hi':6}");
    }

    @Test
    void sumAndAverageBecomeUndefinedOnANonNumber() {
        load("{'id':'1','n':1}", "{'id':'2','n':'x'}");
        assertThat(results("SELECT VALUE SUM(c.n) FROM c")).isEmpty();
        assertThat(results("SELECT SUM(c.n) AS s FROM c")).containsExactly("{}");
        assertThat(results("SELECT VALUE AVG(c.n) FROM c")).isEmpty();
        assertThat(results("SELECT VALUE COUNT(c.n) FROM c")).containsExactly("2");
    }

    @Test
    void minAndMaxOrderMixedTypes() {
        load("{'id':'1','v':1}", "{'id':'2','v':'a'}", "{'id':'3','v':null}", "{'id':'4','v':true}", "{'id':'5'}");
        assertThat(results("SELECT VALUE MIN(c.v) FROM c")).containsExactly("null");
        assertThat(results("SELECT VALUE MAX(c.v) FROM c")).containsExactly("'a'");
        load("{'id':'6','v':[1]}");
        assertThat(results("SELECT VALUE MAX(c.v) FROM c")).isEmpty();
    }

    @Test
    void emptyInput() {
        assertThat(results("SELECT VALUE COUNT(1) FROM c")).containsExactly("0");
        assertThat(results("SELECT VALUE SUM(c.n) FROM c")).containsExactly("0");
        assertThat(results("SELECT VALUE AVG(c.n) FROM c")).isEmpty();
        assertThat(results("SELECT VALUE MIN(c.n) FROM c")).isEmpty();
        assertThat(results("SELECT COUNT(1) AS n FROM c")).containsExactly("{'n':0}");
        assertThat(results("SELECT COUNT(1) AS n FROM c GROUP BY c.x")).isEmpty();
        assertThat(results("SELECT VALUE {countScalar: COUNT(1), countExpression: COUNT(2 + 3)}"))
                .containsExactly("{'countScalar':1,'countExpression':1}");
    }

    @Test
    void groupByGroupsStructurallyIncludingUndefined() {
        load("{'id':'1','k':'a','n':1}", "{'id':'2','k':'a','n':2}", "{'id':'3','k':'b','n':5}", "{'id':'4','n':7}",
                "{'id':'5','k':1,'n':1}", "{'id':'6','k':1.0,'n':1}", "{'id':'7','k':{'x':1,'y':2},'n':1}",
                "{'id':'8','k':{'y':2,'x':1},'n':1}");
        assertThat(results("SELECT c.k, COUNT(1) AS n, SUM(c.n) AS total FROM c GROUP BY c.k"))
                .containsExactlyInAnyOrder("{'k':'a','n':2,'total':3}", "{'k':'b','n':1,'total':5}",
                        "{'n':1,'total':7}", "{'k':1,'n':2,'total':2}", "{'k':{'x':1,'y':2},'n':2,'total':2}");
        assertThat(results("SELECT VALUE c.k FROM c WHERE IS_STRING(c.k) GROUP BY c.k"))
                .containsExactlyInAnyOrder("'a'", "'b'");
        assertThat(results("SELECT COUNT(1) AS n, c.k AS key, 'lit' AS l FROM c WHERE c.k = 'a' GROUP BY c.k"))
                .containsExactly("{'n':2,'key':'a','l':'lit'}");
    }

    @Test
    void groupByOnSeveralExpressionsAndComputedKeys() {
        load("{'id':'1','a':1,'b':'x'}", "{'id':'2','a':1,'b':'x'}", "{'id':'3','a':1,'b':'y'}", "{'id':'4','a':2,'b':'x'}");
        assertThat(results("SELECT c.a, c.b, COUNT(1) AS n FROM c GROUP BY c.a, c.b"))
                .containsExactlyInAnyOrder("{'a':1,'b':'x','n':2}", "{'a':1,'b':'y','n':1}", "{'a':2,'b':'x','n':1}");
        assertThat(results("SELECT LOWER(c.b) AS lb, COUNT(1) AS n FROM c GROUP BY LOWER(c.b)"))
                .containsExactlyInAnyOrder("{'lb':'x','n':3}", "{'lb':'y','n':1}");
    }
}
