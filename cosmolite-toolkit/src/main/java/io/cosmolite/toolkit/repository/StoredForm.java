package io.cosmolite.toolkit.repository;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cosmolite.toolkit.container.PartitionKeyStrategy;
import io.cosmolite.toolkit.error.ValidationException;
import io.cosmolite.toolkit.schema.DocumentSchema;
import io.cosmolite.toolkit.schema.SchemaVersions;

/**
 * The way between a caller's document and its stored form, both directions. In: the schema check
 * (when there is a schema), the synthetic partition key, the schema version stamp (when there are
 * versions). Out: the upgrade of an older stored document to the current version.
 *
 * <p>What the schema sees: the caller's document, i.e. what the document class serializes plus the
 * id (generated when it was empty), without what only the repository writes (audit and soft-delete
 * fields, the version field, a synthetic partition key) nor Cosmos's system properties. So a schema
 * describes the document class, and {@code additionalProperties: false} works without listing the
 * repository's fields.
 */
final class StoredForm {
    private final PartitionKeyStrategy partitionKey;
    /** Null: documents are not checked. */
    private final DocumentSchema schema;
    /** Null: documents carry no version and are read as stored. */
    private final SchemaVersions versions;

    StoredForm(PartitionKeyStrategy partitionKey, DocumentSchema schema, SchemaVersions versions) {
        this.partitionKey = partitionKey;
        this.schema = schema;
        this.versions = versions;
    }

    /** Whether a stored document is at the current version (always, without versions). */
    boolean isCurrent(ObjectNode stored) {
        return versions == null || versions.isCurrent(stored);
    }

    /**
     * A condition (to AND into a {@code FROM c WHERE} predicate) that holds only for documents at the
     * current version; empty without versions. A patch names paths of the current version.
     */
    String currentVersionCondition() {
        return versions == null ? "" : " AND c[" + TextNode.valueOf(versions.versionField()) + "] = " + versions.current();
    }

    /**
     * A document of the caller's, about to be written whole: checked against the schema, then
     * completed by {@link #complete}. Returns the same (modified) node.
     *
     * @throws ValidationException listing every schema violation, or every property a synthetic key lacks
     */
    ObjectNode prepare(ObjectNode document) {
        if (schema != null) {
            schema.requireValid(content(document));
        }
        return complete(document);
    }

    /**
     * A document completed for storage without a schema check (the repository's own rewrites: soft
     * delete and restore, which change no content): synthetic key filled, current version stamped.
     */
    ObjectNode complete(ObjectNode document) {
        partitionKey.fill(document);
        return versions == null ? document : versions.stamp(document);
    }

    /** A stored document at the current version: itself when current (or without versions), else an upgraded copy. */
    ObjectNode current(ObjectNode stored) {
        return versions == null ? stored : versions.upgrade(stored).document();
    }

    /** What the schema sees of {@code document}: a copy without the fields only the repository or Cosmos writes. */
    private ObjectNode content(ObjectNode document) {
        ObjectNode content = document.deepCopy();
        content.remove(StoredFields.OWNED);
        content.remove(StoredFields.SYSTEM);
        if (versions != null) {
            content.remove(versions.versionField());
        }
        if (partitionKey instanceof PartitionKeyStrategy.Synthetic synthetic) {
            content.remove(synthetic.targetPath().substring(1));
        }
        return content;
    }
}
