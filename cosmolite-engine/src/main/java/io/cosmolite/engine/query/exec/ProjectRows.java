package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import io.cosmolite.engine.query.value.Values;
import java.util.Arrays;

/**
 * SELECT: {@code *} yields the FROM alias's value, {@code VALUE e} the value of {@code e}, a list an
 * object whose members are named by their alias, by the property or alias a path ends with, or
 * {@code $1}, {@code $2}, ... in order for other unnamed expressions. Undefined results produce no
 * row, and numbers that are not finite (which JSON cannot carry) are undefined.
 */
final class ProjectRows implements RowStream {
    private final Evaluator ev;
    private final RowStream input;
    private final Query.Projection projection;
    private final String starAlias;
    private final String[] names;
    private byte[] lastKey;
    private int ordinal;

    ProjectRows(Evaluator ev, RowStream input, Query q) {
        this.ev = ev;
        this.input = input;
        this.projection = q.select().projection();
        this.starAlias = q.from() == null ? null : Exprs.aliasOf(q.from());
        this.names = projection instanceof Query.ListProjection l ? names(l) : null;
    }

    /** The member names of a list projection. */
    static String[] names(Query.ListProjection list) {
        String[] out = new String[list.items().size()];
        int unnamed = 0;
        for (int i = 0; i < out.length; i++) {
            Query.Item item = list.items().get(i);
            if (item.alias() != null) {
                out[i] = item.alias();
            } else if (item.expr() instanceof Expr.Property p) {
                out[i] = p.name();
            } else if (item.expr() instanceof Expr.Identifier id) {
                out[i] = id.name();
            } else {
                out[i] = "$" + (++unnamed);
            }
        }
        return out;
    }

    @Override
    public Row next() {
        for (Row r = input.next(); r != null; r = input.next()) {
            JsonNode v = Output.finite(project(r.env()));
            if (Values.isUndefined(v)) {
                continue;
            }
            if (r.key() == null || lastKey == null || !Arrays.equals(r.key(), lastKey)) {
                lastKey = r.key();
                ordinal = 0;
            }
            return r.withValue(v, ordinal++);
        }
        return null;
    }

    private JsonNode project(Env env) {
        if (projection instanceof Query.Star) {
            return env.get(starAlias);
        }
        if (projection instanceof Query.ValueProjection v) {
            return ev.eval(v.expr(), env);
        }
        Query.ListProjection list = (Query.ListProjection) projection;
        ObjectNode out = Json.object();
        for (int i = 0; i < names.length; i++) {
            JsonNode v = ev.eval(list.items().get(i).expr(), env);
            if (!Values.isUndefined(v)) {
                out.set(names[i], v);
            }
        }
        return out;
    }
}
