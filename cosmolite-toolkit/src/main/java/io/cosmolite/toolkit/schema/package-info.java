/**
 * Schema validation, schema versions and migration of stored documents.
 *
 * <ul>
 *   <li>{@link io.cosmolite.toolkit.schema.DocumentSchema}: a JSON Schema (draft 2020-12 unless the schema
 *       names another in {@code $schema}) that lists every violation of a document, by JSON Pointer path.</li>
 *   <li>{@link io.cosmolite.toolkit.schema.SchemaVersions}: the current schema version of a document type and
 *       the upgrade steps that bring an older document up to it, applied on read.</li>
 *   <li>{@link io.cosmolite.toolkit.schema.MigrationJob}: upgrades the stored documents of a container in
 *       bulk, with optimistic concurrency, progress, a checkpoint to resume from, and a report of every
 *       document it could not upgrade.</li>
 * </ul>
 *
 * <p>Depends on the official SDK's public API ({@code com.azure.cosmos}, {@code com.azure.cosmos.models}),
 * Jackson, networknt's json-schema-validator and {@code io.cosmolite.toolkit.error} (violations are the
 * toolkit's {@link io.cosmolite.toolkit.error.Violation}, a refusal its
 * {@link io.cosmolite.toolkit.error.ValidationException}); networknt's types stay out of the public API.
 * Never on Cosmolite's engine or server.
 */
package io.cosmolite.toolkit.schema;
