package io.cosmolite.engine.query.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.EffectivePartitionKey;
import io.cosmolite.engine.partition.PartitionKeyComponent;
import io.cosmolite.engine.partition.PartitionKeyDefinition;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The effective-partition-key ranges a query can touch, as the gateway derives them from the WHERE
 * clause: equality of a partition key path with a constant (or parameter), IN lists, ARRAY_CONTAINS
 * over a constant array, IS_NULL and IS_BOOL, a bare boolean path and its NOT, combined through AND
 * and OR. A full key gives a point range {@code [epk, epk]}; a hierarchical prefix the range
 * {@code [epk, epk + "FF")}; anything unconstrained the whole space {@code ["", "FF")}; a filter
 * that can match nothing (or a query without FROM) the empty point {@code ["", ""]}.
 *
 * <p>Constraints are kept as a set of key tuples, one slot per partition key path, a null slot
 * meaning "any value"; AND intersects the sets, OR unites them.
 */
final class QueryRanges {

    /** Beyond this many tuples the analysis gives up and answers the whole key space. */
    private static final int MAX_TUPLES = 10_000;

    /** One EPK range of a plan. */
    record Range(String min, String max, boolean minInclusive, boolean maxInclusive) {
        static final Range FULL = new Range(EffectivePartitionKey.MIN, EffectivePartitionKey.MAX, true, false);
        static final Range EMPTY = new Range(EffectivePartitionKey.MIN, EffectivePartitionKey.MIN, true, true);

        boolean isPoint() {
            return minInclusive && maxInclusive && min.equals(max);
        }

        boolean contains(Range other) {
            if (min.compareTo(other.min) > 0 || (min.equals(other.min) && !minInclusive && other.minInclusive)) {
                return false;
            }
            int c = other.max.compareTo(max);
            return c < 0 || (c == 0 && (maxInclusive || !other.maxInclusive));
        }
    }

    private final PartitionKeyDefinition definition;
    private final List<List<String>> paths;
    private final String root;
    private final Map<String, JsonNode> parameters;

    private QueryRanges(PartitionKeyDefinition definition, String root, Map<String, JsonNode> parameters) {
        this.definition = definition;
        this.paths = definition.propertyNames();
        this.root = root;
        this.parameters = parameters;
    }

    /** The sorted ranges of a query. */
    static List<Range> of(Query query, Map<String, JsonNode> parameters, PartitionKeyDefinition definition) {
        if (query.from() == null) {
            return List.of(Range.EMPTY);
        }
        String root = documentAlias(query.from());
        if (root == null || query.where() == null) {
            return List.of(Range.FULL);
        }
        QueryRanges analysis = new QueryRanges(definition, root, parameters);
        return analysis.toRanges(analysis.analyze(query.where()));
    }

    /** The name a FROM source binds to whole documents, or null when it binds something else. */
    private static String documentAlias(Query.Source from) {
        if (from instanceof Query.PathSource p && !p.iterate() && p.path() instanceof Expr.Identifier id) {
            return p.alias() != null ? p.alias() : id.name();
        }
        return null;
    }

    private Set<List<PartitionKeyComponent>> full() {
        List<PartitionKeyComponent> any = Arrays.asList(new PartitionKeyComponent[paths.size()]);
        return Set.of(any);
    }

    private Set<List<PartitionKeyComponent>> point(int path, PartitionKeyComponent value) {
        List<PartitionKeyComponent> tuple = Arrays.asList(new PartitionKeyComponent[paths.size()]);
        tuple.set(path, value);
        return Set.of(tuple);
    }

    private Set<List<PartitionKeyComponent>> points(int path, List<PartitionKeyComponent> values) {
        Set<List<PartitionKeyComponent>> set = new LinkedHashSet<>();
        for (PartitionKeyComponent v : values) {
            set.addAll(point(path, v));
        }
        return set;
    }

    private Set<List<PartitionKeyComponent>> analyze(Expr e) {
        if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.AND) {
            return intersect(analyze(b.left()), analyze(b.right()));
        }
        if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.OR) {
            return union(analyze(b.left()), analyze(b.right()));
        }
        if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.EQUAL) {
            Set<List<PartitionKeyComponent>> eq = equality(b.left(), b.right());
            if (eq == null) {
                eq = equality(b.right(), b.left());
            }
            return eq != null ? eq : full();
        }
        if (e instanceof Expr.In in && !in.not() && pathIndex(in.value()) >= 0) {
            List<PartitionKeyComponent> values = new ArrayList<>();
            for (Expr item : in.list()) {
                JsonNode v = constant(item);
                if (v == null) {
                    return full();
                }
                values.add(component(v));
            }
            return points(pathIndex(in.value()), values);
        }
        if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT && pathIndex(u.operand()) >= 0) {
            return point(pathIndex(u.operand()), PartitionKeyComponent.of(false));
        }
        if (e instanceof Expr.Literal lit) {
            // WHERE keeps only true: a literal true keeps everything, any other literal nothing.
            return lit.value() != null && lit.value().isBoolean() && lit.value().booleanValue() ? full() : Set.of();
        }
        if (e instanceof Expr.Call call && !call.udf()) {
            return function(call);
        }
        if (e instanceof Expr.Like like && !like.not() && pathIndex(like.value()) >= 0) {
            String exact = exactLike(constant(like.pattern()), like.escape() == null ? null : constant(like.escape()));
            return exact == null ? full() : point(pathIndex(like.value()), PartitionKeyComponent.of(exact));
        }
        int path = pathIndex(e);
        return path >= 0 ? point(path, PartitionKeyComponent.of(true)) : full();
    }

    private Set<List<PartitionKeyComponent>> equality(Expr maybePath, Expr maybeConstant) {
        int path = pathIndex(maybePath);
        JsonNode v = path >= 0 ? constant(maybeConstant) : null;
        return v == null ? null : point(path, component(v));
    }

    private Set<List<PartitionKeyComponent>> function(Expr.Call call) {
        String name = call.name().toUpperCase(Locale.ROOT);
        List<Expr> args = call.args();
        if (args.size() == 1 && pathIndex(args.get(0)) >= 0) {
            int path = pathIndex(args.get(0));
            if (name.equals("IS_NULL")) {
                return point(path, PartitionKeyComponent.NULL);
            }
            if (name.equals("IS_BOOL")) {
                return points(path, List.of(PartitionKeyComponent.of(false), PartitionKeyComponent.of(true)));
            }
        }
        boolean arrayContains = name.equals("ARRAY_CONTAINS") || name.equals("_TRY_ARRAY_CONTAINS");
        if (arrayContains && (args.size() == 2 || (args.size() == 3 && isFalse(args.get(2))))
                && pathIndex(args.get(1)) >= 0) {
            JsonNode array = constant(args.get(0));
            if (array != null && array.isArray()) {
                List<PartitionKeyComponent> values = new ArrayList<>();
                for (JsonNode item : array) {
                    if (item.isContainerNode()) {
                        return full();
                    }
                    values.add(component(item));
                }
                return points(pathIndex(args.get(1)), values);
            }
        }
        return full();
    }

    private boolean isFalse(Expr e) {
        JsonNode v = constant(e);
        return v != null && v.isBoolean() && !v.booleanValue();
    }

    /** The index of the partition key path an expression reads, or -1. */
    private int pathIndex(Expr e) {
        List<String> names = new ArrayList<>();
        Expr at = e;
        while (true) {
            if (at instanceof Expr.Property p) {
                names.add(0, p.name());
                at = p.target();
            } else if (at instanceof Expr.Index ix && ix.index() instanceof Expr.Literal lit
                    && lit.value() != null && lit.value().isTextual()) {
                names.add(0, lit.value().textValue());
                at = ix.target();
            } else {
                break;
            }
        }
        if (!(at instanceof Expr.Identifier id) || !id.name().equals(root) || names.isEmpty()) {
            return -1;
        }
        return paths.indexOf(names);
    }

    /** The value of a constant expression (literal, parameter, constructor of constants), or null. */
    private JsonNode constant(Expr e) {
        if (e instanceof Expr.Literal lit) {
            return lit.value();
        }
        if (e instanceof Expr.Parameter p) {
            return parameters == null ? null : parameters.get(p.name());
        }
        if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.MINUS) {
            JsonNode v = constant(u.operand());
            return v != null && v.isNumber() ? Json.NODES.numberNode(-v.doubleValue()) : null;
        }
        if (e instanceof Expr.ArrayConstructor a) {
            var array = Json.NODES.arrayNode();
            for (Expr item : a.items()) {
                JsonNode v = constant(item);
                if (v == null) {
                    return null;
                }
                array.add(v);
            }
            return array;
        }
        if (e instanceof Expr.ObjectConstructor o) {
            var object = Json.NODES.objectNode();
            for (Expr.PropertyDef p : o.properties()) {
                JsonNode v = constant(p.value());
                if (v == null) {
                    return null;
                }
                object.set(p.name(), v);
            }
            return object;
        }
        return null;
    }

    /**
     * The key component a compared value stands for. Arrays and objects cannot be partition keys;
     * the gateway maps them to the undefined component, and so does this.
     */
    private static PartitionKeyComponent component(JsonNode v) {
        if (v.isContainerNode()) {
            return PartitionKeyComponent.UNDEFINED;
        }
        if (v.isNumber() && !Double.isFinite(v.doubleValue())) {
            return PartitionKeyComponent.UNDEFINED;
        }
        return PartitionKeyComponent.fromJson(v);
    }

    private Set<List<PartitionKeyComponent>> union(Set<List<PartitionKeyComponent>> a,
                                                   Set<List<PartitionKeyComponent>> b) {
        Set<List<PartitionKeyComponent>> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all.size() > MAX_TUPLES ? full() : all;
    }

    private Set<List<PartitionKeyComponent>> intersect(Set<List<PartitionKeyComponent>> a,
                                                       Set<List<PartitionKeyComponent>> b) {
        if ((long) a.size() * b.size() > MAX_TUPLES * 10L) {
            return a.size() <= b.size() ? a : b;
        }
        Set<List<PartitionKeyComponent>> out = new LinkedHashSet<>();
        for (List<PartitionKeyComponent> x : a) {
            for (List<PartitionKeyComponent> y : b) {
                List<PartitionKeyComponent> merged = merge(x, y);
                if (merged != null) {
                    out.add(merged);
                }
            }
        }
        return out.size() > MAX_TUPLES ? full() : out;
    }

    private static List<PartitionKeyComponent> merge(List<PartitionKeyComponent> x, List<PartitionKeyComponent> y) {
        PartitionKeyComponent[] merged = new PartitionKeyComponent[x.size()];
        for (int i = 0; i < merged.length; i++) {
            PartitionKeyComponent a = x.get(i);
            PartitionKeyComponent b = y.get(i);
            if (a != null && b != null && !a.equals(b)) {
                return null;
            }
            merged[i] = a != null ? a : b;
        }
        return Arrays.asList(merged);
    }

    /** The tuples as sorted EPK ranges, without ranges that another one covers. */
    private List<Range> toRanges(Set<List<PartitionKeyComponent>> tuples) {
        if (tuples.isEmpty()) {
            return List.of(Range.EMPTY);
        }
        List<Range> ranges = new ArrayList<>();
        for (List<PartitionKeyComponent> tuple : tuples) {
            int known = 0;
            while (known < tuple.size() && tuple.get(known) != null) {
                known++;
            }
            if (known == 0) {
                return List.of(Range.FULL);
            }
            PartitionKeyValue value = new PartitionKeyValue(tuple.subList(0, known));
            String epk = EffectivePartitionKey.of(value, definition);
            ranges.add(known == tuple.size()
                    ? new Range(epk, epk, true, true)
                    : new Range(epk, epk + EffectivePartitionKey.MAX, true, false));
        }
        ranges.sort(Comparator.comparing(Range::min).thenComparing(Range::max));
        List<Range> kept = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            Range r = ranges.get(i);
            boolean covered = false;
            for (int j = 0; j < ranges.size() && !covered; j++) {
                Range other = ranges.get(j);
                // Of two equal ranges the first stays.
                covered = j != i && other.contains(r) && (!r.contains(other) || j < i);
            }
            if (!covered) {
                kept.add(r);
            }
        }
        return List.copyOf(kept);
    }

    /**
     * The one string a LIKE pattern matches when it has no wildcard ({@code %}, {@code _},
     * {@code [}) outside escapes, or null.
     */
    private static String exactLike(JsonNode pattern, JsonNode escape) {
        if (pattern == null || !pattern.isTextual() || (escape != null && !escape.isTextual())) {
            return null;
        }
        String esc = escape == null ? null : escape.textValue();
        if (esc != null && esc.length() != 1) {
            return null;
        }
        String p = pattern.textValue();
        StringBuilder exact = new StringBuilder(p.length());
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (esc != null && c == esc.charAt(0)) {
                if (++i == p.length()) {
                    return null;
                }
                exact.append(p.charAt(i));
            } else if (c == '%' || c == '_' || c == '[') {
                return null;
            } else {
                exact.append(c);
            }
        }
        return exact.toString();
    }
}
