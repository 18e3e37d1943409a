package io.cosmolite.engine.query.plan;

import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import io.cosmolite.engine.query.ast.Span;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Aggregate calls in a plan: which calls are aggregates, the operator name the plan uses, and the
 * partial result each partition returns so that the client can combine them (an average travels as
 * its sum and count, a minimum or maximum with a count so that undefined can be told apart).
 */
final class Aggregates {

    /** Query-language name (upper case) to the plan's operator name. */
    private static final Map<String, String> OPERATORS = Map.of(
            "COUNT", "Count", "SUM", "Sum", "AVG", "Average", "MIN", "Min", "MAX", "Max",
            "MAKELIST", "MakeList", "MAKESET", "MakeSet", "COUNTIF", "CountIf");

    private Aggregates() {}

    /** The plan's operator name of an aggregate call, or null when the expression is not one. */
    static String operator(Expr e) {
        if (e instanceof Expr.Call call && !call.udf()) {
            return OPERATORS.get(call.name().toUpperCase(Locale.ROOT));
        }
        return null;
    }

    /** Whether an expression uses an aggregate anywhere outside nested subqueries. */
    static boolean contains(Expr e) {
        if (operator(e) != null) {
            return true;
        }
        if (e instanceof Expr.Property p) {
            return contains(p.target());
        } else if (e instanceof Expr.Index ix) {
            return contains(ix.target()) || contains(ix.index());
        } else if (e instanceof Expr.Unary u) {
            return contains(u.operand());
        } else if (e instanceof Expr.Binary b) {
            return contains(b.left()) || contains(b.right());
        } else if (e instanceof Expr.Between b) {
            return contains(b.value()) || contains(b.low()) || contains(b.high());
        } else if (e instanceof Expr.In in) {
            return contains(in.value()) || in.list().stream().anyMatch(Aggregates::contains);
        } else if (e instanceof Expr.Like l) {
            return contains(l.value()) || contains(l.pattern()) || (l.escape() != null && contains(l.escape()));
        } else if (e instanceof Expr.Conditional c) {
            return contains(c.condition()) || contains(c.whenTrue()) || contains(c.whenFalse());
        } else if (e instanceof Expr.Call c) {
            return c.args().stream().anyMatch(Aggregates::contains);
        } else if (e instanceof Expr.ObjectConstructor o) {
            return o.properties().stream().anyMatch(p -> contains(p.value()));
        } else if (e instanceof Expr.ArrayConstructor a) {
            return a.items().stream().anyMatch(Aggregates::contains);
        }
        // Literals, parameters, identifiers; subqueries aggregate on their own.
        return false;
    }

    /** Whether the projection of a query (not its subqueries) uses an aggregate. */
    static boolean inProjection(Query.Projection projection) {
        if (projection instanceof Query.ValueProjection v) {
            return contains(v.expr());
        }
        return projection instanceof Query.ListProjection l && l.items().stream().anyMatch(i -> contains(i.expr()));
    }

    /**
     * The properties of the partial-result object a partition returns for one aggregate call:
     * {@code "item": COUNT(x)}; {@code "item": {"sum": SUM(x), "count": COUNT(x)}} for AVG;
     * {@code "item": MIN(x), "item2": {"min": MIN(x), "count": COUNT(x)}} for MIN (and MAX alike).
     */
    static List<Expr.PropertyDef> partial(Expr.Call call) {
        String op = operator(call);
        if (op == null) {
            throw new IllegalArgumentException("not an aggregate: " + call);
        }
        for (Expr arg : call.args()) {
            if (contains(arg)) {
                throw nested();
            }
        }
        return switch (op) {
            case "Average" -> List.of(new Expr.PropertyDef("item", new Expr.ObjectConstructor(List.of(
                    new Expr.PropertyDef("sum", generated("SUM", call)),
                    new Expr.PropertyDef("count", generated("COUNT", call))))));
            case "Min", "Max" -> List.of(
                    new Expr.PropertyDef("item", call),
                    new Expr.PropertyDef("item2", new Expr.ObjectConstructor(List.of(
                            new Expr.PropertyDef(op.toLowerCase(Locale.ROOT),
                                    generated(op.toUpperCase(Locale.ROOT), call)),
                            new Expr.PropertyDef("count", generated("COUNT", call))))));
            default -> List.of(new Expr.PropertyDef("item", call));
        };
    }

    /** The one aggregate call an expression must be, or the gateway's error for anything else. */
    static Expr.Call requireSingle(Expr e) {
        if (operator(e) != null) {
            return (Expr.Call) e;
        }
        throw composition();
    }

    /** The gateway's error for an aggregate inside another expression. */
    static CosmosException composition() {
        return new CosmosException(ErrorCode.BAD_REQUEST,
                "{\"Errors\":[\"Compositions of aggregates and other expressions are not allowed.\"]}", 0);
    }

    private static CosmosException nested() {
        return new CosmosException(ErrorCode.BAD_REQUEST,
                "{\"errors\":[{\"severity\":\"Error\",\"code\":\"SC2101\",\"message\":\"Cannot perform an aggregate "
                        + "function on an expression containing an aggregate or a subquery.\"}]}", 0);
    }

    private static Expr.Call generated(String name, Expr.Call of) {
        return new Expr.Call(name, false, of.args(), Span.NONE);
    }
}
