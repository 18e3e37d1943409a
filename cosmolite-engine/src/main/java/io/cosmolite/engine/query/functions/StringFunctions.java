package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.ArgumentChecks.arg;
import static io.cosmolite.engine.query.functions.ArgumentChecks.count;
import static io.cosmolite.engine.query.functions.ArgumentChecks.isNumber;
import static io.cosmolite.engine.query.functions.ArgumentChecks.present;
import static io.cosmolite.engine.query.functions.ArgumentChecks.string;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.functions.BuiltinFunction.Body;
import io.cosmolite.engine.query.functions.BuiltinFunction.Family;
import io.cosmolite.engine.query.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The string functions that search, compare and reshape strings. Every string argument must be a
 * string, every count or position a whole number (REPLICATE truncates), every ignore-case flag a
 * boolean, else the result is undefined. Lengths and positions count UTF-16 code units, from 0. The conversions (ToString, StringTo*,
 * StringJoin, StringSplit) live in {@link StringConversionFunctions}.
 */
final class StringFunctions {
    /** REPLICATE refuses to build a string longer than this. */
    static final int MAX_REPLICATE_LENGTH = 10_000;

    private StringFunctions() {}

    static List<BuiltinFunction> all() {
        List<BuiltinFunction> all = new ArrayList<>(List.of(
                function("CONCAT", 2, Integer.MAX_VALUE, StringFunctions::concat),
                caseAware("CONTAINS", String::contains),
                containsList("CONTAINS_ALL_CI", true, true),
                containsList("CONTAINS_ALL_CS", true, false),
                containsList("CONTAINS_ANY_CI", false, true),
                containsList("CONTAINS_ANY_CS", false, false),
                caseAware("ENDSWITH", String::endsWith),
                function("INDEX_OF", 2, 3, StringFunctions::indexOf),
                function("LASTINDEXOF", 2, 3, StringFunctions::lastIndexOf),
                function("LEFT", 2, 2, (args, ctx) -> slice(args[0], Values.number(0), args[1])),
                function("LENGTH", 1, 1, (args, ctx) -> string(args[0]) == null ? null : Values.number(args[0].textValue().length())),
                transform("LOWER", s -> mapChars(s, Character::toLowerCase)),
                trim("LTRIM", true, false),
                function("RegexMatch", 2, 3, StringFunctions::regexMatch),
                function("REPLACE", 3, 3, StringFunctions::replace),
                function("REPLICATE", 2, 2, StringFunctions::replicate),
                transform("REVERSE", s -> new StringBuilder(s).reverse().toString()),
                function("RIGHT", 2, 2, StringFunctions::right),
                trim("RTRIM", false, true),
                caseAware("STARTSWITH", String::startsWith),
                caseAware("StringEquals", String::equals),
                function("SUBSTRING", 3, 3, (args, ctx) -> slice(args[0], args[1], args[2])),
                trim("TRIM", true, true),
                transform("UPPER", s -> mapChars(s, Character::toUpperCase))));
        all.addAll(StringConversionFunctions.all());
        return all;
    }

    /**
     * The case-insensitive form of a string, what the ignore-case variants compare: each character
     * upper-cased on its own (ordinal ignore-case), so lengths and positions do not move.
     */
    static String fold(String s) {
        return mapChars(s, Character::toUpperCase);
    }

    /**
     * A string with each character mapped by the simple (one-to-one, locale-independent) case
     * mapping, as LOWER and UPPER do: "ß" stays "ß", where String.toUpperCase would make "SS".
     */
    private static String mapChars(String s, CharMapping mapping) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = mapping.map(chars[i]);
        }
        return new String(chars);
    }

    @FunctionalInterface
    private interface CharMapping {
        char map(char c);
    }

    /** CONCAT(s1, s2, ...): all arguments must be strings. */
    private static JsonNode concat(JsonNode[] args, FunctionContext ctx) {
        StringBuilder b = new StringBuilder();
        for (JsonNode a : args) {
            String s = string(a);
            if (s == null) {
                return null;
            }
            b.append(s);
        }
        return Values.string(b.toString());
    }

    /**
     * INDEX_OF(s, t [, start]): the first position of t at or after start (a whole number,
     * default 0); -1 when there is none or start is outside s.
     */
    private static JsonNode indexOf(JsonNode[] args, FunctionContext ctx) {
        String s = string(args[0]);
        String t = string(args[1]);
        JsonNode start = arg(args, 2);
        if (s == null || t == null || present(args, 2) && !isPosition(start)) {
            return null;
        }
        int from = start == null ? 0 : count(start);
        if (from < 0 || from > s.length()) {
            return Values.number(-1);
        }
        return Values.number(s.indexOf(t, from));
    }

    /**
     * LASTINDEXOF(s, t [, start]): the last position of t; with start, the search runs from start
     * toward the beginning and t must end at or before start ("abcdeabc", "abc", 6 is 0).
     */
    private static JsonNode lastIndexOf(JsonNode[] args, FunctionContext ctx) {
        String s = string(args[0]);
        String t = string(args[1]);
        JsonNode start = arg(args, 2);
        if (s == null || t == null || present(args, 2) && !isPosition(start)) {
            return null;
        }
        if (start == null) {
            return Values.number(s.lastIndexOf(t));
        }
        int from = count(start);
        if (from < 0 || from >= s.length()) {
            return Values.number(-1);
        }
        int lastStart = from - t.length() + 1;
        return Values.number(lastStart < 0 ? -1 : s.lastIndexOf(t, lastStart));
    }

    /**
     * SUBSTRING(s, start, length), and LEFT as SUBSTRING(s, 0, n): start and length must be whole
     * numbers (an empty s is "" regardless); a start outside s or a length of 0 or less gives "",
     * a length past the end stops at the end.
     */
    private static JsonNode slice(JsonNode string, JsonNode start, JsonNode length) {
        String s = string(string);
        if (s == null || !isNumber(start) || !isNumber(length)) {
            return null;
        }
        if (s.isEmpty()) {
            return Values.string("");
        }
        if (!isWhole(start) || !isWhole(length)) {
            return null;
        }
        double from = start.doubleValue();
        double count = length.doubleValue();
        if (from < 0 || from >= s.length() || count <= 0) {
            return Values.string("");
        }
        int begin = (int) from;
        return Values.string(s.substring(begin, (int) Math.min(s.length(), begin + count)));
    }

    /** RIGHT(s, n): the last n characters; n must be a whole number, a negative n gives "". */
    private static JsonNode right(JsonNode[] args, FunctionContext ctx) {
        String s = string(args[0]);
        if (s == null || !isNumber(args[1]) || !isWhole(args[1])) {
            return null;
        }
        double from = Math.max(s.length() - args[1].doubleValue(), 0);
        return from >= s.length() ? Values.string("") : Values.string(s.substring((int) from));
    }

    /** A start position: a whole number. */
    private static boolean isPosition(JsonNode v) {
        return isNumber(v) && isWhole(v);
    }

    private static boolean isWhole(JsonNode number) {
        double d = number.doubleValue();
        return d == Math.rint(d);
    }

    /** REPLACE(s, find, replacement): every occurrence; an empty find is undefined. */
    private static JsonNode replace(JsonNode[] args, FunctionContext ctx) {
        String s = string(args[0]);
        String find = string(args[1]);
        String replacement = string(args[2]);
        if (s == null || find == null || replacement == null) {
            return null;
        }
        return find.isEmpty() ? null : Values.string(s.replace(find, replacement));
    }

    /** REPLICATE(s, n): undefined for a negative or non-finite n and for results over 10,000 characters. */
    private static JsonNode replicate(JsonNode[] args, FunctionContext ctx) {
        String s = string(args[0]);
        if (s == null || !isNumber(args[1])) {
            return null;
        }
        double n = args[1].doubleValue();
        if (!Double.isFinite(n) || n < 0) {
            return null;
        }
        long times = (long) n;
        if ((double) s.length() * times > MAX_REPLICATE_LENGTH) {
            return null;
        }
        return Values.string(s.repeat((int) times));
    }

    /** RegexMatch(s, pattern [, modifiers]): true when the pattern matches anywhere in s. */
    private static JsonNode regexMatch(JsonNode[] args, FunctionContext ctx) {
        String s = string(args[0]);
        String regex = string(args[1]);
        String modifiers = present(args, 2) ? string(args[2]) : "";
        if (s == null || regex == null || modifiers == null) {
            return null;
        }
        Pattern p = RegexCache.pattern(regex, modifiers);
        return p == null ? null : Values.bool(p.matcher(s).find());
    }

    /** A (s, t [, ignoreCase]) comparison: CONTAINS, STARTSWITH, ENDSWITH, StringEquals. */
    private static BuiltinFunction caseAware(String name, BiPredicate<String, String> test) {
        return function(name, 2, 3, (args, ctx) -> {
            String s = string(args[0]);
            String t = string(args[1]);
            JsonNode ignoreCase = present(args, 2) ? args[2] : Values.FALSE;
            if (s == null || t == null || ignoreCase == null || !ignoreCase.isBoolean()) {
                return null;
            }
            return Values.bool(ignoreCase.booleanValue() ? test.test(fold(s), fold(t)) : test.test(s, t));
        });
    }

    /**
     * CONTAINS_ALL_* and CONTAINS_ANY_*: CONTAINS over each needle, combined with AND (all) or OR
     * (any) under Cosmos DB's three-valued logic, where a non-string needle is undefined: false
     * wins an AND, true wins an OR, and undefined beats the other value.
     */
    private static BuiltinFunction containsList(String name, boolean all, boolean ignoreCase) {
        return function(name, 2, Integer.MAX_VALUE, (args, ctx) -> {
            String s = string(args[0]);
            if (s == null) {
                return null;
            }
            String haystack = ignoreCase ? fold(s) : s;
            boolean sawUndefined = false;
            for (int i = 1; i < args.length; i++) {
                String needle = string(args[i]);
                if (needle == null) {
                    sawUndefined = true;
                } else if (haystack.contains(ignoreCase ? fold(needle) : needle) != all) {
                    return Values.bool(!all);
                }
            }
            return sawUndefined ? null : Values.bool(all);
        });
    }

    /** LTRIM, RTRIM, TRIM: whitespace by default, else any of the characters of the second argument. */
    private static BuiltinFunction trim(String name, boolean left, boolean right) {
        return function(name, 1, 2, (args, ctx) -> {
            String s = string(args[0]);
            String chars = present(args, 1) ? string(args[1]) : null;
            if (s == null || present(args, 1) && chars == null) {
                return null;
            }
            int begin = 0;
            int end = s.length();
            while (left && begin < end && trimmed(s.charAt(begin), chars)) {
                begin++;
            }
            while (right && end > begin && trimmed(s.charAt(end - 1), chars)) {
                end--;
            }
            return Values.string(s.substring(begin, end));
        });
    }

    private static boolean trimmed(char c, String chars) {
        return chars == null ? isWhitespace(c) : chars.indexOf(c) >= 0;
    }

    /** Unicode white space, as .NET's Char.IsWhiteSpace has it (no-break spaces and U+0085 included). */
    private static boolean isWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static BuiltinFunction transform(String name, UnaryOperator<String> op) {
        return function(name, 1, 1, (args, ctx) -> {
            String s = string(args[0]);
            return s == null ? null : Values.string(op.apply(s));
        });
    }

    private static BuiltinFunction function(String name, int min, int max, Body body) {
        return ArgumentChecks.function(name, Family.STRING, min, max, body);
    }
}
