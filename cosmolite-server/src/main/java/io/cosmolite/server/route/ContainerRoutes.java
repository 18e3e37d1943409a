package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.ResourceResponse;
import io.cosmolite.engine.document.ItemStore;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.PartitionKeyRange;
import io.cosmolite.engine.resource.ResourceType;
import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.CosmosHeaders;
import java.util.List;

/**
 * Containers: {@code /dbs/{db}/colls} (read feed, create, query) and {@code /dbs/{db}/colls/{coll}}
 * (read, replace, delete). New containers get the server's number of physical partitions
 * ({@code --partitions}); a create may provision dedicated throughput with the offer headers.
 * Reads and replaces report the progress of the index build that follows an indexing policy change,
 * and on request ({@code x-ms-documentdb-populatequotainfo}) the container's quota and usage.
 */
final class ContainerRoutes extends MetadataRoute {
    /** Cosmos DB's per-container limits, as {@code x-ms-resource-quota} reports them. */
    private static final String QUOTA = "functions=25;storedProcedures=100;triggers=25;documentSize=10240;"
            + "documentsSize=10485760;documentsCount=-1;collectionSize=10485760;";
    /** Items read per step of the usage scan. */
    private static final int SCAN_PAGE = 1_000;

    @Override
    Response create(Call call, Target target) {
        ProvisionedThroughput throughput = ProvisionedThroughput.of(call);
        ObjectNode body = Replies.objectBody(call);
        String database = target.parentIds().get(0);
        ResourceResponse created = call.server().engine().createContainer(database, body,
                call.server().options().partitions(), null);
        if (throughput != null) {
            throughput.createOffer(call, created.resource());
        }
        return resourceReply(call, target, 201, created);
    }

    @Override
    void decorate(Call call, Target target, Response response) {
        if (target.id() == null) {
            return; // a create: the new container's index has nothing to build
        }
        Container container = call.server().engine().container(target.parentIds().get(0), target.id());
        response.header(CosmosHeaders.INDEX_TRANSFORMATION_PROGRESS, Integer.toString(container.indexTransformationProgress()));
        if ("true".equalsIgnoreCase(call.header(CosmosHeaders.POPULATE_QUOTA_INFO))) {
            response.header(CosmosHeaders.RESOURCE_QUOTA, QUOTA);
            response.header(CosmosHeaders.RESOURCE_USAGE, usage(call, target, container));
        }
    }

    /**
     * The container's usage in Cosmos DB's {@code x-ms-resource-usage} form (sizes in KB): script
     * counts, and the item count and size, which tools such as the Spark connector read to plan
     * their work. It costs a scan of the items, so it is only computed on request, as in Cosmos DB.
     */
    private static String usage(Call call, Target target, Container container) {
        long count = 0;
        long bytes = 0;
        for (PartitionKeyRange range : container.partitionKeyRanges()) {
            byte[] continuation = null;
            do {
                ItemStore.ScanPage page = container.readFeed(range.id(), continuation, SCAN_PAGE);
                count += page.items().size();
                for (ObjectNode item : page.items()) {
                    bytes += Json.toBytes(item).length;
                }
                continuation = page.continuation();
            } while (continuation != null);
        }
        List<String> scope = List.of(target.parentIds().get(0), target.id());
        CosmosEngine engine = call.server().engine();
        long kb = (bytes + 1023) / 1024;
        return "functions=" + engine.list(ResourceType.USER_DEFINED_FUNCTION, scope).size()
                + ";storedProcedures=" + engine.list(ResourceType.STORED_PROCEDURE, scope).size()
                + ";triggers=" + engine.list(ResourceType.TRIGGER, scope).size()
                + ";documentSize=" + kb / 1024 + ";documentsSize=" + kb + ";documentsCount=" + count
                + ";collectionSize=" + kb + ";";
    }
}
