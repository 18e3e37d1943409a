package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A continuation token: where the next page starts, self-contained so that it survives an engine
 * restart. It is base64url of a small JSON object holding a fingerprint of the query (text,
 * parameters and scope, so that a token is refused by any other query) and either the resume point
 * of a streaming query (item key, rows of that item already returned, index of the next row) or,
 * for a query that is re-run, the number of results already returned.
 *
 * @param fingerprint the query's fingerprint
 * @param resume      the resume point of a streaming query, or null
 * @param skip        the results already returned, for a re-run query
 */
record Continuation(String fingerprint, Pipeline.Resume resume, long skip) {
    private static final int VERSION = 1;

    /** The token text. */
    String encode() {
        ObjectNode o = Json.object();
        o.put("v", VERSION);
        o.put("q", fingerprint);
        if (resume != null) {
            o.put("k", Base64.getUrlEncoder().withoutPadding().encodeToString(resume.key()));
            o.put("n", resume.emitted());
            o.put("i", resume.index());
        } else {
            o.put("s", skip);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.toBytes(o));
    }

    /** Reads a token; a 400 when it is malformed or was issued for another query. */
    static Continuation decode(String token, String fingerprint) {
        JsonNode o;
        try {
            o = Json.parse(Base64.getUrlDecoder().decode(token.trim()));
        } catch (RuntimeException e) {
            throw invalid(token);
        }
        if (o == null || !o.isObject() || o.path("v").asInt() != VERSION || !fingerprint.equals(o.path("q").asText(null))) {
            throw invalid(token);
        }
        try {
            if (o.has("k")) {
                byte[] key = Base64.getUrlDecoder().decode(o.get("k").asText());
                long emitted = nonNegative(o.get("n"));
                long index = nonNegative(o.get("i"));
                if (key.length == 0 || emitted > Integer.MAX_VALUE) {
                    throw invalid(token);
                }
                return new Continuation(fingerprint, new Pipeline.Resume(key, (int) emitted, index), 0);
            }
            return new Continuation(fingerprint, null, nonNegative(o.get("s")));
        } catch (IllegalArgumentException e) {
            throw invalid(token);
        }
    }

    /** The fingerprint of a query: its text, its parameters and its scope. */
    static String fingerprint(String text, JsonNode parameters, String scope) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(text.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(Json.toBytes(parameters));
            md.update((byte) 0);
            md.update(scope.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long nonNegative(JsonNode n) {
        if (n == null || !n.canConvertToLong() || !n.isIntegralNumber() || n.longValue() < 0) {
            throw new IllegalArgumentException("bad number");
        }
        return n.longValue();
    }

    static CosmosException invalid(String token) {
        return ErrorCode.BAD_REQUEST.exception(
                "Invalid continuation token '%s': it is malformed or was issued for another query.",
                token.length() > 64 ? token.substring(0, 64) + "..." : token);
    }
}
