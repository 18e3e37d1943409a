package io.cosmolite.engine.query.parser;

import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.QueryErrors;
import java.util.List;

/**
 * The parser's cursor over the tokens, with the error helpers and the two depth budgets that keep
 * hostile text from exhausting the stack: {@link #MAX_NESTING} bounds the parser's own recursion
 * (parentheses, subqueries, constructors, unary chains), {@link #MAX_TREE_DEPTH} additionally counts
 * operator and member-access chains, so that whoever walks the finished tree recursively is safe too.
 */
final class TokenStream {
    /** Deepest nesting of recursive constructs. */
    static final int MAX_NESTING = 128;
    /** Deepest tree the parser builds, counting every chained operator as a level. */
    static final int MAX_TREE_DEPTH = 2048;

    private final List<Token> tokens;
    private int index;
    private int nesting;
    private int treeDepth;

    TokenStream(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The current token. */
    Token peek() {
        return tokens.get(index);
    }

    /** The token {@code ahead} places after the current one (EOF past the end). */
    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    /** The current token, moving past it (the last token, EOF or ERROR, is never passed). */
    Token next() {
        Token t = tokens.get(index);
        if (index < tokens.size() - 1) {
            index++;
        }
        return t;
    }

    /** Moves past the symbol {@code s} when it is the current token. */
    boolean acceptSymbol(String s) {
        if (peek().isSymbol(s)) {
            index++;
            return true;
        }
        return false;
    }

    /** Moves past the keyword {@code w} when it is the current token. */
    boolean acceptKeyword(String w) {
        if (peek().isKeyword(w)) {
            index++;
            return true;
        }
        return false;
    }

    /** The symbol {@code s}, or a syntax error at the current token. */
    Token expectSymbol(String s) {
        if (!peek().isSymbol(s)) {
            throw unexpected();
        }
        return next();
    }

    /** The keyword {@code w}, or a syntax error at the current token. */
    Token expectKeyword(String w) {
        if (!peek().isKeyword(w)) {
            throw unexpected();
        }
        return next();
    }

    /** An identifier (not a reserved word), or a syntax error at the current token. */
    Token expectIdentifier() {
        if (peek().kind() != Token.Kind.IDENTIFIER) {
            throw unexpected();
        }
        return next();
    }

    /** The syntax error Cosmos DB reports for the current token. */
    CosmosException unexpected() {
        return unexpected(peek());
    }

    /**
     * The syntax error Cosmos DB reports for {@code t}: "near 'x'" (also for text that is no token),
     * or unexpected end-of-file.
     */
    static CosmosException unexpected(Token t) {
        if (t.kind() == Token.Kind.EOF) {
            return QueryErrors.at("SC1002", t.start(), t.end(), "Syntax error, unexpected end-of-file.");
        }
        return QueryErrors.syntax(t.start(), t.end(), t.text());
    }

    /** Enters one level of recursion (call {@link #exit()} when done), refusing too deep text. */
    void enter() {
        nesting++;
        deepen();
        if (nesting > MAX_NESTING) {
            throw tooDeep();
        }
    }

    /** Leaves a level entered with {@link #enter()}. */
    void exit() {
        nesting--;
        treeDepth--;
    }

    /** Counts one more tree level of an operator or member chain (undo with {@link #shallow(int)}). */
    void deepen() {
        treeDepth++;
        if (treeDepth > MAX_TREE_DEPTH) {
            throw tooDeep();
        }
    }

    /** Gives back {@code levels} counted by {@link #deepen()} once a chain is complete. */
    void shallow(int levels) {
        treeDepth -= levels;
    }

    private CosmosException tooDeep() {
        Token t = peek();
        return QueryErrors.at("SC1001", t.start(), t.end(),
                "The query is too complex: it nests deeper than the maximum of " + MAX_NESTING
                        + " levels (or " + MAX_TREE_DEPTH + " chained operators).");
    }
}
