package io.cosmolite.testing;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import io.cosmolite.server.CosmoliteServer;

/**
 * One running server and the clients built for it. Clients are built on first use (building one
 * reads the account over the network), and closed before the server.
 */
final class Session implements AutoCloseable {
    private final CosmoliteServer server;
    private CosmosClient client;
    private CosmosAsyncClient asyncClient;
    private boolean closed;

    Session(CosmoliteServer server) {
        this.server = server;
    }

    CosmoliteServer server() {
        return server;
    }

    synchronized CosmosClient client() {
        checkOpen();
        if (client == null) {
            client = builder().buildClient();
        }
        return client;
    }

    synchronized CosmosAsyncClient asyncClient() {
        checkOpen();
        if (asyncClient == null) {
            asyncClient = builder().buildAsyncClient();
        }
        return asyncClient;
    }

    /** A client builder for this server: gateway mode (Cosmolite speaks the REST gateway protocol only). */
    CosmosClientBuilder builder() {
        return new CosmosClientBuilder().endpoint(server.endpoint()).key(server.masterKey()).gatewayMode();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (client != null) {
                client.close();
            }
            if (asyncClient != null) {
                asyncClient.close();
            }
        } finally {
            server.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the Cosmolite server of this test class has stopped");
        }
    }
}
