package io.cosmolite.server.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmolite.server.CosmoliteServer;
import io.cosmolite.server.ServerOptions;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /_explorer/emulator.pem}: the server's certificate, as the emulator serves its own, for
 * clients to trust; no certificate without TLS. The PEM is the one the server presents.
 */
class CertificateRouteTest {
    @Test
    void aTlsServerServesTheCertificateItPresents() throws Exception {
        try (CosmoliteServer server = CosmoliteServer.start(ServerOptions.defaults().withPort(0))) {
            HttpClient client = HttpClient.newBuilder().sslContext(trustingAnything()).build();
            HttpResponse<String> pem = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/_explorer/emulator.pem")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(pem.statusCode()).isEqualTo(200);
            assertThat(pem.headers().firstValue("content-type")).hasValue("application/x-pem-file");
            assertThat(pem.body()).startsWith("-----BEGIN CERTIFICATE-----").isEqualTo(server.certificatePem());
            Certificate served = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.body().getBytes(StandardCharsets.US_ASCII)));
            assertThat(pem.sslSession().orElseThrow().getPeerCertificates()[0]).isEqualTo(served);
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

    /** The test checks the certificate itself, so its client accepts whatever the server presents. */
    private static SSLContext trustingAnything() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
