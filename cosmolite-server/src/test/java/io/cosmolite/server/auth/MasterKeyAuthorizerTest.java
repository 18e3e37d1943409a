package io.cosmolite.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmolite.server.ServerOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** The signature rules: what passes, and the 401 and 403 answers. */
class MasterKeyAuthorizerTest {
    private static final Instant NOW = Instant.parse("2026-11-29T03:00:00Z");
    private final MasterKeyAuthorizer auth = new MasterKeyAuthorizer(ServerOptions.EMULATOR_KEY,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private String header(String verb, String type, String link, String date) {
        String sig = auth.sign(verb.toLowerCase() + "\n" + type + "\n" + link + "\n" + date.toLowerCase() + "\n\n");
        return URLEncoder.encode("type=master&ver=1.0&sig=" + sig, StandardCharsets.UTF_8);
    }

    private static String date(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC));
    }

    @Test
    void aCorrectSignaturePasses() {
        String d = date(NOW);
        assertThat(auth.check("GET", "docs", "dbs/db/colls/c/docs/1", header("GET", "docs", "dbs/db/colls/c/docs/1", d), d))
                .isNull();
    }

    @Test
    void aSignatureOverAnotherLinkOrKeyIs401() {
        String d = date(NOW);
        AuthFailure f = auth.check("GET", "docs", "dbs/db/colls/c/docs/2", header("GET", "docs", "dbs/db/colls/c/docs/1", d), d);
        assertThat(f.status()).isEqualTo(401);
        assertThat(f.message()).contains("The input authorization token can't serve the request");
        assertThat(auth.check("GET", "", "", null, d).status()).isEqualTo(401);
    }

    @Test
    void aDateMoreThanFifteenMinutesOffIs403() {
        String stale = date(NOW.minusSeconds(16 * 60));
        AuthFailure f = auth.check("GET", "dbs", "", header("GET", "dbs", "", stale), stale);
        assertThat(f.status()).isEqualTo(403);
        String soon = date(NOW.plusSeconds(14 * 60));
        assertThat(auth.check("GET", "dbs", "", header("GET", "dbs", "", soon), soon)).isNull();
    }
}
