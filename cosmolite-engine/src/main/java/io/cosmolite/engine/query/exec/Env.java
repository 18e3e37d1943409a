package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.ast.Expr;
import java.util.Map;

/**
 * The aliases bound for one row: a persistent linked list, newest first, whose tail is the row of
 * the enclosing query when a correlated subquery runs. An entry may also carry the aggregate values
 * of a group, which the projection of a grouped query reads instead of evaluating the calls.
 */
final class Env {
    static final Env EMPTY = new Env(null, null, false, null, null);

    private final String name;
    private final JsonNode value;
    /** True when {@code value} is a container item, whose computed properties the alias exposes. */
    private final boolean item;
    private final Env next;
    private final Map<Expr.Call, JsonNode> aggregates;

    private Env(String name, JsonNode value, boolean item, Env next, Map<Expr.Call, JsonNode> aggregates) {
        this.name = name;
        this.value = value;
        this.item = item;
        this.next = next;
        this.aggregates = aggregates;
    }

    /** This environment with {@code name} bound to {@code value}; a null name binds nothing. */
    Env bind(String alias, JsonNode v) {
        return alias == null ? this : new Env(alias, v, false, this, null);
    }

    /** This environment with {@code alias} bound to a container item. */
    Env bindItem(String alias, JsonNode v) {
        return new Env(alias, v, true, this, null);
    }

    /** This environment carrying a group's aggregate values. */
    Env withAggregates(Map<Expr.Call, JsonNode> values) {
        return new Env(null, null, false, this, values);
    }

    /** The entry binding {@code alias}, or null. */
    private Env find(String alias) {
        for (Env e = this; e != null; e = e.next) {
            if (e.name != null && e.name.equals(alias)) {
                return e;
            }
        }
        return null;
    }

    /** True when {@code alias} is bound. */
    boolean has(String alias) {
        return find(alias) != null;
    }

    /** The value bound to {@code alias}; null (undefined) when unbound. */
    JsonNode get(String alias) {
        Env e = find(alias);
        return e == null ? null : e.value;
    }

    /** True when {@code alias} is bound to a container item. */
    boolean isItem(String alias) {
        Env e = find(alias);
        return e != null && e.item;
    }

    /** The innermost container item bound for this row (the FROM document), or null. */
    JsonNode item() {
        for (Env e = this; e != null; e = e.next) {
            if (e.item) {
                return e.value;
            }
        }
        return null;
    }

    /** The aggregate value computed for {@code call} by an enclosing group, or {@code missing}. */
    JsonNode aggregate(Expr.Call call, JsonNode missing) {
        for (Env e = this; e != null; e = e.next) {
            if (e.aggregates != null && e.aggregates.containsKey(call)) {
                return e.aggregates.get(call);
            }
        }
        return missing;
    }
}
