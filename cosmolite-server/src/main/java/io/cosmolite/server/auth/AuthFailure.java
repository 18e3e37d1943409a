package io.cosmolite.server.auth;

/** Why a request was not authenticated: 401 (bad or missing signature) or 403 (stale date). */
public record AuthFailure(int status, String message) {}
