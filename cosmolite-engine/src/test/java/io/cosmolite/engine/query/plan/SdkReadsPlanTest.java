package io.cosmolite.engine.query.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.implementation.query.DistinctQueryType;
import com.azure.cosmos.implementation.query.PartitionedQueryExecutionInfo;
import com.azure.cosmos.implementation.query.QueryInfo;
import com.azure.cosmos.implementation.query.SortOrder;
import com.azure.cosmos.implementation.routing.Range;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.PartitionKeyDefinition;
import io.cosmolite.engine.query.parser.QueryParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The official Java SDK (azure-cosmos 4.81, its own plan classes) reads our plans as it reads the
 * gateway's: the pipeline it builds depends only on what these accessors answer.
 */
class SdkReadsPlanTest {

    private static PartitionedQueryExecutionInfo sdkPlan(String query) {
        String json = Json.toString(QueryPlanner.plan(QueryParser.parse(query), Map.of(),
                PartitionKeyDefinition.hashV2("/pk"), QueryPlanner.JAVA_SDK_FEATURES));
        return new PartitionedQueryExecutionInfo(json);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Object> aliasTypes(QueryInfo info) {
        return (Map) info.getGroupByAliasToAggregateType();
    }

    @Test
    void plainQueryNeedsNoPipeline() {
        PartitionedQueryExecutionInfo plan = sdkPlan("SELECT * FROM c");
        QueryInfo info = plan.getQueryInfo();
        assertThat(plan.getVersion()).isEqualTo(2);
        assertThat(info.hasOrderBy()).isFalse();
        assertThat(info.hasAggregates()).isFalse();
        assertThat(info.hasGroupBy()).isFalse();
        assertThat(info.hasDistinct()).isFalse();
        assertThat(info.hasDCount()).isFalse();
        assertThat(info.hasTop()).isFalse();
        assertThat(info.hasOffset()).isFalse();
        assertThat(info.hasLimit()).isFalse();
        assertThat(info.hasNonStreamingOrderBy()).isFalse();
        assertThat(info.hasRewrittenQuery()).isFalse();
        assertThat(info.hasSelectValue()).isFalse();
        assertThat(plan.hasHybridSearchQueryInfo()).isFalse();
        assertThat(plan.getQueryRanges()).containsExactly(new Range<>("", "FF", true, false));
    }

    @Test
    void orderByPlan() {
        QueryInfo info = sdkPlan("SELECT TOP 3 c.a FROM c ORDER BY c.a DESC, c.b").getQueryInfo();
        assertThat(info.getOrderBy()).containsExactly(SortOrder.Descending, SortOrder.Ascending);
        assertThat(info.getOrderByExpressions()).containsExactly("c.a", "c.b");
        assertThat(info.getTop()).isEqualTo(3);
        assertThat(info.hasRewrittenQuery()).isTrue();
        assertThat(info.getRewrittenQuery()).contains("AS orderByItems").contains("{documentdb-formattableorderbyquery-filter}");
    }

    @Test
    void aggregatePlans() {
        QueryInfo value = sdkPlan("SELECT VALUE AVG(c.x) FROM c").getQueryInfo();
        assertThat(value.hasAggregates()).isTrue();
        assertThat(value.getAggregates().toString()).isEqualTo("[Average]");
        assertThat(value.hasSelectValue()).isTrue();
        assertThat(value.hasGroupBy()).isFalse();

        QueryInfo nonValue = sdkPlan("SELECT COUNT(1) AS n, MAX(c.x) FROM c").getQueryInfo();
        assertThat(nonValue.hasAggregates()).isTrue();
        assertThat(nonValue.hasGroupBy()).isFalse();
        // The SDK keeps the operator names as read (strings) and maps them to operators later.
        assertThat(aliasTypes(nonValue)).containsEntry("n", "Count").containsEntry("$1", "Max");
        assertThat(nonValue.getGroupByAliases()).containsExactly("n", "$1");

        QueryInfo grouped = sdkPlan("SELECT c.k, SUM(c.x) AS s FROM c GROUP BY c.k").getQueryInfo();
        assertThat(grouped.hasGroupBy()).isTrue();
        assertThat(aliasTypes(grouped)).containsEntry("s", "Sum").containsEntry("k", null);
    }

    @Test
    void distinctOffsetAndPointRanges() {
        QueryInfo distinct = sdkPlan("SELECT DISTINCT VALUE c.a FROM c ORDER BY c.a").getQueryInfo();
        assertThat(distinct.getDistinctQueryType()).isEqualTo(DistinctQueryType.ORDERED);
        QueryInfo paged = sdkPlan("SELECT * FROM c OFFSET 5 LIMIT 10").getQueryInfo();
        assertThat(paged.getOffset()).isEqualTo(5);
        assertThat(paged.getLimit()).isEqualTo(10);
        PartitionedQueryExecutionInfo point = sdkPlan("SELECT * FROM c WHERE c.pk = 'a'");
        Range<String> range = point.getQueryRanges().get(0);
        assertThat(range.isSingleValue()).isTrue();
        assertThat(range.getMin()).hasSize(32);
    }
}
