package io.cosmolite.server.sdk;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import io.cosmolite.server.CosmoliteServer;
import io.cosmolite.server.ServerOptions;
import io.cosmolite.server.auth.MasterKeyAuthorizer;
import io.cosmolite.server.tls.ServerCertificate;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * A running in-memory server on a free loopback port with official SDK clients (gateway mode)
 * pointed at it, for SDK tests. Start one per test class ({@code @BeforeAll}) and close it after.
 *
 * <pre>{@code
 * static SdkFixture fx;
 * @BeforeAll static void start() { fx = SdkFixture.start(4, false); }
 * @AfterAll static void stop() { fx.close(); }
 * }</pre>
 */
public final class SdkFixture implements AutoCloseable {
    static {
        // Read by the SDK when its classes load: trust the self-signed certificate on loopback, allow http://.
        System.setProperty("COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED", "true");
        System.setProperty("COSMOS.HTTP_CONNECTION_WITHOUT_TLS_ALLOWED", "true");
    }

    private final CosmoliteServer server;
    private CosmosClient syncClient;
    private CosmosAsyncClient asyncClient;
    private HttpClient rawClient;

    private SdkFixture(CosmoliteServer server) {
        this.server = server;
    }

    /**
     * True when the build runs the SDK suite a second time over TLS ({@code -Dcosmolite.sdk.tls=true},
     * the second surefire execution of this module): every fixture then serves HTTPS.
     */
    static final boolean ALL_TLS = Boolean.getBoolean("cosmolite.sdk.tls");

    /** Starts a server whose new containers have {@code partitions} physical partitions, over TLS or plain HTTP. */
    public static SdkFixture start(int partitions, boolean tls) {
        return new SdkFixture(CosmoliteServer.start(ServerOptions.defaults().withPort(0).withTls(tls || ALL_TLS)
                .withPartitions(partitions)));
    }

    /**
     * One server per partition count, each with database {@code db} and container {@code items}
     * partitioned on {@code /pk}: the shared setup of the item and batch tests.
     */
    static java.util.Map<Integer, SdkFixture> withItemContainers(int... partitionCounts) {
        java.util.Map<Integer, SdkFixture> servers = new java.util.HashMap<>();
        for (int partitions : partitionCounts) {
            SdkFixture fx = start(partitions, false);
            fx.syncClient().createDatabaseIfNotExists("db");
            fx.syncClient().getDatabase("db").createContainerIfNotExists("items", "/pk");
            servers.put(partitions, fx);
        }
        return servers;
    }

    /** The server. */
    public CosmoliteServer server() {
        return server;
    }

    /** A builder for another client of this server (gateway mode), to vary its settings. */
    public CosmosClientBuilder builder() {
        return new CosmosClientBuilder().endpoint(server.endpoint()).key(server.masterKey()).gatewayMode();
    }

    /** The shared sync client (created on first use, closed with the fixture). */
    public synchronized CosmosClient syncClient() {
        if (syncClient == null) {
            syncClient = builder().buildClient();
        }
        return syncClient;
    }

    /** The shared async client (created on first use, closed with the fixture). */
    public synchronized CosmosAsyncClient asyncClient() {
        if (asyncClient == null) {
            asyncClient = builder().buildAsyncClient();
        }
        return asyncClient;
    }

    /**
     * Sends one raw request signed with the master key (over TLS, trusting only this server's
     * certificate, when the server serves HTTPS), for what the SDK
     * does not expose: status codes of unusual verbs, headers, conditional feeds.
     *
     * @param method   the HTTP method
     * @param path     the path, e.g. {@code dbs/db1/colls/c1/pkranges}
     * @param type     the signed resource type, e.g. {@code pkranges}
     * @param link     the signed resource link, e.g. {@code dbs/db1/colls/c1}
     * @param headers  extra headers
     * @param body     the body, or null
     */
    public HttpResponse<String> send(String method, String path, String type, String link, Map<String, String> headers,
                                     String body) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        String payload = method.toLowerCase(java.util.Locale.ROOT) + "\n" + type + "\n" + link + "\n" + date.toLowerCase(java.util.Locale.ROOT) + "\n\n";
        String sig = new MasterKeyAuthorizer(server.masterKey(), Clock.systemUTC()).sign(payload);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                .header("x-ms-date", date).header("x-ms-version", "2020-07-15")
                .header("authorization", URLEncoder.encode("type=master&ver=1.0&sig=" + sig, StandardCharsets.UTF_8))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return rawClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The client of {@link #send}, made on first use. */
    private synchronized HttpClient rawClient() {
        if (rawClient == null) {
            String pem = server.certificatePem();
            rawClient = pem == null ? HttpClient.newHttpClient()
                    : HttpClient.newBuilder().sslContext(ServerCertificate.trustingOnly(pem)).build();
        }
        return rawClient;
    }

    /** Closes the clients and the server. */
    @Override
    public synchronized void close() {
        if (syncClient != null) {
            syncClient.close();
        }
        if (asyncClient != null) {
            asyncClient.close();
        }
        server.close();
    }
}
