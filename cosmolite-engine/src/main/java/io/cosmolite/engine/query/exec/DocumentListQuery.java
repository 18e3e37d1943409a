package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.ast.Query;
import io.cosmolite.engine.query.functions.FunctionContext;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A whole NoSQL query over a short list of documents held in memory, with the same semantics as a
 * container query (projections, VALUE, ORDER BY, DISTINCT, aggregates, GROUP BY, OFFSET/LIMIT, JOIN,
 * parameters): what a metadata feed's query (databases, containers, offers, scripts, users,
 * permissions) runs over, and a patch condition over its one item. {@link #run} returns all results
 * at once: such lists are small, and the caller pages them.
 */
public final class DocumentListQuery {
    private DocumentListQuery() {}

    /**
     * The results of {@code text} over {@code documents}, in the order the query defines (the list's
     * order where it defines none).
     *
     * @throws io.cosmolite.engine.error.CosmosException 400 for a query that does not parse or check
     */
    public static List<JsonNode> run(String text, Map<String, JsonNode> parameters, List<? extends JsonNode> documents,
                                     Clock clock, Function<String, Query> parser) {
        RowStream rows = rows(parser.apply(text), text, parameters, documents, clock);
        List<JsonNode> out = new ArrayList<>();
        for (Row row = rows.next(); row != null; row = rows.next()) {
            out.add(row.value());
        }
        return out;
    }

    /** The result rows of a parsed query over {@code documents}, pulled one at a time (a patch condition needs one). */
    static RowStream rows(Query query, String text, Map<String, JsonNode> parameters, List<? extends JsonNode> documents,
                          Clock clock) {
        Analyzer.check(query, text, parameters);
        Evaluator ev = new Evaluator(parameters, new FunctionContext(clock.instant()), ComputedProperties.NONE,
                new ExecutionStats());
        // In-memory sources hold no cursor to close.
        return Pipeline.open(ev, query, new ListSource(documents), Pipeline.Resume.START, new ArrayList<>());
    }

    /** The list's documents, keyed by their position (big-endian, so key order is list order). */
    private record ListSource(List<? extends JsonNode> documents) implements DocumentSource {
        @Override
        public DocumentCursor open(byte[] startKey) {
            int first = startKey == null ? 0 : ByteBuffer.wrap(startKey).getInt();
            return new DocumentCursor() {
                private int position = first - 1;

                @Override
                public boolean next() {
                    return ++position < documents.size();
                }

                @Override
                public byte[] key() {
                    return ByteBuffer.allocate(Integer.BYTES).putInt(position).array();
                }

                @Override
                public JsonNode document() {
                    return documents.get(position);
                }

                @Override
                public int size() {
                    return 0; // only query metrics and charges read it, and these callers report neither
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public boolean covers(byte[] key) {
            return key.length == Integer.BYTES;
        }
    }
}
