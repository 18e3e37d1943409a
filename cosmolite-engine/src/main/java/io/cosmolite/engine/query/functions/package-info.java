/**
 * The catalog of built-in query functions: the one source of their names, arities and
 * behaviour, grouped by family (one class per family). Names are case-insensitive.
 *
 * <p>Depends on {@code query.value}, {@code json}, {@code error} and {@code resource}.
 */
package io.cosmolite.engine.query.functions;
