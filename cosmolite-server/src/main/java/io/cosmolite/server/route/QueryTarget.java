package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.partition.PartitionKeyDefinition;

/**
 * The container a query or query-plan request addresses, with what the query routes read of it.
 *
 * @param container  the engine's handle
 * @param rid        the container's resource id (the {@code _rid} of a feed page)
 * @param definition the container's partition key definition
 */
record QueryTarget(Container container, String rid, PartitionKeyDefinition definition) {

    /** The container of {@code dbs/{db}/colls/{coll}/docs}; 404 when the database or container is missing. */
    static QueryTarget of(Call call) {
        Container container = call.server().engine().container(call.names().id("dbs"), call.names().id("colls"));
        ObjectNode properties = container.properties();
        return new QueryTarget(container, properties.path("_rid").asText(""),
                PartitionKeyDefinition.fromJson(properties.get("partitionKey")));
    }
}
