package io.cosmolite.server.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmolite.server.CosmoliteServer;
import io.cosmolite.server.ServerOptions;
import io.cosmolite.server.tls.ServerCertificate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /_explorer/emulator.pem}: the server's certificate, as the emulator serves its own, for
 * clients to trust; no certificate without TLS. The PEM is the one the server presents.
 */
class CertificateRouteTest {
    @Test
    void aTlsServerServesTheCertificateItPresents() throws Exception {
        try (CosmoliteServer server = CosmoliteServer.start(ServerOptions.defaults().withPort(0))) {
            // A client trusting only the server's own certificate: the handshake proves it is the one presented.
            HttpClient client = HttpClient.newBuilder().sslContext(ServerCertificate.trustingOnly(server.certificatePem())).build();
            HttpResponse<String> pem = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/_explorer/emulator.pem")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(pem.statusCode()).isEqualTo(200);
            assertThat(pem.headers().firstValue("content-type")).hasValue("application/x-pem-file");
            assertThat(pem.body()).startsWith("-----BEGIN CERTIFICATE-----").isEqualTo(server.certificatePem());
        }
    }

    @Test
    void aPlainHttpServerHasNoCertificate() throws Exception {
        try (CosmoliteServer server = CosmoliteServer.start(ServerOptions.defaults().withPort(0).withTls(false))) {
            HttpResponse<String> none = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/_explorer/emulator.pem")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(none.statusCode()).isEqualTo(404);
        }
    }
}
