package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.value.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GROUP BY and aggregates (blocking): one output row per group, carrying the group's first row's
 * aliases and its aggregate values. Without GROUP BY the whole input is one group, which exists
 * even when the input is empty ({@code SELECT VALUE COUNT(1) FROM c} is 0).
 */
final class GroupRows implements RowStream {
    private final Evaluator ev;
    private final RowStream input;
    private final List<Expr> groupBy;
    private final List<Expr.Call> aggregates;
    private final Env emptyGroupEnv;
    private Iterator<Row> output;

    private static final class Group {
        final Env env;
        final Aggregator[] aggregators;

        Group(Env env, List<Expr.Call> calls) {
            this.env = env;
            this.aggregators = new Aggregator[calls.size()];
            for (int i = 0; i < calls.size(); i++) {
                aggregators[i] = new Aggregator(calls.get(i).name());
            }
        }
    }

    GroupRows(Evaluator ev, RowStream input, List<Expr> groupBy, List<Expr.Call> aggregates, Env emptyGroupEnv) {
        this.ev = ev;
        this.input = input;
        this.groupBy = groupBy;
        this.aggregates = aggregates;
        this.emptyGroupEnv = emptyGroupEnv;
    }

    @Override
    public Row next() {
        if (output == null) {
            output = groupAll().iterator();
        }
        return output.hasNext() ? output.next() : null;
    }

    private List<Row> groupAll() {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Row r = input.next(); r != null; r = input.next()) {
            Env env = r.env();
            Group g = groups.computeIfAbsent(groupKey(env), k -> new Group(env, aggregates));
            for (int i = 0; i < aggregates.size(); i++) {
                Expr.Call call = aggregates.get(i);
                g.aggregators[i].add(ev.eval(call.args().get(0), r.env()));
            }
        }
        if (groups.isEmpty() && groupBy.isEmpty()) {
            groups.put("", new Group(emptyGroupEnv, aggregates));
        }
        List<Row> rows = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            Map<Expr.Call, JsonNode> values = new HashMap<>();
            for (int i = 0; i < aggregates.size(); i++) {
                values.put(aggregates.get(i), g.aggregators[i].result());
            }
            rows.add(Row.of(g.env.withAggregates(values), null));
        }
        return rows;
    }

    private String groupKey(Env env) {
        if (groupBy.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (Expr e : groupBy) {
            b.append(Values.canonicalKey(ev.eval(e, env))).append('|');
        }
        return b.toString();
    }
}
