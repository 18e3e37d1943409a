/**
 * The store of metadata resources (databases, containers, users, permissions, stored procedures,
 * triggers, user-defined functions, offers): create, read, replace, delete with cascades, list,
 * id sequences and what is particular to each type.
 *
 * <p>Depends on {@code resource}, {@code container}, {@code storage}, {@code layout}, {@code json}
 * and {@code error}.
 */
package io.cosmolite.engine.metadata;
