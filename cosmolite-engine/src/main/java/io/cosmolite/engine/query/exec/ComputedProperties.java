package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.error.QueryErrors;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A container's computed properties ({@code computedProperties: [{name, query}]}): virtual top-level
 * properties of every item, readable as {@code c.name} in queries (and winning over a persisted
 * property of the same name, as in Cosmos DB) but never part of {@code SELECT *}. Each definition
 * is {@code SELECT VALUE <expr> FROM <alias>}; the expression is evaluated with the alias bound to
 * the item.
 */
final class ComputedProperties {
    static final ComputedProperties NONE = new ComputedProperties(Map.of());

    private record Definition(String alias, Expr value) {}

    private final Map<String, Definition> byName;

    private ComputedProperties(Map<String, Definition> byName) {
        this.byName = byName;
    }

    /** The computed properties of a container resource ({@code properties.computedProperties}). */
    static ComputedProperties of(JsonNode container, Function<String, Query> parser) {
        JsonNode defs = container == null ? null : container.get("computedProperties");
        if (defs == null || !defs.isArray() || defs.isEmpty()) {
            return NONE;
        }
        Map<String, Definition> map = new HashMap<>();
        for (JsonNode def : defs) {
            String name = def.path("name").asText();
            Query q = parser.apply(def.path("query").asText());
            if (!(q.select().projection() instanceof Query.ValueProjection v) || !(q.from() instanceof Query.PathSource from)
                    || !(from.path() instanceof Expr.Identifier)) {
                throw QueryErrors.general("The computed property '" + name
                        + "' must be defined as SELECT VALUE <expression> FROM <alias>.");
            }
            map.put(name, new Definition(Exprs.aliasOf(from), v.expr()));
        }
        return new ComputedProperties(Map.copyOf(map));
    }

    /** True when a computed property has this name. */
    boolean has(String name) {
        return !byName.isEmpty() && byName.containsKey(name);
    }

    /** The computed property's value for {@code item}; null when undefined. */
    JsonNode value(String name, JsonNode item, Evaluator evaluator) {
        Definition d = byName.get(name);
        // A plain binding: computed properties cannot read other computed properties.
        return evaluator.eval(d.value(), Env.EMPTY.bind(d.alias(), item));
    }
}
