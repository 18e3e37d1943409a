package io.cosmolite.cli;

import io.cosmolite.server.CosmoliteServer;
import io.cosmolite.server.ServerOptions;
import io.cosmolite.server.auth.MasterKeyAuthorizer;
import io.cosmolite.server.tls.ServerCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;

/**
 * {@code cosmolite warm-up} (hidden): starts a server on a temporary data directory over HTTPS, sends
 * it what a client's first requests look like (account, database, container, item write and read, a
 * query), and stops. {@code ./cosmolite} runs it once after a build under
 * {@code -XX:ArchiveClassesAtExit}, so that the JVM keeps the classes a start and a first request
 * load in a class-data archive, and every later start maps them instead of loading and verifying
 * them again: that is most of what brings a start from seconds to a fraction of one.
 */
@Command(name = "warm-up", hidden = true, mixinStandardHelpOptions = true,
        description = "Starts a server on a temporary directory, sends it a client's first requests and stops "
                + "(./cosmolite runs it to record a class-data archive for fast starts).")
public final class WarmUpCommand implements Callable<Integer> {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("cosmolite-warm-up");
        try {
            try (CosmoliteServer server = CosmoliteServer.start(
                    ServerOptions.defaults().withPort(0).withDataDir(dir))) {
                new Client(server).firstRequests();
            }
            try (CosmoliteServer server = CosmoliteServer.start(ServerOptions.defaults().withPort(0).withTls(false))) {
                new Client(server).firstRequests();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** Signed requests to one server, trusting its certificate. */
    private static final class Client {
        private final CosmoliteServer server;
        private final MasterKeyAuthorizer signer;
        private final SSLContext trust;

        Client(CosmoliteServer server) {
            this.server = server;
            this.signer = new MasterKeyAuthorizer(server.masterKey(), Clock.systemUTC());
            this.trust = server.certificatePem() == null ? null : ServerCertificate.trustingOnly(server.certificatePem());
        }

        void firstRequests() throws IOException {
            send("GET", "", "", "", null, Map.of());
            send("POST", "dbs", "", "dbs", "{\"id\":\"w\"}", Map.of());
            send("POST", "colls", "dbs/w", "dbs/w/colls",
                    "{\"id\":\"c\",\"partitionKey\":{\"paths\":[\"/pk\"],\"kind\":\"Hash\",\"version\":2}}", Map.of());
            send("GET", "pkranges", "dbs/w/colls/c", "dbs/w/colls/c/pkranges", null, Map.of());
            Map<String, String> inPartition = Map.of("x-ms-documentdb-partitionkey", "[\"p\"]");
            send("POST", "docs", "dbs/w/colls/c", "dbs/w/colls/c/docs",
                    "{\"id\":\"1\",\"pk\":\"p\",\"n\":1,\"tags\":[\"a\"]}", inPartition);
            send("GET", "docs", "dbs/w/colls/c/docs/1", "dbs/w/colls/c/docs/1", null, inPartition);
            send("POST", "docs", "dbs/w/colls/c", "dbs/w/colls/c/docs",
                    "{\"query\":\"SELECT * FROM c WHERE c.n = @n\",\"parameters\":[{\"name\":\"@n\",\"value\":1}]}",
                    Map.of("x-ms-documentdb-isquery", "true", "Content-Type", "application/query+json",
                            "x-ms-documentdb-query-enablecrosspartition", "true"));
        }

        private void send(String verb, String type, String link, String path, String body, Map<String, String> headers)
                throws IOException {
            HttpURLConnection c = (HttpURLConnection) URI.create(server.endpoint() + path).toURL().openConnection();
            if (c instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(trust.getSocketFactory());
            }
            String date = HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
            String signature = signer.sign(verb.toLowerCase(Locale.ROOT) + "\n" + type + "\n" + link + "\n"
                    + date.toLowerCase(Locale.ROOT) + "\n\n");
            c.setRequestMethod(verb);
            c.setRequestProperty("x-ms-date", date);
            c.setRequestProperty("x-ms-version", "2020-07-15");
            c.setRequestProperty("authorization",
                    URLEncoder.encode("type=master&ver=1.0&sig=" + signature, StandardCharsets.UTF_8));
            c.setRequestProperty("Content-Type", "application/json");
            headers.forEach(c::setRequestProperty);
            if (body != null) {
                c.setDoOutput(true);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            if (status >= 300) {
                throw new UncheckedIOException(new IOException(verb + " /" + path + " answered " + status));
            }
        }
    }
}
