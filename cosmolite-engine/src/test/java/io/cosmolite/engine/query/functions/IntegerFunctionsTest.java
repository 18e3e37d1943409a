package io.cosmolite.engine.query.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class IntegerFunctionsTest {

    static List<SampleCases.Case> samples() {
        return SampleCases.using(IntegerFunctions.all(), SampleCases.ownFunctions());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void conformanceCase(SampleCases.Case c) {
        SampleCases.check(c);
    }

    @Test
    void everyIntegerSampleIsSelected() {
        assertThat(samples()).extracting(SampleCases.Case::id).contains(
                "ms-samples/intadd", "ms-samples/intdiv", "ms-samples/intmod", "ms-samples/intmul", "ms-samples/intsub");
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            # the conformance samples
            IntAdd(20, 10)              => 30
            IntAdd(20, 0.10)            => undefined
            IntDiv(10, -2)              => -5
            IntDiv(-10, -2)             => 5
            IntDiv(10, 0)               => undefined
            IntDiv(10, 0.1)             => undefined
            IntMod(12, 5)               => 2
            IntMod(12, -5)              => 2
            IntMod(-12, -5)             => -2
            IntMod(12, 0)               => undefined
            IntMod(12, 0.2)             => undefined
            IntMul(5, IntMul(5, 5))     => 125
            IntMul(5, 0.5)              => undefined
            IntSub(25, 50)              => -25
            IntSub(25, 2.5)             => undefined
            # the documentation's samples for the bitwise functions
            IntBitAnd(15, 25)           => 9
            IntBitAnd(15, 0)            => 0
            IntBitAnd(15, 15)           => 15
            IntBitAnd(15, 1.5)          => undefined
            IntBitLeftShift(16, 4)      => 256
            IntBitLeftShift(16, 0.4)    => undefined
            IntBitNot(65)               => -66
            IntBitNot(0)                => -1
            IntBitNot(0.1)              => undefined
            IntBitOr(56, 100)           => 124
            IntBitOr(56, 56)            => 56
            IntBitOr(56, 0.1)           => undefined
            IntBitRightShift(16, 4)     => 1
            IntBitRightShift(-16, 2)    => -4
            IntBitRightShift(16, 0.4)   => undefined
            IntBitXor(56, 100)          => 92
            IntBitXor(56, 56)           => 0
            IntBitXor(56, 0.1)          => undefined
            # wrong types
            IntAdd("1", 2)              => undefined
            IntAdd(1, null)             => undefined
            IntAdd(undefined, 1)        => undefined
            IntAdd(true, 1)             => undefined
            IntBitNot([1])              => undefined
            # whole doubles count as integers
            IntAdd(2.0, 3.0)            => 5
            IntAdd(18446744073709551615, 1) => undefined
            """)
    void evaluates(String expression, String expected) {
        TestExpressions.check(expression, expected);
    }

    @Test
    void arithmeticIsExactAndWrapsAt64Bits() {
        assertThat(TestExpressions.eval("IntAdd(9007199254740993, 0)")).isEqualTo(LongNode.valueOf(9007199254740993L));
        assertThat(TestExpressions.eval("IntAdd(9223372036854775807, 1)")).isEqualTo(LongNode.valueOf(Long.MIN_VALUE));
        assertThat(TestExpressions.eval("IntMul(4294967296, 4294967296)")).isEqualTo(IntNode.valueOf(0));
        assertThat(TestExpressions.call("IntSub", DoubleNode.valueOf(-0x1p63), LongNode.valueOf(0)))
                .isEqualTo(LongNode.valueOf(Long.MIN_VALUE));
        assertThat(TestExpressions.eval("IntDiv(-9223372036854775807 - 1, -1)")).isNotNull();
    }

    @Test
    void familyIsInteger() {
        assertThat(IntegerFunctions.all()).hasSize(11).allSatisfy(f ->
                assertThat(f.family()).isEqualTo(BuiltinFunction.Family.INTEGER));
    }
}
