/**
 * Query text to {@code query.ast} trees: a hand-written lexer and recursive-descent parser with
 * Cosmos DB's error messages and positions.
 *
 * <p>Depends on {@code query.ast}, {@code json} and {@code error}.
 */
package io.cosmolite.engine.query.parser;
