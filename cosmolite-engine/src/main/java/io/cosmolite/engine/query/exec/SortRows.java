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
 * descending; rows with equal keys keep their item order.
 */
final class SortRows implements RowStream {
    private final Evaluator ev;
    private final RowStream input;
    private final List<Query.SortItem> items;
    private Iterator<Row> output;

    private record Keyed(Row row, JsonNode[] keys) {}

    SortRows(Evaluator ev, RowStream input, Query.OrderBy orderBy) {
        this.ev = ev;
        this.input = input;
        this.items = orderBy.items();
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
                rows.add(new Keyed(r, keys));
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
                return items.get(i).descending() ? -c : c;
            }
        }
        return 0;
    }
}
