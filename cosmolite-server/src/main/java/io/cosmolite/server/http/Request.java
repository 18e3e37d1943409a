package io.cosmolite.server.http;

import java.util.List;
import java.util.Map;

/**
 * One whole HTTP request.
 *
 * @param method   upper-case HTTP method
 * @param path     the decoded path without leading or trailing slashes ("" for the root)
 * @param segments the decoded path segments (plain percent-decoding: '+' stays '+')
 * @param query    query-string parameters (first value of each)
 * @param headers  headers by lower-case name (first value of each)
 * @param body     the body bytes (empty when none)
 * @param scheme   "https" or "http", as the connection is
 * @param host     the Host header as sent (host[:port]), for advertising endpoints
 * @param remoteAddress the client's IP address
 */
public record Request(String method, String path, List<String> segments, Map<String, String> query,
                      Map<String, String> headers, byte[] body, String scheme, String host, String remoteAddress) {

    /** A header by name (any case), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
