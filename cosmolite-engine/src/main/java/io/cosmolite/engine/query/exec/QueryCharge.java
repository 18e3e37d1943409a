package io.cosmolite.engine.query.exec;

/**
 * The request charge of one query page, a deterministic model specified in
 * {@code docs/request-units.md} (section "Queries"): a base per page, plus what the page read
 * (documents loaded and their size) and what it returned (results and their size).
 */
final class QueryCharge {
    /** Every page, even an empty one. */
    static final double PAGE_BASE = 1.9;
    /** Each document loaded and evaluated. */
    static final double PER_RETRIEVED_DOCUMENT = 0.06;
    /** Each KB of documents loaded. */
    static final double PER_RETRIEVED_KB = 0.007;
    /** Each result returned. */
    static final double PER_OUTPUT_ITEM = 0.9;
    /** Each KB of results returned. */
    static final double PER_OUTPUT_KB = 0.03;

    private QueryCharge() {}

    /** The charge of a page, rounded to two decimals. */
    static double of(ExecutionStats s) {
        double charge = PAGE_BASE
                + PER_RETRIEVED_DOCUMENT * s.retrievedDocumentCount
                + PER_RETRIEVED_KB * (s.retrievedDocumentSize / 1024.0)
                + PER_OUTPUT_ITEM * s.outputDocumentCount
                + PER_OUTPUT_KB * (s.outputDocumentSize / 1024.0);
        return Math.round(charge * 100) / 100.0;
    }
}
