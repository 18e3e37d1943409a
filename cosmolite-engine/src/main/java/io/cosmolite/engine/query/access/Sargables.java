package io.cosmolite.engine.query.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.index.IndexKeyCodec;
import io.cosmolite.engine.index.IndexedPaths;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the conjuncts of a WHERE clause that an index can answer: {@code path = v},
 * {@code path IN (...)}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code BETWEEN},
 * {@code STARTSWITH(path, 'p')} (case-sensitive), {@code IS_DEFINED(path)} and
 * {@code ARRAY_CONTAINS(path, v)}, with {@code v} a scalar literal or parameter. Anything under
 * OR or NOT is left to the filter.
 */
final class Sargables {
    private Sargables() {}

    static List<Sargable> of(Expr where, DocumentPaths paths, Map<String, JsonNode> parameters) {
        List<Sargable> out = new ArrayList<>();
        if (where != null) {
            collect(where, paths, parameters, out);
        }
        return out;
    }

    private static void collect(Expr e, DocumentPaths paths, Map<String, JsonNode> parameters, List<Sargable> out) {
        if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.AND) {
            collect(b.left(), paths, parameters, out);
            collect(b.right(), paths, parameters, out);
            return;
        }
        Sargable s = sargable(e, paths, parameters);
        if (s != null) {
            out.add(s);
        }
    }

    private static Sargable sargable(Expr e, DocumentPaths paths, Map<String, JsonNode> parameters) {
        if (e instanceof Expr.Binary b) {
            return comparison(b, paths, parameters);
        }
        if (e instanceof Expr.Between b && !b.not()) {
            List<String> path = paths.pathOf(b.value());
            JsonNode low = scalar(b.low(), parameters);
            JsonNode high = scalar(b.high(), parameters);
            if (path == null || low == null || high == null || Values.typeRank(low) != Values.typeRank(high)) {
                return null;
            }
            return Sargable.range(e, path, low, true, high, true);
        }
        if (e instanceof Expr.In in && !in.not()) {
            List<String> path = paths.pathOf(in.value());
            if (path == null) {
                return null;
            }
            List<JsonNode> values = new ArrayList<>();
            for (Expr item : in.list()) {
                JsonNode v = scalar(item, parameters);
                if (v == null) {
                    return null;
                }
                values.add(v);
            }
            return values.isEmpty() ? null : Sargable.equal(e, path, values);
        }
        if (e instanceof Expr.Call call && !call.udf()) {
            return function(call, paths, parameters);
        }
        return null;
    }

    private static Sargable comparison(Expr.Binary b, DocumentPaths paths, Map<String, JsonNode> parameters) {
        Expr.BinaryOp op = b.op();
        List<String> path = paths.pathOf(b.left());
        JsonNode value = scalar(b.right(), parameters);
        if (path == null || value == null) {
            path = paths.pathOf(b.right());
            value = scalar(b.left(), parameters);
            op = flip(op);
        }
        if (path == null || value == null || op == null) {
            return null;
        }
        return switch (op) {
            case EQUAL -> Sargable.equal(b, path, List.of(value));
            case LESS -> Sargable.range(b, path, null, false, value, false);
            case LESS_OR_EQUAL -> Sargable.range(b, path, null, false, value, true);
            case GREATER -> Sargable.range(b, path, value, false, null, false);
            case GREATER_OR_EQUAL -> Sargable.range(b, path, value, true, null, false);
            default -> null;
        };
    }

    private static Sargable function(Expr.Call call, DocumentPaths paths, Map<String, JsonNode> parameters) {
        String name = call.name().toUpperCase(Locale.ROOT);
        List<Expr> args = call.args();
        switch (name) {
            case "STARTSWITH" -> {
                if (args.size() < 2 || args.size() > 3 || (args.size() == 3 && !isFalse(args.get(2), parameters))) {
                    return null;
                }
                List<String> path = paths.pathOf(args.get(0));
                JsonNode prefix = scalar(args.get(1), parameters);
                return path == null || prefix == null || !prefix.isTextual() ? null
                        : Sargable.prefix(call, path, prefix.textValue());
            }
            case "IS_DEFINED" -> {
                List<String> path = args.size() == 1 ? paths.pathOf(args.get(0)) : null;
                return path == null || path.isEmpty() ? null : Sargable.defined(call, path);
            }
            case "ARRAY_CONTAINS" -> {
                if (args.size() < 2 || args.size() > 3 || (args.size() == 3 && !isFalse(args.get(2), parameters))) {
                    return null;
                }
                List<String> path = paths.pathOf(args.get(0));
                JsonNode value = scalar(args.get(1), parameters);
                if (path == null || value == null) {
                    return null;
                }
                List<String> elements = new ArrayList<>(path);
                elements.add(IndexedPaths.ARRAY_ELEMENT);
                return Sargable.equal(call, List.copyOf(elements), List.of(value));
            }
            default -> {
                return null;
            }
        }
    }

    /** The constant scalar value of {@code e} (not undefined), or null. */
    private static JsonNode scalar(Expr e, Map<String, JsonNode> parameters) {
        JsonNode v = DocumentPaths.constant(e, parameters);
        if (v == DocumentPaths.NOT_CONSTANT || v == null || v.isMissingNode() || !IndexKeyCodec.isScalar(v)) {
            return null;
        }
        return v;
    }

    private static boolean isFalse(Expr e, Map<String, JsonNode> parameters) {
        JsonNode v = DocumentPaths.constant(e, parameters);
        return v != null && v != DocumentPaths.NOT_CONSTANT && v.isBoolean() && !v.booleanValue();
    }

    private static Expr.BinaryOp flip(Expr.BinaryOp op) {
        return switch (op) {
            case EQUAL -> Expr.BinaryOp.EQUAL;
            case LESS -> Expr.BinaryOp.GREATER;
            case LESS_OR_EQUAL -> Expr.BinaryOp.GREATER_OR_EQUAL;
            case GREATER -> Expr.BinaryOp.LESS;
            case GREATER_OR_EQUAL -> Expr.BinaryOp.LESS_OR_EQUAL;
            default -> null;
        };
    }
}
