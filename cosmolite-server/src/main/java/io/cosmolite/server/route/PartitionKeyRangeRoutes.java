package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.PartitionKeyRange;
import io.cosmolite.engine.resource.ResourceId;
import io.cosmolite.engine.ru.RequestCharges;
import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.CosmosHeaders;
import io.cosmolite.server.wire.ErrorResponses;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A container's partition key ranges, its physical partitions: {@code .../colls/{coll}/pkranges}
 * and {@code .../pkranges/{id}}. The SDK reads the feed (by the container's {@code _self}, so by
 * resource ids) with {@code A-IM: Incremental Feed} and hashes partition keys itself to route
 * items, so the ranges are the engine's real ones. Ranges never split, so the feed's etag names
 * the container and its range count: a client that sends it back in {@code If-None-Match} gets 304.
 */
final class PartitionKeyRangeRoutes implements Route {
    @Override
    public Response handle(Call call) {
        if (!call.request().method().equals("GET")) {
            return MetadataRoute.methodNotAllowed(call);
        }
        String database = call.names().id("dbs");
        String containerId = call.names().id("colls");
        Container container = call.server().engine().container(database, containerId);
        ObjectNode properties = container.properties();
        List<ObjectNode> ranges = new ArrayList<>();
        for (PartitionKeyRange range : container.partitionKeyRanges()) {
            ranges.add(json(range, properties, container.partitionKeyRanges().size()));
        }
        String collectionRid = properties.path("_rid").asText();
        double charge = RequestCharges.metadata();
        if (!call.names().isFeed()) {
            String id = call.names().lastId();
            for (ObjectNode range : ranges) {
                if (range.get("id").textValue().equals(id)) {
                    return MetadataRoute.withOwner(call, Replies.resource(200, range, charge), collectionRid);
                }
            }
            throw ErrorCode.NOT_FOUND.exception("Partition key range '%s' does not exist.", id);
        }
        String etag = "\"" + collectionRid + ":" + ranges.size() + "\"";
        if (etag.equals(call.header(CosmosHeaders.IF_NONE_MATCH))) {
            return MetadataRoute.withOwner(call, Response.status(304).header(CosmosHeaders.ETAG, etag), collectionRid)
                    .header(CosmosHeaders.REQUEST_CHARGE, ErrorResponses.charge(charge));
        }
        return MetadataRoute.withOwner(call, Replies.feed("pkranges", collectionRid, ranges, charge), collectionRid)
                .header(CosmosHeaders.ETAG, etag);
    }

    /** A range as Cosmos DB describes it (what the SDK's {@code PartitionKeyRange} reads). */
    private static ObjectNode json(PartitionKeyRange range, ObjectNode container, int count) {
        int index = Integer.parseInt(range.id());
        ResourceId rid = ResourceId.partitionKeyRange(ResourceId.parse(container.path("_rid").asText()), index + 1L);
        ObjectNode r = Json.object();
        r.put("_rid", rid.toString());
        r.put("id", range.id());
        r.put("_etag", "\"" + UUID.nameUUIDFromBytes(rid.toString().getBytes(StandardCharsets.UTF_8)) + "\"");
        r.put("minInclusive", range.minInclusive());
        r.put("maxExclusive", range.maxExclusive());
        r.put("ridPrefix", index);
        r.put("_self", container.path("_self").asText() + "pkranges/" + rid + "/");
        r.put("throughputFraction", 1.0 / count);
        r.put("status", "online");
        r.putArray("parents");
        r.put("_ts", container.path("_ts").asLong());
        r.put("_lsn", 1);
        return r;
    }
}
