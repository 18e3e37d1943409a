package io.cosmolite.toolkit.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What {@link SchemaVersions#upgrade} made of a document.
 *
 * @param document    the document at {@code toVersion}: the very instance passed in when it was current
 *                    already, otherwise a new one (the one passed in is never modified)
 * @param fromVersion the version the document had (1 when it carried none)
 * @param toVersion   the current version
 */
public record UpgradeResult(ObjectNode document, int fromVersion, int toVersion) {
    /** Checks that the document is present and the versions are in order. */
    public UpgradeResult {
        Objects.requireNonNull(document, "document");
        if (fromVersion < 1 || toVersion < fromVersion) {
            throw new IllegalArgumentException("versions out of order: " + fromVersion + " -> " + toVersion);
        }
    }

    /** Whether any upgrade step ran, so that the stored document is older than {@link #document()}. */
    public boolean changed() {
        return fromVersion != toVersion;
    }
}
