package io.cosmolite.engine.query.exec;

import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import io.cosmolite.engine.query.functions.BuiltinFunction;
import io.cosmolite.engine.query.functions.Functions;
import java.util.ArrayList;
import java.util.List;

/** Structural helpers over expression trees: children, aggregate calls, the root of a path. */
final class Exprs {
    private Exprs() {}

    /** The direct sub-expressions of {@code e}; subqueries are not entered. */
    static List<Expr> children(Expr e) {
        if (e instanceof Expr.Property p) {
            return List.of(p.target());
        }
        if (e instanceof Expr.Index i) {
            return List.of(i.target(), i.index());
        }
        if (e instanceof Expr.Unary u) {
            return List.of(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return List.of(b.left(), b.right());
        }
        if (e instanceof Expr.Between b) {
            return List.of(b.value(), b.low(), b.high());
        }
        if (e instanceof Expr.In in) {
            List<Expr> all = new ArrayList<>(in.list().size() + 1);
            all.add(in.value());
            all.addAll(in.list());
            return all;
        }
        if (e instanceof Expr.Like l) {
            return l.escape() == null ? List.of(l.value(), l.pattern()) : List.of(l.value(), l.pattern(), l.escape());
        }
        if (e instanceof Expr.Conditional c) {
            return List.of(c.condition(), c.whenTrue(), c.whenFalse());
        }
        if (e instanceof Expr.Call c) {
            return c.args();
        }
        if (e instanceof Expr.ObjectConstructor o) {
            return o.properties().stream().map(Expr.PropertyDef::value).toList();
        }
        if (e instanceof Expr.ArrayConstructor a) {
            return a.items();
        }
        return List.of();
    }

    /**
     * True when two expressions are the same tree, whatever the positions of their function calls in
     * the text (GROUP BY matching compares a select expression with a GROUP BY one).
     */
    static boolean sameTree(Expr a, Expr b) {
        if (a instanceof Expr.Call x && b instanceof Expr.Call y) {
            if (!x.name().equalsIgnoreCase(y.name()) || x.udf() != y.udf() || x.args().size() != y.args().size()) {
                return false;
            }
            for (int i = 0; i < x.args().size(); i++) {
                if (!sameTree(x.args().get(i), y.args().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        List<Expr> ca = children(a);
        List<Expr> cb = children(b);
        if (ca.isEmpty() || ca.size() != cb.size()) {
            return a.equals(b);
        }
        for (int i = 0; i < ca.size(); i++) {
            if (!sameTree(ca.get(i), cb.get(i))) {
                return false;
            }
        }
        return shallowEquals(a, b);
    }

    /** Equality of what a node holds besides its children. */
    private static boolean shallowEquals(Expr a, Expr b) {
        if (a instanceof Expr.Property x) {
            return x.name().equals(((Expr.Property) b).name());
        }
        if (a instanceof Expr.Unary x) {
            return x.op() == ((Expr.Unary) b).op();
        }
        if (a instanceof Expr.Binary x) {
            return x.op() == ((Expr.Binary) b).op();
        }
        if (a instanceof Expr.Between x) {
            return x.not() == ((Expr.Between) b).not();
        }
        if (a instanceof Expr.In x) {
            return x.not() == ((Expr.In) b).not();
        }
        if (a instanceof Expr.Like x) {
            return x.not() == ((Expr.Like) b).not() && (x.escape() == null) == (((Expr.Like) b).escape() == null);
        }
        if (a instanceof Expr.ObjectConstructor x) {
            return x.properties().stream().map(Expr.PropertyDef::name).toList()
                    .equals(((Expr.ObjectConstructor) b).properties().stream().map(Expr.PropertyDef::name).toList());
        }
        return true;
    }

    /** True for a call of COUNT, SUM, AVG, MIN, MAX or another aggregate. */
    static boolean isAggregate(Expr e) {
        if (e instanceof Expr.Call c && !c.udf()) {
            BuiltinFunction f = Functions.lookup(c.name());
            return f != null && f.isAggregate();
        }
        return false;
    }

    /** The aggregate calls in {@code e}, outermost first, outside subqueries. */
    static void collectAggregates(Expr e, List<Expr.Call> out) {
        if (e == null) {
            return;
        }
        if (isAggregate(e)) {
            out.add((Expr.Call) e);
            return;
        }
        for (Expr child : children(e)) {
            collectAggregates(child, out);
        }
    }

    /** The aggregate calls of a query's SELECT clause (where Cosmos DB allows them). */
    static List<Expr.Call> aggregatesOf(Query q) {
        List<Expr.Call> out = new ArrayList<>();
        for (Expr e : projected(q)) {
            collectAggregates(e, out);
        }
        return out;
    }

    /** The expressions of the SELECT clause. */
    static List<Expr> projected(Query q) {
        if (q.select().projection() instanceof Query.ValueProjection v) {
            return List.of(v.expr());
        }
        if (q.select().projection() instanceof Query.ListProjection l) {
            return l.items().stream().map(Query.Item::expr).toList();
        }
        return List.of();
    }

    /** The identifier a FROM or JOIN path starts at. */
    static Expr.Identifier rootOf(Expr path) {
        Expr e = path;
        while (true) {
            if (e instanceof Expr.Identifier id) {
                return id;
            }
            if (e instanceof Expr.Property p) {
                e = p.target();
            } else if (e instanceof Expr.Index i) {
                e = i.target();
            } else {
                return null;
            }
        }
    }

    /**
     * The name a source binds: its alias, else the container or property name its path ends with,
     * as Cosmos DB infers it; null for an unaliased subquery.
     */
    static String aliasOf(Query.Source source) {
        if (source.alias() != null) {
            return source.alias();
        }
        if (source instanceof Query.PathSource p) {
            if (p.path() instanceof Expr.Identifier id) {
                return id.name();
            }
            if (p.path() instanceof Expr.Property prop) {
                return prop.name();
            }
        }
        return null;
    }
}
