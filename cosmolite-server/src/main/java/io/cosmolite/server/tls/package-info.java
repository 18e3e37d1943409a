/** The server's TLS identity: a self-signed certificate generated once and kept in the data directory. */
package io.cosmolite.server.tls;
