package io.cosmolite.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.CosmosException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The official SDK connects over TLS and plain HTTP, authenticates, and reads the account. */
class GatewaySmokeTest {
    static {
        System.setProperty("COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED", "true");
        System.setProperty("COSMOS.HTTP_CONNECTION_WITHOUT_TLS_ALLOWED", "true");
    }

    @Test
    void sdkConnectsOverTlsAndPlainHttp() throws Exception {
        for (boolean tls : new boolean[] {true, false}) {
            try (CosmoliteServer server = CosmoliteServer.start(ServerOptions.defaults().withPort(0).withTls(tls));
                 CosmosClient client = new CosmosClientBuilder().endpoint(server.endpoint()).key(server.masterKey())
                         .gatewayMode().buildClient()) {
                try {
                    client.createDatabaseIfNotExists("db");
                } catch (CosmosException e) {
                    assertThat(e.getStatusCode()).isIn(201, 501);
                }
            }
        }
    }

    @Test
    void aWrongKeyIs401() throws Exception {
        try (CosmoliteServer server = CosmoliteServer.start(ServerOptions.defaults().withPort(0).withTls(false))) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.endpoint()))
                    .header("x-ms-date", "Sun, 29 Nov 2026 03:00:00 GMT").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("\"code\":\"Unauthorized\"");
        }
    }
}
