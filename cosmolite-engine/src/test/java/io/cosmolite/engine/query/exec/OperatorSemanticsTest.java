package io.cosmolite.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Operators and their undefined/null semantics, evaluated without FROM. */
class OperatorSemanticsTest extends QueryTestSupport {

    @Test
    void arithmeticWorksOnNumbersOnly() {
        assertThat(value("1 + 2 * 3 - 4 / 2")).isEqualTo("5");
        assertThat(value("7 % 3")).isEqualTo("1");
        assertThat(value("-7 % 3")).isEqualTo("-1");
        assertThat(value("0.5 + 0.25")).isEqualTo("0.75");
        assertThat(value("1 + '1'")).isEqualTo("undefined");
        assertThat(value("1 + null")).isEqualTo("undefined");
        assertThat(value("1 + true")).isEqualTo("undefined");
        assertThat(value("-'a'")).isEqualTo("undefined");
        assertThat(value("{}.missing + 1")).isEqualTo("undefined");
    }

    @Test
    void nonFiniteNumbersAreUndefinedInResults() {
        assertThat(value("1 / 0")).isEqualTo("undefined");
        assertThat(value("{a: 1 / 0, b: 2}")).isEqualTo("{'b':2}");
        assertThat(value("[1, 0 / 0, 2]")).isEqualTo("[1,2]");
        assertThat(value("IS_NUMBER(1 / 0)")).isEqualTo("true");
    }

    @Test
    void logicIsThreeValued() {
        assertThat(value("true AND true")).isEqualTo("true");
        assertThat(value("false AND undefined")).isEqualTo("false");
        assertThat(value("undefined AND false")).isEqualTo("false");
        assertThat(value("true AND undefined")).isEqualTo("undefined");
        assertThat(value("true AND 1")).isEqualTo("undefined");
        assertThat(value("true OR undefined")).isEqualTo("true");
        assertThat(value("undefined OR true")).isEqualTo("true");
        assertThat(value("false OR undefined")).isEqualTo("undefined");
        assertThat(value("false OR false")).isEqualTo("false");
        assertThat(value("NOT undefined")).isEqualTo("undefined");
        assertThat(value("NOT 'x'")).isEqualTo("undefined");
        assertThat(value("NOT false")).isEqualTo("true");
    }

    @Test
    void comparisonsAreUndefinedAcrossTypes() {
        assertThat(value("1 = 1.0")).isEqualTo("true");
        assertThat(value("1 = '1'")).isEqualTo("undefined");
        assertThat(value("1 != '1'")).isEqualTo("undefined");
        assertThat(value("null = null")).isEqualTo("true");
        assertThat(value("1 = null")).isEqualTo("undefined");
        assertThat(value("'a' < 'b'")).isEqualTo("true");
        assertThat(value("1 < 'b'")).isEqualTo("undefined");
        assertThat(value("[1,2] = [1,2]")).isEqualTo("true");
        assertThat(value("{a:1,b:2} = {b:2,a:1}")).isEqualTo("true");
        assertThat(value("[1] < [2]")).isEqualTo("undefined");
        assertThat(value("false < true")).isEqualTo("true");
        assertThat(value("undefined = undefined")).isEqualTo("undefined");
    }

    @Test
    void coalesceAndTernary() {
        assertThat(value("{}.a ?? 'dflt'")).isEqualTo("'dflt'");
        assertThat(value("null ?? 'dflt'")).isEqualTo("null");
        assertThat(value("true ? 1 : 2")).isEqualTo("1");
        assertThat(value("false ? 1 : 2")).isEqualTo("2");
        assertThat(value("(1 = 1) ? 'y' : 'n'")).isEqualTo("'y'");
    }

    @Test
    void inBetweenAndLike() {
        assertThat(value("2 IN (1, 2, 3)")).isEqualTo("true");
        assertThat(value("2 IN ('2')")).isEqualTo("false");
        assertThat(value("2 NOT IN (1, 3)")).isEqualTo("true");
        assertThat(value("{}.x IN (1)")).isEqualTo("undefined");
        assertThat(value("5 BETWEEN 1 AND 10")).isEqualTo("true");
        assertThat(value("5 NOT BETWEEN 1 AND 10")).isEqualTo("false");
        assertThat(value("'m' BETWEEN 'a' AND 'z'")).isEqualTo("true");
        assertThat(value("5 BETWEEN 'a' AND 10")).isEqualTo("undefined");
        assertThat(value("'abcd' LIKE 'ab%'")).isEqualTo("true");
        assertThat(value("'abcd' LIKE 'a_cd'")).isEqualTo("true");
        assertThat(value("'abcd' LIKE 'AB%'")).isEqualTo("false");
        assertThat(value("'b1' LIKE '[abc]1'")).isEqualTo("true");
        assertThat(value("'d1' LIKE '[^abc]1'")).isEqualTo("true");
        assertThat(value("'c' LIKE '[a-c]'")).isEqualTo("true");
        assertThat(value("'50%' LIKE '50!%' ESCAPE '!'")).isEqualTo("true");
        assertThat(value("'500' LIKE '50!%' ESCAPE '!'")).isEqualTo("false");
        assertThat(value("'a.c' LIKE 'a.c'")).isEqualTo("true");
        assertThat(value("'abc' LIKE 'a.c'")).isEqualTo("false");
        assertThat(value("'x' NOT LIKE 'y'")).isEqualTo("true");
        assertThat(value("1 LIKE '1'")).isEqualTo("undefined");
    }

    @Test
    void concatenationAndBitwise() {
        assertThat(value("'a' || 'b'")).isEqualTo("'ab'");
        assertThat(value("'a' || 1")).isEqualTo("undefined");
        assertThat(value("100 >> 2")).isEqualTo("25");
        assertThat(value("100 << 2")).isEqualTo("400");
        assertThat(value("-1 >>> 28")).isEqualTo("15");
        assertThat(value("100 & 1000")).isEqualTo("96");
        assertThat(value("100 | 1000")).isEqualTo("1004");
        assertThat(value("100 ^ 1000")).isEqualTo("908");
        assertThat(value("~5")).isEqualTo("-6");
        assertThat(value("'a' | 1")).isEqualTo("undefined");
    }

    @Test
    void propertyAndIndexAccess() {
        assertThat(value("{a: {b: 1}}.a.b")).isEqualTo("1");
        assertThat(value("{a: 1}['a']")).isEqualTo("1");
        assertThat(value("[10, 20][1]")).isEqualTo("20");
        assertThat(value("[10, 20][2]")).isEqualTo("undefined");
        assertThat(value("'abc'.length")).isEqualTo("undefined");
        assertThat(value("[10, 20].a")).isEqualTo("undefined");
        assertThat(value("{a: 1}[0]")).isEqualTo("undefined");
    }

    @Test
    void constructorsDropUndefinedMembers() {
        assertThat(value("{a: undefined, b: null}")).isEqualTo("{'b':null}");
        assertThat(value("[1, undefined, null]")).isEqualTo("[1,null]");
    }
}
