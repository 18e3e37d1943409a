package io.cosmolite.engine.container;

import io.cosmolite.engine.error.ErrorCode;

/**
 * The syntax of indexing paths: {@code /a/"b-c"/[]/?}, {@code /a/*}, {@code /*}. Labels are letters,
 * digits and underscores, or double-quoted; {@code []} addresses array elements; the path ends in
 * {@code /?} (a scalar) or {@code /*} (everything below). Composite-index paths have no terminal.
 */
final class IndexPaths {
    /** The mandatory root path of every indexing policy. */
    static final String ROOT = "/*";

    private IndexPaths() {}

    /** Checks an included, excluded or spatial path; tuple segments ({@code {a, b}}) only when {@code tuples}. */
    static String checkTerminated(String path, boolean tuples) {
        if (path.equals(ROOT)) {
            return path;
        }
        int end = path.endsWith("/?") || path.endsWith("/*") ? path.length() - 2 : -1;
        if (end <= 0) {
            throw rejected(path, path.length());
        }
        checkLabels(path, end, tuples);
        return path;
    }

    /** Checks a composite-index path, which names a scalar without a terminal {@code /?}. */
    static String checkComposite(String path) {
        checkLabels(path, path.length(), false);
        return path;
    }

    /** The first label of a path without its quotes, e.g. {@code _etag} for {@code /"_etag"/?}. */
    static String firstLabel(String path) {
        int end = path.indexOf('/', 1);
        String label = path.substring(1, end < 0 ? path.length() : end);
        return label.length() >= 2 && label.startsWith("\"") && label.endsWith("\"")
                ? label.substring(1, label.length() - 1) : label;
    }

    private static void checkLabels(String path, int end, boolean tuples) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            throw rejected(path, 0);
        }
        int i = 1;
        while (true) {
            i = label(path, i, end, tuples);
            if (i == end) {
                return;
            }
            if (path.charAt(i) != '/') {
                throw rejected(path, i);
            }
            i++;
        }
    }

    /** Reads one label starting at {@code i}; returns the index just after it. */
    private static int label(String path, int i, int end, boolean tuples) {
        if (i >= end) {
            throw rejected(path, i);
        }
        char c = path.charAt(i);
        if (c == '"') {
            for (int j = i + 1; j < end; j++) {
                if (path.charAt(j) == '\\') {
                    j++;
                } else if (path.charAt(j) == '"') {
                    return j + 1;
                }
            }
            throw rejected(path, i);
        }
        if (c == '[') {
            int close = path.indexOf(']', i);
            boolean arrayLabel = close > i && close < end && path.substring(i + 1, close).chars().allMatch(Character::isDigit);
            if (!arrayLabel) {
                throw rejected(path, i);
            }
            return close + 1;
        }
        if (c == '{' && tuples) {
            int close = path.indexOf('}', i);
            if (close < 0 || close >= end) {
                throw rejected(path, i);
            }
            return close + 1;
        }
        int j = i;
        while (j < end && isPlain(path.charAt(j))) {
            j++;
        }
        if (j == i) {
            throw rejected(path, i);
        }
        return j;
    }

    private static boolean isPlain(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static RuntimeException rejected(String path, int position) {
        return ErrorCode.BAD_REQUEST.exception("The indexing path '%s' could not be accepted, failed near position %d."
                + " Please ensure that the path is a valid path. Common errors include invalid characters or absence"
                + " of quotes around labels.", path, position);
    }
}
