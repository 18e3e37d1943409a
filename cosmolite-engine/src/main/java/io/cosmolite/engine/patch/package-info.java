/**
 * Partial document update (Cosmos DB "patch"): parsing the wire request into
 * {@link io.cosmolite.engine.patch.PatchRequest} and applying its operations to a document with
 * {@link io.cosmolite.engine.patch.PatchApplier}, with Cosmos's rules and 400 messages. Evaluating
 * the request's {@code condition}, loading and storing the document are the caller's job.
 * Depends on {@code error}, {@code json} and {@code resource} only.
 */
package io.cosmolite.engine.patch;
