package io.cosmolite.server.sdk;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosItemIdentity;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs queries through the official SDK's sync or async API, the same way for both, so that one test
 * body covers both clients: all results, the pages of a page size, or page by page resuming from each
 * continuation token with a fresh query (as an application that hands tokens to its own clients does).
 */
enum SdkQueries {
    SYNC {
        @Override
        List<FeedResponse<JsonNode>> pages(SdkFixture fx, String db, String container, SqlQuerySpec query,
                                           CosmosQueryRequestOptions options, String continuation, int pageSize) {
            CosmosContainer c = fx.syncClient().getDatabase(db).getContainer(container);
            List<FeedResponse<JsonNode>> pages = new ArrayList<>();
            c.queryItems(query, options, JsonNode.class).iterableByPage(continuation, pageSize).forEach(pages::add);
            return pages;
        }

        @Override
        FeedResponse<JsonNode> firstPage(SdkFixture fx, String db, String container, SqlQuerySpec query,
                                         String continuation, int pageSize) {
            CosmosContainer c = fx.syncClient().getDatabase(db).getContainer(container);
            var pages = c.queryItems(query, new CosmosQueryRequestOptions(), JsonNode.class)
                    .iterableByPage(continuation, pageSize).iterator();
            return pages.hasNext() ? pages.next() : null;
        }

        @Override
        FeedResponse<JsonNode> readMany(SdkFixture fx, String db, String container, List<CosmosItemIdentity> ids) {
            return fx.syncClient().getDatabase(db).getContainer(container).readMany(ids, JsonNode.class);
        }

        @Override
        List<JsonNode> readAllItems(SdkFixture fx, String db, String container, PartitionKey pk) {
            return fx.syncClient().getDatabase(db).getContainer(container)
                    .readAllItems(pk, new CosmosQueryRequestOptions(), JsonNode.class).stream().toList();
        }

        @Override
        List<JsonNode> readManyByPartitionKeys(SdkFixture fx, String db, String container, List<PartitionKey> pks,
                                               SqlQuerySpec query) {
            return fx.syncClient().getDatabase(db).getContainer(container)
                    .readManyByPartitionKeys(pks, query, JsonNode.class).stream().toList();
        }
    },
    ASYNC {
        @Override
        List<FeedResponse<JsonNode>> pages(SdkFixture fx, String db, String container, SqlQuerySpec query,
                                           CosmosQueryRequestOptions options, String continuation, int pageSize) {
            CosmosAsyncContainer c = fx.asyncClient().getDatabase(db).getContainer(container);
            return c.queryItems(query, options, JsonNode.class).byPage(continuation, pageSize).collectList().block();
        }

        @Override
        FeedResponse<JsonNode> firstPage(SdkFixture fx, String db, String container, SqlQuerySpec query,
                                         String continuation, int pageSize) {
            CosmosAsyncContainer c = fx.asyncClient().getDatabase(db).getContainer(container);
            return c.queryItems(query, new CosmosQueryRequestOptions(), JsonNode.class).byPage(continuation, pageSize)
                    .next().block();
        }

        @Override
        FeedResponse<JsonNode> readMany(SdkFixture fx, String db, String container, List<CosmosItemIdentity> ids) {
            return fx.asyncClient().getDatabase(db).getContainer(container).readMany(ids, JsonNode.class).block();
        }

        @Override
        List<JsonNode> readAllItems(SdkFixture fx, String db, String container, PartitionKey pk) {
            return fx.asyncClient().getDatabase(db).getContainer(container).readAllItems(pk, JsonNode.class)
                    .collectList().block();
        }

        @Override
        List<JsonNode> readManyByPartitionKeys(SdkFixture fx, String db, String container, List<PartitionKey> pks,
                                               SqlQuerySpec query) {
            return fx.asyncClient().getDatabase(db).getContainer(container)
                    .readManyByPartitionKeys(pks, query, JsonNode.class).collectList().block();
        }
    };

    /** The pages of a query from {@code continuation} (null: from the start), {@code pageSize} results at most each. */
    abstract List<FeedResponse<JsonNode>> pages(SdkFixture fx, String db, String container, SqlQuerySpec query,
                                                CosmosQueryRequestOptions options, String continuation, int pageSize);

    /** The first page of a new query from {@code continuation}, or null when there is none. */
    abstract FeedResponse<JsonNode> firstPage(SdkFixture fx, String db, String container, SqlQuerySpec query,
                                              String continuation, int pageSize);

    /** Reads items by id and partition key. */
    abstract FeedResponse<JsonNode> readMany(SdkFixture fx, String db, String container, List<CosmosItemIdentity> ids);

    /** Every item of one logical partition. */
    abstract List<JsonNode> readAllItems(SdkFixture fx, String db, String container, PartitionKey pk);

    /** The results of a query over the items of several logical partitions. */
    abstract List<JsonNode> readManyByPartitionKeys(SdkFixture fx, String db, String container, List<PartitionKey> pks,
                                                    SqlQuerySpec query);

    /** Every result of a query, with the SDK's default page size. */
    List<JsonNode> all(SdkFixture fx, String db, String container, SqlQuerySpec query, CosmosQueryRequestOptions options) {
        return results(pages(fx, db, container, query, options, null, 100));
    }

    /** Every result, read one page at a time, each page by a new query resumed from the previous page's token. */
    List<JsonNode> resumed(SdkFixture fx, String db, String container, SqlQuerySpec query, int pageSize) {
        List<JsonNode> results = new ArrayList<>();
        String continuation = null;
        int guard = 0;
        do {
            FeedResponse<JsonNode> first = firstPage(fx, db, container, query, continuation, pageSize);
            if (first == null) {
                break;
            }
            results.addAll(first.getResults());
            continuation = first.getContinuationToken();
            if (++guard > 10_000) {
                throw new AssertionError("the continuation never ends: " + query.getQueryText());
            }
        } while (continuation != null);
        return results;
    }

    /** The results of pages, in order. */
    static List<JsonNode> results(List<FeedResponse<JsonNode>> pages) {
        List<JsonNode> results = new ArrayList<>();
        pages.forEach(p -> results.addAll(p.getResults()));
        return results;
    }
}
