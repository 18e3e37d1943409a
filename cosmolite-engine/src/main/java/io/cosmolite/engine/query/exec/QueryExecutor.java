package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.document.ContainerState;
import io.cosmolite.engine.document.ItemStore;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.QueryPage;
import io.cosmolite.engine.query.QueryRequest;
import io.cosmolite.engine.query.QueryScope;
import io.cosmolite.engine.query.ast.Query;
import io.cosmolite.engine.query.functions.FunctionContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs NoSQL queries over a container's items, one page per call: parses and checks the query,
 * reads the items of the requested scope through a {@link DocumentSource}, and returns the page
 * with its continuation token, request charge and (on request) query metrics. Thread-safe.
 *
 * <p>Streaming queries (no ORDER BY, GROUP BY, aggregate, DISTINCT or FROM subquery) resume at the
 * item where the previous page stopped; the others are re-run and skip the results already
 * returned. Either way a token is self-contained and survives a restart.
 */
public final class QueryExecutor {
    private final ItemStore items;
    private final Clock clock;
    private final Function<String, Query> parser;
    private final Map<String, ComputedProperties> computedCache = new ConcurrentHashMap<>();

    /**
     * @param items  the item store the queries read
     * @param clock  the time of {@code GetCurrentDateTime()} and its kin
     * @param parser the query parser (text to tree; throws a 400 for a syntax error)
     */
    public QueryExecutor(ItemStore items, Clock clock, Function<String, Query> parser) {
        this.items = items;
        this.clock = clock;
        this.parser = parser;
    }

    /** Runs one page of {@code request} over the items of {@code scope} in {@code container}. */
    public QueryPage execute(ContainerState container, QueryRequest request, QueryScope scope) {
        long started = System.nanoTime();
        int pageSize = pageSize(request.maxItemCount());
        ExecutionStats stats = new ExecutionStats();
        Query query = parser.apply(request.text());
        Analyzer.check(query, request.text(), request.parameters());
        stats.compileNanos = System.nanoTime() - started;

        String fingerprint = Continuation.fingerprint(request.text(), parametersJson(request.parameters()), describe(scope));
        Continuation from = request.continuation() == null ? null : Continuation.decode(request.continuation(), fingerprint);
        AccessSources access = AccessSources.choose(items, container, query, request.parameters(), scope,
                keyRange(container, scope), from);
        boolean streams = Pipeline.streams(query, access.presorted());
        DocumentSource source = access.source();
        if (from != null && ((from.resume() != null) != streams
                || (from.resume() != null && !source.covers(from.resume().key())))) {
            throw Continuation.invalid(request.continuation());
        }
        Pipeline.Resume resume = from != null && from.resume() != null ? from.resume() : Pipeline.Resume.START;
        long skip = from != null && from.resume() == null ? from.skip() : 0;

        Evaluator ev = new Evaluator(request.parameters(), new FunctionContext(clock.instant()),
                computed(container.properties()), stats);
        List<AutoCloseable> open = new ArrayList<>();
        List<JsonNode> page = new ArrayList<>();
        String continuation;
        try {
            RowStream rows = Pipeline.open(ev, query, source, resume, open, access.presorted());
            for (long i = 0; i < skip && rows.next() != null; i++) {
                // a re-run query passes over the results earlier pages returned
            }
            long bytes = 0;
            Row next = rows.next();
            while (next != null && page.size() < pageSize) {
                int size = Json.toBytes(next.value()).length;
                if (!page.isEmpty() && bytes + size > QueryRequest.MAX_PAGE_BYTES) {
                    break;
                }
                page.add(next.value());
                bytes += size;
                next = rows.next();
            }
            stats.outputDocumentCount = page.size();
            stats.outputDocumentSize = bytes;
            continuation = next == null ? null
                    : streams ? new Continuation(fingerprint, new Pipeline.Resume(next.key(), next.ordinal(), next.index()), 0).encode()
                    : new Continuation(fingerprint, null, skip + page.size()).encode();
        } finally {
            for (AutoCloseable c : open) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // a scan cursor's close does not fail
                }
            }
        }
        stats.totalNanos = System.nanoTime() - started;
        String metrics = request.populateMetrics() ? QueryMetricsText.of(stats, stats.outputDocumentCount) : null;
        String indexMetrics = request.populateMetrics() ? access.plan().utilization().toJson() : null;
        return new QueryPage(page, continuation, QueryCharge.of(stats), metrics, indexMetrics);
    }

    private static int pageSize(int maxItemCount) {
        if (maxItemCount > 0) {
            return maxItemCount;
        }
        if (maxItemCount == 0) {
            return QueryRequest.DEFAULT_MAX_ITEM_COUNT;
        }
        if (maxItemCount == QueryRequest.DYNAMIC_PAGE_SIZE) {
            return Integer.MAX_VALUE;
        }
        throw ErrorCode.BAD_REQUEST.exception(
                "Invalid value %d for the max item count: use a positive count or -1.", maxItemCount);
    }

    private static ItemStore.KeyRange keyRange(ContainerState container, QueryScope scope) {
        if (scope instanceof QueryScope.PhysicalPartition p) {
            int index = container.rangeIndexOfId(p.rangeId());
            if (index < 0) {
                throw ErrorCode.NOT_FOUND.exception("Partition key range '%s' does not exist.", p.rangeId());
            }
            return ItemStore.rangeItems(container, index);
        }
        if (scope instanceof QueryScope.LogicalPartition l) {
            return ItemStore.partitionItems(container, l.key());
        }
        return ItemStore.containerItems(container);
    }

    private static String describe(QueryScope scope) {
        if (scope instanceof QueryScope.PhysicalPartition p) {
            return "range:" + p.rangeId();
        }
        if (scope instanceof QueryScope.LogicalPartition l) {
            return "partition:" + l.key().toHeaderJson();
        }
        return "container";
    }

    private static JsonNode parametersJson(Map<String, JsonNode> parameters) {
        ObjectNode o = Json.object();
        new TreeMap<>(parameters).forEach((k, v) -> {
            if (v == null) {
                o.put("\u0000" + k, "undefined");
            } else {
                o.set(k, v);
            }
        });
        return o;
    }

    private ComputedProperties computed(JsonNode properties) {
        JsonNode defs = properties.get("computedProperties");
        if (defs == null || !defs.isArray() || defs.isEmpty()) {
            return ComputedProperties.NONE;
        }
        return computedCache.computeIfAbsent(defs.toString(), k -> ComputedProperties.of(properties, parser));
    }
}
