package io.cosmolite.engine.query.parser;

import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints trees as compact, fully parenthesised text so that tests can state a tree's shape in one
 * line: operators as {@code (ADD a b)}, members as {@code c.a} and {@code c[0]}, calls as
 * {@code f(a, b)}, literals as JSON ({@code undefined} for undefined).
 */
final class AstPrinter {
    private AstPrinter() {}

    static String print(Query q) {
        StringBuilder b = new StringBuilder("SELECT");
        if (q.select().distinct()) {
            b.append(" DISTINCT");
        }
        if (q.select().top() != null) {
            b.append(" TOP ").append(print(q.select().top()));
        }
        b.append(' ').append(projection(q.select().projection()));
        if (q.from() != null) {
            b.append(" FROM ").append(print(q.from()));
        }
        for (Query.Source j : q.joins()) {
            b.append(" JOIN ").append(print(j));
        }
        if (q.where() != null) {
            b.append(" WHERE ").append(print(q.where()));
        }
        if (!q.groupBy().isEmpty()) {
            b.append(" GROUP BY ").append(list(q.groupBy()));
        }
        if (q.orderBy() != null) {
            b.append(" ORDER BY ").append(q.orderBy().rank() ? "RANK " : "").append(q.orderBy().items().stream()
                    .map(i -> print(i.expr()) + (i.descending() ? " DESC" : ""))
                    .collect(Collectors.joining(", ")));
        }
        if (q.offset() != null) {
            b.append(" OFFSET ").append(print(q.offset())).append(" LIMIT ").append(print(q.limit()));
        }
        return b.toString();
    }

    private static String projection(Query.Projection p) {
        if (p instanceof Query.Star) {
            return "*";
        }
        if (p instanceof Query.ValueProjection v) {
            return "VALUE " + print(v.expr());
        }
        return ((Query.ListProjection) p).items().stream()
                .map(i -> print(i.expr()) + (i.alias() == null ? "" : " AS " + i.alias()))
                .collect(Collectors.joining(", "));
    }

    static String print(Query.Source s) {
        if (s instanceof Query.PathSource p) {
            if (p.iterate()) {
                return p.alias() + " IN " + print(p.path());
            }
            return print(p.path()) + (p.alias() == null ? "" : " AS " + p.alias());
        }
        Query.SubquerySource q = (Query.SubquerySource) s;
        return "(" + print(q.query()) + ")" + (q.alias() == null ? "" : " AS " + q.alias());
    }

    static String print(Expr e) {
        if (e instanceof Expr.Literal l) {
            if (l.value() == null) {
                return "undefined";
            }
            return l.value().isNumber() && !Double.isFinite(l.value().doubleValue())
                    ? String.valueOf(l.value().doubleValue()) : l.value().toString();
        } else if (e instanceof Expr.Parameter p) {
            return p.name();
        } else if (e instanceof Expr.Identifier i) {
            return i.name();
        } else if (e instanceof Expr.Property p) {
            return print(p.target()) + "." + p.name();
        } else if (e instanceof Expr.Index i) {
            return print(i.target()) + "[" + print(i.index()) + "]";
        } else if (e instanceof Expr.Unary u) {
            return "(" + u.op() + " " + print(u.operand()) + ")";
        } else if (e instanceof Expr.Binary bin) {
            return "(" + bin.op() + " " + print(bin.left()) + " " + print(bin.right()) + ")";
        } else if (e instanceof Expr.Between bt) {
            return "(" + (bt.not() ? "NOT_" : "") + "BETWEEN " + print(bt.value()) + " " + print(bt.low()) + " "
                    + print(bt.high()) + ")";
        } else if (e instanceof Expr.In in) {
            return "(" + (in.not() ? "NOT_" : "") + "IN " + print(in.value()) + " [" + list(in.list()) + "])";
        } else if (e instanceof Expr.Like lk) {
            return "(" + (lk.not() ? "NOT_" : "") + "LIKE " + print(lk.value()) + " " + print(lk.pattern())
                    + (lk.escape() == null ? "" : " " + print(lk.escape())) + ")";
        } else if (e instanceof Expr.Conditional c) {
            return "(? " + print(c.condition()) + " " + print(c.whenTrue()) + " " + print(c.whenFalse()) + ")";
        } else if (e instanceof Expr.Call c) {
            return (c.udf() ? "udf." : "") + c.name() + "(" + list(c.args()) + ")";
        } else if (e instanceof Expr.ObjectConstructor o) {
            return "{" + o.properties().stream().map(p -> p.name() + ": " + print(p.value()))
                    .collect(Collectors.joining(", ")) + "}";
        } else if (e instanceof Expr.ArrayConstructor a) {
            return "[" + list(a.items()) + "]";
        } else if (e instanceof Expr.ScalarSubquery s) {
            return "(" + print(s.query()) + ")";
        } else if (e instanceof Expr.Exists x) {
            return "EXISTS(" + print(x.query()) + ")";
        } else {
            return "ARRAY(" + print(((Expr.ArraySubquery) e).query()) + ")";
        }
    }

    private static String list(List<Expr> items) {
        return items.stream().map(AstPrinter::print).collect(Collectors.joining(", "));
    }
}
