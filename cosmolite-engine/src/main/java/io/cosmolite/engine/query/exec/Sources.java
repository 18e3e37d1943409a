package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import io.cosmolite.engine.query.value.Values;
import java.util.function.Consumer;

/**
 * The bindings one FROM or JOIN source produces for a row: a path binds its value (nothing when it
 * is undefined), {@code x IN path} binds each element of an array (nothing for anything else), a
 * subquery binds each of its results.
 */
final class Sources {
    private Sources() {}

    /**
     * Expands {@code source} for the row {@code env}. {@code item} is the container item when the
     * source is the container-level FROM (its root name then stands for the item, visible to the
     * path only), or null for a source over aliases in scope.
     */
    static void expand(Evaluator ev, Query.Source source, Env env, JsonNode item, Consumer<Env> out) {
        String alias = Exprs.aliasOf(source);
        if (source instanceof Query.SubquerySource s) {
            for (JsonNode v : ev.subquery(s.query(), env)) {
                out.accept(env.bind(alias, v));
            }
            return;
        }
        Query.PathSource p = (Query.PathSource) source;
        Env base = env;
        if (item != null) {
            Expr.Identifier root = Exprs.rootOf(p.path());
            base = env.bindItem(root == null ? "" : root.name(), item);
        }
        JsonNode v = ev.eval(p.path(), base);
        if (p.iterate()) {
            if (v != null && v.isArray()) {
                for (JsonNode element : v) {
                    out.accept(env.bind(alias, element));
                }
            }
            return;
        }
        if (Values.isUndefined(v)) {
            return;
        }
        boolean wholeItem = p.path() instanceof Expr.Identifier id && base.isItem(id.name());
        out.accept(wholeItem ? env.bindItem(alias, v) : env.bind(alias, v));
    }
}
