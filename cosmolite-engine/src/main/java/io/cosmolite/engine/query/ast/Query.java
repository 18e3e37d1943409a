package io.cosmolite.engine.query.ast;

import java.util.List;

/**
 * A whole {@code SELECT} query. Optional clauses are null when absent ({@code joins} and
 * {@code groupBy} are empty lists instead).
 *
 * @param select  the SELECT clause
 * @param from    the FROM source, or null for a query without FROM ({@code SELECT 1})
 * @param joins   the JOIN sources in order
 * @param where   the WHERE condition, or null
 * @param groupBy the GROUP BY expressions, possibly empty
 * @param orderBy the ORDER BY clause, or null
 * @param offset  the OFFSET expression (literal or parameter), or null
 * @param limit   the LIMIT expression (literal or parameter), or null
 */
public record Query(Select select, Source from, List<Source> joins, Expr where, List<Expr> groupBy,
                    OrderBy orderBy, Expr offset, Expr limit) {

    /** {@code SELECT [DISTINCT] [TOP n] projection}; {@code top} is null when absent. */
    public record Select(boolean distinct, Expr top, Projection projection) {}

    /** What SELECT produces. */
    public sealed interface Projection {}

    /** {@code SELECT *}. */
    public record Star() implements Projection {}

    /** {@code SELECT VALUE expr}. */
    public record ValueProjection(Expr expr) implements Projection {}

    /** {@code SELECT a, b AS x, ...}; {@code alias} is null when not given. */
    public record ListProjection(List<Item> items) implements Projection {}

    /** One item of a list projection. */
    public record Item(Expr expr, String alias) {}

    /**
     * A FROM or JOIN source. {@code alias} is the name the source binds (null when not given:
     * then the source is referred to by its root name).
     */
    public sealed interface Source {
        String alias();
    }

    /**
     * A source over a path: {@code FROM c}, {@code FROM root.a.b AS x}, {@code JOIN t IN c.tags}.
     * {@code path} is an expression of {@link Expr.Identifier}, {@link Expr.Property} and
     * {@link Expr.Index} nodes rooted at the container name or an alias in scope.
     *
     * @param path    the collection expression
     * @param alias   the bound name, or null
     * @param iterate true for the {@code alias IN path} form, which binds each element of an array
     */
    public record PathSource(Expr path, String alias, boolean iterate) implements Source {}

    /** {@code FROM (SELECT ...) [AS] alias} or {@code JOIN (SELECT ...) [AS] alias}. */
    public record SubquerySource(Query query, String alias) implements Source {}

    /**
     * ORDER BY; {@code rank} is true for {@code ORDER BY RANK scoreExpr}.
     */
    public record OrderBy(List<SortItem> items, boolean rank) {}

    /** One ORDER BY expression. */
    public record SortItem(Expr expr, boolean descending) {}
}
