package io.cosmolite.engine.query.parser;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The query lexer: turns text into tokens in one pass. A character sequence that is no token
 * (a stray {@code #}, an unterminated string, a bad escape) becomes an {@link Token.Kind#ERROR}
 * token that ends the list, so that the parser reports whichever fault comes first in the text. Numbers are unsigned (the service reports
 * {@code TOP -1} as a syntax error near '-', so the sign is an operator); SQL keywords are
 * case-insensitive while {@code true false null undefined udf} are lower case only, as in
 * Microsoft's grammar, so {@code TRUE} is an ordinary identifier.
 */
final class Lexer {
    /** Case-insensitive reserved words: none of them may be used as an identifier. */
    static final Set<String> RESERVED = Set.of(
            "AND", "ARRAY", "AS", "ASC", "BETWEEN", "BY", "DESC", "DISTINCT", "ESCAPE", "EXISTS", "FROM",
            "GROUP", "IN", "JOIN", "LEFT", "LIKE", "LIMIT", "NOT", "OFFSET", "OR", "ORDER", "RIGHT", "SELECT",
            "TOP", "VALUE", "WHERE");

    /** Case-sensitive reserved words (literals and the UDF prefix). */
    static final Set<String> RESERVED_EXACT = Set.of("true", "false", "null", "undefined", "udf");

    /** Operator spellings, longest first so that the first match is the longest. */
    private static final String[] SYMBOLS = {
        ">>>", ">>", "<<", ">=", "<=", "<>", "!=", "??", "||",
        "=", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "~", "?", ":", ".", ",", "(", ")", "[", "]",
        "{", "}"
    };

    private final String text;
    private int pos;
    private final List<Token> tokens = new ArrayList<>();

    private Lexer(String text) {
        this.text = text;
    }

    /** All tokens of the text, ending with one {@link Token.Kind#EOF} or {@link Token.Kind#ERROR} token. */
    static List<Token> tokenize(String text) {
        Lexer lexer = new Lexer(text);
        try {
            lexer.run();
        } catch (BadToken e) {
            lexer.tokens.add(new Token(Token.Kind.ERROR, text.substring(e.start, e.end), e.start, e.end, null, null, 0));
        }
        return lexer.tokens;
    }

    /** Thrown inside the lexer at the first character sequence that is no token. */
    private static final class BadToken extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int start;
        final int end;

        BadToken(int start, int end) {
            super(null, null, false, false);
            this.start = start;
            this.end = end;
        }
    }

    private void run() {
        int n = text.length();
        while (true) {
            skipSpaceAndComments();
            if (pos >= n) {
                tokens.add(new Token(Token.Kind.EOF, "", n, n, null, null, 0));
                return;
            }
            char c = text.charAt(pos);
            if (isIdentifierStart(c)) {
                word();
            } else if (isDigit(c) || (c == '.' && pos + 1 < n && isDigit(text.charAt(pos + 1)))) {
                number();
            } else if (c == '"' || c == '\'') {
                string(c);
            } else if (c == '@') {
                parameter();
            } else {
                symbol();
            }
        }
    }

    private void skipSpaceAndComments() {
        int n = text.length();
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u00A0'
                    || c == '\uFEFF') {
                pos++;
            } else if (c == '-' && pos + 1 < n && text.charAt(pos + 1) == '-') {
                while (pos < n && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private void word() {
        int start = pos;
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
            pos++;
        }
        String w = text.substring(start, pos);
        if (RESERVED_EXACT.contains(w)) {
            tokens.add(new Token(Token.Kind.KEYWORD, w, start, pos, w, null, 0));
            return;
        }
        String upper = w.toUpperCase(Locale.ROOT);
        Token.Kind kind = RESERVED.contains(upper) ? Token.Kind.KEYWORD : Token.Kind.IDENTIFIER;
        tokens.add(new Token(kind, w, start, pos, kind == Token.Kind.KEYWORD ? upper : null, null, 0));
    }

    private void parameter() {
        int start = pos++;
        if (pos >= text.length() || !isIdentifierStart(text.charAt(pos))) {
            throw new BadToken(start, start + 1);
        }
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
            pos++;
        }
        tokens.add(new Token(Token.Kind.PARAMETER, text.substring(start, pos), start, pos, null, null, 0));
    }

    private void number() {
        int start = pos;
        int n = text.length();
        if (text.charAt(pos) == '0' && pos + 2 < n && (text.charAt(pos + 1) == 'x' || text.charAt(pos + 1) == 'X')
                && isHex(text.charAt(pos + 2))) {
            pos += 2;
            while (pos < n && isHex(text.charAt(pos))) {
                pos++;
            }
            double value = new BigInteger(text.substring(start + 2, pos), 16).doubleValue();
            tokens.add(new Token(Token.Kind.NUMBER, text.substring(start, pos), start, pos, null, null, value));
            return;
        }
        while (pos < n && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < n && text.charAt(pos) == '.') {
            pos++;
            while (pos < n && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < n && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int e = pos + 1;
            if (e < n && (text.charAt(e) == '+' || text.charAt(e) == '-')) {
                e++;
            }
            if (e < n && isDigit(text.charAt(e))) {
                pos = e;
                while (pos < n && isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
        }
        String t = text.substring(start, pos);
        tokens.add(new Token(Token.Kind.NUMBER, t, start, pos, null, null, Double.parseDouble(t)));
    }

    private void string(char quote) {
        int start = pos++;
        int n = text.length();
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= n) {
                // An unterminated string runs to the end of the text: report its opening quote.
                throw new BadToken(start, start + 1);
            }
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                break;
            }
            if (c != '\\') {
                b.append(c);
                pos++;
                continue;
            }
            int escStart = pos;
            if (pos + 1 >= n) {
                throw new BadToken(start, start + 1);
            }
            char e = text.charAt(pos + 1);
            pos += 2;
            switch (e) {
                case '\'', '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (pos + 4 > n || !isHex(text.charAt(pos)) || !isHex(text.charAt(pos + 1))
                            || !isHex(text.charAt(pos + 2)) || !isHex(text.charAt(pos + 3))) {
                        int end = Math.min(n, pos + 4);
                        throw new BadToken(escStart, end);
                    }
                    b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> throw new BadToken(escStart, pos);
            }
        }
        tokens.add(new Token(Token.Kind.STRING, text.substring(start, pos), start, pos, null, b.toString(), 0));
    }

    private void symbol() {
        for (String s : SYMBOLS) {
            if (text.startsWith(s, pos)) {
                tokens.add(new Token(Token.Kind.SYMBOL, s, pos, pos + s.length(), s, null, 0));
                pos += s.length();
                return;
            }
        }
        throw new BadToken(pos, pos + Character.charCount(text.codePointAt(pos)));
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
