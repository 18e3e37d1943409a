package io.cosmolite.engine.query.parser;

import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Expr.BinaryOp;
import io.cosmolite.engine.query.ast.Expr.UnaryOp;
import io.cosmolite.engine.query.ast.Query;
import io.cosmolite.engine.query.ast.Span;
import io.cosmolite.engine.query.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Parses scalar expressions, one method per precedence level (see {@link QueryParser} for the
 * table). Left-associative levels are loops rather than recursion, so long operator chains cost no
 * stack; every recursive construct goes through {@link TokenStream#enter()}.
 */
final class ExpressionParser {
    /** The symbolic binary operators from loosest to tightest; each map is one precedence level. */
    private static final List<Map<String, BinaryOp>> BINARY_LEVELS = List.of(
            Map.of("||", BinaryOp.CONCAT),
            Map.of("|", BinaryOp.BITWISE_OR),
            Map.of("^", BinaryOp.BITWISE_XOR),
            Map.of("&", BinaryOp.BITWISE_AND),
            Map.of("=", BinaryOp.EQUAL, "!=", BinaryOp.NOT_EQUAL, "<>", BinaryOp.NOT_EQUAL),
            Map.of("<", BinaryOp.LESS, "<=", BinaryOp.LESS_OR_EQUAL, ">", BinaryOp.GREATER,
                    ">=", BinaryOp.GREATER_OR_EQUAL),
            Map.of("<<", BinaryOp.LEFT_SHIFT, ">>", BinaryOp.RIGHT_SHIFT, ">>>", BinaryOp.ZERO_FILL_RIGHT_SHIFT),
            Map.of("+", BinaryOp.ADD, "-", BinaryOp.SUBTRACT),
            Map.of("*", BinaryOp.MULTIPLY, "/", BinaryOp.DIVIDE, "%", BinaryOp.MODULO));

    private final TokenStream ts;
    private final QueryClauseParser queries;

    ExpressionParser(TokenStream ts, QueryClauseParser queries) {
        this.ts = ts;
        this.queries = queries;
    }

    /** A full scalar expression (the loosest level: the conditional operator). */
    Expr expression() {
        Expr condition = coalesce();
        if (!ts.acceptSymbol("?")) {
            return condition;
        }
        // Right-associative like C# and JavaScript: a ? b : c ? d : e is a ? b : (c ? d : e).
        ts.enter();
        Expr whenTrue = expression();
        ts.expectSymbol(":");
        Expr whenFalse = expression();
        ts.exit();
        return new Expr.Conditional(condition, whenTrue, whenFalse);
    }

    /** One or more expressions separated by commas. */
    List<Expr> expressionList() {
        List<Expr> list = new ArrayList<>();
        do {
            list.add(expression());
        } while (ts.acceptSymbol(","));
        return list;
    }

    /** A string literal token as a literal node, or a syntax error. */
    Expr stringLiteral() {
        Token t = ts.peek();
        if (t.kind() != Token.Kind.STRING) {
            throw ts.unexpected();
        }
        ts.next();
        return new Expr.Literal(Values.string(t.string()));
    }

    private Expr coalesce() {
        return chain(this::or, t -> t.isSymbol("??") ? BinaryOp.COALESCE : null);
    }

    private Expr or() {
        return chain(this::and, t -> t.isKeyword("OR") ? BinaryOp.OR : null);
    }

    private Expr and() {
        return chain(this::predicate, t -> t.isKeyword("AND") ? BinaryOp.AND : null);
    }

    /** {@code x [NOT] IN (...)}, {@code x [NOT] LIKE p [ESCAPE e]}, {@code x [NOT] BETWEEN a AND b}, or x. */
    private Expr predicate() {
        Expr value = binary(0);
        boolean not = false;
        if (ts.peek().isKeyword("NOT") && isPredicateKeyword(ts.peek(1))) {
            ts.next();
            not = true;
        }
        if (ts.acceptKeyword("IN")) {
            ts.expectSymbol("(");
            ts.enter();
            List<Expr> list = expressionList();
            ts.expectSymbol(")");
            ts.exit();
            return new Expr.In(value, list, not);
        }
        if (ts.acceptKeyword("LIKE")) {
            Expr pattern = binary(0);
            Expr escape = ts.acceptKeyword("ESCAPE") ? stringLiteral() : null;
            return new Expr.Like(value, pattern, escape, not);
        }
        if (ts.acceptKeyword("BETWEEN")) {
            Expr low = binary(0);
            ts.expectKeyword("AND");
            Expr high = binary(0);
            return new Expr.Between(value, low, high, not);
        }
        return value;
    }

    private static boolean isPredicateKeyword(Token t) {
        return t.isKeyword("IN") || t.isKeyword("LIKE") || t.isKeyword("BETWEEN");
    }

    /** The symbolic binary operators from {@code level} of {@link #BINARY_LEVELS} inwards. */
    private Expr binary(int level) {
        if (level == BINARY_LEVELS.size()) {
            return unary();
        }
        Map<String, BinaryOp> ops = BINARY_LEVELS.get(level);
        return chain(() -> binary(level + 1), t -> t.kind() == Token.Kind.SYMBOL ? ops.get(t.word()) : null);
    }

    /** A left-associative run of operands joined by the operators {@code opOf} recognises. */
    private Expr chain(Supplier<Expr> operand, Function<Token, BinaryOp> opOf) {
        Expr left = operand.get();
        int levels = 0;
        BinaryOp op;
        while ((op = opOf.apply(ts.peek())) != null) {
            ts.next();
            ts.deepen();
            levels++;
            left = new Expr.Binary(op, left, operand.get());
        }
        ts.shallow(levels);
        return left;
    }

    private Expr unary() {
        UnaryOp op = unaryOp(ts.peek());
        if (op == null) {
            return postfix();
        }
        ts.next();
        ts.enter();
        Expr operand = unary();
        ts.exit();
        // A signed number is one literal, as the service's own rewritten queries print it.
        if ((op == UnaryOp.MINUS || op == UnaryOp.PLUS) && operand instanceof Expr.Literal l
                && l.value() != null && l.value().isNumber()) {
            double d = l.value().doubleValue();
            return new Expr.Literal(Values.number(op == UnaryOp.MINUS ? -d : d));
        }
        return new Expr.Unary(op, operand);
    }

    private static UnaryOp unaryOp(Token t) {
        if (t.isSymbol("-")) {
            return UnaryOp.MINUS;
        }
        if (t.isSymbol("+")) {
            return UnaryOp.PLUS;
        }
        if (t.isSymbol("~")) {
            return UnaryOp.BITWISE_NOT;
        }
        return t.isKeyword("NOT") ? UnaryOp.NOT : null;
    }

    /** A primary expression followed by any number of {@code .name} and {@code [index]} steps. */
    private Expr postfix() {
        Expr target = primary();
        int levels = 0;
        while (true) {
            if (ts.acceptSymbol(".")) {
                target = new Expr.Property(target, ts.expectIdentifier().text());
            } else if (ts.acceptSymbol("[")) {
                ts.enter();
                Expr index = expression();
                ts.expectSymbol("]");
                ts.exit();
                target = member(target, index);
            } else {
                ts.shallow(levels);
                return target;
            }
            ts.deepen();
            levels++;
        }
    }

    /** {@code target[index]}: a string literal index names a property, anything else is an index. */
    static Expr member(Expr target, Expr index) {
        if (index instanceof Expr.Literal l && l.value() != null && l.value().isTextual()) {
            return new Expr.Property(target, l.value().textValue());
        }
        return new Expr.Index(target, index);
    }

    private Expr primary() {
        Token t = ts.peek();
        switch (t.kind()) {
            case IDENTIFIER -> {
                ts.next();
                if (ts.peek().isSymbol("(")) {
                    return call(t.text(), false, t.start());
                }
                return identifier(t.text());
            }
            case PARAMETER -> {
                ts.next();
                return new Expr.Parameter(t.text());
            }
            case NUMBER -> {
                ts.next();
                return new Expr.Literal(Values.number(t.number()));
            }
            case STRING -> {
                ts.next();
                return new Expr.Literal(Values.string(t.string()));
            }
            case KEYWORD -> {
                return keywordPrimary(t);
            }
            case SYMBOL -> {
                return symbolPrimary(t);
            }
            default -> throw ts.unexpected();
        }
    }

    /** A bare name: {@code NaN} and {@code Infinity} are the service's number constants. */
    private static Expr identifier(String name) {
        return switch (name) {
            case "NaN" -> new Expr.Literal(Values.number(Double.NaN));
            case "Infinity" -> new Expr.Literal(Values.number(Double.POSITIVE_INFINITY));
            default -> new Expr.Identifier(name);
        };
    }

    private Expr keywordPrimary(Token t) {
        switch (t.word()) {
            case "true", "false" -> {
                ts.next();
                return new Expr.Literal(Values.bool(t.word().equals("true")));
            }
            case "null" -> {
                ts.next();
                return new Expr.Literal(Values.NULL);
            }
            case "undefined" -> {
                ts.next();
                return new Expr.Literal(null);
            }
            case "udf" -> {
                ts.next();
                ts.expectSymbol(".");
                Token name = ts.expectIdentifier();
                if (!ts.peek().isSymbol("(")) {
                    throw ts.unexpected();
                }
                return call(name.text(), true, t.start());
            }
            case "LEFT", "RIGHT" -> {
                if (!ts.peek(1).isSymbol("(")) {
                    throw ts.unexpected();
                }
                ts.next();
                return call(t.text(), false, t.start());
            }
            case "EXISTS" -> {
                ts.next();
                return new Expr.Exists(parenthesizedQuery());
            }
            case "ARRAY" -> {
                ts.next();
                return new Expr.ArraySubquery(parenthesizedQuery());
            }
            default -> throw ts.unexpected();
        }
    }

    private Expr symbolPrimary(Token t) {
        switch (t.word()) {
            case "(" -> {
                if (ts.peek(1).isKeyword("SELECT")) {
                    return new Expr.ScalarSubquery(parenthesizedQuery());
                }
                ts.next();
                ts.enter();
                Expr inner = expression();
                ts.expectSymbol(")");
                ts.exit();
                return inner;
            }
            case "[" -> {
                ts.next();
                ts.enter();
                List<Expr> items = ts.peek().isSymbol("]") ? List.of() : expressionList();
                ts.expectSymbol("]");
                ts.exit();
                return new Expr.ArrayConstructor(items);
            }
            case "{" -> {
                ts.next();
                ts.enter();
                List<Expr.PropertyDef> properties = ts.peek().isSymbol("}") ? List.of() : propertyList();
                ts.expectSymbol("}");
                ts.exit();
                return new Expr.ObjectConstructor(properties);
            }
            default -> throw ts.unexpected();
        }
    }

    /** {@code name: value, ...} where a name is an identifier or a string literal. */
    private List<Expr.PropertyDef> propertyList() {
        List<Expr.PropertyDef> properties = new ArrayList<>();
        do {
            Token name = ts.peek();
            if (name.kind() != Token.Kind.STRING && name.kind() != Token.Kind.IDENTIFIER) {
                throw ts.unexpected();
            }
            ts.next();
            ts.expectSymbol(":");
            String key = name.kind() == Token.Kind.STRING ? name.string() : name.text();
            properties.add(new Expr.PropertyDef(key, expression()));
        } while (ts.acceptSymbol(","));
        return properties;
    }

    /** {@code ( SELECT ... )}. */
    private Query parenthesizedQuery() {
        ts.expectSymbol("(");
        ts.enter();
        Query q = queries.query();
        ts.expectSymbol(")");
        ts.exit();
        return q;
    }

    /** The argument list of a call whose name has been read; the span runs from {@code start} to ')'. */
    private Expr call(String name, boolean udf, int start) {
        ts.expectSymbol("(");
        ts.enter();
        List<Expr> args = ts.peek().isSymbol(")") ? List.of() : expressionList();
        Token close = ts.expectSymbol(")");
        ts.exit();
        return new Expr.Call(name, udf, args, new Span(start, close.end()));
    }
}
