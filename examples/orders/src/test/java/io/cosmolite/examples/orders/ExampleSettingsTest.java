package io.cosmolite.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options win over the environment, which wins over {@code ./cosmolite serve}'s defaults. */
class ExampleSettingsTest {
    @Test
    void defaultsAreWhatCosmoliteServeUses() {
        ExampleSettings s = ExampleSettings.from(new String[0], Map.of());
        assertThat(s).isEqualTo(new ExampleSettings("https://localhost:8081/", ExampleSettings.EMULATOR_KEY,
                "orders-example"));
        assertThat(s.isLocalHttps()).isTrue();
        assertThat(s.isPlainHttp()).isFalse();
    }

    @Test
    void optionsOverrideTheEnvironment() {
        ExampleSettings s = ExampleSettings.from(new String[] {"--endpoint", "http://localhost:18581/"},
                Map.of("COSMOS_ENDPOINT", "https://example.documents.azure.com:443/", "COSMOS_KEY", "a2V5"));
        assertThat(s.endpoint()).isEqualTo("http://localhost:18581/");
        assertThat(s.key()).isEqualTo("a2V5");
        assertThat(s.isPlainHttp()).isTrue();
        assertThat(s.isLocalHttps()).isFalse();
    }

    @Test
    void aRemoteEndpointIsNotTrustedBlindly() {
        ExampleSettings s = ExampleSettings.from(new String[0],
                Map.of("COSMOS_ENDPOINT", "https://example.documents.azure.com:443/"));
        assertThat(s.isLocalHttps()).isFalse();
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> ExampleSettings.from(new String[] {"--endpoint"}, Map.of()))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> ExampleSettings.from(new String[] {"--port", "1"}, Map.of()))
                .hasMessageContaining("unknown option --port");
        assertThatThrownBy(() -> ExampleSettings.from(new String[] {"--endpoint", "localhost"}, Map.of()))
                .hasMessageContaining("not a URL");
    }
}
