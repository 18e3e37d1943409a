package io.cosmolite.engine.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The included and excluded paths of an indexing policy, compiled: the one place that decides
 * whether a document path is indexed, for the index itself and for the request charge of writes.
 * Cosmos's rule for overlapping paths holds: the most precise matching path decides, and
 * {@code /x/?} is more precise than {@code /x/*}; on a tie the exclusion wins.
 *
 * <p>A document path is a list of property names, with {@code []} for "an element of an array"
 * (e.g. {@code [tags, []]} for {@code /tags/[]/?}).
 */
public final class IndexedPaths {
    /** Cosmos's default policy: everything but the etag. */
    public static final IndexedPaths DEFAULT = of(List.of("/*"), List.of("/\"_etag\"/?"));

    /** The segment that stands for any element of an array. */
    public static final String ARRAY_ELEMENT = "[]";

    /** Top-level properties the service maintains; their indexing is folded into a write's base cost. */
    private static final Set<String> SYSTEM_PROPERTIES = Set.of("_rid", "_self", "_etag", "_attachments", "_ts");

    /** One policy path: its segments and whether it ends in {@code *} (a subtree) or {@code ?} (a scalar). */
    record Pattern(List<String> segments, boolean subtree, boolean included) {
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
    public static IndexedPaths of(List<String> includedPaths, List<String> excludedPaths) {
        List<Pattern> patterns = new ArrayList<>();
        for (String p : includedPaths) {
            patterns.add(compile(p, true));
        }
        for (String p : excludedPaths) {
            patterns.add(compile(p, false));
        }
        return new IndexedPaths(List.copyOf(patterns));
    }

    /** True when the policy indexes the scalar at {@code path}. */
    public boolean isIndexed(List<String> path) {
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

    /** True when {@code document} has a value (of any type) at {@code path}; {@code []} steps into arrays. */
    public static boolean isDefined(JsonNode document, List<String> path) {
        return !IndexTerms.valuesAt(document, path).isEmpty();
    }

    /**
     * The number of scalar leaves of the document (array elements each count) that the policy
     * indexes, system properties left out: what a write is charged for.
     */
    public int count(JsonNode document) {
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

    private static Pattern compile(String text, boolean included) {
        if ("/*".equals(text)) {
            return new Pattern(List.of(), true, included);
        }
        if (text == null || text.length() < 4 || !text.startsWith("/")
                || !(text.endsWith("/?") || text.endsWith("/*"))) {
            throw badPath(text);
        }
        List<String> segments = segments(text.substring(0, text.length() - 2), text);
        return new Pattern(List.copyOf(segments), text.endsWith("*"), included);
    }

    /**
     * The segments of a path without its terminal, e.g. {@code [a, b/c, []]} for
     * {@code /a/"b/c"/[]}: split on slashes outside double quotes, each segment unquoted. A
     * malformed path is a 400.
     */
    public static List<String> segments(String path) {
        if (path == null || path.length() < 2 || !path.startsWith("/")) {
            throw badPath(path);
        }
        return segments(path, path);
    }

    private static List<String> segments(String withSlash, String text) {
        String body = withSlash.substring(1);
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
