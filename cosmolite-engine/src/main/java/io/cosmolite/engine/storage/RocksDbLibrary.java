package io.cosmolite.engine.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;

/**
 * Loads RocksDB's native library from a per-user cache. {@link RocksDB#loadLibrary()} copies the
 * library (about 16 MB) out of its jar into a new temporary file on every start, which is a tenth of
 * a second of each {@code cosmolite serve} (and a copy left behind whenever the JVM halts); the copy
 * here is made once, in the {@link UserCache}, in a directory named after the jar entry's CRC and
 * size, so that another RocksDB version never picks up this one's library. Whatever fails here falls
 * back to RocksDB's own loader.
 */
final class RocksDbLibrary {
    private static boolean loaded;

    private RocksDbLibrary() {
    }

    static synchronized void load() {
        if (loaded) {
            return;
        }
        try {
            Path dir = cached();
            if (dir != null) {
                RocksDB.loadLibrary(List.of(dir.toString()));
                loaded = true;
                return;
            }
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            // A cache that cannot be written or a copy that does not load: RocksDB's own way still works.
        }
        RocksDB.loadLibrary();
        loaded = true;
    }

    /** The cache directory holding this RocksDB's library, copied there if missing; null if not in a jar. */
    private static Path cached() throws IOException {
        String file = Environment.getJniLibraryFileName("rocksdb");
        URL resource = RocksDB.class.getClassLoader().getResource(file);
        if (resource == null) {
            return null;
        }
        URLConnection connection = resource.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            return null;
        }
        connection.setUseCaches(false);
        ZipEntry entry = jar.getJarEntry();
        // (Not String.format: its first use loads the JDK's locale data, a few dozen milliseconds of a start.)
        Path dir = UserCache.directory().resolve("rocksdbjni-" + Long.toHexString(entry.getCrc()) + "-" + entry.getSize());
        // RocksDB.loadLibrary(paths) loads the file its own name for the library gives, which is not
        // the jar entry's: "librocksdbjnijni-linux64.so" for "librocksdbjni-linux64.so" (RocksDB 10).
        Path library = dir.resolve(Environment.getJniLibraryFileName("rocksdbjni"));
        if (Files.isRegularFile(library) && Files.size(library) == entry.getSize()) {
            return dir;
        }
        Files.createDirectories(dir);
        // Copy then rename: a concurrent start, or one killed halfway, never loads a partial file.
        Path partial = Files.createTempFile(dir, file, ".partial");
        try (InputStream in = jar.getInputStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return dir;
    }
}
