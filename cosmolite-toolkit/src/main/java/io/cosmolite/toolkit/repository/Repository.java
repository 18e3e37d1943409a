package io.cosmolite.toolkit.repository;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosPatchOperations;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.toolkit.cache.ChangeFeedInvalidator;
import io.cosmolite.toolkit.cache.ItemCache;
import io.cosmolite.toolkit.container.ContainerDefinition;
import io.cosmolite.toolkit.container.PartitionKeyStrategy;
import io.cosmolite.toolkit.error.ConflictException;
import io.cosmolite.toolkit.error.CosmosDataException;
import io.cosmolite.toolkit.error.ErrorInfo;
import io.cosmolite.toolkit.error.NotFoundException;
import io.cosmolite.toolkit.error.PreconditionFailedException;
import io.cosmolite.toolkit.error.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The documents of one class in one container. {@code T} is any class Jackson maps to a JSON object
 * (a record, a POJO); it should have an {@code id} property, which the repository fills when empty.
 *
 * <pre>{@code
 * Repository<Order> orders = Repository.builder(container, ordersDefinition, Order.class)
 *         .currentUser(() -> SecurityContext.user())
 *         .build();
 * Versioned<Order> created = orders.create(new Order(null, "acme", "open", 120));
 * Optional<Versioned<Order>> read = orders.read(created.id(), orders.partitionKeyOf(created.value()));
 * Page<Versioned<Order>> open = orders.page(Query.where("c.status = @s").param("@s", "open"), 50, null);
 * orders.replace(read.orElseThrow().withValue(changed));       // conditional on the etag read
 * OptimisticRetry.defaults().update(orders, id, pk, o -> o.withTotal(o.total() + 1));
 * orders.softDelete(id, pk);                                  // hidden from now on; orders.restore(id, pk)
 * }</pre>
 *
 * <h2>Versions and concurrency</h2>
 * Every read returns a {@link Versioned}: the value with its {@code _etag} and audit data, so a
 * document class needs no etag field. {@link #replace} writes only if the etag is still current; the
 * loser of a race gets a {@link PreconditionFailedException}. {@link OptimisticRetry} re-reads and
 * re-applies a change until it wins, a bounded number of times.
 *
 * <h2>What the repository stores besides the document</h2>
 * {@code createdAt}, {@code createdBy}, {@code updatedAt}, {@code updatedBy} (ISO-8601 text and the
 * user supplier's value; a document class may declare them to see them, but what it sets there is
 * ignored on write), and for soft-deleted documents {@code _deleted}, {@code _deletedAt} (and
 * {@code _ttlBeforeDelete} when a purge replaced the document's own {@code ttl}).
 *
 * <h2>Soft delete</h2>
 * {@link #softDelete} marks a document deleted; every read and {@link Query} of the repository then
 * skips it unless asked with {@link DeletedItems}. Queries get the filter in their SQL (see
 * {@link Query}), so pages stay full and continuation tokens stay valid. {@link #softDelete(String,
 * PartitionKey, Duration)} also sets the item's {@code ttl}, so Cosmos purges it later; that needs
 * TTL on in the container ({@code defaultTtl(-1)} or a positive default).
 *
 * <h2>Schema validation, schema versions, cache, metrics</h2>
 * Options of the {@link RepositoryBuilder}: a {@link io.cosmolite.toolkit.schema.DocumentSchema}
 * checks every whole-document write before it is sent ({@link ValidationException} listing every
 * violation); {@link io.cosmolite.toolkit.schema.SchemaVersions} stamp writes and upgrade every read;
 * a point-read cache, invalidated by every write of this repository and optionally through the
 * change feed; {@link io.cosmolite.toolkit.metrics.OperationMetrics} around every SDK call.
 *
 * <p>All methods throw the typed errors of {@code io.cosmolite.toolkit.error}. Thread-safe.
 *
 * <p>Design: this class holds the operations' logic only, and each concern has one place:
 * {@link ContainerCalls} makes every SDK call (typed errors, metrics, the cache and its invalidation),
 * {@link StoredForm} turns a caller's document into its stored form and back (schema check, synthetic
 * key, version stamp, upgrade), {@link DocumentCodec} maps JSON to the document class, {@link BatchWriter}
 * groups many writes, {@link RepositoryBuilder} holds the options. Every whole-document write ends in
 * {@code store}, every document returned passes {@code decode}.
 */
public final class Repository<T> implements AutoCloseable {
    /** Internal re-reads of upsert, soft delete and restore when a concurrent write interferes. */
    private static final int INTERNAL_ATTEMPTS = 5;
    private static final int STREAM_PAGE_SIZE = 100;

    private final ContainerCalls calls;
    private final BatchWriter batches;
    private final DocumentCodec<T> codec;
    private final StoredForm form;
    private final PartitionKeyStrategy partitionKey;
    private final Clock clock;
    private final Supplier<String> currentUser;
    private final Supplier<String> ids;
    /** Null unless the builder asked for change-feed invalidation of the cache. */
    private final ChangeFeedInvalidator invalidator;

    Repository(RepositoryBuilder<T> b) {
        this.calls = new ContainerCalls(b.container, b.consistency, b.metrics, b.pointReads);
        this.batches = new BatchWriter(calls);
        this.codec = new DocumentCodec<>(b.mapper, b.type);
        this.form = new StoredForm(b.partitionKey, b.schema, b.versions);
        this.partitionKey = b.partitionKey;
        this.clock = b.clock;
        this.currentUser = b.currentUser;
        this.ids = b.ids;
        this.invalidator = b.feedPollInterval == null ? null
                : ChangeFeedInvalidator.start(b.container, b.feedPollInterval, calls.cache().orElseThrow());
    }

    /** A builder for documents of {@code type} in {@code container}, partitioned and read as {@code definition} says. */
    public static <T> RepositoryBuilder<T> builder(CosmosContainer container, ContainerDefinition definition, Class<T> type) {
        return new RepositoryBuilder<>(container, definition.partitionKey(), type).consistency(definition.consistency());
    }

    /** A builder for documents of {@code type} in {@code container}, partitioned by {@code partitionKey}. */
    public static <T> RepositoryBuilder<T> builder(CosmosContainer container, PartitionKeyStrategy partitionKey, Class<T> type) {
        return new RepositoryBuilder<>(container, partitionKey, type);
    }

    /** The mapper repositories use unless given one: java.time as ISO-8601 text, unknown properties ignored. */
    public static ObjectMapper defaultObjectMapper() {
        return DocumentCodec.defaultMapper();
    }

    // ---- writes ---------------------------------------------------------------------------------

    /**
     * Stores a new document, with an id generated when it has none and its audit fields set.
     *
     * @throws ConflictException when a document with this id (or unique key) exists in the partition
     */
    public Versioned<T> create(T document) {
        return decode(store(form.prepare(newDocument(document)), null));
    }

    /**
     * Creates many documents with a result per item, in input order. When every logical partition
     * gets at most 100 of them, each partition's documents are one transaction: if one fails, none of
     * that partition is stored and the others report a {@link io.cosmolite.toolkit.error.FailedDependencyException}.
     * Larger sets go through bulk execution, where each document succeeds or fails alone.
     */
    public List<ItemResult<Versioned<T>>> createAll(List<T> documents) {
        List<ItemResult<Versioned<T>>> results = new ArrayList<>();
        List<BatchWriter.Write> writes = new ArrayList<>();
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            ObjectNode doc = newDocument(documents.get(i));
            try {
                ObjectNode prepared = form.prepare(doc);
                writes.add(new BatchWriter.Write(id(prepared), partitionKey.partitionKeyOf(prepared), prepared));
                sent.add(i);
                results.add(null);
            } catch (CosmosDataException refused) {
                results.add(new ItemResult<>(i, id(doc), null, refused));
            }
        }
        List<BatchWriter.Outcome> outcomes = batches.run(writes);
        for (int k = 0; k < outcomes.size(); k++) {
            BatchWriter.Outcome o = outcomes.get(k);
            int i = sent.get(k);
            results.set(i, new ItemResult<>(i, writes.get(k).id(), o.error() == null ? decode(o.stored()) : null,
                    o.error()));
        }
        return results;
    }

    /**
     * Replaces a document with {@code changed.value()}, only if it is still at {@code changed.etag()}.
     *
     * @throws PreconditionFailedException when the document changed since it was read (a lost race)
     * @throws NotFoundException when it no longer exists
     * @throws IllegalArgumentException for a soft-deleted version: {@link #restore} it first
     */
    public Versioned<T> replace(Versioned<T> changed) {
        if (changed.isDeleted()) {
            throw new IllegalArgumentException("document " + changed.id() + " is soft-deleted: restore it first");
        }
        Objects.requireNonNull(changed.etag(), "a replace needs the etag of the version it replaces");
        ObjectNode doc = codec.toJson(changed.value());
        String valueId = doc.path(StoredFields.ID).asText(null);
        if (valueId != null && !valueId.equals(changed.id())) {
            throw new IllegalArgumentException("the value's id " + valueId + " is not the document's id " + changed.id());
        }
        doc.put(StoredFields.ID, changed.id());
        Audit created = changed.audit();
        stamp(doc, created == null ? null : created.createdAt(), created == null ? null : created.createdBy());
        return decode(store(form.prepare(doc), changed.etag()));
    }

    /**
     * Creates the document, or replaces it if its id exists in its partition (reviving a soft-deleted
     * one). Reads first, so the creation audit of an existing document is kept, and writes
     * conditionally, so a concurrent writer is never overwritten unseen.
     */
    public Versioned<T> upsert(T document) {
        ObjectNode doc = form.prepare(newDocument(document));
        PartitionKey pk = partitionKey.partitionKeyOf(doc);
        CosmosDataException last = null;
        for (int attempt = 0; attempt < INTERNAL_ATTEMPTS; attempt++) {
            Optional<ObjectNode> current = calls.readLatest(id(doc), pk);
            try {
                if (current.isEmpty()) {
                    return decode(store(stamp(doc, now(), currentUser.get()), null));
                }
                JsonNode stored = current.get();
                stamp(doc, instant(stored, StoredFields.CREATED_AT), stored.path(StoredFields.CREATED_BY).asText(null));
                return decode(store(doc, stored.path(StoredFields.ETAG).asText()));
            } catch (ConflictException | PreconditionFailedException raced) {
                last = raced;
            }
        }
        throw last;
    }

    /**
     * Applies {@code patch} to a live document, atomically on the server, and keeps
     * {@code updatedAt}/{@code updatedBy} current. The patch is not checked against the schema (Cosmos
     * applies it; use {@link #replace} when a change must be checked). With schema versions its paths
     * are those of the current version: a document stored at an older one is first rewritten upgraded.
     *
     * @throws NotFoundException when the document does not exist or is soft-deleted
     * @throws PreconditionFailedException when the patch's condition does not hold
     */
    public Versioned<T> patch(String id, PartitionKey pk, Patch patch) {
        String condition = "FROM c WHERE " + QueryText.visibility(DeletedItems.HIDDEN) + form.currentVersionCondition()
                + (patch.condition() == null ? "" : " AND (" + patch.condition() + ")");
        PreconditionFailedException last = null;
        for (int attempt = 0; attempt < INTERNAL_ATTEMPTS; attempt++) {
            CosmosPatchOperations ops = patch.toSdk(codec.mapper())
                    .set("/" + StoredFields.UPDATED_AT, StoredFields.time(now()))
                    .set("/" + StoredFields.UPDATED_BY, currentUser.get());
            try {
                return decode(calls.patch(id, pk, ops, condition));
            } catch (PreconditionFailedException failed) {
                // The condition also excludes soft-deleted and older documents: tell those cases apart.
                ObjectNode current = calls.readLatest(id, pk).filter(doc -> visible(doc, DeletedItems.HIDDEN))
                        .orElseThrow(() -> notFound(id, pk, failed.info()));
                if (form.isCurrent(current)) {
                    throw failed;
                }
                rewrite(id, pk, DeletedItems.HIDDEN, UnaryOperator.identity());
                last = failed;
            }
        }
        throw last;
    }

    /** Marks a live document deleted: hidden from every read and query that does not ask for deleted ones. */
    public Versioned<T> softDelete(String id, PartitionKey pk) {
        return softDelete(id, pk, null);
    }

    /**
     * Marks a live document deleted and, when {@code purgeAfter} is given, has Cosmos purge it that
     * long after (the item's {@code ttl}; needs TTL on in the container). A restore before then
     * cancels the purge and gives the document back its own {@code ttl}, if it had one.
     *
     * @throws NotFoundException when there is no live document with this id
     */
    public Versioned<T> softDelete(String id, PartitionKey pk, Duration purgeAfter) {
        return rewrite(id, pk, DeletedItems.HIDDEN, doc -> {
            doc.put(StoredFields.DELETED, true).put(StoredFields.DELETED_AT, StoredFields.time(now()));
            if (purgeAfter != null) {
                doc.set(StoredFields.TTL_BEFORE_DELETE, doc.get(StoredFields.TTL));
                doc.put(StoredFields.TTL, Math.max(1, purgeAfter.toSeconds()));
            }
            return doc;
        });
    }

    /**
     * Brings a soft-deleted document back (a live one is returned as it is).
     *
     * @throws NotFoundException when there is no document with this id (it may have been purged)
     */
    public Versioned<T> restore(String id, PartitionKey pk) {
        return rewrite(id, pk, DeletedItems.INCLUDED, doc -> {
            if (!DocumentCodec.isDeleted(doc)) {
                return null;
            }
            doc.remove(List.of(StoredFields.DELETED, StoredFields.DELETED_AT));
            if (doc.has(StoredFields.TTL_BEFORE_DELETE)) {
                JsonNode own = doc.remove(StoredFields.TTL_BEFORE_DELETE);
                if (own.isNull()) {
                    doc.remove(StoredFields.TTL);
                } else {
                    doc.set(StoredFields.TTL, own);
                }
            }
            return doc;
        });
    }

    /**
     * Removes a document for good, live or soft-deleted.
     *
     * @throws NotFoundException when it does not exist
     */
    public void delete(String id, PartitionKey pk) {
        calls.delete(id, pk);
    }

    /** Removes many documents for good, with a result per key (as {@link #createAll} groups them). */
    public List<ItemResult<ItemKey>> deleteAll(List<ItemKey> keys) {
        List<BatchWriter.Write> writes = keys.stream().map(k -> new BatchWriter.Write(k.id(), k.partitionKey(), null)).toList();
        List<BatchWriter.Outcome> outcomes = batches.run(writes);
        List<ItemResult<ItemKey>> results = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            CosmosDataException error = outcomes.get(i).error();
            results.add(new ItemResult<>(i, keys.get(i).id(), error == null ? keys.get(i) : null, error));
        }
        return results;
    }

    // ---- reads ----------------------------------------------------------------------------------

    /**
     * The live document with this id in this partition, if any. With a cache, from the cache when it
     * holds it: the etag may then be behind a write by another process (within the cache's bound), and
     * a {@link #replace} of it fails as any lost race does, and drops the entry, so a retry re-reads fresh
     * ({@link OptimisticRetry} converges).
     */
    public Optional<Versioned<T>> read(String id, PartitionKey pk) {
        return read(id, pk, DeletedItems.HIDDEN);
    }

    /** The document with this id in this partition, if any and if visible as {@code deleted} says. */
    public Optional<Versioned<T>> read(String id, PartitionKey pk, DeletedItems deleted) {
        return calls.read(id, pk).filter(doc -> visible(doc, deleted)).map(this::decode);
    }

    /**
     * One page of at most {@code pageSize} results, from {@code continuationToken} (null for the
     * first page). Cross-partition unless the query names a partition.
     */
    public Page<Versioned<T>> page(Query query, int pageSize, String continuationToken) {
        FeedResponse<ObjectNode> response = calls.queryPage(QueryText.toSql(query), query.partitionKey(), pageSize,
                continuationToken);
        if (response == null) {
            return new Page<>(List.of(), null);
        }
        return new Page<>(response.getResults().stream().map(this::decode).toList(), response.getContinuationToken());
    }

    /** Every result, fetched page by page as the stream is consumed. */
    public Stream<Versioned<T>> stream(Query query) {
        return StreamSupport.stream(new PagingSpliterator(query), false);
    }

    /** Every result's value, in a list. */
    public List<T> list(Query query) {
        return stream(query).map(Versioned::value).toList();
    }

    /**
     * The repository's point-read cache, if the builder asked for one: for its statistics,
     * {@code bindTo(meterRegistry)}, or a {@link ChangeFeedInvalidator} shared with other caches of the
     * container. Its entries are raw stored documents, shared: never modify what it returns.
     */
    public Optional<ItemCache<?>> cache() {
        return calls.cache().map(c -> c);
    }

    /** Stops the cache's change-feed poller, if the builder started one; the repository stays usable. */
    @Override
    public void close() {
        if (invalidator != null) {
            invalidator.close();
        }
    }

    /** The partition key value of {@code document} (a synthetic key computed as on write). */
    public PartitionKey partitionKeyOf(T document) {
        return partitionKey.partitionKeyOf(partitionKey.fill(codec.toJson(document)));
    }

    // ---- the paths every write and read takes ----------------------------------------------------

    /**
     * The one path of every whole-document write (create when {@code ifMatch} is null, conditional
     * replace otherwise), of a document {@link StoredForm} prepared (checked, keyed, versioned); batch
     * creates are prepared the same way.
     */
    private ObjectNode store(ObjectNode prepared, String ifMatch) {
        PartitionKey pk = partitionKey.partitionKeyOf(prepared);
        String etag = ifMatch == null ? calls.create(prepared, pk) : calls.replace(prepared, pk, ifMatch);
        return prepared.put(StoredFields.ETAG, etag);
    }

    /** The one path of every document read (point reads, queries, write results) to the caller's type, upgraded. */
    private Versioned<T> decode(ObjectNode stored) {
        return codec.toVersioned(form.current(stored));
    }

    /** Read-modify-write of one stored document, re-read if a concurrent write interferes; null from {@code change}: no write. */
    private Versioned<T> rewrite(String id, PartitionKey pk, DeletedItems visibleAs, UnaryOperator<ObjectNode> change) {
        PreconditionFailedException last = null;
        for (int attempt = 0; attempt < INTERNAL_ATTEMPTS; attempt++) {
            ObjectNode current = calls.readLatest(id, pk).filter(doc -> visible(doc, visibleAs))
                    .orElseThrow(() -> notFound(id, pk, ErrorInfo.local(404)));
            String etag = current.path(StoredFields.ETAG).asText();
            // Changed at the current version, as it is written back at the current version.
            ObjectNode changed = change.apply(form.current(current).deepCopy());
            if (changed == null) {
                return decode(current);
            }
            changed.put(StoredFields.UPDATED_AT, StoredFields.time(now())).put(StoredFields.UPDATED_BY, currentUser.get());
            try {
                return decode(store(form.complete(changed), etag));
            } catch (PreconditionFailedException raced) {
                last = raced;
            }
        }
        throw last;
    }

    private ObjectNode newDocument(T value) {
        ObjectNode doc = codec.toJson(value);
        JsonNode id = doc.get(StoredFields.ID);
        if (id == null || id.isNull() || id.asText().isEmpty()) {
            doc.put(StoredFields.ID, ids.get());
        }
        return stamp(doc, now(), currentUser.get());
    }

    /** Sets the creation audit as given and the update audit to now. */
    private ObjectNode stamp(ObjectNode doc, Instant createdAt, String createdBy) {
        putOrRemove(doc, StoredFields.CREATED_AT, createdAt == null ? null : StoredFields.time(createdAt));
        putOrRemove(doc, StoredFields.CREATED_BY, createdBy);
        doc.put(StoredFields.UPDATED_AT, StoredFields.time(now()));
        putOrRemove(doc, StoredFields.UPDATED_BY, currentUser.get());
        return doc;
    }

    private static void putOrRemove(ObjectNode doc, String field, String value) {
        if (value == null) {
            doc.remove(field);
        } else {
            doc.put(field, value);
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private static boolean visible(JsonNode doc, DeletedItems deleted) {
        return switch (deleted) {
            case HIDDEN -> !DocumentCodec.isDeleted(doc);
            case ONLY -> DocumentCodec.isDeleted(doc);
            case INCLUDED -> true;
        };
    }

    private static String id(JsonNode doc) {
        return doc.path(StoredFields.ID).asText(null);
    }

    private static Instant instant(JsonNode doc, String field) {
        String text = doc.path(field).asText(null);
        return text == null ? null : Instant.parse(text);
    }

    private NotFoundException notFound(String id, PartitionKey pk, ErrorInfo cause) {
        return new NotFoundException("no live document " + id + " in partition " + pk + " of " + calls.containerId(),
                new ErrorInfo(404, 0, cause.activityId(), cause.requestCharge()), null);
    }

    /** Pages through a query as a stream is consumed. */
    private final class PagingSpliterator extends Spliterators.AbstractSpliterator<Versioned<T>> {
        private final Query query;
        private List<Versioned<T>> buffer = List.of();
        private int next;
        private String continuation;
        private boolean started;

        PagingSpliterator(Query query) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.query = query;
        }

        @Override
        public boolean tryAdvance(Consumer<? super Versioned<T>> action) {
            while (next == buffer.size()) {
                if (started && continuation == null) {
                    return false;
                }
                Page<Versioned<T>> page = page(query, STREAM_PAGE_SIZE, continuation);
                started = true;
                buffer = page.items();
                next = 0;
                continuation = page.continuationToken();
            }
            action.accept(buffer.get(next++));
            return true;
        }
    }
}
