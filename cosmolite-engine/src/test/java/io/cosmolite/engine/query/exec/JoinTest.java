package io.cosmolite.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JOIN: the cross product of an item with arrays inside it. */
class JoinTest extends QueryTestSupport {

    @Test
    void joinCrossesEachItemWithItsArrayElements() {
        load("{'id':'1','tags':['a','b'],'sizes':[1,2,3]}", "{'id':'2','tags':[]}", "{'id':'3'}",
                "{'id':'4','tags':'x'}");
        assertThat(results("SELECT c.id, t AS tag FROM c JOIN t IN c.tags"))
                .containsExactly("{'id':'1','tag':'a'}", "{'id':'1','tag':'b'}");
        assertThat(results("SELECT VALUE COUNT(1) FROM c JOIN t IN c.tags JOIN s IN c.sizes")).containsExactly("6");
        assertThat(results("SELECT VALUE [t, s] FROM c JOIN t IN c.tags JOIN s IN c.sizes WHERE s > 2"))
                .containsExactly("['a',3]", "['b',3]");
    }

    @Test
    void joinOnAPathBindsItsValue() {
        load("{'id':'1','a':{'b':5}}", "{'id':'2'}");
        assertThat(results("SELECT VALUE x.b FROM c JOIN (SELECT VALUE c.a) x")).containsExactly("5");
        assertThat(results("SELECT VALUE ab FROM c JOIN c.a.b ab")).containsExactly("5");
    }

    @Test
    void joinWithObjectsFiltersOnElementProperties() {
        load("{'id':'1','acc':[{'type':'chains','q':25},{'type':'tire','q':5}]}",
                "{'id':'2','acc':[{'type':'chains','q':3}]}");
        assertThat(results("SELECT c.id, a.q FROM c JOIN a IN c.acc WHERE a.type = 'chains' AND a.q >= 10"))
                .containsExactly("{'id':'1','q':25}");
    }

    @Test
    void joinWithASubqueryFiltersBeforeCrossing() {
        load("{'id':'1','tags':[{'n':'w'},{'n':'f'},{'n':'s'}],'q':[1,20]}");
        assertThat(results("SELECT VALUE COUNT(1) FROM p JOIN (SELECT VALUE t FROM t IN p.tags WHERE t.n IN ('w','f')) "
                + "JOIN (SELECT VALUE q FROM q IN p.q WHERE q < 10)")).containsExactly("2");
        assertThat(results("SELECT VALUE total FROM p JOIN (SELECT VALUE SUM(q) FROM q IN p.q) total"))
                .containsExactly("21");
    }
}
