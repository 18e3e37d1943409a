package io.cosmolite.engine.query.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The text of a query tree in the layout Cosmos DB's gateway uses for rewritten queries: one clause
 * a line ({@code SELECT ...\nFROM c AS x\nWHERE ...}), every operator expression in parentheses,
 * strings in double quotes, subqueries on their own lines indented by four spaces. The text parses
 * back to an equal tree, except where the tree does not record the written form: a property is
 * printed as {@code a.b} when its name is a plain identifier and as {@code a["b"]} otherwise, and
 * an ascending ORDER BY item never carries {@code ASC}.
 */
public final class QueryText {

    private static final String TAB = "    ";

    /** Words that cannot follow a dot as a property name, so such names print in brackets. */
    private static final Set<String> RESERVED = Set.of(
            "ALL", "AND", "ARRAY", "AS", "ASC", "BETWEEN", "BY", "DESC", "DISTINCT", "ESCAPE", "EXISTS",
            "FALSE", "FIRST", "FROM", "GROUP", "IN", "JOIN", "LAST", "LEFT", "LIKE", "LIMIT", "NOT",
            "NULL", "OFFSET", "OR", "ORDER", "RANK", "RIGHT", "SELECT", "TOP", "TRUE", "UDF",
            "UNDEFINED", "VALUE", "WHERE");

    private static final Map<Expr.BinaryOp, String> BINARY = Map.ofEntries(
            Map.entry(Expr.BinaryOp.ADD, "+"), Map.entry(Expr.BinaryOp.SUBTRACT, "-"),
            Map.entry(Expr.BinaryOp.MULTIPLY, "*"), Map.entry(Expr.BinaryOp.DIVIDE, "/"),
            Map.entry(Expr.BinaryOp.MODULO, "%"), Map.entry(Expr.BinaryOp.EQUAL, "="),
            Map.entry(Expr.BinaryOp.NOT_EQUAL, "!="), Map.entry(Expr.BinaryOp.LESS, "<"),
            Map.entry(Expr.BinaryOp.LESS_OR_EQUAL, "<="), Map.entry(Expr.BinaryOp.GREATER, ">"),
            Map.entry(Expr.BinaryOp.GREATER_OR_EQUAL, ">="), Map.entry(Expr.BinaryOp.AND, "AND"),
            Map.entry(Expr.BinaryOp.OR, "OR"), Map.entry(Expr.BinaryOp.BITWISE_AND, "&"),
            Map.entry(Expr.BinaryOp.BITWISE_OR, "|"), Map.entry(Expr.BinaryOp.BITWISE_XOR, "^"),
            Map.entry(Expr.BinaryOp.LEFT_SHIFT, "<<"), Map.entry(Expr.BinaryOp.RIGHT_SHIFT, ">>"),
            Map.entry(Expr.BinaryOp.ZERO_FILL_RIGHT_SHIFT, ">>>"), Map.entry(Expr.BinaryOp.CONCAT, "||"),
            Map.entry(Expr.BinaryOp.COALESCE, "??"));

    private final StringBuilder out = new StringBuilder();
    private int indent;

    private QueryText() {}

    /** The text of a whole query. */
    public static String of(Query query) {
        QueryText text = new QueryText();
        text.query(query);
        return text.out.toString();
    }

    /** The text of one expression. */
    public static String of(Expr expr) {
        QueryText text = new QueryText();
        text.expr(expr);
        return text.out.toString();
    }

    /** A JSON value as a query literal ({@code "a"}, {@code 1}, {@code [1, 2]}, {@code {"a": 1}}). */
    public static String literal(JsonNode value) {
        QueryText text = new QueryText();
        text.json(value);
        return text.out.toString();
    }

    private void query(Query q) {
        Query.Select select = q.select();
        out.append("SELECT ");
        if (select.distinct()) {
            out.append("DISTINCT ");
        }
        if (select.top() != null) {
            out.append("TOP ");
            expr(select.top());
            out.append(' ');
        }
        projection(select.projection());
        if (q.from() != null) {
            newline();
            out.append("FROM ");
            source(q.from());
        }
        for (Query.Source join : q.joins()) {
            newline();
            out.append("JOIN ");
            source(join);
        }
        if (q.where() != null) {
            newline();
            out.append("WHERE ");
            expr(q.where());
        }
        if (!q.groupBy().isEmpty()) {
            newline();
            out.append("GROUP BY ");
            list(q.groupBy());
        }
        if (q.orderBy() != null) {
            newline();
            out.append("ORDER BY ");
            if (q.orderBy().rank()) {
                out.append("RANK ");
            }
            String separator = "";
            for (Query.SortItem item : q.orderBy().items()) {
                out.append(separator);
                expr(item.expr());
                if (item.descending()) {
                    out.append(" DESC");
                }
                separator = ", ";
            }
        }
        if (q.offset() != null || q.limit() != null) {
            newline();
            if (q.offset() != null) {
                out.append("OFFSET ");
                expr(q.offset());
            }
            if (q.limit() != null) {
                out.append(q.offset() != null ? " LIMIT " : "LIMIT ");
                expr(q.limit());
            }
        }
    }

    private void projection(Query.Projection projection) {
        if (projection instanceof Query.ValueProjection value) {
            out.append("VALUE ");
            expr(value.expr());
        } else if (projection instanceof Query.ListProjection list) {
            String separator = "";
            for (Query.Item item : list.items()) {
                out.append(separator);
                expr(item.expr());
                if (item.alias() != null) {
                    out.append(" AS ").append(item.alias());
                }
                separator = ", ";
            }
        } else {
            out.append('*');
        }
    }

    private void source(Query.Source source) {
        if (source instanceof Query.PathSource path) {
            if (path.iterate()) {
                out.append(path.alias()).append(" IN ");
                expr(path.path());
                return;
            }
            expr(path.path());
        } else {
            subquery(((Query.SubquerySource) source).query());
        }
        if (source.alias() != null) {
            out.append(" AS ").append(source.alias());
        }
    }

    /** {@code (}, the query on its own indented lines, {@code )}. */
    private void subquery(Query q) {
        out.append('(');
        indent++;
        newline();
        query(q);
        indent--;
        newline();
        out.append(')');
    }

    private void newline() {
        out.append('\n');
        out.append(TAB.repeat(indent));
    }

    private void list(List<Expr> exprs) {
        String separator = "";
        for (Expr e : exprs) {
            out.append(separator);
            expr(e);
            separator = ", ";
        }
    }

    private void expr(Expr e) {
        if (e instanceof Expr.Literal lit) {
            json(lit.value());
        } else if (e instanceof Expr.Parameter p) {
            out.append(p.name());
        } else if (e instanceof Expr.Identifier id) {
            out.append(id.name());
        } else if (e instanceof Expr.Property p) {
            expr(p.target());
            if (isPlainName(p.name())) {
                out.append('.').append(p.name());
            } else {
                out.append('[');
                string(p.name());
                out.append(']');
            }
        } else if (e instanceof Expr.Index ix) {
            expr(ix.target());
            out.append('[');
            expr(ix.index());
            out.append(']');
        } else if (e instanceof Expr.Unary u) {
            out.append('(').append(switch (u.op()) {
                case MINUS -> "-";
                case PLUS -> "+";
                case NOT -> "NOT";
                case BITWISE_NOT -> "~";
            }).append(' ');
            expr(u.operand());
            out.append(')');
        } else if (e instanceof Expr.Binary b) {
            out.append('(');
            expr(b.left());
            out.append(' ').append(BINARY.get(b.op())).append(' ');
            expr(b.right());
            out.append(')');
        } else if (e instanceof Expr.Between b) {
            out.append('(');
            expr(b.value());
            out.append(b.not() ? " NOT BETWEEN " : " BETWEEN ");
            expr(b.low());
            out.append(" AND ");
            expr(b.high());
            out.append(')');
        } else if (e instanceof Expr.In in) {
            out.append('(');
            expr(in.value());
            out.append(in.not() ? " NOT IN (" : " IN (");
            list(in.list());
            out.append("))");
        } else if (e instanceof Expr.Like like) {
            out.append('(');
            expr(like.value());
            out.append(like.not() ? " NOT LIKE " : " LIKE ");
            expr(like.pattern());
            if (like.escape() != null) {
                out.append(" ESCAPE ");
                expr(like.escape());
            }
            out.append(')');
        } else if (e instanceof Expr.Conditional c) {
            out.append('(');
            expr(c.condition());
            out.append(" ? ");
            expr(c.whenTrue());
            out.append(" : ");
            expr(c.whenFalse());
            out.append(')');
        } else if (e instanceof Expr.Call call) {
            if (call.udf()) {
                out.append("udf.");
            }
            out.append(call.name()).append('(');
            list(call.args());
            out.append(')');
        } else if (e instanceof Expr.ObjectConstructor obj) {
            out.append('{');
            String separator = "";
            for (Expr.PropertyDef p : obj.properties()) {
                out.append(separator);
                string(p.name());
                out.append(": ");
                expr(p.value());
                separator = ", ";
            }
            out.append('}');
        } else if (e instanceof Expr.ArrayConstructor arr) {
            out.append('[');
            list(arr.items());
            out.append(']');
        } else if (e instanceof Expr.ScalarSubquery s) {
            subquery(s.query());
        } else if (e instanceof Expr.Exists s) {
            out.append("EXISTS");
            subquery(s.query());
        } else if (e instanceof Expr.ArraySubquery s) {
            out.append("ARRAY");
            subquery(s.query());
        } else {
            throw new IllegalArgumentException("unknown expression " + e);
        }
    }

    private void json(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            out.append("undefined");
        } else if (v.isNull()) {
            out.append("null");
        } else if (v.isBoolean()) {
            out.append(v.booleanValue() ? "true" : "false");
        } else if (v.isNumber()) {
            out.append(number(v));
        } else if (v.isTextual()) {
            string(v.textValue());
        } else if (v.isArray()) {
            out.append('[');
            String separator = "";
            for (JsonNode item : v) {
                out.append(separator);
                json(item);
                separator = ", ";
            }
            out.append(']');
        } else {
            out.append('{');
            String separator = "";
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                out.append(separator);
                string(field.getKey());
                out.append(": ");
                json(field.getValue());
                separator = ", ";
            }
            out.append('}');
        }
    }

    /**
     * Integral values as integers; others with 17 significant digits, as the gateway's C runtime
     * prints doubles ({@code %.17g}), which always reads back as the same double.
     */
    static String number(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return Long.toString(v.longValue());
        }
        double d = v.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e17) {
            return (d == 0 && 1 / d < 0) ? "-0" : Long.toString((long) d);
        }
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        BigDecimal rounded = new BigDecimal(d).round(new MathContext(17, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 17) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String digits = mantissa.toPlainString();
            return String.format(Locale.ROOT, "%se%s%02d", digits, exponent < 0 ? "-" : "+", Math.abs(exponent));
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** A double-quoted string with JSON escapes for quotes, backslashes and control characters. */
    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Whether a property name can be written after a dot. */
    static boolean isPlainName(String name) {
        if (name.isEmpty() || RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
            return false;
        }
        char first = name.charAt(0);
        if (!(Character.isLetter(first) || first == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
