package io.cosmolite.server.route;

import io.cosmolite.engine.Container;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.partition.EffectivePartitionKey;
import io.cosmolite.engine.partition.PartitionKeyDefinition;
import io.cosmolite.engine.partition.PartitionKeyRange;
import io.cosmolite.engine.partition.PartitionKeyRanges;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.CosmosHeaders;
import java.util.List;

/**
 * The container an items request addresses, with what every items reply needs: its resource id,
 * its name path, its partition key definition and its physical partitions.
 *
 * @param container    the engine's handle
 * @param rid          the container's resource id ({@code x-ms-content-path})
 * @param namePath     {@code dbs/{db}/colls/{coll}} ({@code x-ms-alt-content-path})
 * @param partitionKey the container's partition key definition
 * @param ranges       the physical partitions, tiling "" to "FF"
 */
record ItemContainer(Container container, String rid, String namePath, PartitionKeyDefinition partitionKey,
                     List<PartitionKeyRange> ranges) {

    /**
     * The container of an items request; 404/1003 when it or its database is missing, 400/1024 when
     * the client's cached container rid ({@code x-ms-cosmos-intended-collection-rid}) is stale, so
     * that the SDK refreshes its cache after a container was recreated under the same name.
     */
    static ItemContainer of(Call call) {
        String database = call.names().id("dbs");
        String collection = call.names().id("colls");
        Container container = call.server().engine().container(database, collection);
        String rid = container.rid();
        String intended = call.header(CosmosHeaders.INTENDED_COLLECTION_RID);
        if (intended != null && !intended.isEmpty() && !intended.equals(rid)) {
            throw ErrorCode.STALE_CONTAINER_RID.exception(
                    "The container rid '%s' the request was meant for does not match container '%s' (rid '%s'): "
                            + "the container was recreated.", intended, collection, rid);
        }
        return new ItemContainer(container, rid, "dbs/" + database + "/colls/" + collection,
                container.partitionKey(), container.partitionKeyRanges());
    }

    /**
     * The partition key of the {@code x-ms-documentdb-partitionkey} header; 400 in Cosmos's words
     * when the header is missing.
     */
    PartitionKeyValue requiredPartitionKey(Call call) {
        PartitionKeyValue pk = optionalPartitionKey(call);
        if (pk == null) {
            throw ErrorCode.BAD_REQUEST.exception("PartitionKey value must be supplied for this operation.");
        }
        return pk;
    }

    /** The partition key of the header, or null when there is none. */
    PartitionKeyValue optionalPartitionKey(Call call) {
        String header = call.header(CosmosHeaders.PARTITION_KEY);
        return header == null ? null : PartitionKeyValue.fromHeaderJson(header);
    }

    /** The effective partition key of a value under this container's definition. */
    String epkOf(PartitionKeyValue pk) {
        return EffectivePartitionKey.of(pk, partitionKey);
    }

    /** The physical partition that holds the items of a partition key (or of a hierarchical prefix's first EPK). */
    PartitionKeyRange rangeOf(PartitionKeyValue pk) {
        return PartitionKeyRanges.find(ranges, epkOf(pk));
    }

    /**
     * The physical partition named by an {@code x-ms-documentdb-partitionkeyrangeid} header; the
     * SDKs may prefix the id with the container rid ({@code "rid,1"}). An unknown id is Cosmos's
     * 410/1002 "range gone", on which an SDK whose ranges are stale (a container recreated with other
     * partitions under the same name) reads them again and retries.
     */
    PartitionKeyRange range(String headerValue) {
        String id = headerValue.substring(headerValue.lastIndexOf(',') + 1).strip();
        for (PartitionKeyRange r : ranges) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw ErrorCode.PARTITION_KEY_RANGE_GONE.exception(
                "Partition key range '%s' does not exist in container '%s' (any more): read its partition key ranges again.",
                id, namePath);
    }

    /**
     * Adds the headers of every items reply: the owner paths the SDK keys its session tokens by, and
     * the session token and LSNs of the physical partition that served the request.
     */
    Response stamp(Response response, String rangeId, long lsn) {
        return response.header(CosmosHeaders.ALT_CONTENT_PATH, namePath)
                .header(CosmosHeaders.CONTENT_PATH, rid)
                .header(CosmosHeaders.SESSION_TOKEN, SessionTokens.of(rangeId, lsn))
                .header(CosmosHeaders.LSN, Long.toString(lsn))
                .header(CosmosHeaders.GLOBAL_COMMITTED_LSN, Long.toString(lsn));
    }
}
