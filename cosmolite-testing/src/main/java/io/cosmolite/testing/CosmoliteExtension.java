package io.cosmolite.testing;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosClient;
import io.cosmolite.server.CosmoliteServer;
import io.cosmolite.server.ServerOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit 5 extension that runs an in-process Cosmolite server on a free port for a test class and
 * hands its tests ready clients of the official SDK ({@code com.azure:azure-cosmos}), in gateway mode
 * and trusting the server.
 *
 * <pre>{@code
 * class OrdersTest {
 *     @RegisterExtension
 *     static final CosmoliteExtension cosmos = CosmoliteExtension.inMemory().withPartitions(4);
 *
 *     @Test
 *     void createsAnOrder(CosmosClient client) {        // injected, or: cosmos.client()
 *         client.createDatabaseIfNotExists("shop");
 *     }
 * }
 * }</pre>
 *
 * <p>Or {@code @ExtendWith(CosmoliteExtension.class)} (the defaults), or {@link Cosmolite @Cosmolite(...)}.
 * Defaults: in memory, HTTPS, one partition per container, the emulator's well-known key. Test
 * methods and constructors may declare {@link CosmosClient}, {@link CosmosAsyncClient} and
 * {@link CosmoliteServer} parameters.
 *
 * <p>Lifecycle: registered statically (a static field, {@code @ExtendWith}, {@code @Cosmolite}), one
 * server serves the whole test class, nested classes included, and stops after it; registered in an
 * instance field, each test gets its own server. Clients are built on first use and closed with the
 * server.
 *
 * <p>Trust, without trust stores: the SDK builds its TLS context internally from the JVM's default
 * trust store and has no public API for another one, so the extension uses the SDK's own emulator
 * settings, set as system properties when this class loads unless already set:
 * {@code COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED=true} (read whenever a client is built;
 * it lets clients accept an unverified certificate from {@code localhost} only) and
 * {@code COSMOS.HTTP_CONNECTION_WITHOUT_TLS_ALLOWED=true} (needed for {@code withTls(false)}; the SDK
 * reads it once, when its gateway classes load, so in a JVM that built a Cosmos client before this
 * class loaded, plain HTTP needs {@code -DCOSMOS.HTTP_CONNECTION_WITHOUT_TLS_ALLOWED=true}).
 */
public final class CosmoliteExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private static final Set<Class<?>> INJECTABLE = Set.of(CosmosClient.class, CosmosAsyncClient.class, CosmoliteServer.class);

    static {
        setIfAbsent("COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED");
        setIfAbsent("COSMOS.HTTP_CONNECTION_WITHOUT_TLS_ALLOWED");
    }

    private final ServerOptions options;
    /** Null when created by {@code @ExtendWith}: the settings then come from the class's {@link Cosmolite}, if any. */
    private final boolean configured;
    private volatile Session session;

    /** The defaults (in memory, HTTPS, one partition); {@code @ExtendWith} and {@link Cosmolite} use this. */
    public CosmoliteExtension() {
        this(ServerOptions.defaults().withPort(0), false);
    }

    private CosmoliteExtension(ServerOptions options, boolean configured) {
        this.options = options;
        this.configured = configured;
    }

    /** An extension running an in-memory server (HTTPS, one partition): the default. */
    public static CosmoliteExtension inMemory() {
        return new CosmoliteExtension(ServerOptions.defaults().withPort(0), true);
    }

    /** This extension with {@code n} physical partitions per new container (1..64). */
    public CosmoliteExtension withPartitions(int n) {
        return new CosmoliteExtension(options.withPartitions(n), true);
    }

    /** This extension serving HTTPS with a self-signed certificate (true, the default) or plain HTTP. */
    public CosmoliteExtension withTls(boolean tls) {
        return new CosmoliteExtension(options.withTls(tls), true);
    }

    /**
     * This extension keeping the data in {@code dir} (RocksDB) instead of memory: what one test class
     * writes, the next one using the same directory finds.
     */
    public CosmoliteExtension withDataDir(Path dir) {
        return new CosmoliteExtension(options.withDataDir(dir), true);
    }

    /** A client of the running server (gateway mode), built on first use. */
    public CosmosClient client() {
        return running().client();
    }

    /** An async client of the running server (gateway mode), built on first use. */
    public CosmosAsyncClient asyncClient() {
        return running().asyncClient();
    }

    /** The running server's endpoint, e.g. {@code https://localhost:53117/}. */
    public String endpoint() {
        return running().server().endpoint();
    }

    /** The running server's account key. */
    public String key() {
        return running().server().masterKey();
    }

    /** The running server (its engine, options and certificate). */
    public CosmoliteServer server() {
        return running().server();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        session(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        session(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTABLE.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Session s = session(context);
        Class<?> type = parameter.getParameter().getType();
        return type == CosmosClient.class ? s.client() : type == CosmosAsyncClient.class ? s.asyncClient() : s.server();
    }

    /** The session visible from {@code context} (its own or an enclosing one's), started in {@code context} if none. */
    private Session session(ExtensionContext context) {
        return context.getStore(namespace()).getOrComputeIfAbsent(Session.class, k -> start(context), Session.class);
    }

    private Session start(ExtensionContext context) {
        Session started = new Session(CosmoliteServer.start(effectiveOptions(context)));
        session = started;
        return started;
    }

    /** Stops the session started in {@code context} itself (a parent's outlives this context). */
    private void stop(ExtensionContext context) {
        Session own = context.getStore(namespace()).remove(Session.class, Session.class);
        if (own != null) {
            if (session == own) {
                session = null;
            }
            own.close();
        }
    }

    private ServerOptions effectiveOptions(ExtensionContext context) {
        if (configured) {
            return options;
        }
        Optional<Cosmolite> annotation = context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, Cosmolite.class));
        return annotation.map(a -> options.withPartitions(a.partitions()).withTls(a.tls())).orElse(options);
    }

    private ExtensionContext.Namespace namespace() {
        return ExtensionContext.Namespace.create(CosmoliteExtension.class, this);
    }

    private Session running() {
        Session s = session;
        if (s == null) {
            throw new IllegalStateException("no Cosmolite server is running: the extension starts it before the"
                    + " tests of the class that registers it (in a static field, or with @ExtendWith)");
        }
        return s;
    }

    private static void setIfAbsent(String property) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, "true");
        }
    }
}
