package io.cosmolite.engine.query.exec;

import java.util.regex.Pattern;

/**
 * A compiled LIKE pattern: {@code %} matches any run of characters, {@code _} one character,
 * {@code [abc]} and {@code [a-f]} one of a set, {@code [^...]} one outside it; the escape character
 * makes the next character literal. Matching is case-sensitive and covers the whole string.
 */
final class LikePattern {
    private final Pattern regex;

    private LikePattern(Pattern regex) {
        this.regex = regex;
    }

    /** Compiles {@code pattern}; {@code escape} is the escape character or null. */
    static LikePattern compile(String pattern, Character escape) {
        StringBuilder re = new StringBuilder(pattern.length() + 8);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (escape != null && c == escape && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(i + 1))));
                i += 2;
                continue;
            }
            if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else if (c == '[') {
                int close = pattern.indexOf(']', i + 1);
                if (close < 0 || close == i + 1 || (close == i + 2 && pattern.charAt(i + 1) == '^')) {
                    re.append("\\[");
                } else {
                    re.append(characterClass(pattern.substring(i + 1, close)));
                    i = close;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return new LikePattern(Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    /** True when the whole of {@code s} matches. */
    boolean matches(String s) {
        return regex.matcher(s).matches();
    }

    private static String characterClass(String body) {
        StringBuilder b = new StringBuilder("[");
        int start = 0;
        if (body.startsWith("^")) {
            b.append('^');
            start = 1;
        }
        for (int k = start; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == '-' && k > start && k < body.length() - 1) {
                b.append('-');
            } else if (Character.isLetterOrDigit(c)) {
                b.append(c);
            } else {
                b.append('\\').append(c);
            }
        }
        return b.append(']').toString();
    }
}
