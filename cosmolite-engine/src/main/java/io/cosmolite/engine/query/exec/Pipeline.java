package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the operator chain of a query: FROM, JOINs, WHERE, GROUP BY and aggregates, ORDER BY,
 * SELECT, DISTINCT, then OFFSET/LIMIT and TOP, in Cosmos DB's order of evaluation.
 */
final class Pipeline {
    private Pipeline() {}

    /** Where a streaming page resumes: the item key, the rows of it already returned, the next row's index. */
    record Resume(byte[] key, int emitted, long index) {
        static final Resume START = new Resume(null, 0, 0);
    }

    /**
     * True when the query can stream: its pages resume at an item key. Queries that must see every
     * row before returning one (ORDER BY, GROUP BY, aggregates, DISTINCT) or read a FROM subquery are
     * re-run and skip the rows already returned.
     */
    static boolean streams(Query q) {
        return streams(q, false);
    }

    /** Like {@link #streams(Query)}, for a source that already yields the ORDER BY order when {@code presorted}. */
    static boolean streams(Query q, boolean presorted) {
        return q.from() instanceof Query.PathSource && (q.orderBy() == null || presorted) && q.groupBy().isEmpty()
                && !q.select().distinct() && Exprs.aggregatesOf(q).isEmpty();
    }

    /** The container-level pipeline over {@code source}, resuming at {@code resume} (streaming queries only). */
    static RowStream open(Evaluator ev, Query q, DocumentSource source, Resume resume, List<AutoCloseable> open) {
        return open(ev, q, source, resume, open, false);
    }

    /** Like {@link #open(Evaluator, Query, DocumentSource, Resume, List)}; a {@code presorted} source skips the sort. */
    static RowStream open(Evaluator ev, Query q, DocumentSource source, Resume resume, List<AutoCloseable> open,
                          boolean presorted) {
        RowStream from;
        if (q.from() == null) {
            from = new SingleRow(Env.EMPTY);
        } else if (q.from() instanceof Query.SubquerySource s) {
            RowStream inner = open(ev, s.query(), source, Resume.START, open);
            String alias = Exprs.aliasOf(s);
            from = () -> {
                Row r = inner.next();
                return r == null ? null : Row.of(Env.EMPTY.bind(alias, r.value()), null);
            };
        } else {
            DocumentSource.DocumentCursor cursor = source.open(resume.key());
            open.add(cursor);
            from = new DocumentRows(ev, q.from(), cursor);
        }
        return chain(ev, q, from, Env.EMPTY, resume, presorted);
    }

    /** Runs a correlated subquery for the row {@code outer}; its results. */
    static List<JsonNode> correlated(Evaluator ev, Query q, Env outer) {
        RowStream from = new SingleRow(outer);
        if (q.from() != null) {
            from = new ExpandRows(ev, from, q.from());
        }
        RowStream rows = chain(ev, q, from, outer, Resume.START, false);
        List<JsonNode> out = new ArrayList<>();
        for (Row r = rows.next(); r != null; r = rows.next()) {
            out.add(r.value());
        }
        return out;
    }

    private static RowStream chain(Evaluator ev, Query q, RowStream from, Env outer, Resume resume, boolean presorted) {
        RowStream rows = from;
        for (Query.Source join : q.joins()) {
            rows = new ExpandRows(ev, rows, join);
        }
        if (q.where() != null) {
            rows = new FilterRows(ev, rows, q.where());
        }
        List<Expr.Call> aggregates = Exprs.aggregatesOf(q);
        if (!q.groupBy().isEmpty() || !aggregates.isEmpty()) {
            rows = new GroupRows(ev, rows, q.groupBy(), aggregates, outer);
        }
        if (q.orderBy() != null && !presorted) {
            rows = new SortRows(ev, rows, q.orderBy());
        }
        rows = new ProjectRows(ev, rows, q);
        if (resume.key() != null) {
            rows = new ResumeRows(rows, resume.key(), resume.emitted());
        }
        if (q.select().distinct()) {
            rows = new DistinctRows(rows);
        }
        long offset = q.offset() == null ? 0 : Analyzer.countValue(q.offset(), ev.parameters(), "OFFSET");
        long take = q.limit() == null ? -1 : Analyzer.countValue(q.limit(), ev.parameters(), "LIMIT");
        if (q.select().top() != null) {
            long top = Analyzer.countValue(q.select().top(), ev.parameters(), "TOP");
            take = take < 0 ? top : Math.min(take, top);
        }
        return new SkipTakeRows(rows, offset, take, resume.index());
    }
}
