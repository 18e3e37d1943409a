package io.cosmolite.toolkit.metrics;

import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.models.CosmosClientTelemetryConfig;
import com.azure.cosmos.models.CosmosMetricCategory;
import com.azure.cosmos.models.CosmosMetricTagName;
import com.azure.cosmos.models.CosmosMicrometerMetricsOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Turns on the SDK's own Micrometer meters ({@code azure-cosmos}' {@code CosmosMicrometerMetricsOptions}),
 * which complement {@link OperationMetrics}: they come from inside the SDK, so they also see retries,
 * the gateway requests under one operation and the SDK's own calls (metadata, query plans), under names
 * starting {@code cosmos.client.} ({@code cosmos.client.op.calls}, {@code cosmos.client.op.latency},
 * {@code cosmos.client.op.RUs}, {@code cosmos.client.req.gw.*} in gateway mode, ...), tagged by the
 * SDK's default tags (container, operation, status code, ...).
 *
 * <pre>{@code
 * CosmosClient client = SdkMetrics.enable(new CosmosClientBuilder().endpoint(endpoint).key(key), registry)
 *         .buildClient();
 * }</pre>
 *
 * Works in gateway mode (checked against Cosmolite: {@code cosmos.client.op.*} and {@code cosmos.client.req.gw.*}).
 * The SDK removes its meters from the registry when the client closes. The SDK's tags are
 * capitalised ({@code Container} is {@code <account>/<database>/<container>}, {@code Operation} e.g.
 * {@code Document/Read}, {@code OperationStatusCode}); the toolkit's are lower case.
 *
 * <p>Metric categories: the SDK's default set (operation and request summaries, system); more with
 * {@link #telemetryConfig(MeterRegistry, CosmosMetricCategory...)}.
 */
public final class SdkMetrics {
    private SdkMetrics() {
    }

    /** {@code builder} publishing the SDK's default meters to {@code registry}. */
    public static CosmosClientBuilder enable(CosmosClientBuilder builder, MeterRegistry registry) {
        return builder.clientTelemetryConfig(telemetryConfig(registry, CosmosMetricCategory.DEFAULT));
    }

    /** A telemetry configuration publishing the SDK's meters of {@code categories} to {@code registry}. */
    public static CosmosClientTelemetryConfig telemetryConfig(MeterRegistry registry, CosmosMetricCategory... categories) {
        Objects.requireNonNull(registry, "registry");
        CosmosMicrometerMetricsOptions options = new CosmosMicrometerMetricsOptions()
                .meterRegistry(registry)
                .setMetricCategories(categories.length == 0 ? new CosmosMetricCategory[] {CosmosMetricCategory.DEFAULT}
                        : categories)
                .configureDefaultTagNames(CosmosMetricTagName.DEFAULT)
                .setEnabled(true);
        return new CosmosClientTelemetryConfig().metricsOptions(options);
    }
}
