package io.cosmolite.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The request-charge header prints a charge exactly as {@code String.format("%.2f")} does. */
class RequestChargeHeaderTest {
    @Test
    void printsAsTheFormatterDoes() {
        double[] edges = {0, 1, 1.0, 2.5, 5.71, 10.29, 0.005, 0.015, 1.005, 2.675, 0.125, 0.375, 999.995, 1e-9,
            123456.789, 3.14159, 99.999, 0.994999, 0.995};
        for (double ru : edges) {
            assertThat(ErrorResponses.charge(ru)).as("%s", ru).isEqualTo(String.format(Locale.ROOT, "%.2f", ru));
        }
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            double ru = i % 2 == 0 ? random.nextDouble() * 10_000 : Math.round(random.nextDouble() * 1_000_000) / 1000.0;
            assertThat(ErrorResponses.charge(ru)).as("%s", ru).isEqualTo(String.format(Locale.ROOT, "%.2f", ru));
        }
    }
}
