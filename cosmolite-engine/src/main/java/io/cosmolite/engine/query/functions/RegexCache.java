package io.cosmolite.engine.query.functions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiled RegexMatch patterns, shared by all queries: a query matches one pattern against every
 * item it reads, so compiling per item would dominate its cost. The cache is a small LRU map;
 * patterns that fail to compile are remembered too, so that a bad pattern costs one attempt.
 */
final class RegexCache {
    private static final int CAPACITY = 256;

    private static final Map<Key, Optional<Pattern>> CACHE = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Optional<Pattern>> eldest) {
            return size() > CAPACITY;
        }
    };

    private record Key(String regex, int flags) {}

    private RegexCache() {}

    /**
     * The pattern for a regular expression and RegexMatch modifiers ({@code m}, {@code s},
     * {@code i}, {@code x}, in any order; empty for none); null when either is invalid.
     */
    static Pattern pattern(String regex, String modifiers) {
        int flags = flags(modifiers);
        if (flags < 0) {
            return null;
        }
        Key key = new Key(regex, flags);
        synchronized (CACHE) {
            Optional<Pattern> cached = CACHE.get(key);
            if (cached != null) {
                return cached.orElse(null);
            }
        }
        Optional<Pattern> compiled = compile(regex, flags);
        synchronized (CACHE) {
            CACHE.put(key, compiled);
        }
        return compiled.orElse(null);
    }

    /** The number of patterns held (for tests). */
    static int size() {
        synchronized (CACHE) {
            return CACHE.size();
        }
    }

    private static Optional<Pattern> compile(String regex, int flags) {
        try {
            return Optional.of(Pattern.compile(regex, flags));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    /** Java flags for the modifiers; -1 for an unknown modifier. */
    private static int flags(String modifiers) {
        int flags = 0;
        for (int i = 0; i < modifiers.length(); i++) {
            switch (modifiers.charAt(i)) {
                case 'm' -> flags |= Pattern.MULTILINE;
                case 's' -> flags |= Pattern.DOTALL;
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'x' -> flags |= Pattern.COMMENTS;
                default -> {
                    return -1;
                }
            }
        }
        return flags;
    }
}
