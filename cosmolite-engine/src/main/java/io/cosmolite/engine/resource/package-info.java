/**
 * Metadata resources (databases, containers, users, permissions, stored procedures, triggers,
 * user-defined functions, offers): resource ids, system properties, id rules and the
 * {@link io.cosmolite.engine.resource.MetadataStore}. Depends on {@code storage}, {@code layout},
 * {@code container}, {@code json} and {@code error}.
 */
package io.cosmolite.engine.resource;
