package io.cosmolite.examples.orders;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.CosmosException;
import io.cosmolite.toolkit.error.CosmosDataException;
import io.cosmolite.toolkit.metrics.SdkMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;

/**
 * Runs the {@link Walkthrough} against a Cosmos DB endpoint ({@code ./cosmolite serve} by default)
 * and prints the client's metrics after it. Exit status 0 when every step went as expected, 1
 * otherwise, 2 for a usage error.
 *
 * <pre>
 * ./cosmolite serve                 # one terminal
 * examples/orders/run               # another; or: examples/orders/run --endpoint https://localhost:18581/
 * </pre>
 */
public final class OrdersExample {
    private OrdersExample() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(ExampleSettings.USAGE);
            return;
        }
        ExampleSettings settings;
        try {
            settings = ExampleSettings.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("orders-example: " + e.getMessage());
            System.err.print(ExampleSettings.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(settings));
    }

    /** Runs the walkthrough with {@code settings}; the exit status. */
    static int run(ExampleSettings settings) {
        trustLocalServer(settings);
        System.out.printf("Orders example against %s, database %s%n", settings.endpoint(), settings.database());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (CosmosClient client = connect(settings, registry)) {
            new Walkthrough(client, settings.database(), registry, System.out).run();
            System.out.println();
            new ClientMetrics(registry).print(System.out);
            System.out.println();
            System.out.println("Done: every step went as expected.");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("orders-example: interrupted");
            return 1;
        } catch (RuntimeException e) {
            System.err.println();
            Optional<String> databaseFailure = databaseFailure(e);
            if (databaseFailure.isPresent()) {
                System.err.println("orders-example: failed: " + databaseFailure.get());
                System.err.println("Is the server running, and are the endpoint and key right? (./cosmolite serve; --help)");
            } else {
                System.err.println("orders-example: a step did not go as expected:");
                e.printStackTrace();
            }
            return 1;
        }
    }

    /**
     * One line saying what the database (or the way to it) refused, when that is why {@code e} was
     * thrown; empty for any other failure. The SDK wraps a failure to start a client in a plain
     * RuntimeException, and its own messages carry pages of diagnostics: the short message is enough.
     */
    private static Optional<String> databaseFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CosmosException cosmos) {
                return Optional.of(cosmos.getStatusCode() + "/" + cosmos.getSubStatusCode() + " "
                        + cosmos.getShortMessage().lines().findFirst().orElse(""));
            }
            if (t instanceof CosmosDataException data) {
                return Optional.of(data.getClass().getSimpleName() + ": " + data.getMessage());
            }
        }
        return Optional.empty();
    }

    /** A gateway-mode client of {@code settings}' endpoint, publishing the SDK's meters to {@code registry}. */
    public static CosmosClient connect(ExampleSettings settings, SimpleMeterRegistry registry) {
        return SdkMetrics.enable(new CosmosClientBuilder().endpoint(settings.endpoint()).key(settings.key()), registry)
                .gatewayMode()
                .buildClient();
    }

    /**
     * What {@code ./cosmolite serve} prints for Java clients, set before the first client is built:
     * accept its self-signed certificate on localhost, or allow plain HTTP ({@code --no-tls}).
     */
    private static void trustLocalServer(ExampleSettings settings) {
        if (settings.isLocalHttps()) {
            System.setProperty("COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED", "true");
        }
        if (settings.isPlainHttp()) {
            System.setProperty("COSMOS.HTTP_CONNECTION_WITHOUT_TLS_ALLOWED", "true");
        }
    }
}
