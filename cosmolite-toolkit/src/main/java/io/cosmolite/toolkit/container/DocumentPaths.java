package io.cosmolite.toolkit.container;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Cosmos property paths ({@code /a/b}) checked and resolved against JSON documents. */
final class DocumentPaths {
    private DocumentPaths() {
    }

    /** {@code path} itself, once it is known to be a plain Cosmos path: {@code /name(/name)*}, no wildcards. */
    static String requirePlain(String path) {
        if (path == null || !path.startsWith("/") || path.length() < 2 || path.endsWith("/")
                || path.contains("*") || path.contains("?") || path.contains("//")) {
            throw new IllegalArgumentException("not a property path like /customerId or /address/zip: " + path);
        }
        return path;
    }

    static List<String> requirePlain(List<String> paths) {
        paths.forEach(DocumentPaths::requirePlain);
        return List.copyOf(paths);
    }

    /** The value at {@code path}; a missing node when the document has none. */
    static JsonNode at(JsonNode document, String path) {
        return document.at(JsonPointer.compile(path));
    }
}
