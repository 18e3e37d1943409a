package io.cosmolite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import io.cosmolite.server.CosmoliteServer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code serve --in-memory --port 0 --no-tls} starts a server that the official SDK reaches with what the guide prints. */
class ServeEndToEndTest {
    static {
        // As the printed Java snippet says: before any SDK class loads.
        System.setProperty("COSMOS.HTTP_CONNECTION_WITHOUT_TLS_ALLOWED", "true");
    }

    @Test
    void theSdkConnectsWithThePrintedEndpointAndKey() {
        try (CosmoliteServer server = ServeCommandLineTest.parse("serve", "--in-memory", "--port", "0", "--no-tls").start()) {
            String guide = ConnectionGuide.of(server).text();
            assertThat(guide).contains("Endpoint     http://localhost:" + server.port() + "/",
                    "System.setProperty(\"COSMOS.HTTP_CONNECTION_WITHOUT_TLS_ALLOWED\", \"true\");",
                    "Data         in memory", "Certificate  none");
            assertThat(guide).doesNotContain("https.Agent");
            try (CosmosClient client = new CosmosClientBuilder().endpoint(printed(guide, "endpoint"))
                    .key(printed(guide, "key")).gatewayMode().buildClient()) {
                client.createDatabase("cli");
                assertThat(client.getDatabase("cli").read().getProperties().getId()).isEqualTo("cli");
            }
        }
    }

    @Test
    void aTlsServerGuideNamesTheCertificateAndTheSdkSettings() {
        try (CosmoliteServer server = ServeCommandLineTest.parse("serve", "--in-memory", "--port", "0").start()) {
            String guide = ConnectionGuide.of(server).text();
            String endpoint = "https://localhost:" + server.port() + "/";
            assertThat(guide).contains("Endpoint     " + endpoint,
                    "served at " + endpoint + "_explorer/emulator.pem",
                    "System.setProperty(\"COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED\", \"true\");",
                    "curl -k -o cosmolite.pem " + endpoint + "_explorer/emulator.pem",
                    "agent: new https.Agent({ ca: fs.readFileSync(\"cosmolite.pem\"), keepAlive: true }),");
        }
    }

    /** The value of {@code .endpoint("...")} or {@code .key("...")} in the printed Java snippet. */
    private static String printed(String guide, String method) {
        Matcher m = Pattern.compile("\\." + method + "\\(\"([^\"]+)\"\\)").matcher(guide);
        assertThat(m.find()).as("the guide has ." + method + "(...)").isTrue();
        return m.group(1);
    }
}
