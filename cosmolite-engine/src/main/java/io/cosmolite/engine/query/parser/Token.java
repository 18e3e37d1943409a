package io.cosmolite.engine.query.parser;

/**
 * One lexical token: its kind, the text exactly as written, its character range and, for
 * literals, its value.
 *
 * @param kind    what sort of token this is
 * @param text    the source text of the token (what error messages quote)
 * @param start   index of the first character
 * @param end     index after the last character
 * @param word    for {@link Kind#KEYWORD}, the keyword in its canonical spelling (upper case for
 *                SQL keywords, lower case for {@code true false null undefined udf}); for
 *                {@link Kind#SYMBOL}, the symbol; otherwise null
 * @param string  for {@link Kind#STRING}, the decoded value
 * @param number  for {@link Kind#NUMBER}, the value
 */
record Token(Kind kind, String text, int start, int end, String word, String string, double number) {

    /** Token kinds. */
    enum Kind {
        IDENTIFIER, KEYWORD, PARAMETER, NUMBER, STRING, SYMBOL, EOF,
        /** Text that is no token; always the last token, and never accepted by the parser. */
        ERROR
    }

    /** True for the keyword {@code w} (canonical spelling). */
    boolean isKeyword(String w) {
        return kind == Kind.KEYWORD && word.equals(w);
    }

    /** True for the symbol {@code s}. */
    boolean isSymbol(String s) {
        return kind == Kind.SYMBOL && word.equals(s);
    }
}
