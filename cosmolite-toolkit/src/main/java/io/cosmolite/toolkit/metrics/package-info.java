/**
 * Client metrics with Micrometer: {@link io.cosmolite.toolkit.metrics.OperationMetrics}, the recorder a
 * repository calls around each SDK call (latency, request units, outcome per container and operation),
 * and {@link io.cosmolite.toolkit.metrics.SdkMetrics}, which turns on the SDK's own Micrometer meters.
 *
 * <p>Depends on the official SDK's public API ({@code com.azure.cosmos}, {@code com.azure.cosmos.models})
 * and Micrometer only; nothing of Cosmolite's, and no other toolkit package.
 */
package io.cosmolite.toolkit.metrics;
