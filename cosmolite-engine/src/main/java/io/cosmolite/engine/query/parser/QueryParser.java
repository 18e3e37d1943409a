package io.cosmolite.engine.query.parser;

import io.cosmolite.engine.error.QueryErrors;
import io.cosmolite.engine.query.ast.Query;

/**
 * The NoSQL query parser: text in, {@link Query} tree out, or a 400 {@code CosmosException} in
 * Cosmos DB's error shape ({@code SC1001} "Syntax error, incorrect syntax near 'x'." with the
 * offending token's range, {@code SC1002} "Syntax error, unexpected end-of-file.").
 *
 * <p>Operator precedence, loosest first (Microsoft's published grammar orders the binary operators
 * the same way; shifts, absent there, sit between additive and relational as in JavaScript):
 * <ol>
 *   <li>{@code c ? a : b} (right-associative)</li>
 *   <li>{@code ??}</li>
 *   <li>{@code OR}</li>
 *   <li>{@code AND}</li>
 *   <li>{@code [NOT] IN (...)}, {@code [NOT] LIKE p [ESCAPE 'e']}, {@code [NOT] BETWEEN a AND b}
 *       (operands are binary expressions; they do not chain)</li>
 *   <li>{@code ||} (string concatenation)</li>
 *   <li>{@code |}, then {@code ^}, then {@code &}</li>
 *   <li>{@code = != <>}</li>
 *   <li>{@code < <= > >=}</li>
 *   <li>{@code << >> >>>}</li>
 *   <li>{@code + -}, then {@code * / %}</li>
 *   <li>unary {@code - + ~ NOT} (NOT is unary in the grammar, so {@code NOT a = b} is
 *       {@code (NOT a) = b})</li>
 *   <li>{@code .name}, {@code [index]}</li>
 * </ol>
 * Function names are not checked here; {@link io.cosmolite.engine.query.ast.Expr.Call#span()} lets
 * the executor point at a bad call.
 */
public final class QueryParser {
    /** The longest query text Cosmos DB accepts (512 KB). */
    public static final int MAX_QUERY_LENGTH = 512 * 1024;

    private QueryParser() {}

    /** Parses one query; every malformed text is a 400. */
    public static Query parse(String text) {
        if (text == null) {
            throw QueryErrors.general("The query text is missing.");
        }
        if (text.length() > MAX_QUERY_LENGTH) {
            throw QueryErrors.general("The SQL query text exceeded the maximum limit of " + MAX_QUERY_LENGTH
                    + " characters.");
        }
        TokenStream tokens = new TokenStream(Lexer.tokenize(text));
        try {
            return new QueryClauseParser(tokens).program();
        } catch (StackOverflowError e) {
            // The depth budgets make this unreachable on ordinary stacks; a tiny thread stack still gets a 400.
            throw QueryErrors.general("The query is too complex to parse.");
        }
    }
}
