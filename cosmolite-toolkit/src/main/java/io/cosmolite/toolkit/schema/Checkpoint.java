package io.cosmolite.toolkit.schema;

/**
 * Where a migration run stands, as saved after each page.
 *
 * @param run           the run number
 * @param targetVersion the version the run upgrades to
 * @param continuation  the query continuation after the last completed page, or null to start a pass
 *                      from the beginning
 * @param counts        the counts so far
 * @param completed     whether the run finished
 */
record Checkpoint(int run, int targetVersion, String continuation, MigrationProgress counts, boolean completed) {
    static Checkpoint start(int run, int targetVersion) {
        return new Checkpoint(run, targetVersion, null, MigrationProgress.NONE, false);
    }

    Checkpoint after(String nextContinuation, MigrationProgress nextCounts) {
        return new Checkpoint(run, targetVersion, nextContinuation, nextCounts, false);
    }

    Checkpoint complete() {
        return new Checkpoint(run, targetVersion, null, counts, true);
    }
}
