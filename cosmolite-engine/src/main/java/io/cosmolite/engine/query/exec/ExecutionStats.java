package io.cosmolite.engine.query.exec;

/** What one page's execution did: the counts behind its request charge and query metrics. */
final class ExecutionStats {
    long retrievedDocumentCount;
    long retrievedDocumentSize;
    long outputDocumentCount;
    long outputDocumentSize;
    long functionCalls;
    long compileNanos;
    long loadNanos;
    long totalNanos;
}
