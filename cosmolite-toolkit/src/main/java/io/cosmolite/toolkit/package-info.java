/**
 * The application toolkit: the data-access layer of a service on Azure Cosmos DB, built only on the
 * official {@code azure-cosmos} SDK, so that the same code runs against Cosmolite (in tests, on a
 * laptop) and against Azure Cosmos DB. Packages: {@code error} (one typed error hierarchy, mapped
 * from the SDK's exceptions in one place), {@code container} (declarative container definitions
 * applied idempotently), {@code repository} (a repository per document type), {@code schema}
 * (JSON Schema validation, schema versions and migration), {@code cache} (a read-through cache
 * invalidated through the change feed) and {@code metrics} (client metrics with Micrometer).
 */
package io.cosmolite.toolkit;
