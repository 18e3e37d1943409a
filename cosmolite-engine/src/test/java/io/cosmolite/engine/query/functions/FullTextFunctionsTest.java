package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.FunctionCalls.call;
import static io.cosmolite.engine.query.functions.FunctionCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.cosmolite.engine.query.value.Values;
import org.junit.jupiter.api.Test;

class FullTextFunctionsTest {
    private static final String TEXT = "\"The quick brown Fox jumps over the lazy dog; the fox sleeps.\"";

    @Test
    void tokensAreLowerCaseWords() {
        assertThat(FullTextFunctions.tokens("Hello, WORLD! it's 2024")).containsExactly("hello", "world", "it", "s", "2024");
    }

    @Test
    void containsFunctions() {
        assertThat(call("FullTextContains", TEXT, "\"FOX\"")).isEqualTo(Values.TRUE);
        assertThat(call("FullTextContains", TEXT, "\"lazy dog\"")).isEqualTo(Values.TRUE);
        assertThat(call("FullTextContains", TEXT, "\"cat\"")).isEqualTo(Values.FALSE);
        assertThat(call("FullTextContains", TEXT, "\"qui\"")).isEqualTo(Values.FALSE);
        assertThat(call("FullTextContainsAll", TEXT, "\"fox\"", "\"dog\"")).isEqualTo(Values.TRUE);
        assertThat(call("FullTextContainsAll", TEXT, "\"fox\"", "\"cat\"")).isEqualTo(Values.FALSE);
        assertThat(call("FullTextContainsAny", TEXT, "\"cat\"", "\"dog\"")).isEqualTo(Values.TRUE);
        assertThat(call("FullTextContainsAny", TEXT, "\"cat\"", "\"cow\"")).isEqualTo(Values.FALSE);
    }

    @Test
    void misfitsAreUndefined() {
        assertThat(call("FullTextContains", "42", "\"fox\"")).isNull();
        assertThat(call("FullTextContains", "undefined", "\"fox\"")).isNull();
        assertThat(call("FullTextContains", TEXT, "1")).isNull();
        assertThat(call("FullTextContainsAny", TEXT, "\"fox\"", "null")).isNull();
        assertThat(call("FullTextScore", TEXT, "[]")).isNull();
    }

    @Test
    void scoreGrowsWithTermFrequency() {
        double once = call("FullTextScore", TEXT, "\"dog\"").doubleValue();
        double twice = call("FullTextScore", TEXT, "\"fox\"").doubleValue();
        double none = call("FullTextScore", TEXT, "\"cat\"").doubleValue();
        assertThat(none).isZero();
        assertThat(once).isEqualTo(1.0);
        assertThat(twice).isGreaterThan(once);
        assertThat(call("FullTextScore", TEXT, "[\"fox\", \"dog\"]").doubleValue()).isEqualTo(twice + once);
        assertThat(call("FullTextScore", TEXT, "\"fox\"", "\"dog\"").doubleValue()).isEqualTo(twice + once);
    }

    @Test
    void rrfCollectsComponentScores() {
        assertThat(call("RRF", "1.5", "0.25")).isEqualTo(json("[1.5, 0.25]"));
        assertThat(call("RRF", "1.5", "0.25", "[2, 1]")).isEqualTo(json("[1.5, 0.25]"));
        assertThat(call("RRF", "1.5", "undefined")).isNull();
        assertThat(call("RRF", "\"x\"")).isNull();
    }
}
