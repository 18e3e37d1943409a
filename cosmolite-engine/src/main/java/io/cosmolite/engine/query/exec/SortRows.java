package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.ast.Query;
import io.cosmolite.engine.query.value.Values;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * ORDER BY (blocking): sorts by each key in turn with the total order of {@link Values#sortCompare}
 * (undefined first, then null, booleans, numbers, strings, arrays, objects), each ascending or
 * descending. Rows with equal keys are ordered by their item's {@code _rid} (descending when the
 * first key is), as Cosmos DB orders them: the SDK resumes an ORDER BY query from a token holding
 * the last sort values and {@code _rid}, and skips equal-key rows up to that rid.
 *
 * <p>{@code ORDER BY RANK score} sorts by relevance, best first. A plain score (FullTextScore)
 * sorts descending; {@code RRF(...)} yields one score per component, and the components are fused
 * by reciprocal rank over the rows being sorted (Σ 1/(60 + rank)), which is why RANK needs the
 * whole result at hand rather than a per-row key.
 */
final class SortRows implements RowStream {
    private final Evaluator ev;
    private final RowStream input;
    private final List<Query.SortItem> items;
    private final boolean rank;
    private Iterator<Row> output;

    /** The constant of reciprocal rank fusion, as Cosmos DB documents it. */
    private static final int RRF_K = 60;

    private record Keyed(Row row, JsonNode[] keys, long rid) {}

    SortRows(Evaluator ev, RowStream input, Query.OrderBy orderBy) {
        this.ev = ev;
        this.input = input;
        this.items = orderBy.items();
        this.rank = orderBy.rank();
    }

    @Override
    public Row next() {
        if (output == null) {
            List<Keyed> rows = new ArrayList<>();
            for (Row r = input.next(); r != null; r = input.next()) {
                JsonNode[] keys = new JsonNode[items.size()];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = ev.eval(items.get(i).expr(), r.env());
                }
                rows.add(new Keyed(r, keys, RidOrder.documentNumber(r.env().item())));
            }
            if (rank) {
                fuseRanks(rows);
            }
            rows.sort(this::compare);
            output = rows.stream().map(Keyed::row).iterator();
        }
        return output.hasNext() ? output.next() : null;
    }

    private int compare(Keyed a, Keyed b) {
        for (int i = 0; i < items.size(); i++) {
            int c = Values.sortCompare(a.keys()[i], b.keys()[i]);
            if (c != 0) {
                return items.get(i).descending() || rank ? -c : c;
            }
        }
        int byRid = Long.compare(a.rid(), b.rid());
        return items.get(0).descending() ? -byRid : byRid;
    }

    /** Replaces each row's RRF component scores by the fused reciprocal-rank score. */
    private static void fuseRanks(List<Keyed> rows) {
        int components = 0;
        for (Keyed k : rows) {
            if (k.keys()[0] != null && k.keys()[0].isArray()) {
                components = Math.max(components, k.keys()[0].size());
            }
        }
        if (components == 0) {
            return;
        }
        double[] fused = new double[rows.size()];
        for (int c = 0; c < components; c++) {
            final int component = c;
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                order.add(i);
            }
            order.sort((x, y) -> -Values.sortCompare(component(rows.get(x), component), component(rows.get(y), component)));
            for (int position = 0; position < order.size(); position++) {
                if (component(rows.get(order.get(position)), component) != null) {
                    fused[order.get(position)] += 1.0 / (RRF_K + position + 1);
                }
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).keys()[0] = Values.number(fused[i]);
        }
    }

    private static JsonNode component(Keyed row, int index) {
        JsonNode scores = row.keys()[0];
        if (scores == null || !scores.isArray() || index >= scores.size()) {
            return null;
        }
        JsonNode score = scores.get(index);
        return score != null && score.isNumber() ? score : null;
    }
}
