package io.cosmolite.engine.query.plan;

import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The query features a plan asks of the client ({@code Aggregate}, {@code OrderBy}, ...; the names
 * of the {@code x-ms-cosmos-supported-query-features} header), and the gateway's 400 when the
 * client did not list one it needs.
 */
final class QueryFeatures {

    private static final String UNSUPPORTED = "Query contains 1 or more unsupported features. Upgrade your SDK to a "
            + "version that does support the requested features:";

    private QueryFeatures() {}

    /** The features a plan needs, in the order the gateway reports them. */
    static List<String> required(QueryInfo info) {
        List<String> needed = new ArrayList<>();
        long aggregateCount = info.aggregates().size()
                + info.groupByAliasToAggregateType().values().stream().filter(v -> v != null).count();
        if (aggregateCount > 0) {
            if (aggregateCount == 1) {
                needed.add(info.hasSelectValue() ? "Aggregate" : "NonValueAggregate");
            } else {
                needed.add("NonValueAggregate");
                needed.add("MultipleAggregates");
            }
        }
        if (!info.distinctType().equals("None")) {
            needed.add("Distinct");
        }
        if (info.top() != null) {
            needed.add("Top");
        }
        if (!info.orderBy().isEmpty()) {
            needed.add(info.orderBy().size() == 1 ? "OrderBy" : "MultipleOrderBy");
        }
        if (info.offset() != null || info.limit() != null) {
            needed.add("OffsetAndLimit");
        }
        if (!info.groupByExpressions().isEmpty()) {
            needed.add("GroupBy");
        }
        if (info.hasNonStreamingOrderBy()) {
            needed.add("NonStreamingOrderBy");
        }
        List<String> operators = new ArrayList<>(info.aggregates());
        info.groupByAliasToAggregateType().values().stream().filter(v -> v != null).forEach(operators::add);
        if (operators.contains("MakeList") || operators.contains("MakeSet")) {
            needed.add("ListAndSetAggregate");
        }
        if (operators.contains("CountIf")) {
            needed.add("CountIf");
        }
        return needed;
    }

    /** Throws the gateway's 400 when the plan needs a feature the client did not list. */
    static void check(QueryInfo info, Set<String> supported) {
        Set<String> lower = new LinkedHashSet<>();
        if (supported != null) {
            supported.forEach(s -> lower.add(s.trim().toLowerCase(Locale.ROOT)));
        }
        StringBuilder message = new StringBuilder();
        for (String feature : required(info)) {
            if (!lower.contains(feature.toLowerCase(Locale.ROOT))) {
                message.append("\r\nQuery contained ").append(feature)
                        .append(", which the calling client does not support.");
            }
        }
        if (!message.isEmpty()) {
            throw new CosmosException(ErrorCode.BAD_REQUEST, UNSUPPORTED + message, 0);
        }
    }

    /** The features listed in an {@code x-ms-cosmos-supported-query-features} header (comma-separated). */
    static Set<String> parse(String header) {
        Set<String> features = new LinkedHashSet<>();
        if (header != null) {
            for (String part : header.split(",")) {
                if (!part.isBlank()) {
                    features.add(part.trim());
                }
            }
        }
        return features;
    }
}
