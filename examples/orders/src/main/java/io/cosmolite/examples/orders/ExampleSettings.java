package io.cosmolite.examples.orders;

import java.net.URI;
import java.util.Map;

/**
 * Where the walkthrough runs: from the command line ({@code --endpoint URL}, {@code --key KEY},
 * {@code --database ID}), else the environment ({@code COSMOS_ENDPOINT}, {@code COSMOS_KEY},
 * {@code COSMOS_DATABASE}), else what {@code ./cosmolite serve} uses by default.
 *
 * @param endpoint the account endpoint, e.g. {@code https://localhost:8081/}
 * @param key the account key
 * @param database the database the walkthrough owns: dropped and created afresh on each run
 */
public record ExampleSettings(String endpoint, String key, String database) {
    /** {@code ./cosmolite serve}'s default endpoint. */
    public static final String DEFAULT_ENDPOINT = "https://localhost:8081/";
    /**
     * The Cosmos DB emulator's well-known account key, which {@code ./cosmolite serve} accepts by
     * default. It is published in the emulator's documentation, not a secret.
     */
    public static final String EMULATOR_KEY =
            "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
    /** The database the walkthrough uses unless told otherwise. */
    public static final String DEFAULT_DATABASE = "orders-example";
    /** What {@code --help} prints. */
    public static final String USAGE = """
            usage: examples/orders/run [--endpoint URL] [--key KEY] [--database ID]
              --endpoint URL  the Cosmos DB endpoint (env COSMOS_ENDPOINT; default %s)
              --key KEY       the account key (env COSMOS_KEY; default the emulator's well-known key)
              --database ID   the database to use, dropped and created afresh (env COSMOS_DATABASE; default %s)
            """.formatted(DEFAULT_ENDPOINT, DEFAULT_DATABASE);

    /**
     * The settings from {@code args}, then {@code environment}, then the defaults.
     *
     * @throws IllegalArgumentException for an unknown option, an option without its value, or an endpoint that is not a URL
     */
    public static ExampleSettings from(String[] args, Map<String, String> environment) {
        String endpoint = environment.getOrDefault("COSMOS_ENDPOINT", DEFAULT_ENDPOINT);
        String key = environment.getOrDefault("COSMOS_KEY", EMULATOR_KEY);
        String database = environment.getOrDefault("COSMOS_DATABASE", DEFAULT_DATABASE);
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--endpoint" -> endpoint = value;
                case "--key" -> key = value;
                case "--database" -> database = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        URI uri = URI.create(endpoint);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("the endpoint is not a URL: " + endpoint);
        }
        return new ExampleSettings(endpoint, key, database);
    }

    /**
     * Whether the endpoint is HTTPS on {@code localhost}: a local server with a self-signed
     * certificate, which the SDK accepts only with {@code COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED}
     * (and then for {@code localhost} alone).
     */
    public boolean isLocalHttps() {
        URI uri = URI.create(endpoint);
        return "https".equalsIgnoreCase(uri.getScheme()) && "localhost".equalsIgnoreCase(uri.getHost());
    }

    /** Whether the endpoint is plain HTTP ({@code ./cosmolite serve --no-tls}), which the SDK refuses unless allowed. */
    public boolean isPlainHttp() {
        return "http".equalsIgnoreCase(URI.create(endpoint).getScheme());
    }
}
