package io.cosmolite.toolkit.schema;

import java.util.List;
import java.util.Objects;

/**
 * How a {@link MigrationJob} run ended: every document below the current version was upgraded,
 * found current already, or is listed in {@link #failures()}.
 *
 * @param jobId    the job's id
 * @param run      the run number: 1 for the first run of this job id, one more for each run started after
 *                 a completed one (a resumed run keeps its number)
 * @param resumed  whether this call resumed a run interrupted earlier (from its checkpoint)
 * @param counts   the run's counts, the interrupted part included when resumed; a document written during
 *                 the page that was being processed when the earlier process died is not counted
 * @param failures the documents this run could not upgrade, left untouched, with the reason
 */
public record MigrationResult(String jobId, int run, boolean resumed, MigrationProgress counts,
        List<MigrationFailure> failures) {
    /** Copies the failures. */
    public MigrationResult {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(counts, "counts");
        failures = List.copyOf(failures);
    }
}
