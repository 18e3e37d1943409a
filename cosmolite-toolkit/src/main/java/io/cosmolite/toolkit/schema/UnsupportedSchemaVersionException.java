package io.cosmolite.toolkit.schema;

/**
 * A document's schema version cannot be read by this code: it is newer than the current version (a
 * document written by a newer release of the application), or it is not a positive integer.
 */
public class UnsupportedSchemaVersionException extends RuntimeException {
    private final String found;
    private final int current;

    /** A document whose version field holds {@code found} (as JSON text), where {@code current} is the newest known. */
    public UnsupportedSchemaVersionException(String versionField, String found, int current, String documentId) {
        super("document " + (documentId == null ? "(no id)" : "'" + documentId + "'") + " has " + versionField + " "
                + found + ", but this code knows versions 1.." + current);
        this.found = found;
        this.current = current;
    }

    /** The version field's value, as JSON text. */
    public String found() {
        return found;
    }

    /** The current (newest known) version. */
    public int current() {
        return current;
    }
}
