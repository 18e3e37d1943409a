package io.cosmolite.toolkit.schema;

/**
 * Hears how a {@link MigrationJob} is doing. Called on the thread running the job; a slow listener
 * slows the job, an exception from it stops the job (which can then be resumed).
 */
@FunctionalInterface
public interface MigrationListener {
    /** The counts so far, after each page of documents, once their checkpoint is saved. */
    void onProgress(MigrationProgress progress);

    /** A document could not be upgraded (it is also in the result and in a failure document). */
    default void onFailure(MigrationFailure failure) {
    }
}
