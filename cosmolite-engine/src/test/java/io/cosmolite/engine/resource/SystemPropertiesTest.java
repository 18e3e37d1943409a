package io.cosmolite.engine.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SystemPropertiesTest {

    @Test
    void etagsAreQuotedGuidsAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String etag = SystemProperties.newEtag();
            assertThat(etag).matches("\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\"");
            assertThat(seen.add(etag)).isTrue();
        }
    }
}
