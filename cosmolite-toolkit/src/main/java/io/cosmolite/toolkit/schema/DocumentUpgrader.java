package io.cosmolite.toolkit.schema;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Upgrades one stored document and writes it back with replace + If-Match on the etag it was read
 * with, so that a concurrent writer's change is never overwritten: on 412 it reads the document
 * again and starts over, at most {@code maxAttempts} times.
 */
final class DocumentUpgrader {
    private static final int PRECONDITION_FAILED = 412;
    private static final int NOT_FOUND = 404;

    private final CosmosContainer container;
    private final SchemaVersions versions;
    private final int maxAttempts;

    DocumentUpgrader(CosmosContainer container, SchemaVersions versions, int maxAttempts) {
        this.container = container;
        this.versions = versions;
        this.maxAttempts = maxAttempts;
    }

    /** The outcome for one document, and the reason when it failed. */
    record Result(MigrationOutcome outcome, String reason) {
        static final Result UPGRADED = new Result(MigrationOutcome.UPGRADED, null);
        static final Result ALREADY_CURRENT = new Result(MigrationOutcome.ALREADY_CURRENT, null);

        static Result failed(String reason) {
            return new Result(MigrationOutcome.FAILED, reason);
        }
    }

    Result upgrade(ObjectNode stored, String id, PartitionKey key) {
        ObjectNode document = stored;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            UpgradeResult upgrade;
            try {
                upgrade = versions.upgrade(document);
            } catch (SchemaUpgradeException | UnsupportedSchemaVersionException e) {
                return Result.failed(e.getMessage());
            }
            if (!upgrade.changed()) {
                return Result.ALREADY_CURRENT;
            }
            JsonNode etag = document.get("_etag");
            if (etag == null || !etag.isTextual()) {
                return Result.failed("the document has no _etag to write it back under optimistic concurrency");
            }
            try {
                container.replaceItem(upgrade.document(), id, key, new CosmosItemRequestOptions()
                        .setIfMatchETag(etag.textValue())
                        .setContentResponseOnWriteEnabled(false));
                return Result.UPGRADED;
            } catch (CosmosException e) {
                if (e.getStatusCode() == NOT_FOUND) {
                    return Result.ALREADY_CURRENT;
                }
                if (e.getStatusCode() != PRECONDITION_FAILED) {
                    return Result.failed("replace refused with status " + e.getStatusCode() + "/" + e.getSubStatusCode()
                            + ": " + firstLine(e.getMessage()));
                }
            }
            // Someone wrote the document since we read it: upgrade what they wrote instead.
            ObjectNode reread;
            try {
                reread = reread(id, key);
            } catch (CosmosException e) {
                return Result.failed("re-read after a concurrent change refused with status " + e.getStatusCode()
                        + ": " + firstLine(e.getMessage()));
            }
            if (reread == null) {
                return Result.ALREADY_CURRENT;
            }
            document = reread;
        }
        return Result.failed("still changed by concurrent writers after " + maxAttempts + " attempts");
    }

    private ObjectNode reread(String id, PartitionKey key) {
        try {
            return container.readItem(id, key, ObjectNode.class).getItem();
        } catch (CosmosException e) {
            if (e.getStatusCode() == NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
