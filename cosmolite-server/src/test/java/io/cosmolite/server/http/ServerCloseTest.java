package io.cosmolite.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmolite.server.CosmoliteServer;
import io.cosmolite.server.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A server closed while clients still hold connections stops quietly: nothing is logged. */
class ServerCloseTest {
    @Test
    void closingWithOpenConnectionsLogsNothing() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        List<HttpClient> clients = new ArrayList<>();
        try {
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
            for (int round = 0; round < 3; round++) {
                CosmoliteServer server = CosmoliteServer.start(ServerOptions.defaults().withPort(0).withTls(false));
                for (int i = 0; i < 4; i++) {
                    HttpClient client = HttpClient.newHttpClient(); // keeps its connection open
                    clients.add(client);
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).isEqualTo(401);
                }
                server.close();
            }
            Thread.sleep(200); // a late teardown task would log by now
        } finally {
            System.setErr(err);
        }
        assertThat(logged.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
