package io.cosmolite.toolkit.schema;

/** What the migration did with one document. */
enum MigrationOutcome {
    UPGRADED, ALREADY_CURRENT, FAILED
}
