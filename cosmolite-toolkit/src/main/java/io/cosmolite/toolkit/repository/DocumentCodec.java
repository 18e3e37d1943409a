package io.cosmolite.toolkit.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;

/** Converts between a document class and the stored JSON, and reads the repository's own fields. */
final class DocumentCodec<T> {
    private final ObjectMapper mapper;
    private final Class<T> type;

    DocumentCodec(ObjectMapper mapper, Class<T> type) {
        // Stored documents carry _rid, _etag, audit fields... that a document class need not declare.
        this.mapper = mapper.copy().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.type = type;
    }

    /** The default mapper: java.time as ISO-8601 text, unknown properties ignored. */
    static ObjectMapper defaultMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** The caller's document as JSON, without the fields only the repository sets. */
    ObjectNode toJson(T value) {
        JsonNode tree = mapper.valueToTree(value);
        if (!(tree instanceof ObjectNode document)) {
            throw new IllegalArgumentException(type.getName() + " does not serialize to a JSON object");
        }
        document.remove(StoredFields.OWNED);
        return document;
    }

    /** A stored document as the caller sees it. */
    Versioned<T> toVersioned(ObjectNode stored) {
        T value;
        try {
            value = mapper.treeToValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document " + stored.path(StoredFields.ID).asText()
                    + " does not map to " + type.getName() + ": " + e.getOriginalMessage(), e);
        }
        Audit audit = new Audit(instant(stored, StoredFields.CREATED_AT), text(stored, StoredFields.CREATED_BY),
                instant(stored, StoredFields.UPDATED_AT), text(stored, StoredFields.UPDATED_BY));
        Instant deletedAt = isDeleted(stored) ? instant(stored, StoredFields.DELETED_AT) : null;
        return new Versioned<>(value, stored.path(StoredFields.ID).asText(), text(stored, StoredFields.ETAG), audit,
                deletedAt);
    }

    static boolean isDeleted(JsonNode stored) {
        return stored.path(StoredFields.DELETED).asBoolean(false);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String v = text(node, field);
        return v == null ? null : Instant.parse(v);
    }
}
