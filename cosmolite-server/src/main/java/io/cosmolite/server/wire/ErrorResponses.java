package io.cosmolite.server.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.server.http.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * The one place a refusal becomes a response: status and {@code x-ms-substatus} from the engine's
 * {@link ErrorCode} catalog, Cosmos's body {@code {"code": ..., "message": ...}}, the request
 * charge, and an activity id. Query errors already carry Cosmos's JSON error document, which
 * Cosmos wraps as {@code "Message: {...}"} in the message.
 */
public final class ErrorResponses {
    private ErrorResponses() {}

    /** The response for an engine refusal. */
    public static Response of(CosmosException e) {
        ErrorCode code = e.errorCode();
        String message = e.getMessage();
        if (message != null && message.startsWith("{\"errors\"")) {
            message = "Message: " + message;
        }
        Response r = body(code.status(), code.code(), message);
        r.header(CosmosHeaders.SUBSTATUS, Integer.toString(code.subStatus()));
        r.header(CosmosHeaders.REQUEST_CHARGE, charge(e.requestCharge()));
        if (code == ErrorCode.TOO_MANY_REQUESTS) {
            r.header(CosmosHeaders.RETRY_AFTER_MS, "100");
        }
        return r;
    }

    /** The response for a refusal made by the gateway itself (transport, auth, routing). */
    public static Response of(int status, String message) {
        return body(status, codeName(status), message).header(CosmosHeaders.SUBSTATUS, "0");
    }

    /** A gateway refusal with a substatus. */
    public static Response of(int status, int subStatus, String message) {
        return body(status, codeName(status), message).header(CosmosHeaders.SUBSTATUS, Integer.toString(subStatus));
    }

    /**
     * A request charge as the header prints it: two decimals, rounded half up from the shortest
     * decimal form of the double, as {@code String.format("%.2f")} rounds, without the formatter's
     * parsing of its pattern (which was most of the cost of this header, on every response).
     */
    public static String charge(double ru) {
        return new BigDecimal(Double.toString(ru)).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static Response body(int status, String code, String message) {
        ObjectNode b = Json.object();
        b.put("code", code);
        b.put("message", message == null ? code : message);
        return Response.json(status, Json.toBytes(b))
                .header(CosmosHeaders.ACTIVITY_ID, UUID.randomUUID().toString());
    }

    private static String codeName(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 409 -> "Conflict";
            case 412 -> "PreconditionFailed";
            case 413 -> "RequestEntityTooLarge";
            case 415 -> "UnsupportedMediaType";
            case 429 -> "TooManyRequests";
            case 431 -> "RequestHeaderFieldsTooLarge";
            case 503 -> "ServiceUnavailable";
            default -> status >= 500 ? "InternalServerError" : "BadRequest";
        };
    }
}
