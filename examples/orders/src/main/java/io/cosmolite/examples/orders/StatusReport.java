package io.cosmolite.examples.orders;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.toolkit.error.CosmosErrors;
import io.cosmolite.toolkit.metrics.Operation;
import io.cosmolite.toolkit.metrics.OperationMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The totals of live orders per status and currency, across every customer: one cross-partition
 * GROUP BY query that the database aggregates. A repository query is a filter over whole documents,
 * so an aggregate goes to the SDK directly; it repeats the repository's soft-delete filter (its
 * stored {@code _deleted} flag) so cancelled orders stay out, and is timed with {@link OperationMetrics}
 * like the repository's own calls would be.
 *
 * <p>Rows are read as JSON, not mapped to {@link StatusTotal} by the SDK: the SDK merges the
 * partitions' partial sums as floating point ({@code 1999.0}), which Jackson will not put in a {@code long}.
 */
final class StatusReport {
    private static final SqlQuerySpec TOTALS = new SqlQuerySpec(
            "SELECT c.status, c.currency, COUNT(1) AS orders, SUM(c.totalCents) AS totalCents FROM c"
                    + " WHERE (NOT IS_DEFINED(c._deleted) OR c._deleted = false)"
                    + " GROUP BY c.status, c.currency");
    private static final Comparator<StatusTotal> ORDER = Comparator.comparing(StatusTotal::status)
            .thenComparing(StatusTotal::currency);

    private final CosmosContainer orders;
    private final OperationMetrics metrics;

    StatusReport(CosmosContainer orders, OperationMetrics metrics) {
        this.orders = orders;
        this.metrics = metrics;
    }

    /** One row per status and currency that has live orders, by status then currency. */
    List<StatusTotal> totals() {
        List<StatusTotal> rows = new ArrayList<>();
        CosmosErrors.run(() -> {
            for (FeedResponse<JsonNode> page : metrics.pages(orders.getId(), Operation.QUERY,
                    orders.queryItems(TOTALS, new CosmosQueryRequestOptions(), JsonNode.class).iterableByPage())) {
                page.getResults().forEach(row -> rows.add(new StatusTotal(OrderStatus.valueOf(row.path("status").asText()),
                        row.path("currency").asText(), row.path("orders").asLong(), row.path("totalCents").asLong())));
            }
        });
        rows.sort(ORDER);
        return List.copyOf(rows);
    }
}
