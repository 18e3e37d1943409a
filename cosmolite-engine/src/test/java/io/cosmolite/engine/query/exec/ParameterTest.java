package io.cosmolite.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Query parameters: every JSON type, use in any position, and missing parameters. */
class ParameterTest extends QueryTestSupport {

    @Test
    void parametersCarryEveryJsonType() {
        load("{'id':'1','n':5,'s':'x','t':['a','b'],'o':{'k':1}}", "{'id':'2','n':6}");
        assertThat(results("SELECT VALUE c.id FROM c WHERE c.n = @n", "@n", "5")).containsExactly("'1'");
        assertThat(results("SELECT VALUE c.id FROM c WHERE c.s = @s", "@s", "'x'")).containsExactly("'1'");
        assertThat(results("SELECT VALUE c.id FROM c WHERE c.o = @o", "@o", "{'k':1}")).containsExactly("'1'");
        assertThat(results("SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(@ids, c.id)", "@ids", "['2','9']"))
                .containsExactly("'2'");
        assertThat(results("SELECT VALUE @v", "@v", "null")).containsExactly("null");
        assertThat(results("SELECT VALUE c[@p] FROM c WHERE c.id = '1'", "@p", "'s'")).containsExactly("'x'");
        assertThat(results("SELECT VALUE c.id FROM c WHERE c.n IN (@a, @b)", "@a", "6", "@b", "7")).containsExactly("'2'");
    }

    @Test
    void parametersSetOffsetLimitAndTop() {
        load("{'id':'1'}", "{'id':'2'}", "{'id':'3'}");
        assertThat(results("SELECT VALUE c.id FROM c ORDER BY c.id OFFSET @o LIMIT @l", "@o", "1", "@l", "1"))
                .containsExactly("'2'");
        assertQueryError("SELECT TOP @n * FROM c", null, "TOP", "@n", "'x'");
        assertQueryError("SELECT TOP @n * FROM c", null, "TOP", "@n", "-1");
        assertQueryError("SELECT * FROM c OFFSET @o LIMIT 1", null, "OFFSET", "@o", "1.5");
    }

    @Test
    void aParameterNotSuppliedIsRefused() {
        assertQueryError("SELECT * FROM c WHERE c.n = @missing", "SC2001", "Identifier '@missing' could not be resolved.");
    }
}
