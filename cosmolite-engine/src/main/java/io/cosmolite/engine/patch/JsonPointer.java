package io.cosmolite.engine.patch;

import io.cosmolite.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed JSON Pointer (RFC 6901) as patch paths use it: {@code "/a/b~1c"} is the tokens
 * {@code a} and {@code b/c}. The empty pointer (the whole document) is never a valid patch target.
 */
record JsonPointer(String text, List<String> tokens) {

    JsonPointer {
        tokens = List.copyOf(tokens);
    }

    /** Parses {@code text}; {@code member} names the field ("path" or "from") in the 400 message. */
    static JsonPointer parse(String text, String member) {
        if (text == null || text.isEmpty() || text.charAt(0) != '/') {
            throw ErrorCode.BAD_REQUEST.exception(
                    "Invalid patch request: the '%s' of an operation must be a JSON Pointer that starts with '/', got '%s'.",
                    member, text);
        }
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/') {
                tokens.add(token.toString());
                token.setLength(0);
            } else if (c == '~') {
                char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                if (next != '0' && next != '1') {
                    throw ErrorCode.BAD_REQUEST.exception(
                            "Invalid patch request: '%s' is not a valid JSON Pointer: '~' must be followed by '0' or '1'.",
                            text);
                }
                token.append(next == '0' ? '~' : '/');
                i++;
            } else {
                token.append(c);
            }
        }
        tokens.add(token.toString());
        return new JsonPointer(text, tokens);
    }

    /** The first token: the top-level property the pointer goes through. */
    String first() {
        return tokens.get(0);
    }

    /** The last token: the member name or array index the pointer addresses in its parent. */
    String last() {
        return tokens.get(tokens.size() - 1);
    }

    /** True when {@code other} lies strictly below this pointer. */
    boolean isStrictAncestorOf(JsonPointer other) {
        return other.tokens.size() > tokens.size() && other.tokens.subList(0, tokens.size()).equals(tokens);
    }
}
