package io.cosmolite.toolkit.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cosmolite.toolkit.error.ValidationException;
import io.cosmolite.toolkit.error.Violation;
import org.junit.jupiter.api.Test;

/** JSON Schema validation: every violation by JSON Pointer path, valid documents pass, broken schemas fail at load. */
class DocumentSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DocumentSchema CUSTOMERS = DocumentSchema.fromResource("schemas/customer.json");

    @Test
    void validDocumentHasNoViolations() throws Exception {
        JsonNode customer = JSON.readTree("""
                {"id": "c1", "name": "Ada Lovelace", "age": 36, "email": "ada@example.com", "tags": ["vip"],
                 "address": {"city": "London", "zip": "12345"}, "_etag": "\\"0\\"", "_ts": 1}""");

        assertThat(CUSTOMERS.validate(customer)).isEmpty();
        assertThat(CUSTOMERS.isValid(customer)).isTrue();
        CUSTOMERS.requireValid(customer);
    }

    @Test
    void listsEveryViolationByPath() throws Exception {
        // Three different faults: a missing required property, a number below its minimum, a nested pattern.
        JsonNode customer = JSON.readTree("""
                {"id": "c2", "age": -3, "address": {"city": "Paris", "zip": "75O01"}}""");

        assertThat(CUSTOMERS.validate(customer)).extracting(Violation::path)
                .containsExactlyInAnyOrder("/name", "/age", "/address/zip");
        assertThat(CUSTOMERS.validate(customer)).allSatisfy(v -> assertThat(v.message()).isNotBlank()
                .doesNotStartWith("/").doesNotStartWith(":"));
    }

    @Test
    void exceptionNamesEveryViolation() throws Exception {
        JsonNode customer = JSON.readTree("""
                {"id": "c3", "name": "", "email": "not-an-address", "tags": ["ok", 7], "address": {"city": "Rome"}}""");

        ValidationException refused = catchThrowableOfType(() -> CUSTOMERS.requireValid(customer),
                ValidationException.class);

        assertThat(refused.violations()).extracting(Violation::path)
                .containsExactlyInAnyOrder("/name", "/email", "/tags/1", "/address/zip");
        assertThat(refused.getMessage()).startsWith("4 schema violations")
                .contains("/name: ", "/email: ", "/tags/1: ", "/address/zip: ");
        assertThat(refused.statusCode()).isEqualTo(400);
    }

    @Test
    void wrongTypeAtTheRootHasTheEmptyPath() throws Exception {
        assertThat(CUSTOMERS.validate(JSON.readTree("[1, 2]"))).extracting(Violation::path).containsExactly("");
    }

    @Test
    void pathSegmentsAreEscaped() {
        DocumentSchema schema = DocumentSchema.fromJson("""
                {"properties": {"a/b": {"properties": {"c~d": {"type": "integer"}}}}}""");

        assertThat(schema.validate(JSON.valueToTree(java.util.Map.of("a/b", java.util.Map.of("c~d", "x")))))
                .extracting(Violation::path).containsExactly("/a~1b/c~0d");
    }

    @Test
    void olderDraftNamedInTheSchemaApplies() throws Exception {
        // Draft 4's exclusiveMaximum is a boolean modifier of maximum; draft 2020-12 would reject the schema's meaning.
        DocumentSchema draft4 = DocumentSchema.fromJson("""
                {"$schema": "http://json-schema.org/draft-04/schema#",
                 "properties": {"n": {"maximum": 10, "exclusiveMaximum": true}}}""");

        assertThat(draft4.validate(JSON.readTree("{\"n\": 10}"))).extracting(Violation::path).containsExactly("/n");
        assertThat(draft4.validate(JSON.readTree("{\"n\": 9}"))).isEmpty();
    }

    @Test
    void brokenSchemasFailAtLoad() {
        assertThatThrownBy(() -> DocumentSchema.fromJson("{\"type\": ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> DocumentSchema.fromResource("schemas/missing.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schemas/missing.json");
        assertThatThrownBy(() -> DocumentSchema.fromJson("{\"$ref\": \"#/$defs/nowhere\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
