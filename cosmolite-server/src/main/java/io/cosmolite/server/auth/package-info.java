/** Request authentication: master-key signatures (HMAC-SHA256) and the clock-skew rule. */
package io.cosmolite.server.auth;
