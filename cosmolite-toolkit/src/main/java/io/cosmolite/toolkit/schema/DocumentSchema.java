package io.cosmolite.toolkit.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import io.cosmolite.toolkit.error.ValidationException;
import io.cosmolite.toolkit.error.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The JSON Schema of one document type, checked before a write: {@link #validate} lists every
 * violation (never only the first), each with its JSON Pointer path; {@link #requireValid} throws
 * them as the toolkit's {@link ValidationException} (status 400, like every refusal before a request).
 *
 * <pre>{@code
 * DocumentSchema orders = DocumentSchema.fromResource("schemas/order.json");
 * List<Violation> problems = orders.validate(document);   // empty when valid
 * orders.requireValid(document);                                // or throw them all
 * }</pre>
 *
 * <p>Draft 2020-12 applies unless the schema names another draft in {@code $schema} (4, 6, 7, 2019-09).
 * {@code format} is asserted ({@code "format": "email"} refuses a string that is not an address), as
 * most users of a write-time check expect. Cosmos system properties ({@code _rid}, {@code _etag},
 * {@code _ts}, ...) are part of a read document: a schema with {@code additionalProperties: false}
 * should allow them if documents read back are validated again.
 *
 * <p>An instance is immutable and thread-safe; load it once per document type and share it.
 */
public final class DocumentSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    // Paths are built from the path's elements (see pointer()), so the registry's own path style
    // only affects its messages: JSON Pointer keeps them consistent with ours.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .formatAssertionsEnabled(true)
                    .build()));

    private final Schema schema;

    private DocumentSchema(Schema schema) {
        this.schema = schema;
    }

    /**
     * The schema in a classpath resource ({@code "schemas/order.json"}, no leading slash), read with this
     * class's class loader.
     *
     * @throws IllegalArgumentException if there is no such resource, or it is not a valid schema
     */
    public static DocumentSchema fromResource(String resource) {
        Objects.requireNonNull(resource, "resource");
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = DocumentSchema.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema resource on the classpath: " + name);
            }
            return of(JSON.readTree(in));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("schema resource " + name + " is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read schema resource " + name, e);
        }
    }

    /**
     * The schema in this JSON text.
     *
     * @throws IllegalArgumentException if the text is not JSON, or not a valid schema
     */
    public static DocumentSchema fromJson(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return of(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("schema is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The schema in this JSON tree (an object, or {@code true}/{@code false}).
     *
     * @throws IllegalArgumentException if it is not a valid schema, or refers to a schema that cannot be loaded
     */
    public static DocumentSchema of(JsonNode schema) {
        Objects.requireNonNull(schema, "schema");
        try {
            Schema loaded = REGISTRY.getSchema(schema.deepCopy());
            // Resolves $refs and builds every keyword's validator now: a broken schema fails here, at
            // start, and the first write pays no set-up.
            loaded.initializeValidators();
            return new DocumentSchema(loaded);
        } catch (SchemaException e) {
            throw new IllegalArgumentException("invalid JSON Schema: " + e.getMessage(), e);
        }
    }

    /** Every violation of this schema by {@code document}, in the validator's order; empty when it is valid. */
    public List<Violation> validate(JsonNode document) {
        Objects.requireNonNull(document, "document");
        List<Error> errors = schema.validate(document);
        if (errors.isEmpty()) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>(errors.size());
        for (Error error : errors) {
            violations.add(new Violation(path(error), message(error)));
        }
        return List.copyOf(violations);
    }

    /** Whether {@code document} satisfies this schema. */
    public boolean isValid(JsonNode document) {
        return validate(document).isEmpty();
    }

    /**
     * Returns normally when {@code document} satisfies this schema.
     *
     * @throws ValidationException listing every violation, otherwise; its message starts with
     *         {@code "<n> schema violation(s)"} and names each one
     */
    public void requireValid(JsonNode document) {
        List<Violation> violations = validate(document);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations.size() + (violations.size() == 1 ? " schema violation"
                    : " schema violations"), violations);
        }
    }

    /** The schema itself, as JSON. */
    public JsonNode json() {
        return schema.getSchemaNode().deepCopy();
    }

    private static String path(Error error) {
        String at = pointer(error.getInstanceLocation());
        // "required" reports the object that lacks the property; the property's own path says more.
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            return at + "/" + escape(error.getProperty());
        }
        return at;
    }

    private static String pointer(NodePath location) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(location.getElement(i))));
        }
        return pointer.toString();
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** The validator's message without the instance location it may start with ({@code "/a/b: ..."}). */
    private static String message(Error error) {
        String message = error.getMessage();
        String prefix = error.getInstanceLocation().toString() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
