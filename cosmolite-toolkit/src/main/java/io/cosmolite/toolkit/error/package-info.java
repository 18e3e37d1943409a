/**
 * One typed error hierarchy for the whole toolkit: {@link io.cosmolite.toolkit.error.CosmosDataException}
 * and its subclasses, each carrying the HTTP status, the Cosmos substatus, the activity id and the
 * request charge. The SDK's {@code CosmosException} is mapped in one place,
 * {@link io.cosmolite.toolkit.error.CosmosErrors}. Depends on the SDK's public API only, and on no
 * other toolkit package.
 */
package io.cosmolite.toolkit.error;
