package io.cosmolite.engine.query.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.cosmolite.engine.query.value.Values;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TypeCheckingFunctionsTest {

    static List<SampleCases.Case> samples() {
        return SampleCases.using(TypeCheckingFunctions.all(), SampleCases.ownFunctions());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void conformanceCase(SampleCases.Case c) {
        SampleCases.check(c);
    }

    @Test
    void everyTypeCheckingSampleIsSelected() {
        assertThat(samples()).extracting(SampleCases.Case::id).contains(
                "ms-samples/is-array", "ms-samples/is-bool", "ms-samples/is-defined", "ms-samples/is-finite-number",
                "ms-samples/is-integer", "ms-samples/is-null", "ms-samples/is-number", "ms-samples/is-object",
                "ms-samples/is-primitive", "ms-samples/is-string");
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            IS_ARRAY([])                              => true
            IS_ARRAY({})                              => false
            IS_ARRAY(undefined)                       => false
            IS_BOOL(false)                            => true
            IS_BOOL(0)                                => false
            IS_BOOLEAN(true)                          => true
            IS_BOOLEAN("true")                        => false
            IS_DEFINED(null)                          => true
            IS_DEFINED(undefined)                     => false
            IS_DEFINED({ "quantity" : 5 }.name)       => false
            IS_FINITE_NUMBER(1234.567)                => true
            IS_FINITE_NUMBER(8.9 / 0.0)               => false
            IS_FINITE_NUMBER(SQRT(-1.0))              => false
            IS_FINITE_NUMBER("1")                     => false
            IS_FINITE_NUMBER(undefined)               => false
            IS_INTEGER(3454.123)                      => false
            IS_INTEGER(5523432)                       => true
            IS_INTEGER(5.0)                           => true
            IS_INTEGER(-9223372036854775808)          => true
            IS_INTEGER(9223372036854775807)           => true
            IS_INTEGER(18446744073709551615)          => false
            IS_INTEGER(1 / 0)                         => false
            IS_INTEGER("1")                           => false
            IS_NULL(null)                             => true
            IS_NULL(undefined)                        => false
            IS_NUMBER(1)                              => true
            IS_NUMBER("1")                            => false
            IS_NUMBER(NaN)                            => true
            IS_OBJECT({})                             => true
            IS_OBJECT([])                             => false
            IS_PRIMITIVE(null)                        => true
            IS_PRIMITIVE("")                          => true
            IS_PRIMITIVE([])                          => false
            IS_PRIMITIVE(undefined)                   => false
            IS_STRING("")                             => true
            IS_STRING(1)                              => false
            """)
    void evaluates(String expression, String expected) {
        TestExpressions.check(expression, expected);
    }

    @Test
    void integerRangeIsTheSigned64BitRangeComparedAsDoubles() {
        assertThat(TestExpressions.call("IS_INTEGER", DoubleNode.valueOf(0x1p63))).isEqualTo(Values.TRUE);
        assertThat(TestExpressions.call("IS_INTEGER", DoubleNode.valueOf(0x1p64))).isEqualTo(Values.FALSE);
        assertThat(TestExpressions.call("IS_INTEGER", LongNode.valueOf(Long.MIN_VALUE))).isEqualTo(Values.TRUE);
        assertThat(TestExpressions.call("IS_INTEGER", BigIntegerNode.valueOf(new BigInteger("18446744073709551615"))))
                .isEqualTo(Values.FALSE);
    }

    @Test
    void aMissingNodeIsUndefined() {
        assertThat(TestExpressions.call("IS_DEFINED", MissingNode.getInstance())).isEqualTo(Values.FALSE);
        assertThat(TestExpressions.call("IS_PRIMITIVE", MissingNode.getInstance())).isEqualTo(Values.FALSE);
    }
}
