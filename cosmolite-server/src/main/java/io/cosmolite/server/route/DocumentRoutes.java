package io.cosmolite.server.route;

import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.CosmosHeaders;
import io.cosmolite.server.wire.ErrorResponses;

/**
 * The items routes ({@code dbs/{db}/colls/{coll}/docs[/{id}]}): picks the kind of request from the
 * method and Cosmos's headers and hands it to the class that serves it.
 *
 * <ul>
 *   <li>{@code POST .../docs}: a query or query plan ({@link QueryRoutes}), a transactional batch or
 *       bulk request ({@code x-ms-cosmos-is-batch-request}, {@link BatchRequests}), else a create or
 *       upsert ({@link ItemRequests});</li>
 *   <li>{@code GET .../docs}: the change feed when {@code A-IM} is sent ({@link ChangeFeedRequests}),
 *       else the read feed ({@link ReadFeedRequests});</li>
 *   <li>{@code GET/PUT/DELETE/PATCH .../docs/{id}}: read, replace, delete, patch.</li>
 * </ul>
 */
final class DocumentRoutes implements Route {
    @Override
    public Response handle(Call call) {
        String method = call.request().method();
        if (call.address().isFeed()) {
            return switch (method) {
                case "POST" -> post(call);
                case "GET" -> call.header(CosmosHeaders.A_IM) != null
                        ? ChangeFeedRequests.read(call) : ReadFeedRequests.read(call);
                default -> notAllowed();
            };
        }
        String id = call.names().id("docs");
        return switch (method) {
            case "GET" -> ItemRequests.read(call, id);
            case "PUT" -> ItemRequests.replace(call, id);
            case "DELETE" -> ItemRequests.delete(call, id);
            case "PATCH" -> ItemRequests.patch(call, id);
            default -> notAllowed();
        };
    }

    private static Response post(Call call) {
        if (QueryRoutes.isQuery(call)) {
            return QueryRoutes.handle(call);
        }
        if (ItemRequests.isTrue(call.header(CosmosHeaders.IS_BATCH_REQUEST))) {
            return BatchRequests.execute(call);
        }
        return ItemRequests.create(call);
    }

    private static Response notAllowed() {
        return ErrorResponses.of(405, "The requested verb is not supported.");
    }
}
