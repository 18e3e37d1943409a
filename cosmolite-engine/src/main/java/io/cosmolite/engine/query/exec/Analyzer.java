package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.QueryErrors;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import io.cosmolite.engine.query.ast.Span;
import io.cosmolite.engine.query.functions.BuiltinFunction;
import io.cosmolite.engine.query.functions.Functions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic checks Cosmos DB makes before running a query, each a 400 with Cosmos's code and
 * wording: unknown identifiers and parameters (SC2001), unknown functions (SC2005), wrong argument
 * counts (SC2050), user-defined functions, aggregates outside SELECT, {@code SELECT *} misuse, and
 * what GROUP BY allows in the select list.
 */
final class Analyzer {
    /** Faults Cosmos DB reports without a documented code of their own. */
    private static final String SEMANTIC = "SC3000";

    private final String text;
    private final Map<String, JsonNode> parameters;

    private Analyzer(String text, Map<String, JsonNode> parameters) {
        this.text = text;
        this.parameters = parameters;
    }

    /** Checks a whole query; throws the first fault found. */
    static void check(Query q, String text, Map<String, JsonNode> parameters) {
        new Analyzer(text, parameters).query(q, List.of(), true);
    }

    /**
     * Checks one query. {@code outer} holds the aliases of enclosing queries; {@code containerLevel}
     * is true when the query's FROM reads the container (the top level and FROM subqueries of it),
     * false for correlated subqueries, whose FROM must start at an alias in scope.
     */
    private void query(Query q, List<String> outer, boolean containerLevel) {
        List<String> scope = new ArrayList<>(outer);
        Query.Projection projection = q.select().projection();
        if (projection instanceof Query.Star) {
            if (q.from() == null) {
                throw QueryErrors.at("SC1001", 0, text.length(),
                        "Syntax error, 'SELECT *' is not valid if FROM clause is omitted.");
            }
            if (!q.joins().isEmpty()) {
                throw semantic("'SELECT *' is only valid with a single input set.");
            }
            if (!q.groupBy().isEmpty()) {
                throw semantic("'SELECT *' is not valid with GROUP BY.");
            }
        }
        if (q.from() != null) {
            source(q.from(), scope, containerLevel);
            scope.add(Exprs.aliasOf(q.from()));
        }
        Set<String> aliases = new HashSet<>();
        if (q.from() != null && Exprs.aliasOf(q.from()) != null) {
            aliases.add(Exprs.aliasOf(q.from()));
        }
        for (Query.Source join : q.joins()) {
            source(join, scope, false);
            String alias = Exprs.aliasOf(join);
            if (alias != null && !aliases.add(alias)) {
                throw semantic("The alias '" + alias + "' is defined more than once in the FROM clause.");
            }
            scope.add(alias);
        }
        scalar(q.where(), scope, false, "WHERE");
        for (Expr g : q.groupBy()) {
            scalar(g, scope, false, "GROUP BY");
        }
        for (Expr e : Exprs.projected(q)) {
            scalar(e, scope, true, "SELECT");
        }
        if (q.orderBy() != null) {
            for (Query.SortItem s : q.orderBy().items()) {
                scalar(s.expr(), scope, !q.groupBy().isEmpty(), "ORDER BY");
            }
        }
        count(q.select().top(), "TOP");
        count(q.offset(), "OFFSET");
        count(q.limit(), "LIMIT");
        grouping(q);
    }

    private void source(Query.Source source, List<String> scope, boolean containerLevel) {
        if (source instanceof Query.SubquerySource s) {
            query(s.query(), containerLevel ? List.of() : scope, containerLevel);
            return;
        }
        Query.PathSource p = (Query.PathSource) source;
        Expr.Identifier root = Exprs.rootOf(p.path());
        if (!containerLevel && root != null && !scope.contains(root.name())) {
            throw unresolved(root.name());
        }
        // The path's other parts (index expressions) may only use constants.
        for (Expr child : Exprs.children(p.path())) {
            if (!(child instanceof Expr.Identifier) && !(child instanceof Expr.Property) && !(child instanceof Expr.Index)) {
                scalar(child, scope, false, "FROM");
            }
        }
    }

    /** Checks a scalar expression; aggregates are allowed only where {@code aggregatesAllowed}. */
    private void scalar(Expr e, List<String> scope, boolean aggregatesAllowed, String clause) {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.Identifier id) {
            if (!scope.contains(id.name())) {
                throw unresolved(id.name());
            }
            return;
        }
        if (e instanceof Expr.Parameter p) {
            if (!parameters.containsKey(p.name())) {
                throw unresolved(p.name());
            }
            return;
        }
        if (e instanceof Expr.ScalarSubquery s) {
            query(s.query(), scope, false);
            return;
        }
        if (e instanceof Expr.Exists x) {
            query(x.query(), scope, false);
            return;
        }
        if (e instanceof Expr.ArraySubquery a) {
            query(a.query(), scope, false);
            return;
        }
        if (e instanceof Expr.Call c) {
            call(c, aggregatesAllowed, clause);
            boolean nested = Exprs.isAggregate(c) ? false : aggregatesAllowed;
            for (Expr arg : c.args()) {
                scalar(arg, scope, nested, clause);
            }
            return;
        }
        for (Expr child : Exprs.children(e)) {
            scalar(child, scope, aggregatesAllowed, clause);
        }
    }

    private void call(Expr.Call c, boolean aggregatesAllowed, String clause) {
        Span span = c.span() == null ? Span.NONE : c.span();
        if (c.udf()) {
            throw QueryErrors.at("SC2005", span.start(), span.end(), "'udf." + c.name()
                    + "' is not a recognized user-defined function: Cosmolite does not run user-defined functions.");
        }
        BuiltinFunction f = Functions.lookup(c.name());
        if (f == null) {
            throw QueryErrors.at("SC2005", span.start(), span.end(),
                    "'" + c.name() + "' is not a recognized built-in function name.");
        }
        int n = c.args().size();
        if (n < f.minArgs() || n > f.maxArgs()) {
            throw QueryErrors.at("SC2050", span.start(), span.end(),
                    "The " + f.name().toUpperCase(java.util.Locale.ROOT) + " function requires " + arity(f) + " argument(s).");
        }
        if (f.isAggregate() && !aggregatesAllowed) {
            throw QueryErrors.at(SEMANTIC, span.start(), span.end(), "Aggregate function '"
                    + f.name() + "' is not allowed in the " + clause + " clause: aggregates may appear in SELECT only, "
                    + "and not inside another aggregate.");
        }
    }

    private static String arity(BuiltinFunction f) {
        if (f.minArgs() == f.maxArgs()) {
            return String.valueOf(f.minArgs());
        }
        return f.maxArgs() == Integer.MAX_VALUE ? "at least " + f.minArgs() : f.minArgs() + " to " + f.maxArgs();
    }

    /**
     * With aggregates or GROUP BY, every value the select list reads outside an aggregate must be
     * a GROUP BY expression (without GROUP BY: no property reference at all).
     */
    private void grouping(Query q) {
        boolean grouped = !q.groupBy().isEmpty();
        if (!grouped && Exprs.aggregatesOf(q).isEmpty()) {
            return;
        }
        for (Expr e : Exprs.projected(q)) {
            groupedReference(e, q.groupBy());
        }
    }

    private void groupedReference(Expr e, List<Expr> groupBy) {
        if (Exprs.isAggregate(e) || groupBy.stream().anyMatch(g -> Exprs.sameTree(g, e))) {
            return;
        }
        if (e instanceof Expr.Identifier || e instanceof Expr.Property || e instanceof Expr.Index) {
            if (Exprs.rootOf(e) != null) {
                String ref = describe(e);
                throw semantic("Property reference '" + ref + "' is invalid in the select list because it is not "
                        + "contained in either an aggregate function or the GROUP BY clause.");
            }
        }
        for (Expr child : Exprs.children(e)) {
            groupedReference(child, groupBy);
        }
    }

    private static String describe(Expr e) {
        if (e instanceof Expr.Identifier id) {
            return id.name();
        }
        if (e instanceof Expr.Property p) {
            return describe(p.target()) + "." + p.name();
        }
        if (e instanceof Expr.Index i) {
            return describe(i.target()) + "[...]";
        }
        return "?";
    }

    /** Checks a TOP, OFFSET or LIMIT count: a literal or parameter holding a non-negative integer. */
    private void count(Expr e, String clause) {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.Parameter p && !parameters.containsKey(p.name())) {
            throw unresolved(p.name());
        }
        countValue(e, parameters, clause);
    }

    /** The value of a TOP, OFFSET or LIMIT count; a 400 unless it is a non-negative integer. */
    static long countValue(Expr e, Map<String, JsonNode> parameters, String clause) {
        JsonNode v = e instanceof Expr.Literal l ? l.value()
                : e instanceof Expr.Parameter p ? parameters.get(p.name()) : null;
        if (v == null || !v.isNumber() || v.doubleValue() != Math.rint(v.doubleValue()) || v.doubleValue() < 0
                || v.doubleValue() > Integer.MAX_VALUE) {
            throw QueryErrors.general("The count value provided for a " + clause
                    + " clause must be a non-negative integer (up to " + Integer.MAX_VALUE + ").");
        }
        return v.longValue();
    }

    private CosmosException unresolved(String name) {
        Span at = Locator.find(text, name);
        return QueryErrors.at("SC2001", at.start(), at.end(), "Identifier '" + name + "' could not be resolved.");
    }

    private CosmosException semantic(String message) {
        return QueryErrors.at(SEMANTIC, 0, text.length(), message);
    }
}
