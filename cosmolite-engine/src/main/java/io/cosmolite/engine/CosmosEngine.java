package io.cosmolite.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.changefeed.ChangeFeedReader;
import io.cosmolite.engine.changefeed.ChangeLogTrimmer;
import io.cosmolite.engine.document.ContainerRuntime;
import io.cosmolite.engine.document.ContainerState;
import io.cosmolite.engine.document.ItemStore;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.index.IndexRuntime;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.layout.StorageKeys;
import io.cosmolite.engine.partition.PartitionKeyDefinition;
import io.cosmolite.engine.partition.PartitionKeyRange;
import io.cosmolite.engine.partition.PartitionKeyRanges;
import io.cosmolite.engine.metadata.MetadataStore;
import io.cosmolite.engine.query.exec.PatchConditions;
import io.cosmolite.engine.query.exec.QueryExecutor;
import io.cosmolite.engine.query.parser.QueryParser;
import io.cosmolite.engine.resource.ResourceId;
import io.cosmolite.engine.resource.ResourceType;
import io.cosmolite.engine.ru.RequestCharges;
import io.cosmolite.engine.storage.InMemoryStore;
import io.cosmolite.engine.storage.KeyValueStore;
import io.cosmolite.engine.storage.RocksDbStore;
import io.cosmolite.engine.storage.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cosmolite engine: an account's databases, containers and other metadata resources, and
 * handles to containers' items. Open one per data directory; it is thread-safe.
 *
 * <pre>{@code
 * try (CosmosEngine engine = CosmosEngine.open(EngineOptions.inMemory())) {
 *     engine.create(ResourceType.DATABASE, List.of(), Json.object().put("id", "db"));
 *     engine.createContainer("db", containerBody, 0, null);
 *     Container c = engine.container("db", "orders");
 *     c.create(null, item);
 * }
 * }</pre>
 *
 * Metadata methods address a resource by the ids of its owners from the database down
 * ({@code parentIds}: empty for databases and offers, {@code [db]} for containers and users,
 * {@code [db, container]} for scripts, {@code [db, user]} for permissions).
 */
public final class CosmosEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CosmosEngine.class);

    private final KeyValueStore store;
    private final EngineOptions options;
    private final MetadataStore metadata;
    private final ItemStore items;
    private final QueryExecutor queries;
    private final ChangeFeedReader changeFeed;
    private final ChangeLogTrimmer trimmer;
    private final Map<String, ContainerState> containers = new ConcurrentHashMap<>();
    private final Map<ResourceId, ContainerRuntime> runtimes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService purger;
    private final Map<String, byte[]> purgeCursors = new ConcurrentHashMap<>();

    /** Least throughput an offer may have, RU/s, as in Cosmos DB. */
    static final int MIN_THROUGHPUT = 400;

    /** Items the background TTL purge examines per container range and tick. */
    static final int PURGE_STEP_ITEMS = 10_000;

    /** Items the background index build indexes per container range and step. */
    static final int INDEX_STEP_ITEMS = 1_000;

    private CosmosEngine(KeyValueStore store, EngineOptions options) {
        this.store = store;
        this.options = options;
        this.metadata = new MetadataStore(store, options.clock());
        this.items = new ItemStore(store, options.clock(), new PatchConditions(options.clock(), QueryParser::parse));
        this.queries = new QueryExecutor(items, options.clock(), QueryParser::parse);
        this.changeFeed = new ChangeFeedReader(store);
        this.trimmer = new ChangeLogTrimmer(store);
        this.metadata.setListener(new MetadataStore.Listener() {
            @Override
            public void replaced(MetadataStore.Entry before, MetadataStore.Entry after) {
                if (after.type() == ResourceType.CONTAINER) {
                    containers.values().removeIf(s -> s.rid().equals(after.rid()));
                    ContainerRuntime runtime = runtimes.get(after.rid());
                    if (runtime != null) {
                        reconcileIndex(runtime, after.body());
                    }
                }
            }

            @Override
            public void deleting(MetadataStore.Entry entry, WriteBatch batch) {
                if (entry.type() == ResourceType.CONTAINER) {
                    dropContainerData(entry, batch);
                }
            }
        });
        this.purger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cosmolite-ttl-purge");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, options.ttlPurgeInterval().toMillis());
        purger.scheduleWithFixedDelay(this::purgeTick, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Loads what opening an engine spends most of its time on (RocksDB's native library, the JSON
     * mapper), so that a caller with other work to do first, such as parsing a command line, can
     * have it done on another thread meanwhile. Opening works without it.
     */
    public static void preload() {
        RocksDbStore.loadLibrary();
        Json.MAPPER.getFactory();
    }

    /** Opens an engine on the store the options name: RocksDB in a data directory, or memory. */
    public static CosmosEngine open(EngineOptions options) {
        KeyValueStore store = options.dataDirectory() == null
                ? new InMemoryStore(StorageKeys::worthCaching)
                : RocksDbStore.open(options.dataDirectory(), options.syncPolicy(), StorageKeys::worthCaching);
        return new CosmosEngine(store, options);
    }

    /** Opens an engine on a given store (which it closes when it is closed). */
    public static CosmosEngine open(KeyValueStore store, EngineOptions options) {
        return new CosmosEngine(store, options);
    }

    /** Creates a metadata resource (not a container: see {@link #createContainer}); 409 if its id is taken. */
    public ResourceResponse create(ResourceType type, List<String> parentIds, ObjectNode body) {
        if (type == ResourceType.CONTAINER) {
            return createContainer(parentIds.get(0), body, 0, null);
        }
        return charged(() -> metadata.create(type, parentIds, body, null).body(), RequestCharges.metadataWrite());
    }

    /**
     * Creates a container with {@code partitions} physical partitions (0 = the engine's default)
     * and, when {@code throughput} is given, an offer of that many RU/s.
     */
    public ResourceResponse createContainer(String databaseId, ObjectNode body, int partitions, Integer throughput) {
        int count = partitions == 0 ? options.defaultPartitions() : partitions;
        if (count < 1 || count > EngineOptions.MAX_PARTITIONS) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "A container may have 1 to %d physical partitions, not %d.", EngineOptions.MAX_PARTITIONS, count)
                    .withRequestCharge(RequestCharges.failed(400));
        }
        if (throughput != null && throughput < MIN_THROUGHPUT) {
            // Checked before the container exists, so a refused offer leaves no container behind.
            throw ErrorCode.BAD_REQUEST.exception(
                    "The offer throughput must be at least %d RU/s, not %d.", MIN_THROUGHPUT, throughput)
                    .withRequestCharge(RequestCharges.failed(400));
        }
        ObjectNode created = charged(() -> metadata.create(ResourceType.CONTAINER, List.of(databaseId), body,
                (entry, batch) -> batch.put(StorageKeys.ranges(entry.rid().bytes()),
                        Json.toBytes(rangesJson(PartitionKeyRanges.split(count,
                                PartitionKeyDefinition.fromJson(entry.body().get("partitionKey"))))))
                        .put(StorageKeys.indexState(entry.rid().bytes()),
                                IndexRuntime.initialState(entry.body().get("indexingPolicy"), count))).body(),
                RequestCharges.metadataWrite()).resource();
        if (throughput != null) {
            ObjectNode offer = Json.object();
            offer.put("resource", created.get("_self").textValue());
            offer.put("offerResourceId", created.get("_rid").textValue());
            offer.putObject("content").put("offerThroughput", throughput);
            charged(() -> metadata.create(ResourceType.OFFER, List.of(), offer, null).body(), RequestCharges.metadataWrite());
        }
        return new ResourceResponse(created, RequestCharges.metadataWrite());
    }

    /** Reads a metadata resource; 404 if it or an owner is missing. */
    public ResourceResponse read(ResourceType type, List<String> parentIds, String id) {
        return charged(() -> metadata.read(type, parentIds, id).body(), RequestCharges.metadata());
    }

    /** Replaces a metadata resource; 412 when {@code ifMatch} is stale. */
    public ResourceResponse replace(ResourceType type, List<String> parentIds, String id, ObjectNode body, String ifMatch) {
        return charged(() -> metadata.replace(type, parentIds, id, body, ifMatch).body(), RequestCharges.metadataWrite());
    }

    /** Deletes a metadata resource and everything it owns (a container's items too). */
    public ResourceResponse delete(ResourceType type, List<String> parentIds, String id, String ifMatch) {
        charged(() -> metadata.delete(type, parentIds, id, ifMatch).body(), RequestCharges.metadataWrite());
        return new ResourceResponse(null, RequestCharges.metadataWrite());
    }

    /** Every resource of a type under its owner, in id order. */
    public List<ObjectNode> list(ResourceType type, List<String> parentIds) {
        return StorageFaults.guard(() -> metadata.list(type, parentIds).stream().map(MetadataStore.Entry::body).toList());
    }

    /** A handle to a container's items; 404 (substatus 1003) when the database or container is missing. */
    public Container container(String databaseId, String containerId) {
        try {
            return new Container(StorageFaults.guard(() -> state(databaseId, containerId)), items, changeFeed, queries);
        } catch (CosmosException e) {
            throw e.withRequestCharge(RequestCharges.failed(e.status()));
        }
    }

    /**
     * Runs a whole pass of the background work now: deletes every expired item of every container
     * with TTL on, recording the deletes in the change feed, and drops all-versions change records
     * that left their container's retention window. Returns how many items it deleted.
     */
    public int purgeExpired() {
        return StorageFaults.guard(() -> {
            int purged = 0;
            for (ContainerState state : containersWithBackgroundWork()) {
                for (int r = 0; r < state.ranges().size(); r++) {
                    if (state.defaultTtl() != null) {
                        byte[] after = null;
                        do {
                            ItemStore.PurgeStep step = items.purgeExpired(state, r, after, PURGE_STEP_ITEMS);
                            purged += step.purged();
                            after = step.resumeAfter();
                        } while (after != null);
                    }
                    trimChangeLog(state, r, Integer.MAX_VALUE);
                }
            }
            return purged;
        });
    }

    /**
     * One background tick of the purge: examines at most {@link #PURGE_STEP_ITEMS} items per
     * container range, resuming where the previous tick stopped, so its cost stays bounded.
     */
    private void purgeTick() {
        try {
            for (ContainerState state : containersWithBackgroundWork()) {
                for (int r = 0; r < state.ranges().size(); r++) {
                    trimChangeLog(state, r, PURGE_STEP_ITEMS);
                    items.buildIndexStep(state, r, INDEX_STEP_ITEMS);
                    if (state.defaultTtl() == null) {
                        continue;
                    }
                    String key = state.rid() + "/" + r;
                    ItemStore.PurgeStep step = items.purgeExpired(state, r, purgeCursors.get(key), PURGE_STEP_ITEMS);
                    if (step.resumeAfter() == null) {
                        purgeCursors.remove(key);
                    } else {
                        purgeCursors.put(key, step.resumeAfter());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("TTL purge step failed: {}", e.toString());
        }
    }

    /** Drops all-versions change-log records older than the container's retention window. */
    private void trimChangeLog(ContainerState state, int rangeIndex, int maxExamined) {
        if (state.keepsAllVersions()) {
            long horizon = options.clock().millis() / 1000 - state.allVersionsRetention().toSeconds();
            trimmer.trim(state.ridBytes(), rangeIndex, horizon, maxExamined);
        }
    }

    /** Containers with TTL on or with all versions kept: the ones the background pass visits. */
    private List<ContainerState> containersWithBackgroundWork() {
        List<ContainerState> out = new ArrayList<>();
        for (MetadataStore.Entry db : metadata.list(ResourceType.DATABASE, List.of())) {
            for (MetadataStore.Entry coll : metadata.list(ResourceType.CONTAINER, List.of(db.id()))) {
                JsonNode ttl = coll.body().get("defaultTtl");
                boolean ttlOn = ttl != null && !ttl.isNull();
                ContainerRuntime runtime = runtimes.get(coll.rid());
                boolean indexing = runtime == null ? indexBuildPending(coll) : runtime.index().building();
                if (ttlOn || indexing || coll.body().path("changeFeedPolicy").path("retentionDuration").asInt(0) > 0) {
                    out.add(state(db.id(), coll.id()));
                }
            }
        }
        return out;
    }

    /** True when a container not loaded yet has an unfinished index build (or no index state at all). */
    private boolean indexBuildPending(MetadataStore.Entry container) {
        return IndexRuntime.storedBuildPending(store, container.rid().bytes());
    }

    /**
     * Completes every pending index build now (the background task otherwise does it in steps
     * of {@link #INDEX_STEP_ITEMS} items per partition and tick). Returns how many containers'
     * indexes it completed.
     */
    public int buildIndexes() {
        return StorageFaults.guard(() -> {
            int built = 0;
            for (MetadataStore.Entry db : metadata.list(ResourceType.DATABASE, List.of())) {
                for (MetadataStore.Entry coll : metadata.list(ResourceType.CONTAINER, List.of(db.id()))) {
                    ContainerState state = state(db.id(), coll.id());
                    if (!state.runtime().index().building()) {
                        continue;
                    }
                    for (int r = 0; r < state.ranges().size(); r++) {
                        while (items.buildIndexStep(state, r, INDEX_STEP_ITEMS)) {
                            // one bounded step at a time, so writers keep going between steps
                        }
                    }
                    built++;
                }
            }
            return built;
        });
    }

    /** Forces every acknowledged write to stable storage. */
    public void sync() {
        store.sync();
    }

    /** Stops the purge and closes the store. */
    @Override
    public void close() {
        purger.shutdownNow();
        try {
            purger.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }

    private ContainerState state(String databaseId, String containerId) {
        String key = databaseId + '\u0000' + containerId;
        ContainerState cached = containers.get(key);
        if (cached != null) {
            return cached;
        }
        return containers.computeIfAbsent(key, k -> load(databaseId, containerId));
    }

    private ContainerState load(String databaseId, String containerId) {
        MetadataStore.Entry entry;
        try {
            entry = metadata.read(ResourceType.CONTAINER, List.of(databaseId), containerId);
        } catch (CosmosException e) {
            if (e.errorCode() == ErrorCode.NOT_FOUND) {
                throw ErrorCode.OWNER_RESOURCE_NOT_FOUND.exception(e.getMessage());
            }
            throw e;
        }
        byte[] raw = store.get(StorageKeys.ranges(entry.rid().bytes()));
        List<PartitionKeyRange> ranges = new ArrayList<>();
        for (JsonNode r : Json.parse(raw)) {
            ranges.add(new PartitionKeyRange(r.get("id").textValue(), r.get("minInclusive").textValue(),
                    r.get("maxExclusive").textValue()));
        }
        ContainerRuntime runtime = runtimes.computeIfAbsent(entry.rid(), rid -> {
            long[] last = new long[ranges.size()];
            for (int i = 0; i < last.length; i++) {
                last[i] = changeFeed.lastLsn(rid.bytes(), i);
            }
            return new ContainerRuntime(last, IndexRuntime.open(store, rid.bytes(),
                    ranges.stream().map(PartitionKeyRange::minInclusive).toList(),
                    ranges.stream().map(PartitionKeyRange::maxExclusive).toList()));
        });
        reconcileIndex(runtime, entry.body());
        return new ContainerState(databaseId, entry.body(), ranges, runtime);
    }

    /**
     * Starts building the index anew when the container's indexing policy is not the one its
     * index was built for (a replace changed it, or the data predates the index), with every
     * writer of the container held off while the old entries are dropped.
     */
    private void reconcileIndex(ContainerRuntime runtime, ObjectNode containerBody) {
        JsonNode policy = containerBody.get("indexingPolicy");
        if (!runtime.index().matches(policy)) {
            items.exclusively(() -> {
                if (!runtime.index().matches(policy)) {
                    runtime.index().restart(policy);
                }
            });
        }
    }

    private void dropContainerData(MetadataStore.Entry container, WriteBatch batch) {
        ContainerRuntime runtime = runtimes.remove(container.rid());
        if (runtime != null) {
            items.retire(runtime);
        }
        byte[] rid = container.rid().bytes();
        for (byte namespace : new byte[] {StorageKeys.ITEM, StorageKeys.UNIQUE, StorageKeys.CHANGE_LOG,
                StorageKeys.INDEX}) {
            byte[] prefix = StorageKeys.containerPrefix(namespace, rid);
            batch.deleteRange(prefix, StorageKeys.prefixEnd(prefix));
        }
        batch.delete(StorageKeys.ranges(rid));
        batch.delete(StorageKeys.indexState(rid));
        for (MetadataStore.Entry offer : metadata.list(ResourceType.OFFER, (MetadataStore.Entry) null)) {
            if (container.rid().toString().equals(offer.body().path("offerResourceId").asText())) {
                batch.delete(StorageKeys.metadata(new byte[0], ResourceType.OFFER.keyByte(), offer.id()));
            }
        }
        containers.values().removeIf(s -> s.rid().equals(container.rid()));
    }

    private static ArrayNode rangesJson(List<PartitionKeyRange> ranges) {
        ArrayNode array = Json.NODES.arrayNode();
        for (PartitionKeyRange r : ranges) {
            array.addObject().put("id", r.id()).put("minInclusive", r.minInclusive()).put("maxExclusive", r.maxExclusive());
        }
        return array;
    }

    private static ResourceResponse charged(java.util.function.Supplier<ObjectNode> op, double charge) {
        try {
            return new ResourceResponse(StorageFaults.guard(op), charge);
        } catch (CosmosException e) {
            throw e.withRequestCharge(RequestCharges.failed(e.status()));
        }
    }
}
