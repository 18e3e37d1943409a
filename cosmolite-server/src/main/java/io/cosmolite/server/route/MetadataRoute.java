package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.ResourceResponse;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.resource.ResourceId;
import io.cosmolite.engine.resource.ResourceType;
import io.cosmolite.engine.ru.RequestCharges;
import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.CosmosHeaders;
import io.cosmolite.server.wire.ErrorResponses;
import java.util.ArrayList;
import java.util.List;

/**
 * The routes every metadata resource type shares (databases, containers, scripts, users,
 * permissions, offers): on the feed {@code .../<type>} a read (GET), a create (POST) and a query
 * (POST with {@code x-ms-documentdb-isquery}); on one resource {@code .../<type>/{id}} a read,
 * a replace (PUT) and a delete. Subclasses override what is particular to their type.
 *
 * <p>Every reply names the owner in {@code x-ms-alt-content-path} (its name path) and
 * {@code x-ms-content-path} (its resource id): the SDK keys its caches by them, and creating a
 * container fails without them.
 */
abstract class MetadataRoute implements Route {

    /**
     * Where a request points: the resource type, the ids of its owners from the database down
     * (as the engine takes them), and the resource's own id (null for a feed).
     */
    record Target(ResourceType type, List<String> parentIds, String id) {
        static Target of(ResourceAddress names) {
            List<String> s = names.segments();
            int ownerSegments = names.isFeed() ? s.size() - 1 : s.size() - 2;
            List<String> parents = new ArrayList<>();
            for (int i = 1; i < ownerSegments; i += 2) {
                parents.add(s.get(i));
            }
            return new Target(ResourceType.ofSegment(names.typeSegment()), List.copyOf(parents),
                    names.isFeed() ? null : s.get(s.size() - 1));
        }
    }

    @Override
    public final Response handle(Call call) {
        Target target = byResourceId(call, Target.of(call.names()));
        String method = call.request().method();
        if (call.names().isFeed()) {
            return switch (method) {
                case "GET" -> readFeed(call, target);
                case "POST" -> MetadataQuery.isQuery(call) ? query(call, target) : create(call, target);
                default -> methodNotAllowed(call);
            };
        }
        return switch (method) {
            case "GET" -> read(call, target);
            case "PUT" -> replace(call, target);
            case "DELETE" -> delete(call, target);
            default -> methodNotAllowed(call);
        };
    }

    /**
     * The target with its own id turned into its name when the path gives the resource's {@code _rid}:
     * the SDK replaces and deletes scripts and permissions at their {@code _self} link. ({@link Names}
     * already resolves databases, containers and users, the owners along the path.) A resource
     * named like a resource id still wins.
     */
    private static Target byResourceId(Call call, Target target) {
        if (target.id() == null || target.type() == ResourceType.OFFER || !isResourceId(target.id())) {
            return target;
        }
        String byRid = null;
        for (ObjectNode r : call.server().engine().list(target.type(), target.parentIds())) {
            if (target.id().equals(r.path("id").asText())) {
                return target;
            }
            if (target.id().equals(r.path("_rid").asText())) {
                byRid = r.path("id").asText();
            }
        }
        return byRid == null ? target : new Target(target.type(), target.parentIds(), byRid);
    }

    private static boolean isResourceId(String s) {
        try {
            ResourceId.parse(s);
            return true;
        } catch (CosmosException e) {
            return false;
        }
    }

    /** POST to the feed: creates the resource (201), or with {@code x-ms-documentdb-is-upsert} replaces it (200). */
    Response create(Call call, Target target) {
        ObjectNode body = Replies.objectBody(call);
        CosmosEngine engine = call.server().engine();
        if (isUpsert(call)) {
            try {
                return resourceReply(call, target, 201, engine.create(target.type(), target.parentIds(), body));
            } catch (CosmosException e) {
                if (e.errorCode() != ErrorCode.CONFLICT) {
                    throw e;
                }
                String id = body.path("id").asText();
                return resourceReply(call, target, 200, engine.replace(target.type(), target.parentIds(), id, body, null));
            }
        }
        return resourceReply(call, target, 201, engine.create(target.type(), target.parentIds(), body));
    }

    /** GET of one resource; 304 when {@code If-None-Match} names its current etag. */
    Response read(Call call, Target target) {
        ResourceResponse r = call.server().engine().read(target.type(), target.parentIds(), target.id());
        String etag = r.resource().path("_etag").asText();
        if (etag.equals(call.header(CosmosHeaders.IF_NONE_MATCH))) {
            return withOwner(call, Response.status(304).header(CosmosHeaders.ETAG, etag)
                    .header(CosmosHeaders.REQUEST_CHARGE, ErrorResponses.charge(r.requestCharge())),
                    ownerRidOf(r.resource()));
        }
        return resourceReply(call, target, 200, r);
    }

    /** PUT of one resource; 412 on a stale {@code If-Match}. */
    Response replace(Call call, Target target) {
        ObjectNode body = Replies.objectBody(call);
        return resourceReply(call, target, 200, call.server().engine().replace(target.type(), target.parentIds(), target.id(),
                body, call.header(CosmosHeaders.IF_MATCH)));
    }

    /** DELETE of one resource and all it owns (204); 412 on a stale {@code If-Match}. */
    Response delete(Call call, Target target) {
        ResourceResponse r = call.server().engine().delete(target.type(), target.parentIds(), target.id(),
                call.header(CosmosHeaders.IF_MATCH));
        return withOwner(call, Replies.noContent(r.requestCharge()), ownerRid(call, target));
    }

    /** The resources of the feed, before paging ({@code engine.list}: 404/1003 when an owner is missing). */
    private static List<ObjectNode> list(Call call, Target target) {
        return call.server().engine().list(target.type(), target.parentIds());
    }

    /** Headers particular to a type on a one-resource reply (containers add their index progress). */
    void decorate(Call call, Target target, Response response) {}

    /** A one-resource reply with the owner headers and the type's own headers. */
    final Response resourceReply(Call call, Target target, int status, ResourceResponse r) {
        Response response = withOwner(call, Replies.resource(status, r.resource(), r.requestCharge()),
                ownerRidOf(r.resource()));
        decorate(call, target, response);
        return response;
    }

    private Response readFeed(Call call, Target target) {
        List<ObjectNode> all = list(call, target);
        String ownerRid = ownerRid(call, target);
        return withOwner(call, MetadataFeed.page(call, ownerRid, all, RequestCharges.metadata()), ownerRid);
    }

    private Response query(Call call, Target target) {
        List<ObjectNode> all = list(call, target);
        List<JsonNode> matching = MetadataQuery.run(call, all);
        String ownerRid = ownerRid(call, target);
        return withOwner(call, MetadataFeed.page(call, ownerRid, matching, RequestCharges.metadata()), ownerRid);
    }

    /** Sets the owner's name path and resource id, the headers the SDK's caches key on. */
    static Response withOwner(Call call, Response response, String ownerRid) {
        String ownerPath = Replies.ownerPath(call.names());
        if (!ownerPath.isEmpty()) {
            response.header(CosmosHeaders.ALT_CONTENT_PATH, ownerPath);
            response.header(CosmosHeaders.CONTENT_PATH, ownerRid);
        }
        return response;
    }

    /** The owner's resource id as a resource's {@code _self} spells it ({@code dbs/{db}/colls/{coll}/}). */
    static String ownerRidOf(ObjectNode resource) {
        String[] parts = resource.path("_self").asText().split("/");
        return parts.length >= 4 ? parts[parts.length - 3] : "";
    }

    /** The resource id of the feed's or resource's owner ("" at the account level). */
    static String ownerRid(Call call, Target target) {
        if (target.parentIds().isEmpty()) {
            return "";
        }
        List<String> parents = target.parentIds();
        ResourceType ownerType = target.type().parent();
        return call.server().engine().read(ownerType, parents.subList(0, parents.size() - 1),
                parents.get(parents.size() - 1)).resource().path("_rid").asText();
    }

    private static boolean isUpsert(Call call) {
        return "true".equalsIgnoreCase(call.header(CosmosHeaders.IS_UPSERT));
    }

    /** 405 for a verb the addressed feed or resource does not take. */
    static Response methodNotAllowed(Call call) {
        return ErrorResponses.of(405, "The requested verb '" + call.request().method()
                + "' is not supported on '" + call.request().path() + "'.");
    }
}
