package io.cosmolite.engine.query.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.error.QueryErrors;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import io.cosmolite.engine.query.ast.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the {@link QueryInfo} of a query the way the gateway does. The query takes one of five
 * shapes, checked in this order:
 * <ul>
 *   <li>GROUP BY: each range returns {@code [{"item": g1}, ...] AS groupByItems, <partials> AS payload};</li>
 *   <li>VALUE aggregate: each range returns {@code VALUE [{"item": <partial>}]};</li>
 *   <li>non-VALUE aggregates: each range returns {@code {"alias": {"item": <partial>}, ...} AS payload};</li>
 *   <li>ORDER BY: each range returns {@code c._rid, [{"item": e}, ...] AS orderByItems, <projection> AS payload}
 *       with the filter placeholder the SDK fills in to resume after a continuation;</li>
 *   <li>anything else goes out unchanged, but for OFFSET/LIMIT (each range returns the first
 *       {@code offset + limit}) and for TOP, OFFSET and LIMIT under DISTINCT (each range returns all).</li>
 * </ul>
 * TOP, OFFSET and LIMIT are reported for the client to apply after merging, and dropped from the
 * per-range query wherever the per-range result is not a prefix of the merged one.
 */
final class PlanBuilder {

    /** Stands for the continuation filter the SDK substitutes into an ORDER BY query. */
    static final String ORDER_BY_FILTER = "({documentdb-formattableorderbyquery-filter})";

    private static final List<String> VECTOR_ORDER_FUNCTIONS = List.of("VECTORDISTANCE");

    private final Query query;
    private final Map<String, JsonNode> parameters;
    private final boolean singlePartition;

    private final Long top;
    private final Long offset;
    private final Long limit;

    private PlanBuilder(Query query, Map<String, JsonNode> parameters, boolean singlePartition) {
        this.query = query;
        this.parameters = parameters == null ? Map.of() : parameters;
        this.singlePartition = singlePartition;
        this.top = count(query.select().top());
        this.offset = count(query.offset());
        this.limit = count(query.limit());
    }

    /**
     * The query info of a query.
     *
     * @param singlePartition true when the query's ranges are one full partition key, so that the
     *                        backend applies OFFSET/LIMIT itself
     */
    static QueryInfo build(Query query, Map<String, JsonNode> parameters, boolean singlePartition) {
        return new PlanBuilder(query, parameters, singlePartition).build();
    }

    private QueryInfo build() {
        boolean value = query.select().projection() instanceof Query.ValueProjection;
        if (query.from() == null) {
            // No container is read: one range answers the whole query and there is nothing to merge.
            return plain(value);
        }
        if (!query.groupBy().isEmpty()) {
            return groupBy(value);
        }
        if (Aggregates.inProjection(query.select().projection())) {
            return value ? valueAggregate() : nonValueAggregates();
        }
        if (query.orderBy() != null && !query.orderBy().rank()) {
            return orderBy(value);
        }
        return plain(value);
    }

    // ---- the five shapes

    private QueryInfo plain(boolean value) {
        boolean distinct = query.select().distinct();
        Query rewritten = null;
        Long reportedOffset = offset;
        Long reportedLimit = limit;
        if (distinct) {
            if (query.select().top() != null || query.offset() != null || query.limit() != null) {
                rewritten = withSelect(query, query.select().distinct(), null, query.select().projection(),
                        null, null);
            }
        } else if (query.offset() != null && query.limit() != null) {
            if (singlePartition) {
                reportedOffset = null;
                reportedLimit = null;
            } else if (offset != null && limit != null) {
                rewritten = firstRows(query);
            }
        }
        return info(distinct ? "Unordered" : "None", top, reportedOffset, reportedLimit, List.of(), List.of(),
                List.of(), List.of(), List.of(), Map.of(), rewritten, value, false);
    }

    private QueryInfo orderBy(boolean value) {
        boolean distinct = query.select().distinct();
        List<String> orders = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        List<Expr> items = new ArrayList<>();
        boolean nonStreaming = false;
        for (Query.SortItem item : query.orderBy().items()) {
            boolean vector = isVectorOrder(item.expr());
            if (!vector && !isPath(item.expr())) {
                throw new CosmosException(ErrorCode.BAD_REQUEST,
                        "{\"errors\":[{\"severity\":\"Error\",\"code\":2206,\"message\":\"Unsupported ORDER BY clause. "
                                + "ORDER BY item expression could not be mapped to a document path.\"}]}", 0);
            }
            nonStreaming |= vector;
            orders.add(item.descending() ? "Descending" : "Ascending");
            expressions.add(QueryText.of(item.expr()));
            items.add(item.expr());
        }

        Query.Projection projection = query.select().projection();
        Expr payload;
        if (projection instanceof Query.ValueProjection v) {
            payload = v.expr();
        } else if (projection instanceof Query.ListProjection list) {
            payload = listPayload(list, Query.Item::expr);
        } else {
            payload = starPayload();
        }
        Expr filter = new Expr.Identifier(ORDER_BY_FILTER);
        Expr where = query.where() == null ? filter : new Expr.Binary(Expr.BinaryOp.AND, query.where(), filter);
        if (value) {
            where = new Expr.Binary(Expr.BinaryOp.AND, where,
                    new Expr.Call("IS_DEFINED", false, List.of(payload), Span.NONE));
        }
        List<Query.Item> select = List.of(
                new Query.Item(new Expr.Property(new Expr.Identifier(documentAlias()), "_rid"), null),
                new Query.Item(new Expr.ArrayConstructor(items.stream().map(PlanBuilder::itemObject).toList()),
                        "orderByItems"),
                new Query.Item(payload, "payload"));

        // Under DISTINCT a range's first rows may all be duplicates, so each range returns everything.
        Expr rangeTop = distinct ? null : query.select().top();
        Expr rangeOffset = null;
        Expr rangeLimit = null;
        Long reportedOffset = offset;
        Long reportedLimit = limit;
        if (!distinct && query.offset() != null && query.limit() != null) {
            if (singlePartition) {
                rangeOffset = query.offset();
                rangeLimit = query.limit();
                reportedOffset = null;
                reportedLimit = null;
            } else if (offset != null && limit != null) {
                rangeOffset = number(0);
                rangeLimit = number(offset + limit);
            }
        }
        Query rewritten = new Query(new Query.Select(false, rangeTop, new Query.ListProjection(select)),
                query.from(), query.joins(), where, query.groupBy(), query.orderBy(), rangeOffset, rangeLimit);
        return info(distinct ? "Ordered" : "None", top, reportedOffset, reportedLimit, orders, expressions,
                List.of(), List.of(), List.of(), Map.of(), rewritten, value, nonStreaming);
    }

    private QueryInfo valueAggregate() {
        Expr.Call call = Aggregates.requireSingle(((Query.ValueProjection) query.select().projection()).expr());
        Expr payload = new Expr.ArrayConstructor(List.of(new Expr.ObjectConstructor(Aggregates.partial(call))));
        Query rewritten = withSelect(query, false, null, new Query.ValueProjection(payload), null, null);
        return info(distinctType(), top, offset, limit, List.of(), List.of(), List.of(), List.of(),
                List.of(Aggregates.operator(call)), Map.of(), rewritten, true, false);
    }

    private QueryInfo nonValueAggregates() {
        Query.Projection projection = query.select().projection();
        if (!(projection instanceof Query.ListProjection list)) {
            throw QueryErrors.general("'SELECT *' is not allowed with aggregates.");
        }
        Map<String, String> aliasTypes = new LinkedHashMap<>();
        Expr payload = listPayload(list, item -> {
            if (!Aggregates.contains(item.expr())) {
                throw QueryErrors.general("Property reference '" + QueryText.of(item.expr()) + "' is invalid in the "
                        + "select list because it is not contained in either an aggregate function or the GROUP BY clause.");
            }
            return new Expr.ObjectConstructor(Aggregates.partial(Aggregates.requireSingle(item.expr())));
        });
        List<String> aliases = aliases(list);
        for (int i = 0; i < aliases.size(); i++) {
            aliasTypes.put(aliases.get(i), Aggregates.operator(list.items().get(i).expr()));
        }
        Query rewritten = withSelect(query, false, null,
                new Query.ListProjection(List.of(new Query.Item(payload, "payload"))), null, null);
        return info(distinctType(), top, offset, limit, List.of(), List.of(), List.of(), aliases, List.of(),
                aliasTypes, rewritten, false, false);
    }

    private QueryInfo groupBy(boolean value) {
        Query.Projection projection = query.select().projection();
        List<String> aggregates = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        Map<String, String> aliasTypes = new LinkedHashMap<>();
        Expr payload;
        if (projection instanceof Query.ValueProjection v) {
            payload = groupPart(v.expr());
            if (Aggregates.operator(v.expr()) != null) {
                payload = new Expr.ArrayConstructor(List.of(payload));
                aggregates.add(Aggregates.operator(v.expr()));
            }
        } else if (projection instanceof Query.ListProjection list) {
            payload = listPayload(list, item -> groupPart(item.expr()));
            aliases.addAll(aliases(list));
            for (int i = 0; i < aliases.size(); i++) {
                aliasTypes.put(aliases.get(i), Aggregates.operator(list.items().get(i).expr()));
            }
        } else {
            throw QueryErrors.general("'SELECT *' is not allowed with GROUP BY.");
        }
        List<Expr> groupItems = query.groupBy().stream().map(PlanBuilder::itemObject).toList();
        Query rewritten = withSelect(query, false, null, new Query.ListProjection(List.of(
                new Query.Item(new Expr.ArrayConstructor(groupItems), "groupByItems"),
                new Query.Item(payload, "payload"))), null, null);
        List<String> groupExpressions = query.groupBy().stream().map(QueryText::of).toList();
        return info(distinctType(), top, offset, limit, List.of(), List.of(), groupExpressions, aliases, aggregates,
                aliasTypes, rewritten, value, false);
    }

    // ---- helpers

    /** A GROUP BY projection part: an aggregate becomes its partial object, anything else stays. */
    private static Expr groupPart(Expr e) {
        if (Aggregates.operator(e) != null) {
            return new Expr.ObjectConstructor(Aggregates.partial((Expr.Call) e));
        }
        if (Aggregates.contains(e)) {
            throw Aggregates.composition();
        }
        return e;
    }

    private String distinctType() {
        return query.select().distinct() ? "Unordered" : "None";
    }

    /** The per-range query of a cross-partition OFFSET/LIMIT: the first offset + limit rows. */
    private Query firstRows(Query q) {
        return new Query(q.select(), q.from(), q.joins(), q.where(), q.groupBy(), q.orderBy(), number(0),
                number(offset + limit));
    }

    /** The query with another SELECT clause and OFFSET/LIMIT. */
    private static Query withSelect(Query q, boolean distinct, Expr top, Query.Projection projection,
                                    Expr offset, Expr limit) {
        return new Query(new Query.Select(distinct, top, projection), q.from(), q.joins(), q.where(), q.groupBy(),
                q.orderBy(), offset, limit);
    }

    private static Expr itemObject(Expr e) {
        return new Expr.ObjectConstructor(List.of(new Expr.PropertyDef("item", e)));
    }

    /** {@code SELECT *} as one value: the document, or an object of every alias when there are joins. */
    private Expr starPayload() {
        if (query.joins().isEmpty()) {
            return new Expr.Identifier(documentAlias());
        }
        List<Expr.PropertyDef> properties = new ArrayList<>();
        properties.add(new Expr.PropertyDef(documentAlias(), new Expr.Identifier(documentAlias())));
        for (Query.Source join : query.joins()) {
            String alias = sourceName(join);
            properties.add(new Expr.PropertyDef(alias, new Expr.Identifier(alias)));
        }
        return new Expr.ObjectConstructor(properties);
    }

    /** A list projection as one object: each item under its alias, the part made by {@code part}. */
    private static Expr listPayload(Query.ListProjection list, java.util.function.Function<Query.Item, Expr> part) {
        List<String> aliases = aliases(list);
        List<Expr.PropertyDef> properties = new ArrayList<>();
        for (int i = 0; i < aliases.size(); i++) {
            properties.add(new Expr.PropertyDef(aliases.get(i), part.apply(list.items().get(i))));
        }
        return new Expr.ObjectConstructor(properties);
    }

    /**
     * The output property name of each item: its alias, else the last property name of a path
     * ({@code c.name} is "name"), else {@code $1}, {@code $2}, ... in order.
     */
    static List<String> aliases(Query.ListProjection list) {
        List<String> aliases = new ArrayList<>();
        int generated = 0;
        for (Query.Item item : list.items()) {
            String alias = item.alias() != null ? item.alias() : inferredName(item.expr());
            aliases.add(alias != null ? alias : "$" + ++generated);
        }
        return aliases;
    }

    private static String inferredName(Expr e) {
        if (e instanceof Expr.Property p) {
            return p.name();
        }
        if (e instanceof Expr.Identifier id) {
            return id.name();
        }
        if (e instanceof Expr.Index ix && ix.index() instanceof Expr.Literal lit && lit.value() != null
                && lit.value().isTextual()) {
            return lit.value().textValue();
        }
        return null;
    }

    /** The name the FROM source binds (for {@code c._rid}). */
    private String documentAlias() {
        return query.from() == null ? "root" : sourceName(query.from());
    }

    private static String sourceName(Query.Source source) {
        if (source.alias() != null) {
            return source.alias();
        }
        if (source instanceof Query.PathSource p) {
            Expr path = p.path();
            if (path instanceof Expr.Identifier id) {
                return id.name();
            }
            if (path instanceof Expr.Property prop) {
                return prop.name();
            }
        }
        return "root";
    }

    private static boolean isPath(Expr e) {
        if (e instanceof Expr.Property p) {
            return isPath(p.target());
        }
        if (e instanceof Expr.Index ix) {
            return ix.index() instanceof Expr.Literal && isPath(ix.target());
        }
        return e instanceof Expr.Identifier;
    }

    private static boolean isVectorOrder(Expr e) {
        return e instanceof Expr.Call call && !call.udf()
                && VECTOR_ORDER_FUNCTIONS.contains(call.name().toUpperCase(Locale.ROOT));
    }

    /** A TOP/OFFSET/LIMIT count from a literal or parameter, or null when absent or not a count. */
    private Long count(Expr e) {
        JsonNode v = null;
        if (e instanceof Expr.Literal lit) {
            v = lit.value();
        } else if (e instanceof Expr.Parameter p) {
            v = parameters.get(p.name());
        }
        if (v == null || !v.isNumber() || v.doubleValue() != Math.rint(v.doubleValue()) || v.doubleValue() < 0) {
            return null;
        }
        return v.longValue();
    }

    private static Expr number(long n) {
        return new Expr.Literal(Json.NODES.numberNode(n));
    }

    private static QueryInfo info(String distinctType, Long top, Long offset, Long limit, List<String> orderBy,
                                  List<String> orderByExpressions, List<String> groupByExpressions,
                                  List<String> groupByAliases, List<String> aggregates,
                                  Map<String, String> aliasTypes, Query rewritten, boolean value,
                                  boolean nonStreaming) {
        return new QueryInfo(distinctType, top, offset, limit, orderBy, orderByExpressions, groupByExpressions,
                groupByAliases, aggregates, aliasTypes, rewritten == null ? "" : QueryText.of(rewritten), value,
                nonStreaming);
    }
}
