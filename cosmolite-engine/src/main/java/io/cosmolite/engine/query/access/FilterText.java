package io.cosmolite.engine.query.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.plan.QueryText;
import java.util.Map;

/**
 * A filter as index metrics print it: the FROM alias written {@code ROOT} and parameters replaced
 * by their values, e.g. {@code (ROOT.name = "Julien")}.
 */
final class FilterText {
    private FilterText() {}

    static String of(Expr conjunct, String alias, Map<String, JsonNode> parameters) {
        return QueryText.of(rewrite(conjunct, alias, parameters));
    }

    private static Expr rewrite(Expr e, String alias, Map<String, JsonNode> parameters) {
        if (e instanceof Expr.Identifier id) {
            return id.name().equals(alias) ? new Expr.Identifier("ROOT") : id;
        }
        if (e instanceof Expr.Parameter p) {
            return parameters.containsKey(p.name()) ? new Expr.Literal(parameters.get(p.name())) : p;
        }
        if (e instanceof Expr.Property p) {
            return new Expr.Property(rewrite(p.target(), alias, parameters), p.name());
        }
        if (e instanceof Expr.Index i) {
            return new Expr.Index(rewrite(i.target(), alias, parameters), rewrite(i.index(), alias, parameters));
        }
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), rewrite(b.left(), alias, parameters), rewrite(b.right(), alias, parameters));
        }
        if (e instanceof Expr.Between b) {
            return new Expr.Between(rewrite(b.value(), alias, parameters), rewrite(b.low(), alias, parameters),
                    rewrite(b.high(), alias, parameters), b.not());
        }
        if (e instanceof Expr.In in) {
            return new Expr.In(rewrite(in.value(), alias, parameters),
                    in.list().stream().map(x -> rewrite(x, alias, parameters)).toList(), in.not());
        }
        if (e instanceof Expr.Call c) {
            return new Expr.Call(c.name().toUpperCase(java.util.Locale.ROOT), c.udf(),
                    c.args().stream().map(x -> rewrite(x, alias, parameters)).toList(), c.span());
        }
        return e;
    }
}
