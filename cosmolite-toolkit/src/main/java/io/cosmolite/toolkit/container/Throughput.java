package io.cosmolite.toolkit.container;

import com.azure.cosmos.models.ThroughputProperties;

/** Provisioned throughput of a container: a fixed number of RU/s, or autoscale up to a maximum. */
public sealed interface Throughput permits Throughput.Manual, Throughput.Autoscale {

    /** A fixed {@code ru} request units per second (at least 400). */
    static Throughput manual(int ru) {
        return new Manual(ru);
    }

    /** Autoscale between a tenth of {@code maxRu} and {@code maxRu} (at least 1000). */
    static Throughput autoscale(int maxRu) {
        return new Autoscale(maxRu);
    }

    ThroughputProperties toSdk();

    /** Manual throughput. */
    record Manual(int ru) implements Throughput {
        @Override
        public ThroughputProperties toSdk() {
            return ThroughputProperties.createManualThroughput(ru);
        }
    }

    /** Autoscale throughput. */
    record Autoscale(int maxRu) implements Throughput {
        @Override
        public ThroughputProperties toSdk() {
            return ThroughputProperties.createAutoscaledThroughput(maxRu);
        }
    }
}
