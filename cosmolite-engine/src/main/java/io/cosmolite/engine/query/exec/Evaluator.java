package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.QueryErrors;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import io.cosmolite.engine.query.functions.BuiltinFunction;
import io.cosmolite.engine.query.functions.FunctionContext;
import io.cosmolite.engine.query.functions.Functions;
import io.cosmolite.engine.query.value.Values;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates scalar expressions against a row's aliases with Cosmos DB's semantics: undefined (Java
 * null) propagates, property access works on objects only and index access on arrays (or a string
 * key on objects), constructors drop undefined members. One evaluator serves one query execution:
 * it holds the parameters, the function context, the container's computed properties, and the LIKE
 * patterns compiled once per query.
 */
final class Evaluator {
    private final Map<String, JsonNode> parameters;
    private final FunctionContext functions;
    private final ComputedProperties computed;
    private final Map<Expr.Like, LikePattern> likeCache = new IdentityHashMap<>();
    private final ExecutionStats stats;

    Evaluator(Map<String, JsonNode> parameters, FunctionContext functions, ComputedProperties computed,
              ExecutionStats stats) {
        this.parameters = parameters;
        this.functions = functions;
        this.computed = computed;
        this.stats = stats;
    }

    /** The query's parameter values by name. */
    Map<String, JsonNode> parameters() {
        return parameters;
    }

    /** The statistics this execution accumulates. */
    ExecutionStats stats() {
        return stats;
    }

    /** The value of {@code e} for the row {@code env}; null for undefined. */
    JsonNode eval(Expr e, Env env) {
        if (e instanceof Expr.Literal l) {
            return l.value();
        }
        if (e instanceof Expr.Identifier id) {
            return env.get(id.name());
        }
        if (e instanceof Expr.Property p) {
            return property(p, env);
        }
        if (e instanceof Expr.Parameter p) {
            return Values.defined(parameters.get(p.name()));
        }
        if (e instanceof Expr.Binary b) {
            return binary(b, env);
        }
        if (e instanceof Expr.Unary u) {
            return Operators.unary(u.op(), eval(u.operand(), env));
        }
        if (e instanceof Expr.Index i) {
            return index(eval(i.target(), env), eval(i.index(), env));
        }
        if (e instanceof Expr.Call c) {
            return call(c, env);
        }
        if (e instanceof Expr.ObjectConstructor o) {
            ObjectNode out = Json.object();
            for (Expr.PropertyDef def : o.properties()) {
                JsonNode v = eval(def.value(), env);
                if (!Values.isUndefined(v)) {
                    out.set(def.name(), v);
                }
            }
            return out;
        }
        if (e instanceof Expr.ArrayConstructor a) {
            ArrayNode out = Json.NODES.arrayNode(a.items().size());
            for (Expr item : a.items()) {
                JsonNode v = eval(item, env);
                if (!Values.isUndefined(v)) {
                    out.add(v);
                }
            }
            return out;
        }
        if (e instanceof Expr.Conditional c) {
            JsonNode cond = eval(c.condition(), env);
            if (Values.isTrue(cond)) {
                return eval(c.whenTrue(), env);
            }
            return Operators.isFalse(cond) ? eval(c.whenFalse(), env) : null;
        }
        if (e instanceof Expr.Between b) {
            return between(b, env);
        }
        if (e instanceof Expr.In in) {
            return in(in, env);
        }
        if (e instanceof Expr.Like l) {
            return like(l, env);
        }
        if (e instanceof Expr.ScalarSubquery s) {
            List<JsonNode> rows = subquery(s.query(), env);
            if (rows.size() > 1) {
                throw QueryErrors.general("The cardinality of a scalar subquery result set cannot be greater than one.");
            }
            return rows.isEmpty() ? null : rows.get(0);
        }
        if (e instanceof Expr.Exists x) {
            return Values.bool(!subquery(x.query(), env).isEmpty());
        }
        Expr.ArraySubquery a = (Expr.ArraySubquery) e;
        ArrayNode out = Json.NODES.arrayNode();
        subquery(a.query(), env).forEach(out::add);
        return out;
    }

    /** Runs a correlated subquery for the row {@code env}; its results, undefined ones dropped. */
    List<JsonNode> subquery(Query q, Env env) {
        return Pipeline.correlated(this, q, env);
    }

    private JsonNode property(Expr.Property p, Env env) {
        if (p.target() instanceof Expr.Identifier id && computed.has(p.name()) && env.isItem(id.name())) {
            return computed.value(p.name(), env.get(id.name()), this);
        }
        JsonNode target = eval(p.target(), env);
        return target != null && target.isObject() ? target.get(p.name()) : null;
    }

    /** {@code target[index]}: an array element by integral number, or an object property by string. */
    static JsonNode index(JsonNode target, JsonNode index) {
        if (target == null || index == null) {
            return null;
        }
        if (target.isArray() && index.isNumber()) {
            double d = index.doubleValue();
            if (d != Math.rint(d) || d < 0 || d >= target.size()) {
                return null;
            }
            return target.get((int) d);
        }
        if (target.isObject() && index.isTextual()) {
            return target.get(index.textValue());
        }
        return null;
    }

    private JsonNode binary(Expr.Binary b, Env env) {
        JsonNode left = eval(b.left(), env);
        switch (b.op()) {
            case AND:
                return Operators.isFalse(left) ? Values.FALSE : Operators.and(left, eval(b.right(), env));
            case OR:
                return Values.isTrue(left) ? Values.TRUE : Operators.or(left, eval(b.right(), env));
            case COALESCE:
                return Values.isUndefined(left) ? eval(b.right(), env) : left;
            default:
                return Operators.binary(b.op(), left, eval(b.right(), env));
        }
    }

    private JsonNode call(Expr.Call c, Env env) {
        BuiltinFunction f = Functions.lookup(c.name());
        if (f == null || f.isAggregate()) {
            // The analyzer refused unknown functions; an aggregate takes its group's value.
            return f == null ? null : env.aggregate(c, null);
        }
        JsonNode[] args = new JsonNode[c.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = eval(c.args().get(i), env);
        }
        stats.functionCalls++;
        return Values.defined(f.body().apply(args, functions));
    }

    private JsonNode between(Expr.Between b, Env env) {
        JsonNode v = eval(b.value(), env);
        JsonNode low = Operators.binary(Expr.BinaryOp.GREATER_OR_EQUAL, v, eval(b.low(), env));
        JsonNode high = Operators.binary(Expr.BinaryOp.LESS_OR_EQUAL, v, eval(b.high(), env));
        JsonNode result = Operators.and(low, high);
        return b.not() ? Operators.unary(Expr.UnaryOp.NOT, result) : result;
    }

    private JsonNode in(Expr.In in, Env env) {
        JsonNode v = eval(in.value(), env);
        if (Values.isUndefined(v)) {
            return null;
        }
        boolean found = false;
        for (Expr item : in.list()) {
            if (Values.deepEquals(v, eval(item, env))) {
                found = true;
                break;
            }
        }
        return Values.bool(found != in.not());
    }

    private JsonNode like(Expr.Like l, Env env) {
        JsonNode v = eval(l.value(), env);
        LikePattern pattern = likePattern(l, env);
        if (v == null || !v.isTextual() || pattern == null) {
            return null;
        }
        return Values.bool(pattern.matches(v.textValue()) != l.not());
    }

    /** The compiled pattern: once per query when the pattern and escape are constants, else per row. */
    private LikePattern likePattern(Expr.Like l, Env env) {
        LikePattern cached = likeCache.get(l);
        if (cached != null) {
            return cached;
        }
        JsonNode pattern = eval(l.pattern(), env);
        JsonNode escape = l.escape() == null ? null : eval(l.escape(), env);
        if (pattern == null || !pattern.isTextual()
                || (l.escape() != null && (escape == null || !escape.isTextual() || escape.textValue().length() != 1))) {
            return null;
        }
        LikePattern compiled = LikePattern.compile(pattern.textValue(), escape == null ? null : escape.textValue().charAt(0));
        if (isConstant(l.pattern()) && (l.escape() == null || isConstant(l.escape()))) {
            likeCache.put(l, compiled);
        }
        return compiled;
    }

    private static boolean isConstant(Expr e) {
        return e instanceof Expr.Literal || e instanceof Expr.Parameter;
    }
}
