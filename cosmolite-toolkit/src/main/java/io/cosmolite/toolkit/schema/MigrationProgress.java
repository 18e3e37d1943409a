package io.cosmolite.toolkit.schema;

/**
 * The counts of a migration run so far.
 *
 * @param scanned        documents below the current version that the job looked at
 * @param upgraded       documents it upgraded and wrote back
 * @param alreadyCurrent documents that needed nothing by the time it wrote: a concurrent writer had
 *                       brought them to the current version, or deleted them
 * @param failed         documents it could not upgrade and left untouched (see {@link MigrationFailure})
 */
public record MigrationProgress(long scanned, long upgraded, long alreadyCurrent, long failed) {
    /** No document yet. */
    public static final MigrationProgress NONE = new MigrationProgress(0, 0, 0, 0);

    MigrationProgress plus(MigrationOutcome outcome) {
        return switch (outcome) {
            case UPGRADED -> new MigrationProgress(scanned + 1, upgraded + 1, alreadyCurrent, failed);
            case ALREADY_CURRENT -> new MigrationProgress(scanned + 1, upgraded, alreadyCurrent + 1, failed);
            case FAILED -> new MigrationProgress(scanned + 1, upgraded, alreadyCurrent, failed + 1);
        };
    }
}
