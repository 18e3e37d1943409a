package io.cosmolite.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmolite.server.CosmoliteServer;
import io.cosmolite.server.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the transport answers to requests no SDK would send: every one gets a Cosmos error
 * response promptly (never a hang, never a 500), over a raw socket.
 */
class TransportLimitsTest {
    private static CosmoliteServer server;

    @BeforeAll
    static void start() {
        server = CosmoliteServer.start(ServerOptions.defaults().withPort(0).withTls(false));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void oversizedHeadersAre431() throws IOException {
        String response = exchange("GET / HTTP/1.1\r\nHost: localhost\r\nx-big: " + "a".repeat(70 * 1024) + "\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 431").contains("\"code\":\"RequestHeaderFieldsTooLarge\"");
    }

    @Test
    void aMalformedRequestLineIs400() throws IOException {
        String response = exchange("THIS IS NOT HTTP\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400").contains("\"code\":\"BadRequest\"");
    }

    @Test
    void anUnknownRouteIs404WithACosmosBody() throws IOException {
        String response = exchange("GET /no/such/thing/here/at/all HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 404").contains("\"code\":\"NotFound\"").contains("x-ms-activity-id");
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413() throws IOException {
        String response = exchange("POST /dbs HTTP/1.1\r\nHost: localhost\r\ncontent-length: " + (HttpServer.MAX_BODY_BYTES + 1)
                + "\r\n\r\n{");
        assertThat(response).startsWith("HTTP/1.1 413").contains("\"code\":\"RequestEntityTooLarge\"");
    }

    /** Sends raw bytes and reads the response head and body (until the server closes or 5 s pass). */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    got.write(buffer, 0, n);
                    String text = got.toString(StandardCharsets.UTF_8);
                    int head = text.indexOf("\r\n\r\n");
                    if (head > 0 && text.indexOf('}', head) > 0) {
                        break; // a whole JSON error body arrived
                    }
                }
            } catch (SocketTimeoutException e) {
                // Whatever arrived within the time is the answer; an empty one fails the assertions.
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }
}
