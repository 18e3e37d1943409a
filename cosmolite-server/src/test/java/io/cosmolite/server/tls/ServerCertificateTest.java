package io.cosmolite.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
