package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.FunctionCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VectorFunctionsTest {
    @Test
    void cosineIsTheDefault() {
        assertThat(call("VectorDistance", "[1, 0]", "[1, 0]").doubleValue()).isEqualTo(1.0);
        assertThat(call("VectorDistance", "[1, 0]", "[0, 1]").doubleValue()).isZero();
        assertThat(call("VectorDistance", "[1, 0]", "[-2, 0]").doubleValue()).isEqualTo(-1.0);
        assertThat(call("VectorDistance", "[1, 2, 3]", "[2, 4, 6.5]", "false").doubleValue())
                .isCloseTo(29.5 / Math.sqrt(14 * 62.25), within(1e-12));
    }

    @Test
    void otherDistanceFunctions() {
        String options = "{\"distanceFunction\": \"dotproduct\", \"dataType\": \"float32\"}";
        assertThat(call("VectorDistance", "[1, 2, 3]", "[4, 5, 6]", "true", options).doubleValue()).isEqualTo(32.0);
        assertThat(call("VectorDistance", "[1, 2]", "[4, 6]", "true", "{\"distanceFunction\": \"euclidean\"}").doubleValue())
                .isEqualTo(5.0);
        assertThat(call("VectorDistance", "[1, 2]", "[4, 6]", "true", "{\"distanceFunction\": \"Cosine\"}").doubleValue())
                .isCloseTo(16 / Math.sqrt(5 * 52), within(1e-12));
        assertThat(call("VectorDistance", "[1, 2]", "[4, 6]", "true", "{}").doubleValue())
                .isCloseTo(16 / Math.sqrt(5 * 52), within(1e-12));
    }

    @Test
    void misfitsAreUndefined() {
        assertThat(call("VectorDistance", "[1, 2]", "[1, 2, 3]")).isNull();
        assertThat(call("VectorDistance", "[]", "[]")).isNull();
        assertThat(call("VectorDistance", "[1, \"2\"]", "[1, 2]")).isNull();
        assertThat(call("VectorDistance", "undefined", "[1, 2]")).isNull();
        assertThat(call("VectorDistance", "[0, 0]", "[1, 2]")).isNull();
        assertThat(call("VectorDistance", "[1, 2]", "[1, 2]", "1")).isNull();
        assertThat(call("VectorDistance", "[1, 2]", "[1, 2]", "true", "\"cosine\"")).isNull();
        assertThat(call("VectorDistance", "[1, 2]", "[1, 2]", "true", "{\"distanceFunction\": \"manhattan\"}")).isNull();
    }
}
