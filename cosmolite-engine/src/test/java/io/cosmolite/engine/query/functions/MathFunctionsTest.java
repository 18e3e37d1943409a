package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.TestExpressions.eval;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MathFunctionsTest {

    static List<SampleCases.Case> samples() {
        return SampleCases.using(MathFunctions.all(), SampleCases.ownFunctions());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void conformanceCase(SampleCases.Case c) {
        SampleCases.check(c);
    }

    @Test
    void everyMathSampleIsSelected() {
        assertThat(samples()).extracting(SampleCases.Case::id).contains(
                "ms-samples/absolute-value", "ms-samples/arccosine", "ms-samples/asin", "ms-samples/atan",
                "ms-samples/atn2", "ms-samples/ceiling", "ms-samples/cos", "ms-samples/cot", "ms-samples/degrees",
                "ms-samples/exp", "ms-samples/floor", "ms-samples/log-base", "ms-samples/log10", "ms-samples/pi",
                "ms-samples/power", "ms-samples/radians", "ms-samples/round", "ms-samples/sign", "ms-samples/sin",
                "ms-samples/sqrt", "ms-samples/square", "ms-samples/tan", "ms-samples/trunc",
                "ms-samples/is-finite-number");
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            # the conformance samples, value for value
            ABS(-1)                       => 1
            ABS(0)                        => 0
            ACOS(-1)                      => 3.141592653589793
            ATAN(-45.01)                  => -1.5485826962062663
            ATN2(35.175643, 129.44)       => 0.265344532064832
            CEILING(123.45)               => 124
            CEILING(-45.72)               => -45
            COS(14.78)                    => -0.5994654261946543
            COT(124.1332)                 => -0.040311998371148884
            DEGREES(3.141592653589793)    => 180
            DEGREES(1.5707963267948966)   => 90
            EXP(0)                        => 1
            EXP(10)                       => 22026.465794806718
            EXP(20)                       => 485165195.4097903
            FLOOR(62.6)                   => 62
            FLOOR(-145.12)                => -146
            FLOOR(0.2989)                 => 0
            FLOOR(null)                   => undefined
            LOG(5)                        => 1.6094379124341003
            LOG(2, 10)                    => 0.3010299956639812
            LOG10(5)                      => 0.6989700043360189
            LOG10(100)                    => 2
            PI()                          => 3.141592653589793
            POWER(5, 5)                   => 3125
            POWER(null, 3)                => undefined
            POWER(2, null)                => undefined
            RADIANS(90)                   => 1.5707963267948966
            RADIANS(360)                  => 6.283185307179586
            ROUND(2.4)                    => 2
            ROUND(2.5)                    => 3
            ROUND(-2.6)                   => -3
            SIGN(-2)                      => -1
            SIGN(0)                       => 0
            SIN(45.175643)                => 0.929607286611012
            SQRT(17)                      => 4.123105625617661
            SQUARE(3)                     => 9
            SQUARE(null)                  => undefined
            TAN(PI()/2)                   => 16331239353195370
            TAN(124.1332)                 => -24.80651023035602
            TRUNC(-2.78)                  => -2
            TRUNC(0.0000714)              => 0
            TRUNC(PI())                   => 3
            # documented rules beyond the samples
            ROUND(-6.5)                   => -7
            ROUND(-0.5)                   => -1
            ROUND(0.5)                    => 1
            ROUND(6.5)                    => 7
            ROUND(0.49999999999999994)    => 0
            NumberBin(37.752, -100)       => 100
            NumberBin(37.752, 10)         => 30
            NumberBin(37.752, 1)          => 37
            NumberBin(37.752)             => 37
            NumberBin(37.752, 0)          => undefined
            NumberBin(37.752, 0.1)        => 37.7
            NumberBin(37.752, 0.01)       => 37.75
            NumberBin(155.23478, 0.01)    => 155.23
            NumberBin("1", 1)             => undefined
            NumberBin(1, "1")             => undefined
            NumberBin(1, undefined)       => undefined
            LOG(0)                        => -Infinity
            LOG(-1)                       => NaN
            SQRT(-1.0)                    => NaN
            LOG(8, 2)                     => 3
            LOG(8, "2")                   => undefined
            ABS("-1")                     => undefined
            ABS(true)                     => undefined
            ABS([1])                      => undefined
            ABS(undefined)                => undefined
            CEILING(-0.5)                 => 0
            SIGN(-0.0)                    => 0
            SIGN(2.5)                     => 1
            POWER(2, -1)                  => 0.5
            POWER(4, 0.5)                 => 2
            """)
    void evaluates(String expression, String expected) {
        TestExpressions.check(expression, expected);
    }

    @Test
    void randIsANumberInTheUnitInterval() {
        for (int i = 0; i < 100; i++) {
            JsonNode r = eval("RAND()");
            assertThat(r.isNumber()).isTrue();
            assertThat(r.doubleValue()).isGreaterThanOrEqualTo(0).isLessThan(1);
        }
    }

    @Test
    void namesAreCaseInsensitiveAndAritiesMatchTheDocs() {
        assertThat(Functions.lookup("numberbin").name()).isEqualTo("NumberBin");
        assertThat(Functions.lookup("Log").maxArgs()).isEqualTo(2);
        assertThat(Functions.lookup("PI").minArgs()).isZero();
        assertThat(Functions.lookup("ATN2").minArgs()).isEqualTo(2);
        assertThat(MathFunctions.all()).allSatisfy(f ->
                assertThat(f.family()).isEqualTo(BuiltinFunction.Family.MATHEMATICAL));
    }
}
