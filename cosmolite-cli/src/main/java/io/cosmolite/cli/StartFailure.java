package io.cosmolite.cli;

import io.cosmolite.server.ServerOptions;
import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/**
 * A server that could not start, with the one-line reason the command prints: the common causes
 * (port taken, data directory held by another process) are named in the user's terms, anything else
 * falls back on the underlying message.
 */
final class StartFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private StartFailure(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** The failure to start a server with {@code options}, explained. */
    static StartFailure of(Throwable cause, ServerOptions options) {
        String address = options.host() + ":" + options.port();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                String message = String.valueOf(t.getMessage());
                return new StartFailure(message.toLowerCase(Locale.ROOT).contains("in use")
                        ? "cannot listen on " + address + ": the port is already in use (choose another with --port)"
                        : "cannot listen on " + address + ": " + message, cause);
            }
            if (t instanceof UnresolvedAddressException) {
                return new StartFailure("cannot listen on " + address + ": unknown host " + options.host(), cause);
            }
            String message = t.getMessage();
            // RocksDB refuses a directory whose LOCK file another process (or this one) holds.
            if (options.dataDir() != null && message != null && message.contains("LOCK")) {
                return new StartFailure("the data directory " + options.dataDir().toAbsolutePath().normalize()
                        + " is in use by another Cosmolite server (stop it, or choose another --data-dir)", cause);
            }
        }
        return new StartFailure("cannot start the server: " + oneLine(cause), cause);
    }

    /** The message of {@code e} on one line: a StartFailure's reason, else the exception's own words. */
    static String oneLine(Throwable e) {
        String text = e instanceof StartFailure || e.getMessage() != null && !e.getMessage().isBlank()
                ? e.getMessage() : e.getClass().getName();
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
