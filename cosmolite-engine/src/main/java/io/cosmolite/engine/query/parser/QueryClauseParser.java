package io.cosmolite.engine.query.parser;

import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import io.cosmolite.engine.query.value.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the clauses of a {@code SELECT} query (SELECT, FROM/JOIN, WHERE, GROUP BY, ORDER BY,
 * OFFSET/LIMIT); expressions are left to {@link ExpressionParser}.
 */
final class QueryClauseParser {
    private final TokenStream ts;
    private final ExpressionParser expressions;

    QueryClauseParser(TokenStream ts) {
        this.ts = ts;
        this.expressions = new ExpressionParser(ts, this);
    }

    /** A whole query, which must be followed by the end of the text. */
    Query program() {
        Query q = query();
        if (ts.peek().kind() != Token.Kind.EOF) {
            throw ts.unexpected();
        }
        return q;
    }

    /** One query: SELECT and its optional clauses, in their fixed order. */
    Query query() {
        ts.expectKeyword("SELECT");
        boolean distinct = ts.acceptKeyword("DISTINCT");
        Expr top = ts.acceptKeyword("TOP") ? count() : null;
        Query.Select select = new Query.Select(distinct, top, projection());
        Query.Source from = null;
        List<Query.Source> joins = List.of();
        if (ts.acceptKeyword("FROM")) {
            from = source();
            joins = new ArrayList<>();
            while (ts.acceptKeyword("JOIN")) {
                joins.add(source());
            }
            joins = List.copyOf(joins);
        }
        Expr where = ts.acceptKeyword("WHERE") ? expressions.expression() : null;
        List<Expr> groupBy = List.of();
        if (ts.acceptKeyword("GROUP")) {
            ts.expectKeyword("BY");
            groupBy = List.copyOf(expressions.expressionList());
        }
        Query.OrderBy orderBy = null;
        if (ts.acceptKeyword("ORDER")) {
            ts.expectKeyword("BY");
            orderBy = orderBy();
        }
        Expr offset = null;
        Expr limit = null;
        if (ts.acceptKeyword("OFFSET")) {
            offset = count();
            ts.expectKeyword("LIMIT");
            limit = count();
        }
        return new Query(select, from, joins, where, groupBy, orderBy, offset, limit);
    }

    /** The operand of TOP, OFFSET or LIMIT: an unsigned number literal or a parameter. */
    private Expr count() {
        Token t = ts.peek();
        if (t.kind() == Token.Kind.NUMBER) {
            ts.next();
            return new Expr.Literal(Values.number(t.number()));
        }
        if (t.kind() == Token.Kind.PARAMETER) {
            ts.next();
            return new Expr.Parameter(t.text());
        }
        throw ts.unexpected();
    }

    private Query.Projection projection() {
        if (ts.acceptSymbol("*")) {
            return new Query.Star();
        }
        if (ts.acceptKeyword("VALUE")) {
            return new Query.ValueProjection(expressions.expression());
        }
        List<Query.Item> items = new ArrayList<>();
        do {
            Expr e = expressions.expression();
            items.add(new Query.Item(e, alias()));
        } while (ts.acceptSymbol(","));
        return new Query.ListProjection(List.copyOf(items));
    }

    /** {@code [AS] name} after a select item or a FROM/JOIN source, or null when absent. */
    private String alias() {
        if (ts.acceptKeyword("AS")) {
            return ts.expectIdentifier().text();
        }
        return ts.peek().kind() == Token.Kind.IDENTIFIER ? ts.next().text() : null;
    }

    /**
     * A FROM or JOIN source: {@code (SELECT ...) [AS] x}, {@code x IN path} or
     * {@code path [AS] x}.
     */
    private Query.Source source() {
        if (ts.peek().isSymbol("(")) {
            ts.next();
            ts.enter();
            Query q = query();
            ts.expectSymbol(")");
            ts.exit();
            return new Query.SubquerySource(q, alias());
        }
        Token name = ts.expectIdentifier();
        if (ts.acceptKeyword("IN")) {
            // Iterating a subquery (x IN (SELECT ...)) has no node in the tree; refuse it here.
            return new Query.PathSource(path(ts.expectIdentifier()), name.text(), true);
        }
        Expr path = path(name);
        return new Query.PathSource(path, alias(), false);
    }

    /** A collection path: a name followed by {@code .name}, {@code [number]} or {@code ["name"]} steps. */
    private Expr path(Token root) {
        Expr path = new Expr.Identifier(root.text());
        int levels = 0;
        while (true) {
            if (ts.acceptSymbol(".")) {
                path = new Expr.Property(path, ts.expectIdentifier().text());
            } else if (ts.acceptSymbol("[")) {
                Token t = ts.peek();
                Expr index;
                if (t.kind() == Token.Kind.NUMBER) {
                    ts.next();
                    index = new Expr.Literal(Values.number(t.number()));
                } else {
                    index = expressions.stringLiteral();
                }
                ts.expectSymbol("]");
                path = ExpressionParser.member(path, index);
            } else {
                ts.shallow(levels);
                return path;
            }
            ts.deepen();
            levels++;
        }
    }

    /** The items after ORDER BY, with the {@code RANK} form recognised by what follows the word. */
    private Query.OrderBy orderBy() {
        boolean rank = false;
        Token t = ts.peek();
        if (t.kind() == Token.Kind.IDENTIFIER && t.text().equalsIgnoreCase("RANK") && startsCall(ts.peek(1))) {
            ts.next();
            rank = true;
        }
        List<Query.SortItem> items = new ArrayList<>();
        do {
            Expr e = expressions.expression();
            boolean descending = false;
            if (ts.acceptKeyword("DESC")) {
                descending = true;
            } else {
                ts.acceptKeyword("ASC");
            }
            items.add(new Query.SortItem(e, descending));
        } while (ts.acceptSymbol(","));
        return new Query.OrderBy(List.copyOf(items), rank);
    }

    /** True for a token that can begin a function call (the operand of ORDER BY RANK). */
    private static boolean startsCall(Token t) {
        return t.kind() == Token.Kind.IDENTIFIER || t.isKeyword("udf") || t.isKeyword("LEFT") || t.isKeyword("RIGHT");
    }
}
