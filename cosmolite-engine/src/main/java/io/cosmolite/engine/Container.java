package io.cosmolite.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.changefeed.ChangeFeedPage;
import io.cosmolite.engine.changefeed.ChangeFeedReader;
import io.cosmolite.engine.changefeed.ChangeFeedRequest;
import io.cosmolite.engine.document.ContainerState;
import io.cosmolite.engine.document.ItemOperation;
import io.cosmolite.engine.document.ItemResult;
import io.cosmolite.engine.document.ItemStore;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.partition.PartitionKeyDefinition;
import io.cosmolite.engine.partition.PartitionKeyRange;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.patch.PatchRequest;
import io.cosmolite.engine.query.QueryPage;
import io.cosmolite.engine.query.QueryRequest;
import io.cosmolite.engine.query.QueryScope;
import io.cosmolite.engine.query.exec.QueryExecutor;
import io.cosmolite.engine.resource.SystemProperties;
import io.cosmolite.engine.ru.RequestCharges;
import java.util.List;

/**
 * One container's items: CRUD, patch, transactional batch, queries, range scans and the change feed. A
 * handle reflects the container's properties when it was obtained; get a new one from
 * {@link CosmosEngine#container} after replacing the container. Thread-safe.
 *
 * <p>Every method throws {@link io.cosmolite.engine.error.CosmosException} for a refused request.
 * {@code partitionKey} may be null only for create and upsert, where it is read from the body.
 *
 * <p>A body given to a write is not changed and not kept; the item the write returns shares the
 * body's nested objects and arrays (only its top level is copied), so change neither afterwards
 * if the other must stay as it was.
 */
public final class Container {
    private final ContainerState state;
    private final ItemStore items;
    private final ChangeFeedReader changeFeed;
    private final QueryExecutor queries;

    Container(ContainerState state, ItemStore items, ChangeFeedReader changeFeed, QueryExecutor queries) {
        this.state = state;
        this.items = items;
        this.changeFeed = changeFeed;
        this.queries = queries;
    }

    /** The container resource as stored (a copy). */
    public ObjectNode properties() {
        return state.properties().deepCopy();
    }

    /** The container's resource id, as its {@code _rid} spells it; read on every items request, so not copied. */
    public String rid() {
        return state.properties().get(SystemProperties.RID).textValue();
    }

    /** The container's partition key definition. */
    public PartitionKeyDefinition partitionKey() {
        return state.partitionKey();
    }

    /** Creates an item (201); 409 if the id exists in its logical partition. */
    public ItemResult create(PartitionKeyValue partitionKey, ObjectNode body) {
        return execute(partitionKey, new ItemOperation.Create(body));
    }

    /** Reads an item (200), or 304 when {@code ifNoneMatch} matches its etag; 404 if missing. */
    public ItemResult read(PartitionKeyValue partitionKey, String id, String ifNoneMatch) {
        return execute(partitionKey, new ItemOperation.Read(id, null, ifNoneMatch));
    }

    /** Replaces an item (200); 404 if missing, 412 if {@code ifMatch} is stale. */
    public ItemResult replace(PartitionKeyValue partitionKey, String id, ObjectNode body, String ifMatch) {
        return execute(partitionKey, new ItemOperation.Replace(id, body, ifMatch));
    }

    /** Creates (201) or replaces (200) an item. */
    public ItemResult upsert(PartitionKeyValue partitionKey, ObjectNode body, String ifMatch) {
        return execute(partitionKey, new ItemOperation.Upsert(body, ifMatch));
    }

    /** Deletes an item (204); 404 if missing, 412 if {@code ifMatch} is stale. */
    public ItemResult delete(PartitionKeyValue partitionKey, String id, String ifMatch) {
        return execute(partitionKey, new ItemOperation.Delete(id, ifMatch));
    }

    /** Patches an item (200); 404 if missing, 412 if {@code ifMatch} is stale, 400 for a bad patch. */
    public ItemResult patch(PartitionKeyValue partitionKey, String id, PatchRequest patch, String ifMatch) {
        return execute(partitionKey, new ItemOperation.Patch(id, patch, ifMatch));
    }

    /** Runs any single item operation. */
    public ItemResult execute(PartitionKeyValue partitionKey, ItemOperation op) {
        return StorageFaults.guard(() -> items.execute(state, partitionKey, op));
    }

    /**
     * Runs a transactional batch on one logical partition: all or nothing. When an operation
     * fails, it keeps its status, every other one reports 424, and nothing is written.
     */
    public List<ItemResult> batch(PartitionKeyValue partitionKey, List<ItemOperation> ops) {
        return StorageFaults.guard(() -> items.executeBatch(state, partitionKey, ops));
    }

    /**
     * Runs one page of a NoSQL query over the items of {@code scope}: the whole container, one
     * physical partition (as the gateway queries each range) or one logical partition. A bad query,
     * parameter or continuation token is a 400 in Cosmos DB's error shape.
     */
    public QueryPage query(QueryRequest request, QueryScope scope) {
        try {
            return StorageFaults.guard(() -> queries.execute(state, request, scope));
        } catch (CosmosException e) {
            throw e.withRequestCharge(RequestCharges.failed(e.status()));
        }
    }

    /** The physical partitions (partition key ranges), tiling "" to "FF". */
    public List<PartitionKeyRange> partitionKeyRanges() {
        return state.ranges();
    }

    /** A page of the items of one physical partition, after {@code continuation} (null = start). */
    public ItemStore.ScanPage readFeed(String rangeId, byte[] continuation, int maxItems) {
        return StorageFaults.guard(() -> items.scan(state, rangeIndex(rangeId), continuation, maxItems));
    }

    /**
     * A page of the change feed of one physical partition. The all-versions-and-deletes mode needs
     * a change feed policy with a retention duration on the container (400 otherwise), as in
     * Cosmos DB.
     */
    public ChangeFeedPage changeFeed(String rangeId, ChangeFeedRequest request) {
        if (request.mode() == ChangeFeedRequest.Mode.ALL_VERSIONS_AND_DELETES && !state.keepsAllVersions()) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "The all versions and deletes change feed mode is not enabled on container '%s': set its "
                            + "changeFeedPolicy.retentionDuration (minutes) to keep every version.", state.id())
                    .withRequestCharge(RequestCharges.failed(400));
        }
        int index = rangeIndex(rangeId);
        return StorageFaults.guard(() -> changeFeed.read(state.ridBytes(), index, state.lsn(index), request));
    }

    /**
     * How far the index build that follows an indexing policy change has come, in percent (100
     * when the index is complete); Cosmos DB reports it on container reads in the header
     * {@code x-ms-documentdb-collection-index-transformation-progress}.
     */
    public int indexTransformationProgress() {
        return state.runtime().index().progressPercent();
    }

    /** The highest committed LSN of a physical partition (for session tokens). */
    public long committedLsn(String rangeId) {
        return state.lsn(rangeIndex(rangeId)).watermark();
    }

    private int rangeIndex(String rangeId) {
        int index = state.rangeIndexOfId(rangeId);
        if (index < 0) {
            throw ErrorCode.NOT_FOUND.exception("Partition key range '%s' does not exist.", rangeId);
        }
        return index;
    }
}
