package io.cosmolite.engine.storage;

import java.nio.file.Path;

/**
 * The per-user directory for what Cosmolite derives once from its installation and reuses on every
 * start (RocksDB's native library, the in-memory servers' TLS certificate): the
 * {@code cosmolite.cache.dir} system property, else {@code $XDG_CACHE_HOME/cosmolite}, else
 * {@code ~/.cache/cosmolite}. Per user rather than the shared temporary directory, because what
 * another user could plant there would be loaded into this process.
 */
public final class UserCache {
    private UserCache() {
    }

    /** The directory; it may not exist yet. */
    public static Path directory() {
        String configured = System.getProperty("cosmolite.cache.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("cosmolite");
    }
}
