package io.cosmolite.toolkit.schema;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.CosmosDatabase;

/**
 * A separate process running a {@link MigrationJob} against a server given on the command line, so
 * that {@link MigrationJobTest} can kill it for real (SIGKILL) halfway. Prints one line per page,
 * {@code progress <scanned> <upgraded> <alreadyCurrent> <failed>}, and {@code done} at the end.
 *
 * <p>Arguments: endpoint, key, database, documents container, checkpoint container, job id.
 */
public final class MigrationChild {
    private MigrationChild() {
    }

    public static void main(String[] args) {
        // The test server's certificate is self-signed; the SDK accepts it from localhost with this.
        System.setProperty("COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED", "true");
        try (CosmosClient client = new CosmosClientBuilder().endpoint(args[0]).key(args[1]).gatewayMode().buildClient()) {
            CosmosDatabase database = client.getDatabase(args[2]);
            MigrationJob.builder(database.getContainer(args[3]), CustomerVersions.versions())
                    .checkpoints(database.getContainer(args[4]))
                    .jobId(args[5])
                    .listener(p -> System.out.println("progress " + p.scanned() + " " + p.upgraded() + " "
                            + p.alreadyCurrent() + " " + p.failed()))
                    .build()
                    .run();
            System.out.println("done");
        }
    }
}
