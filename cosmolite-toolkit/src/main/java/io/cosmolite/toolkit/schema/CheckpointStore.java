package io.cosmolite.toolkit.schema;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A migration job's checkpoint and failure documents, in the checkpoint container, all in the job's
 * own logical partition ({@value #PARTITION_KEY_PATH} = the job id): one {@code checkpoint} document,
 * and one {@code failure-...} document per document that could not be upgraded, whose id is derived
 * from the failed document's partition key and id (so recording it again overwrites it).
 */
final class CheckpointStore {
    /** The partition key path the checkpoint container must have. */
    static final String PARTITION_KEY_PATH = "/jobId";
    private static final String CHECKPOINT_ID = "checkpoint";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final CosmosContainer container;
    private final String jobId;
    private final PartitionKey partition;

    CheckpointStore(CosmosContainer container, String jobId) {
        this.container = container;
        this.jobId = jobId;
        this.partition = new PartitionKey(jobId);
    }

    /** Fails unless the container is partitioned on {@value #PARTITION_KEY_PATH}. */
    void checkContainer() {
        List<String> paths = container.read().getProperties().getPartitionKeyDefinition().getPaths();
        if (!paths.equals(List.of(PARTITION_KEY_PATH))) {
            throw new IllegalArgumentException("checkpoint container " + container.getId() + " is partitioned on "
                    + paths + "; a migration checkpoint container needs the partition key path " + PARTITION_KEY_PATH
                    + " (see MigrationJob.createCheckpointContainerIfNotExists)");
        }
    }

    Optional<Checkpoint> load() {
        try {
            ObjectNode doc = container.readItem(CHECKPOINT_ID, partition, ObjectNode.class).getItem();
            JsonNode continuation = doc.get("continuation");
            return Optional.of(new Checkpoint(doc.path("run").asInt(), doc.path("targetVersion").asInt(),
                    continuation == null || continuation.isNull() ? null : continuation.asText(),
                    new MigrationProgress(doc.path("scanned").asLong(), doc.path("upgraded").asLong(),
                            doc.path("alreadyCurrent").asLong(), doc.path("failed").asLong()),
                    doc.path("completed").asBoolean()));
        } catch (CosmosException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    void save(Checkpoint checkpoint) {
        MigrationProgress counts = checkpoint.counts();
        ObjectNode doc = base(CHECKPOINT_ID, "checkpoint")
                .put("run", checkpoint.run())
                .put("targetVersion", checkpoint.targetVersion())
                .put("continuation", checkpoint.continuation())
                .put("scanned", counts.scanned())
                .put("upgraded", counts.upgraded())
                .put("alreadyCurrent", counts.alreadyCurrent())
                .put("failed", counts.failed())
                .put("completed", checkpoint.completed());
        upsert(doc);
    }

    void recordFailure(int run, MigrationFailure failure) {
        upsert(base(failureId(failure.id(), failure.partitionKey()), "failure")
                .put("run", run)
                .put("documentId", failure.id())
                .put("partitionKey", failure.partitionKey())
                .put("reason", failure.reason()));
    }

    /** The failures recorded by {@code run}, so that a resumed run neither retries nor counts them twice. */
    List<MigrationFailure> failures(int run) {
        SqlQuerySpec query = new SqlQuerySpec("SELECT * FROM c WHERE c.type = 'failure' AND c.run = @run",
                List.of(new SqlParameter("@run", run)));
        return container.queryItems(query, new CosmosQueryRequestOptions().setPartitionKey(partition), ObjectNode.class)
                .stream()
                .map(doc -> new MigrationFailure(doc.path("documentId").asText(), doc.path("partitionKey").asText(),
                        doc.path("reason").asText()))
                .toList();
    }

    /** A stable key for a document: its failure document's id. */
    static String failureId(String documentId, String partitionKeyJson) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((partitionKeyJson + "\n" + documentId).getBytes(StandardCharsets.UTF_8));
            // 128 bits: ids stay short (a document id may itself use all 255 characters).
            return "failure-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private ObjectNode base(String id, String type) {
        return NODES.objectNode().put("id", id).put("jobId", jobId).put("type", type)
                .put("updatedAt", Instant.now().toString());
    }

    private void upsert(ObjectNode doc) {
        container.upsertItem(doc, partition, new CosmosItemRequestOptions().setContentResponseOnWriteEnabled(false));
    }
}
