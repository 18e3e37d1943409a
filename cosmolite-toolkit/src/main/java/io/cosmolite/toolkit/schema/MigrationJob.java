package io.cosmolite.toolkit.schema;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosDatabase;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.toolkit.container.PartitionKeyReader;
import io.cosmolite.toolkit.error.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Upgrades the stored documents of a container to the current schema version, in bulk.
 *
 * <pre>{@code
 * CosmosContainer checkpoints = MigrationJob.createCheckpointContainerIfNotExists(database, "migrations");
 * MigrationResult result = MigrationJob.builder(orders, orderVersions)
 *         .checkpoints(checkpoints)
 *         .jobId("orders-to-v3")
 *         .listener(p -> log.info("migrated {} of {} scanned", p.upgraded(), p.scanned()))
 *         .build()
 *         .run();
 * result.failures().forEach(f -> log.warn("not upgraded: {} {}: {}", f.id(), f.partitionKey(), f.reason()));
 * }</pre>
 *
 * <p>How it works: a cross-partition query finds the documents below the current version
 * ({@code NOT IS_DEFINED(c.<field>) OR c.<field> < @current}), page by page. The documents of a page
 * are handled {@linkplain Builder#parallelism concurrently}; each is upgraded
 * by the {@link SchemaVersions} steps and written back with replace and If-Match on the etag it was
 * read with; when a concurrent writer got there first (412), the job reads the document again and
 * upgrades that, so a newer write is never overwritten (a document the writer brought to the current
 * version, or deleted, counts as already current). After each page the query continuation and the
 * counts are saved in a checkpoint document. When the query ends, passes from the beginning pick up
 * whatever is still old (documents written by old code meanwhile), until a pass upgrades nothing
 * (at most 10 such passes).
 *
 * <p>Guarantees:
 * <ul>
 *   <li><b>Resumable</b>: {@link #run()} after a crash (same job id, same checkpoint container) resumes
 *       from the last saved page. Pages are re-read, never skipped; a document upgraded just before the
 *       crash no longer matches the query, or is found current.</li>
 *   <li><b>Idempotent</b>: a document at the current version is never written. A run after a completed
 *       one starts a new run (number + 1) whose query finds only what is still old: with nothing old,
 *       it writes nothing. Documents that failed in an earlier run are tried again then (the step may
 *       have been fixed).</li>
 *   <li><b>Nothing lost</b>: a document whose step throws, or whose write is refused, is left untouched,
 *       listed in the result with the reason, recorded in a failure document, reported to the
 *       listener; the job carries on. Within one run (resumed or not) it is tried once.</li>
 * </ul>
 *
 * <p>The checkpoint container is a separate container partitioned on {@code /jobId}, not the migrated
 * one: its documents never show up in the application's queries or in the migration's own query,
 * need not satisfy the documents' schema or partition key, and one container serves every job. All of
 * a job's documents (one checkpoint, one per failure) share its logical partition. Create it with
 * {@link #createCheckpointContainerIfNotExists}.
 *
 * <p>Run one instance of a job id at a time: two concurrent runs of the same job do not corrupt documents
 * (If-Match protects them), but overwrite each other's checkpoint.
 */
public final class MigrationJob {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern FORBIDDEN_IN_ID = Pattern.compile("[/\\\\?#]");
    /** Sweeps from the beginning after the first pass, at most: bounds a run while old code keeps writing old documents. */
    private static final int MAX_EXTRA_PASSES = 10;

    private final CosmosContainer documents;
    private final SchemaVersions versions;
    private final CheckpointStore checkpoints;
    private final String jobId;
    private final int pageSize;
    private final int maxAttempts;
    private final int parallelism;
    private final MigrationListener listener;

    private MigrationJob(Builder b) {
        this.documents = b.documents;
        this.versions = b.versions;
        this.checkpoints = new CheckpointStore(b.checkpoints, b.jobId);
        this.jobId = b.jobId;
        this.pageSize = b.pageSize;
        this.maxAttempts = b.maxAttempts;
        this.parallelism = b.parallelism;
        this.listener = b.listener;
    }

    /** A builder for a job that upgrades the documents of {@code documents} to {@code versions.current()}. */
    public static Builder builder(CosmosContainer documents, SchemaVersions versions) {
        return new Builder(documents, versions);
    }

    /** The container {@code name} in {@code database}, partitioned on {@code /jobId}, created if missing. */
    public static CosmosContainer createCheckpointContainerIfNotExists(CosmosDatabase database, String name) {
        database.createContainerIfNotExists(new CosmosContainerProperties(name, CheckpointStore.PARTITION_KEY_PATH));
        return database.getContainer(name);
    }

    /**
     * Runs the job to the end: resumes the interrupted run if the checkpoint shows one, otherwise starts a
     * new run. Errors other than per-document ones (the database unreachable, the checkpoint container
     * missing) are thrown, with the checkpoint saved up to the last completed page.
     */
    public MigrationResult run() {
        checkpoints.checkContainer();
        PartitionKeyReader keys = PartitionKeyReader.of(documents.read().getProperties().getPartitionKeyDefinition());
        DocumentUpgrader upgrader = new DocumentUpgrader(documents, versions, maxAttempts);

        Optional<Checkpoint> saved = checkpoints.load();
        boolean resumed = saved.isPresent() && !saved.get().completed() && saved.get().targetVersion() == versions.current();
        Checkpoint checkpoint = resumed ? saved.get()
                : Checkpoint.start(saved.map(c -> c.run() + 1).orElse(1), versions.current());
        List<MigrationFailure> failures = new ArrayList<>(resumed ? checkpoints.failures(checkpoint.run()) : List.of());
        if (!resumed) {
            checkpoints.save(checkpoint);
        }
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, MigrationJob::worker);
        Run run = new Run(checkpoint, upgrader, keys, workers, failures);
        try {
            run.pass(checkpoint.continuation());
            // A sweep from the beginning catches what the first pass could not see: documents written
            // by old code meanwhile, behind the query's position. It ends when a pass upgrades nothing.
            int extra = 0;
            do {
                run.pass(null);
            } while (run.upgradedInPass > 0 && ++extra < MAX_EXTRA_PASSES);
        } finally {
            workers.shutdownNow();
        }
        Checkpoint done = run.checkpoint.complete();
        checkpoints.save(done);
        return new MigrationResult(jobId, done.run(), resumed, done.counts(), run.failures);
    }

    /** One run's state: the checkpoint, the failures so far and the keys of the failed documents. */
    private final class Run {
        private final DocumentUpgrader upgrader;
        private final PartitionKeyReader keys;
        private final ExecutorService workers;
        private final List<MigrationFailure> failures;
        private final Set<String> failedKeys = new HashSet<>();
        private Checkpoint checkpoint;
        private long upgradedInPass;

        Run(Checkpoint checkpoint, DocumentUpgrader upgrader, PartitionKeyReader keys, ExecutorService workers,
                List<MigrationFailure> failures) {
            this.checkpoint = checkpoint;
            this.upgrader = upgrader;
            this.keys = keys;
            this.workers = workers;
            this.failures = failures;
            failures.forEach(f -> failedKeys.add(CheckpointStore.failureId(f.id(), f.partitionKey())));
        }

        /** One pass of the query, from {@code continuation} (null: the beginning), saving a checkpoint per page. */
        void pass(String continuation) {
            upgradedInPass = 0;
            CosmosQueryRequestOptions options = new CosmosQueryRequestOptions();
            Iterable<FeedResponse<ObjectNode>> pages = continuation == null
                    ? documents.queryItems(oldDocumentsQuery(), options, ObjectNode.class).iterableByPage(pageSize)
                    : documents.queryItems(oldDocumentsQuery(), options, ObjectNode.class)
                            .iterableByPage(continuation, pageSize);
            for (FeedResponse<ObjectNode> page : pages) {
                MigrationProgress counts = checkpoint.counts();
                for (Attempt attempt : attemptAll(page.getResults())) {
                    if (attempt.result() == null) {
                        continue;
                    }
                    if (attempt.result().outcome() == MigrationOutcome.FAILED) {
                        fail(new MigrationFailure(attempt.id(), attempt.key(), attempt.result().reason()));
                    } else if (attempt.result().outcome() == MigrationOutcome.UPGRADED) {
                        upgradedInPass++;
                    }
                    counts = counts.plus(attempt.result().outcome());
                }
                // Failures are recorded before the checkpoint that moves past them, so a resumed run knows them.
                checkpoint = checkpoint.after(page.getContinuationToken(), counts);
                checkpoints.save(checkpoint);
                listener.onProgress(counts);
            }
        }

        /** The page's documents upgraded concurrently; the results in page order. */
        private List<Attempt> attemptAll(List<ObjectNode> page) {
            List<Callable<Attempt>> tasks = page.stream().<Callable<Attempt>>map(d -> () -> attempt(d)).toList();
            List<Attempt> attempts = new ArrayList<>(tasks.size());
            try {
                for (Future<Attempt> done : workers.invokeAll(tasks)) {
                    attempts.add(done.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("migration interrupted; run() again to resume");
            } catch (ExecutionException e) {
                // Only unexpected errors get here (per-document ones are results): stop, resumable.
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            return attempts;
        }

        /** One document's attempt; a null result when it failed earlier in this run (not retried). */
        private Attempt attempt(ObjectNode document) {
            String id = document.path("id").asText();
            PartitionKey key;
            try {
                key = keys.read(document);
            } catch (ValidationException e) {
                return new Attempt(id, "(unreadable)", DocumentUpgrader.Result.failed(e.getMessage()));
            }
            String keyJson = key.toString();
            if (failedKeys.contains(CheckpointStore.failureId(id, keyJson))) {
                return new Attempt(id, keyJson, null);
            }
            return new Attempt(id, keyJson, upgrader.upgrade(document, id, key));
        }

        private void fail(MigrationFailure failure) {
            checkpoints.recordFailure(checkpoint.run(), failure);
            failures.add(failure);
            failedKeys.add(CheckpointStore.failureId(failure.id(), failure.partitionKey()));
            listener.onFailure(failure);
        }
    }

    /** A document's id and partition key (as JSON) and what became of it. */
    private record Attempt(String id, String key, DocumentUpgrader.Result result) {
    }

    private static Thread worker(Runnable task) {
        Thread thread = new Thread(task, "migration-worker");
        thread.setDaemon(true);
        return thread;
    }

    private SqlQuerySpec oldDocumentsQuery() {
        String field = property(versions.versionField());
        return new SqlQuerySpec("SELECT * FROM c WHERE NOT IS_DEFINED(" + field + ") OR " + field + " < @current",
                List.of(new SqlParameter("@current", versions.current())));
    }

    /** {@code c.name}, or {@code c["na me"]} when the name is not an identifier. */
    private static String property(String name) {
        if (IDENTIFIER.matcher(name).matches()) {
            return "c." + name;
        }
        return "c[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    /** Builds a {@link MigrationJob}; the checkpoint container and the job id are required. */
    public static final class Builder {
        private final CosmosContainer documents;
        private final SchemaVersions versions;
        private CosmosContainer checkpoints;
        private String jobId;
        private int pageSize = 100;
        private int maxAttempts = 5;
        private int parallelism = 4;
        private MigrationListener listener = progress -> { };

        private Builder(CosmosContainer documents, SchemaVersions versions) {
            this.documents = Objects.requireNonNull(documents, "documents");
            this.versions = Objects.requireNonNull(versions, "versions");
        }

        /** The container for the checkpoint and failure documents, partitioned on {@code /jobId} (required). */
        public Builder checkpoints(CosmosContainer container) {
            this.checkpoints = Objects.requireNonNull(container, "container");
            return this;
        }

        /**
         * The job's id (required): the run to resume is found by it. A valid Cosmos id: 1..200 characters,
         * none of {@code / \ ? #}.
         */
        public Builder jobId(String id) {
            if (id == null || id.isEmpty() || id.length() > 200 || FORBIDDEN_IN_ID.matcher(id).find()) {
                throw new IllegalArgumentException("a job id is 1..200 characters without / \\ ? #, not: " + id);
            }
            this.jobId = id;
            return this;
        }

        /** Documents per query page, and so between checkpoints (default 100). */
        public Builder pageSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("page size must be 1 or more, not " + size);
            }
            this.pageSize = size;
            return this;
        }

        /** Attempts per document when concurrent writers keep changing it (default 5). */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be 1 or more, not " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /** Documents of a page upgraded and written at the same time (default 4). */
        public Builder parallelism(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("parallelism must be 1 or more, not " + threads);
            }
            this.parallelism = threads;
            return this;
        }

        /** Who hears of progress and failures (default: nobody). */
        public Builder listener(MigrationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The job; {@link MigrationJob#run()} does the work. */
        public MigrationJob build() {
            if (checkpoints == null) {
                throw new IllegalStateException("a migration job needs a checkpoint container: checkpoints(...)");
            }
            if (jobId == null) {
                throw new IllegalStateException("a migration job needs an id: jobId(...)");
            }
            return new MigrationJob(this);
        }
    }
}
