package io.cosmolite.engine.query.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import io.cosmolite.engine.query.ast.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds syntax trees in tests without the parser. */
final class Ast {
    private Ast() {}

    /** {@code root.a.b}: a path from a name through property names. */
    static Expr path(String root, String... names) {
        Expr e = new Expr.Identifier(root);
        for (String n : names) {
            e = new Expr.Property(e, n);
        }
        return e;
    }

    static Expr lit(Object v) {
        JsonNode node = v == null ? Json.NODES.nullNode() : Json.MAPPER.valueToTree(v);
        return new Expr.Literal(node);
    }

    static Expr param(String name) {
        return new Expr.Parameter(name);
    }

    static Expr bin(Expr.BinaryOp op, Expr l, Expr r) {
        return new Expr.Binary(op, l, r);
    }

    static Expr eq(Expr l, Expr r) {
        return bin(Expr.BinaryOp.EQUAL, l, r);
    }

    static Expr and(Expr l, Expr r) {
        return bin(Expr.BinaryOp.AND, l, r);
    }

    static Expr or(Expr l, Expr r) {
        return bin(Expr.BinaryOp.OR, l, r);
    }

    static Expr in(Expr v, Expr... items) {
        return new Expr.In(v, List.of(items), false);
    }

    static Expr call(String name, Expr... args) {
        return new Expr.Call(name, false, List.of(args), Span.NONE);
    }

    static Query.Item item(Expr e, String alias) {
        return new Query.Item(e, alias);
    }

    static Query.Item item(Expr e) {
        return new Query.Item(e, null);
    }

    /** A fluent query under construction. */
    static final class Q {
        private boolean distinct;
        private Expr top;
        private Query.Projection projection = new Query.Star();
        private Query.Source from;
        private final List<Query.Source> joins = new ArrayList<>();
        private Expr where;
        private final List<Expr> groupBy = new ArrayList<>();
        private final List<Query.SortItem> orderBy = new ArrayList<>();
        private Expr offset;
        private Expr limit;

        Q distinct() {
            distinct = true;
            return this;
        }

        Q top(Expr e) {
            top = e;
            return this;
        }

        Q value(Expr e) {
            projection = new Query.ValueProjection(e);
            return this;
        }

        Q list(Query.Item... items) {
            projection = new Query.ListProjection(Arrays.asList(items));
            return this;
        }

        Q from(String root, String alias) {
            from = new Query.PathSource(new Expr.Identifier(root), alias, false);
            return this;
        }

        Q join(String alias, Expr collection) {
            joins.add(new Query.PathSource(collection, alias, true));
            return this;
        }

        Q where(Expr e) {
            where = e;
            return this;
        }

        Q groupBy(Expr... es) {
            groupBy.addAll(List.of(es));
            return this;
        }

        Q orderBy(Expr e, boolean descending) {
            orderBy.add(new Query.SortItem(e, descending));
            return this;
        }

        Q offsetLimit(Expr o, Expr l) {
            offset = o;
            limit = l;
            return this;
        }

        Query build() {
            return new Query(new Query.Select(distinct, top, projection), from, List.copyOf(joins), where,
                    List.copyOf(groupBy), orderBy.isEmpty() ? null : new Query.OrderBy(List.copyOf(orderBy), false),
                    offset, limit);
        }
    }

    static Q select() {
        return new Q();
    }
}
