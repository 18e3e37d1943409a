package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.ResourceResponse;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.resource.ResourceType;
import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.CosmosHeaders;
import java.util.List;

/**
 * Offers, the throughput of databases and containers: {@code /offers} (read feed, and the query by
 * which the SDK finds a resource's offer: {@code select * from c where c.offerResourceId = @resourceId})
 * and {@code /offers/{offerRid}} (read, and replace to change the throughput). Offers come and go
 * with their database or container: there is no create or delete.
 */
final class OfferRoutes extends MetadataRoute {
    /** Least throughput a container may be set to, RU/s; the SDK reads it from offer replies. */
    private static final String MIN_THROUGHPUT = Integer.toString(ProvisionedThroughput.MIN_THROUGHPUT);

    @Override
    Response create(Call call, Target target) {
        return methodNotAllowed(call);
    }

    @Override
    Response delete(Call call, Target target) {
        return methodNotAllowed(call);
    }

    @Override
    Response replace(Call call, Target target) {
        ObjectNode body = Replies.objectBody(call);
        CosmosEngine engine = call.server().engine();
        ObjectNode current = engine.read(ResourceType.OFFER, List.of(), target.id()).resource();
        for (String fixed : List.of("offerResourceId", "resource")) {
            if (body.has(fixed) && !body.get(fixed).equals(current.get(fixed))) {
                throw ErrorCode.BAD_REQUEST.exception("The '%s' of an offer cannot be changed.", fixed);
            }
        }
        body.set("offerResourceId", current.get("offerResourceId"));
        body.set("resource", current.get("resource"));
        ResourceResponse replaced = engine.replace(ResourceType.OFFER, List.of(), target.id(), body,
                call.header(CosmosHeaders.IF_MATCH));
        return resourceReply(call, target, 200, replaced);
    }

    @Override
    void decorate(Call call, Target target, Response response) {
        response.header(CosmosHeaders.MIN_THROUGHPUT, MIN_THROUGHPUT);
    }

    /** Deletes the offers of a resource (a database's when it is deleted). */
    static void deleteOffersOf(CosmosEngine engine, String resourceRid) {
        for (ObjectNode offer : engine.list(ResourceType.OFFER, List.of())) {
            if (resourceRid.equals(offer.path("offerResourceId").asText())) {
                engine.delete(ResourceType.OFFER, List.of(), offer.get("id").textValue(), null);
            }
        }
    }
}
