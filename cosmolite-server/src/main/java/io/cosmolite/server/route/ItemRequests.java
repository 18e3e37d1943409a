package io.cosmolite.server.route;

import io.cosmolite.engine.document.ItemOperation;
import io.cosmolite.engine.document.ItemResult;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.patch.PatchRequest;
import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.CosmosHeaders;
import io.cosmolite.server.wire.ErrorResponses;
import java.util.Locale;

/**
 * Single-item requests: create and upsert ({@code POST .../docs}), read, replace, delete and patch
 * ({@code GET/PUT/DELETE/PATCH .../docs/{id}}). Each runs one {@link ItemOperation} on the logical
 * partition named by the partition key header; the engine decides every refusal (404, 409, 412,
 * 413, ...), which propagates to the router.
 */
final class ItemRequests {
    private ItemRequests() {}

    /** {@code POST .../docs}: create, or upsert when {@code x-ms-documentdb-is-upsert: true}. */
    static Response create(Call call) {
        ItemContainer target = ItemContainer.of(call);
        PartitionKeyValue pk = target.requiredPartitionKey(call);
        var body = Replies.objectBody(call);
        ItemOperation op = isTrue(call.header(CosmosHeaders.IS_UPSERT))
                ? new ItemOperation.Upsert(body, call.header(CosmosHeaders.IF_MATCH))
                : new ItemOperation.Create(body);
        return reply(call, target, pk, target.container().execute(pk, op));
    }

    /**
     * {@code GET .../docs/{id}}: 200, or 304 when {@code If-None-Match} matches the item's etag.
     * {@code If-Match} applies to writes only, as in Cosmos DB, so a read ignores it.
     */
    static Response read(Call call, String id) {
        ItemContainer target = ItemContainer.of(call);
        PartitionKeyValue pk = target.requiredPartitionKey(call);
        ItemOperation op = new ItemOperation.Read(id, null, call.header(CosmosHeaders.IF_NONE_MATCH));
        return reply(call, target, pk, target.container().execute(pk, op));
    }

    /** {@code PUT .../docs/{id}}: replace, 412 on a stale {@code If-Match}. */
    static Response replace(Call call, String id) {
        ItemContainer target = ItemContainer.of(call);
        PartitionKeyValue pk = target.requiredPartitionKey(call);
        ItemOperation op = new ItemOperation.Replace(id, Replies.objectBody(call), call.header(CosmosHeaders.IF_MATCH));
        return reply(call, target, pk, target.container().execute(pk, op));
    }

    /** {@code DELETE .../docs/{id}}: 204, 412 on a stale {@code If-Match}. */
    static Response delete(Call call, String id) {
        ItemContainer target = ItemContainer.of(call);
        PartitionKeyValue pk = target.requiredPartitionKey(call);
        ItemOperation op = new ItemOperation.Delete(id, call.header(CosmosHeaders.IF_MATCH));
        return reply(call, target, pk, target.container().execute(pk, op));
    }

    /**
     * {@code PATCH .../docs/{id}}: body {@code {"operations":[...], "condition":"from c where ..."}} or
     * the bare operations array; 412 on a stale {@code If-Match} or a false condition.
     */
    static Response patch(Call call, String id) {
        ItemContainer target = ItemContainer.of(call);
        PartitionKeyValue pk = target.requiredPartitionKey(call);
        PatchRequest patch = PatchRequest.parse(Replies.jsonBody(call));
        ItemOperation op = new ItemOperation.Patch(id, patch, call.header(CosmosHeaders.IF_MATCH));
        return reply(call, target, pk, target.container().execute(pk, op));
    }

    /**
     * True when the client asked writes to answer without the resource ({@code Prefer:
     * return=minimal}), as the Java SDK does unless content response on write is enabled.
     */
    static boolean returnMinimal(Call call) {
        String prefer = call.header(CosmosHeaders.PREFER);
        return prefer != null && prefer.toLowerCase(Locale.ROOT).contains("return=minimal");
    }

    /** True for a header value "true" in any case. */
    static boolean isTrue(String header) {
        return header != null && header.strip().equalsIgnoreCase("true");
    }

    private static Response reply(Call call, ItemContainer target, PartitionKeyValue pk, ItemResult result) {
        byte[] item = result.itemJson();
        boolean withBody = item != null && result.status() != 304
                && (result.status() == 200 && call.request().method().equals("GET") || !returnMinimal(call));
        Response response = withBody ? Response.json(result.status(), item) : Response.status(result.status());
        response.header(CosmosHeaders.REQUEST_CHARGE, ErrorResponses.charge(result.requestCharge()))
                .header(CosmosHeaders.ETAG, result.etag());
        if (result.stored() != null) {
            response.header(CosmosHeaders.ITEM_LSN, Long.toString(result.stored().lsn()));
        }
        return target.stamp(response, target.rangeOf(pk).id(), result.lsn());
    }
}
