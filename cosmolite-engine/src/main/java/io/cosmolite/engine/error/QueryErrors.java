package io.cosmolite.engine.error;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Errors in a query's text or meaning, in the shape Cosmos DB reports them: a 400 whose message is
 * a JSON document {@code {"errors":[{"severity":"Error","location":{"start":s,"end":e},"code":"SC1001",
 * "message":"..."}]}} with the character range of the fault. Codes used: {@code SC1001} syntax,
 * {@code SC2001} unknown identifier, {@code SC2005} unknown function, {@code SC2050} wrong number
 * of arguments; semantic faults without a Cosmos code of their own use {@code SC2001}-style text with
 * code {@code SC3000}.
 */
public final class QueryErrors {
    private QueryErrors() {}

    /** "Syntax error, incorrect syntax near '{near}'." at {@code start..end}. */
    public static CosmosException syntax(int start, int end, String near) {
        return at("SC1001", start, end, "Syntax error, incorrect syntax near '" + near + "'.");
    }

    /** A fault with a code and a location. */
    public static CosmosException at(String code, int start, int end, String message) {
        String body = "{\"errors\":[{\"severity\":\"Error\",\"location\":{\"start\":" + start + ",\"end\":" + end
                + "},\"code\":\"" + code + "\",\"message\":\"" + escape(message) + "\"}]}";
        return new CosmosException(ErrorCode.BAD_REQUEST, body, 0);
    }

    /** A fault without a location in the text (bad parameter values, unsupported combinations). */
    public static CosmosException general(String message) {
        return new CosmosException(ErrorCode.BAD_REQUEST,
                "{\"errors\":[{\"severity\":\"Error\",\"message\":\"" + escape(message) + "\"}]}", 0);
    }

    private static String escape(String s) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(s));
    }
}
