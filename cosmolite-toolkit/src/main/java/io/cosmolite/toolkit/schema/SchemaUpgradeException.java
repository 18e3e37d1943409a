package io.cosmolite.toolkit.schema;

/** An upgrade step failed on a document: the step threw, or returned nothing. The cause says why. */
public class SchemaUpgradeException extends RuntimeException {
    private final String documentId;
    private final int fromVersion;

    /** Step {@code fromVersion -> fromVersion + 1} failed on the document with this id (null if it has none). */
    public SchemaUpgradeException(String documentId, int fromVersion, Throwable cause) {
        super("upgrade step " + fromVersion + " -> " + (fromVersion + 1) + " failed on document "
                + (documentId == null ? "(no id)" : "'" + documentId + "'") + ": " + describe(cause), cause);
        this.documentId = documentId;
        this.fromVersion = fromVersion;
    }

    /** The id of the document the step failed on, or null when it had none. */
    public String documentId() {
        return documentId;
    }

    /** The version the failed step upgrades from. */
    public int fromVersion() {
        return fromVersion;
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
