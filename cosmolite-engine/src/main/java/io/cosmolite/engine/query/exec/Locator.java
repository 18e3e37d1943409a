package io.cosmolite.engine.query.exec;

import io.cosmolite.engine.query.ast.Span;

/**
 * Finds where a name appears in the query text, for the location of an error about it: the syntax
 * tree keeps spans on calls only. The first occurrence outside string literals that is a whole
 * word and not a property name (not after a dot) wins.
 */
final class Locator {
    private Locator() {}

    /** The span of {@code name} in {@code text}, or an empty span at 0 when it is not found. */
    static Span find(String text, String name) {
        int i = 0;
        char quote = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
                i++;
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
                i++;
                continue;
            }
            if (text.startsWith(name, i) && boundary(text, i - 1) && boundary(text, i + name.length())
                    && !afterDot(text, i)) {
                return new Span(i, i + name.length());
            }
            i++;
        }
        return Span.NONE;
    }

    private static boolean boundary(String text, int at) {
        if (at < 0 || at >= text.length()) {
            return true;
        }
        char c = text.charAt(at);
        return !(Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '$');
    }

    private static boolean afterDot(String text, int at) {
        int k = at - 1;
        while (k >= 0 && Character.isWhitespace(text.charAt(k))) {
            k--;
        }
        return k >= 0 && text.charAt(k) == '.';
    }
}
