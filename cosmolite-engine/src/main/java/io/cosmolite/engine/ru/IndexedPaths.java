package io.cosmolite.engine.ru;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The included and excluded paths of an indexing policy, compiled for counting a document's index
 * terms. Cosmos's rule for overlapping paths holds: the most precise matching path decides, and
 * {@code /x/?} is more precise than {@code /x/*}; on a tie the exclusion wins.
 */
final class IndexedPaths {
    /** Cosmos's default policy: everything but the etag. */
    static final IndexedPaths DEFAULT = of(List.of("/*"), List.of("/\"_etag\"/?"));

    /** Top-level properties the service maintains; their indexing is folded into the write's base cost. */
    private static final Set<String> SYSTEM_PROPERTIES = Set.of("_rid", "_self", "_etag", "_attachments", "_ts");

    private static final String ARRAY_ELEMENT = "[]";

    /** One policy path: its segments and whether it ends in {@code *} (a subtree) or {@code ?} (a scalar). */
    private record Pattern(List<String> segments, boolean subtree, boolean included) {
        boolean matches(List<String> path) {
            if (subtree ? path.size() < segments.size() : path.size() != segments.size()) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                if (!segments.get(i).equals(path.get(i))) {
                    return false;
                }
            }
            return true;
        }

        int precision() {
            return 2 * segments.size() + (subtree ? 0 : 1);
        }
    }

    private final List<Pattern> patterns;

    private IndexedPaths(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /** Compiles policy paths such as {@code /*}, {@code /a/b/?}, {@code /tags/[]/?}; a malformed one is a 400. */
    static IndexedPaths of(List<String> includedPaths, List<String> excludedPaths) {
        List<Pattern> patterns = new ArrayList<>();
        for (String p : includedPaths) {
            patterns.add(compile(p, true));
        }
        for (String p : excludedPaths) {
            patterns.add(compile(p, false));
        }
        return new IndexedPaths(List.copyOf(patterns));
    }

    /** The number of scalar leaves of the document (array elements each count) that the policy indexes. */
    int count(JsonNode document) {
        List<String> path = new ArrayList<>();
        if (!document.isObject()) {
            return countLeaves(document, path);
        }
        int terms = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!SYSTEM_PROPERTIES.contains(field.getKey())) {
                path.add(field.getKey());
                terms += countLeaves(field.getValue(), path);
                path.remove(path.size() - 1);
            }
        }
        return terms;
    }

    private int countLeaves(JsonNode node, List<String> path) {
        if (node.isObject()) {
            int terms = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                path.add(field.getKey());
                terms += countLeaves(field.getValue(), path);
                path.remove(path.size() - 1);
            }
            return terms;
        }
        if (node.isArray()) {
            int terms = 0;
            path.add(ARRAY_ELEMENT);
            for (JsonNode element : node) {
                terms += countLeaves(element, path);
            }
            path.remove(path.size() - 1);
            return terms;
        }
        return isIndexed(path) ? 1 : 0;
    }

    private boolean isIndexed(List<String> path) {
        Pattern decider = null;
        for (Pattern p : patterns) {
            if (p.matches(path) && (decider == null
                    || p.precision() > decider.precision()
                    || (p.precision() == decider.precision() && !p.included()))) {
                decider = p;
            }
        }
        return decider != null && decider.included();
    }

    private static Pattern compile(String text, boolean included) {
        if ("/*".equals(text)) {
            return new Pattern(List.of(), true, included);
        }
        if (text == null || text.length() < 4 || !text.startsWith("/")
                || !(text.endsWith("/?") || text.endsWith("/*"))) {
            throw badPath(text);
        }
        List<String> segments = splitSegments(text.substring(1, text.length() - 2), text);
        return new Pattern(List.copyOf(segments), text.endsWith("*"), included);
    }

    /** Splits {@code a/"b/c"/[]} on slashes outside double quotes, unquoting each segment. */
    private static List<String> splitSegments(String body, String text) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '/' && !quoted) {
                segments.add(segment(current, text));
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw badPath(text);
        }
        segments.add(segment(current, text));
        return segments;
    }

    private static String segment(StringBuilder current, String text) {
        String s = current.toString();
        if (s.isEmpty() || s.equals("*") || s.equals("?")) {
            throw badPath(text);
        }
        return s;
    }

    private static RuntimeException badPath(String text) {
        return ErrorCode.BAD_REQUEST.exception(
                "The indexing path '%s' is not valid: a path starts with '/' and ends with '/?' or '/*'.", text);
    }
}
