package io.cosmolite.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosClient;
import io.cosmolite.server.CosmoliteServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/** When servers start and stop, run through fixture classes on an in-process JUnit launcher. */
class ExtensionLifecycleTest {
    /** The servers the fixtures' tests saw, in order. */
    static final List<CosmoliteServer> SEEN = new CopyOnWriteArrayList<>();
    /** The data directory of the durable fixtures (set before they load). */
    static Path dataDir;

    @BeforeEach
    void clear() {
        SEEN.clear();
    }

    @Test
    void aStaticExtensionServesTheWholeClassAndStopsAfterIt() {
        assertThat(run(StaticField.class).getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
        assertStopped(SEEN.get(0));
        assertThatThrownBy(StaticField.cosmos::client).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInstanceFieldExtensionServesEachTestOnItsOwn() {
        assertThat(run(InstanceField.class).getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(1));
        SEEN.forEach(ExtensionLifecycleTest::assertStopped);
    }

    @Test
    void extendWithRunsTheDefaults() {
        assertThat(run(Defaults.class).getTestsSucceededCount()).isEqualTo(1);
        assertThat(SEEN.get(0).options().tls()).isTrue();
        assertThat(SEEN.get(0).options().dataDir()).isNull();
        assertThat(SEEN.get(0).options().partitions()).isEqualTo(1);
        assertStopped(SEEN.get(0));
    }

    @Test
    void aDataDirectoryKeepsWhatOneClassWroteForTheNext(@TempDir Path dir) {
        dataDir = dir;
        assertThat(run(DurableWriter.class).getTestsSucceededCount()).isEqualTo(1);
        assertThat(run(DurableReader.class).getTestsSucceededCount()).isEqualTo(1);
    }

    private static TestExecutionSummary run(Class<?> fixture) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(fixture)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        summary.getFailures().forEach(f -> f.getException().printStackTrace());
        return summary;
    }

    private static void assertStopped(CosmoliteServer server) {
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 1000);
            }
        }).isInstanceOf(IOException.class);
    }

    static class StaticField {
        @RegisterExtension
        static final CosmoliteExtension cosmos = CosmoliteExtension.inMemory().withTls(false);

        @Test
        void first(CosmoliteServer server) {
            SEEN.add(server);
        }

        @Test
        void second(CosmoliteServer server) {
            SEEN.add(server);
        }
    }

    static class InstanceField {
        @RegisterExtension
        final CosmoliteExtension cosmos = CosmoliteExtension.inMemory().withTls(false);

        @Test
        void first() {
            SEEN.add(cosmos.server());
        }

        @Test
        void second() {
            SEEN.add(cosmos.server());
        }
    }

    @ExtendWith(CosmoliteExtension.class)
    static class Defaults {
        @Test
        void test(CosmoliteServer server) {
            SEEN.add(server);
        }
    }

    static class DurableWriter {
        @RegisterExtension
        static final CosmoliteExtension cosmos = CosmoliteExtension.inMemory().withTls(false).withDataDir(dataDir);

        @Test
        void writes(CosmosClient client) {
            client.createDatabase("kept");
        }
    }

    static class DurableReader {
        @RegisterExtension
        static final CosmoliteExtension cosmos = CosmoliteExtension.inMemory().withTls(false).withDataDir(dataDir);

        @Test
        void reads(CosmosClient client) {
            assertThat(client.getDatabase("kept").read().getProperties().getId()).isEqualTo("kept");
        }
    }
}
