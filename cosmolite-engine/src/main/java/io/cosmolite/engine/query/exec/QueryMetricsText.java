package io.cosmolite.engine.query.exec;

import java.util.Locale;

/**
 * The {@code x-ms-documentdb-query-metrics} text of a page: {@code key=value;...} with the keys
 * the Cosmos DB SDKs parse (retrieved and output document counts and sizes, the index utilization
 * ratio and the phase times in milliseconds).
 */
final class QueryMetricsText {
    private QueryMetricsText() {}

    /** The metrics of a page; {@code indexHits} is how many retrieved documents the filter kept. */
    static String of(ExecutionStats s, long indexHits) {
        double total = s.totalNanos / 1e6;
        double compile = s.compileNanos / 1e6;
        double load = s.loadNanos / 1e6;
        double vm = Math.max(0, total - compile);
        double ratio = s.retrievedDocumentCount == 0 ? 0 : Math.min(1.0, (double) indexHits / s.retrievedDocumentCount);
        return String.format(Locale.ROOT,
                "totalExecutionTimeInMs=%.2f;queryCompileTimeInMs=%.2f;queryLogicalPlanBuildTimeInMs=0.00;"
                        + "queryPhysicalPlanBuildTimeInMs=0.00;queryOptimizationTimeInMs=0.00;VMExecutionTimeInMs=%.2f;"
                        + "indexLookupTimeInMs=0.00;documentLoadTimeInMs=%.2f;systemFunctionExecuteTimeInMs=0.00;"
                        + "userFunctionExecuteTimeInMs=0.00;retrievedDocumentCount=%d;retrievedDocumentSize=%d;"
                        + "outputDocumentCount=%d;outputDocumentSize=%d;writeOutputTimeInMs=0.00;"
                        + "indexUtilizationRatio=%.2f",
                total, compile, vm, load, s.retrievedDocumentCount, s.retrievedDocumentSize, s.outputDocumentCount,
                s.outputDocumentSize, ratio);
    }
}
