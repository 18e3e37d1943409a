/**
 * The syntax tree of a NoSQL query: immutable records under sealed interfaces, produced by
 * {@code query.parser} and read by {@code query.exec} and {@code query.plan}. Nodes hold no
 * behaviour, so that planning can rewrite a tree without executing it.
 *
 * <p>Depends on nothing of the engine (literals are Jackson nodes).
 */
package io.cosmolite.engine.query.ast;
