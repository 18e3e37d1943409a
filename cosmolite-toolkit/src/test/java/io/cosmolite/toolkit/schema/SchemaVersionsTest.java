package io.cosmolite.toolkit.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Upgrade steps on read: versionless is v1, steps chain, newer versions and missing steps are errors. */
class SchemaVersionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SchemaVersions versions = CustomerVersions.versions();

    @Test
    void documentWithoutVersionIsV1AndComesBackCurrent() throws Exception {
        ObjectNode stored = (ObjectNode) JSON.readTree("{\"id\": \"a\", \"name\": \"Ada Lovelace\", \"qty\": 2, \"price\": 5}");
        ObjectNode before = stored.deepCopy();

        UpgradeResult read = versions.upgrade(stored);

        assertThat(read.changed()).isTrue();
        assertThat(read.fromVersion()).isEqualTo(1);
        assertThat(read.toVersion()).isEqualTo(3);
        assertThat(read.document()).isEqualTo(JSON.readTree("""
                {"id": "a", "qty": 2, "price": 5, "firstName": "Ada", "lastName": "Lovelace", "_schemaVersion": 3,
                 "total": 10}"""));
        assertThat(stored).as("the stored document is not modified").isEqualTo(before);
    }

    @Test
    void upgradeStartsAtTheDocumentsVersion() throws Exception {
        ObjectNode v2 = (ObjectNode) JSON.readTree("{\"id\": \"b\", \"firstName\": \"X\", \"qty\": 3, \"price\": 4, \"_schemaVersion\": 2}");

        UpgradeResult read = versions.upgrade(v2);

        assertThat(read.fromVersion()).isEqualTo(2);
        assertThat(read.document().path("total").asInt()).isEqualTo(12);
        assertThat(read.document().path("_schemaVersion").asInt()).isEqualTo(3);
    }

    @Test
    void currentDocumentIsReturnedAsIs() throws Exception {
        ObjectNode current = (ObjectNode) JSON.readTree("{\"id\": \"c\", \"_schemaVersion\": 3}");

        UpgradeResult read = versions.upgrade(current);

        assertThat(read.changed()).isFalse();
        assertThat(read.document()).isSameAs(current);
    }

    @Test
    void newerOrMalformedVersionIsTyped() throws Exception {
        for (String version : new String[] {"4", "0", "\"2\"", "1.5"}) {
            ObjectNode doc = (ObjectNode) JSON.readTree("{\"id\": \"d\", \"_schemaVersion\": " + version + "}");
            assertThatThrownBy(() -> versions.upgrade(doc)).as(version)
                    .isInstanceOfSatisfying(UnsupportedSchemaVersionException.class, e -> {
                        assertThat(e.found()).isEqualTo(version);
                        assertThat(e.current()).isEqualTo(3);
                    })
                    .hasMessageContaining("'d'");
        }
    }

    @Test
    void failingStepIsTypedAndNamesDocumentAndStep() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree("{\"id\": \"e\", \"name\": \"Plato\"}");

        assertThatThrownBy(() -> versions.upgrade(doc))
                .isInstanceOfSatisfying(SchemaUpgradeException.class, e -> {
                    assertThat(e.documentId()).isEqualTo("e");
                    assertThat(e.fromVersion()).isEqualTo(1);
                })
                .hasMessageContaining("1 -> 2").hasMessageContaining("no space");
        assertThat(doc.has("name")).isTrue();
    }

    @Test
    void versionFieldIsConfigurable() throws Exception {
        SchemaVersions custom = SchemaVersions.builder().versionField("v").current(2).step(1, d -> d.put("x", 1)).build();

        UpgradeResult read = custom.upgrade((ObjectNode) JSON.readTree("{\"_schemaVersion\": 7}"));

        assertThat(read.document()).isEqualTo(JSON.readTree("{\"_schemaVersion\": 7, \"x\": 1, \"v\": 2}"));
        assertThat(custom.stamp(JSON.createObjectNode()).path("v").asInt()).isEqualTo(2);
    }

    @Test
    void missingOrSurplusStepIsAConfigurationError() {
        assertThatThrownBy(() -> SchemaVersions.builder().current(3).step(1, d -> d).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[2]");
        assertThatThrownBy(() -> SchemaVersions.builder().current(2).step(1, d -> d).step(2, d -> d).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[2]");
        assertThatThrownBy(() -> SchemaVersions.builder().step(1, d -> d).step(1, d -> d))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
