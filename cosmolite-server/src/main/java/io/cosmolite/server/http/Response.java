package io.cosmolite.server.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP response: status, headers (insertion order kept) and body. Built by handlers. */
public final class Response {
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    private Response(int status) {
        this.status = status;
    }

    /** A response with this status and no body. */
    public static Response status(int status) {
        return new Response(status);
    }

    /** A JSON response. */
    public static Response json(int status, byte[] json) {
        return new Response(status).header("content-type", "application/json").body(json);
    }

    /** Sets a header (replacing a previous value). */
    public Response header(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    /** Sets the body. */
    public Response body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    /** Sets a UTF-8 text body. */
    public Response body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }
}
