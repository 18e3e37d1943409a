package io.cosmolite.cli;

import io.cosmolite.server.CosmoliteServer;
import io.cosmolite.server.route.Router;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * What {@code cosmolite serve} prints once the server is up: the endpoint, the key, where the data
 * and the certificate are, and the Java and JavaScript code that connects to it.
 *
 * @param version         the Cosmolite version
 * @param endpoint        the endpoint clients use, e.g. {@code https://localhost:8081/}
 * @param key             the account key
 * @param dataDir         the data directory, or null in memory
 * @param partitions      physical partitions of new containers
 * @param tls             whether the server speaks HTTPS
 * @param certificateFile the certificate's PEM file, or null (in memory, or no TLS)
 */
record ConnectionGuide(String version, String endpoint, String key, Path dataDir, int partitions, boolean tls,
                       Path certificateFile) {
    /** Hosts the Java SDK's emulator-certificate setting covers without {@code COSMOS.EMULATOR_HOST}. */
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "[0:0:0:0:0:0:0:1]");

    /** The guide to a running server. */
    static ConnectionGuide of(CosmoliteServer server) {
        Path dataDir = server.options().dataDir() == null ? null : server.options().dataDir().toAbsolutePath().normalize();
        // ServerCertificate keeps the certificate of a durable server in <data dir>/tls/cert.pem.
        Path certificate = dataDir == null || !server.options().tls() ? null : dataDir.resolve("tls").resolve("cert.pem");
        return new ConnectionGuide(VersionProvider.version(), server.endpoint(), server.masterKey(), dataDir,
                server.options().partitions(), server.options().tls(),
                certificate != null && Files.isRegularFile(certificate) ? certificate : null);
    }

    /** Where the server serves its certificate's PEM. */
    String certificateUrl() {
        return endpoint + Router.CERTIFICATE_PATH;
    }

    /** The full text. */
    String text() {
        return """
                Cosmolite %s is serving the Cosmos DB NoSQL API.

                  Endpoint     %s
                  Key          %s
                  Data         %s
                  Partitions   %d per new container
                  Certificate  %s

                Connect from Java (com.azure:azure-cosmos 4.x):

                    import com.azure.cosmos.CosmosClient;
                    import com.azure.cosmos.CosmosClientBuilder;

                %s    CosmosClient client = new CosmosClientBuilder()
                            .endpoint("%s")
                            .key("%s")
                            .gatewayMode()
                            .buildClient();

                Connect from JavaScript (@azure/cosmos 4.x, Node.js):

                %s
                    const client = new CosmosClient({
                      endpoint: "%s",
                      key: "%s",
                %s    });

                Stop with Ctrl+C.
                """.formatted(version, endpoint, key, data(), partitions, certificate(),
                javaTrust(), endpoint, key, jsRequires(), endpoint, key, jsAgent());
    }

    private String data() {
        return dataDir == null ? "in memory: everything is gone when the server stops" : dataDir + " (RocksDB)";
    }

    private String certificate() {
        if (!tls) {
            return "none: plain HTTP (--no-tls)";
        }
        return "self-signed; " + (certificateFile == null ? "" : certificateFile + ", also ") + "served at " + certificateUrl();
    }

    private String javaTrust() {
        if (!tls) {
            return """
                        // Plain HTTP: allow it before any SDK class loads (or run java with -DCOSMOS.HTTP_CONNECTION_WITHOUT_TLS_ALLOWED=true).
                        System.setProperty("COSMOS.HTTP_CONNECTION_WITHOUT_TLS_ALLOWED", "true");
                    """;
        }
        String host = URI.create(endpoint).getHost();
        String trust = """
                    // Trust the self-signed certificate: set before building the client.
                    System.setProperty("COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED", "true");
                """;
        // The SDK accepts an unverified certificate only from local hosts, or from the one it is told of.
        return LOCAL_HOSTS.contains(host) ? trust
                : trust + "    System.setProperty(\"COSMOS.EMULATOR_HOST\", \"" + host + "\");\n";
    }

    private String jsRequires() {
        return tls ? """
                    const fs = require("node:fs");
                    const https = require("node:https");
                    const { CosmosClient } = require("@azure/cosmos");
                """ : """
                    const { CosmosClient } = require("@azure/cosmos");
                """;
    }

    private String jsAgent() {
        if (!tls) {
            return "";
        }
        String pem = certificateFile == null ? "cosmolite.pem" : certificateFile.toString();
        String save = certificateFile == null
                ? "      // Trust the self-signed certificate, saved with: curl -k -o cosmolite.pem " + certificateUrl() + "\n"
                : "      // Trust the self-signed certificate.\n";
        // keepAlive: an agent of one's own does not keep connections by default in Node.js 20, so
        // without it every request pays a new TLS handshake.
        return save
                + "      // (Or, without the agent, run node with NODE_TLS_REJECT_UNAUTHORIZED=0: trusts any certificate.)\n"
                + "      agent: new https.Agent({ ca: fs.readFileSync(\"" + pem.replace("\\", "\\\\") + "\"), keepAlive: true }),\n";
    }
}
