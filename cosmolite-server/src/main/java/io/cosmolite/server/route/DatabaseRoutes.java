package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.ResourceResponse;
import io.cosmolite.engine.resource.ResourceType;
import io.cosmolite.server.http.Response;
import java.util.List;

/**
 * Databases: {@code /dbs} (read feed, create, query) and {@code /dbs/{db}} (read, delete). A create
 * may provision shared throughput with the offer headers; a delete removes the database's offer
 * with it (its containers' offers go with the containers).
 */
final class DatabaseRoutes extends MetadataRoute {
    @Override
    Response create(Call call, Target target) {
        ProvisionedThroughput throughput = ProvisionedThroughput.of(call);
        ObjectNode body = Replies.objectBody(call);
        ResourceResponse created = call.server().engine().create(ResourceType.DATABASE, List.of(), body);
        if (throughput != null) {
            throughput.createOffer(call, created.resource());
        }
        return resourceReply(call, target, 201, created);
    }

    @Override
    Response replace(Call call, Target target) {
        // Cosmos DB has no database replace: a database has no settable property but its id.
        return methodNotAllowed(call);
    }

    @Override
    Response delete(Call call, Target target) {
        CosmosEngine engine = call.server().engine();
        String rid = engine.read(ResourceType.DATABASE, List.of(), target.id()).resource().path("_rid").asText();
        Response response = super.delete(call, target);
        OfferRoutes.deleteOffersOf(engine, rid);
        return response;
    }
}
