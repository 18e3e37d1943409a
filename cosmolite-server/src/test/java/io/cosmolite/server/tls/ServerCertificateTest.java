package io.cosmolite.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate kept in the data directory, and the TLS context the server builds from it. */
class ServerCertificateTest {
    @TempDir
    Path dataDir;

    @Test
    void theCertificateIsMadeOnceAndReadBackOnTheNextStart() throws Exception {
        ServerCertificate first = ServerCertificate.loadOrCreate(dataDir);
        assertThat(dataDir.resolve("tls/cert.pem")).exists();
        assertThat(Files.readString(dataDir.resolve("tls/cert.pem"))).isEqualTo(first.pem());

        ServerCertificate again = ServerCertificate.loadOrCreate(dataDir);
        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThat(again.certificate().getSubjectAlternativeNames())
                .extracting(name -> (Object) name.get(1))
                .contains("localhost", "127.0.0.1");
    }

    @Test
    void aClientTrustingTheCertificateCompletesAHandshakeWithTheReadBackKey() throws Exception {
        ServerCertificate.loadOrCreate(dataDir);
        ServerCertificate read = ServerCertificate.loadOrCreate(dataDir);
        SSLContext context = read.sslContext();

        assertThat(HandshakeWarmUp.handshake(context, read.certificate())).isTrue();
    }

    @Test
    void aClientTrustingAnotherCertificateDoesNotCompleteTheHandshake(@TempDir Path otherDir) throws Exception {
        ServerCertificate server = ServerCertificate.loadOrCreate(dataDir);
        ServerCertificate other = ServerCertificate.loadOrCreate(otherDir);

        boolean completed;
        try {
            completed = HandshakeWarmUp.handshake(server.sslContext(), other.certificate());
        } catch (javax.net.ssl.SSLException e) {
            completed = false;
        }
        assertThat(completed).isFalse();
    }

    @Test
    void serversStartingTogetherOnANewDirectoryEachGetAWorkingPairAndLeaveOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ServerCertificate>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(pool.submit(() -> ServerCertificate.loadOrCreate(dataDir)));
            }
            for (Future<ServerCertificate> start : starts) {
                ServerCertificate certificate = start.get();
                assertThat(HandshakeWarmUp.handshake(certificate.sslContext(), certificate.certificate())).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("tls");
        }
        ServerCertificate kept = ServerCertificate.loadOrCreate(dataDir);
        assertThat(HandshakeWarmUp.handshake(kept.sslContext(), kept.certificate())).isTrue();
    }

    @Test
    void aDamagedKeyIsReportedWithWhereItIsNotReplaced() throws Exception {
        ServerCertificate.loadOrCreate(dataDir);
        Files.writeString(dataDir.resolve("tls/key.pem"), "garbage");

        assertThatThrownBy(() -> ServerCertificate.loadOrCreate(dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dataDir.resolve("tls").toString()).hasMessageContaining("damaged");
        assertThat(dataDir.resolve("tls/key.pem")).hasContent("garbage");
    }

    @Test
    void halfAPairIsReplacedByANewPair() throws Exception {
        Files.createDirectories(dataDir.resolve("tls"));
        Files.writeString(dataDir.resolve("tls/key.pem"), "left by a start killed between its two writes");

        ServerCertificate made = ServerCertificate.loadOrCreate(dataDir);
        assertThat(Files.readString(dataDir.resolve("tls/cert.pem"))).isEqualTo(made.pem());
        ServerCertificate read = ServerCertificate.loadOrCreate(dataDir);
        assertThat(HandshakeWarmUp.handshake(read.sslContext(), made.certificate())).isTrue();
    }

    @Test
    void theInMemoryCertificateIsMadeOncePerUserAndReadByLaterJvms(@TempDir Path cache) throws Exception {
        String first = inMemoryCertificateOfAFreshJvm(cache);
        assertThat(first).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(cache.resolve("tls/cert.pem")).hasContent(first);
        assertThat(inMemoryCertificateOfAFreshJvm(cache)).isEqualTo(first);
    }

    private static String inMemoryCertificateOfAFreshJvm(Path cache) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Dcosmolite.cache.dir=" + cache, "-cp",
                System.getProperty("java.class.path"), PrintInMemoryCertificate.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return out;
    }

    /** The child: prints the certificate an in-memory server of this JVM uses. */
    static final class PrintInMemoryCertificate {
        public static void main(String[] args) {
            System.out.print(ServerCertificate.loadOrCreate(null).pem());
        }
    }
}
