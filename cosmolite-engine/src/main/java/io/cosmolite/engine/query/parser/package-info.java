/**
 * Query text to {@code query.ast} trees: a hand-written lexer and recursive-descent parser with
 * Cosmos DB's error messages and positions.
 *
 * <p>The grammar follows the one Microsoft publishes with its .NET SDK (sql.g4), widened where the
 * service accepts more (unquoted object property names, {@code <>}, shifts, hex numbers, {@code NaN}
 * and {@code Infinity}, {@code --} comments, optional {@code AS} before a select alias). See
 * {@link io.cosmolite.engine.query.parser.QueryParser} for the operator precedence.
 *
 * <p>Depends on {@code query.ast}, {@code query.value} and {@code error}.
 */
package io.cosmolite.engine.query.parser;
