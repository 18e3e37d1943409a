package io.cosmolite.engine.storage;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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
        tellRocksDbTheCLibrary();
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

    /**
     * RocksDB names the library to load after the C library (glibc or musl), and finds out which by
     * running {@code sh -c "ldd /usr/bin/env | grep -q musl"} in a child process: about 20 ms of every
     * start, on the thread that opens the store. The C library that RocksDB's library will be linked
     * into is the one this process already runs on, which its memory map names; that answer is given
     * to RocksDB instead. Nothing is given when RocksDB's own override ({@code ROCKSDB_MUSL_LIBC}) is
     * set, when the map does not tell (not Linux), or when RocksDB's field is not there (another
     * version): RocksDB then asks as before.
     */
    private static void tellRocksDbTheCLibrary() {
        if (System.getenv("ROCKSDB_MUSL_LIBC") != null) {
            return;
        }
        try {
            Boolean musl = isMusl(Files.readAllLines(Path.of("/proc/self/maps")));
            if (musl != null) {
                Field answer = Environment.class.getDeclaredField("MUSL_LIBC");
                int modifiers = answer.getModifiers();
                if (answer.getType() == Boolean.class && Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers)) {
                    answer.setAccessible(true);
                    answer.set(null, musl);
                }
            }
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            // No map to read, or another RocksDB: it finds out on its own.
        }
    }

    /**
     * Whether the process whose memory map is {@code mapLines} ({@code /proc/<pid>/maps}) runs on musl
     * (its loader, {@code ld-musl-<arch>.so.1}, is its C library) or glibc ({@code libc.so.6});
     * null when neither is mapped.
     */
    static Boolean isMusl(List<String> mapLines) {
        Boolean musl = null;
        for (String line : mapLines) {
            String file = line.substring(line.lastIndexOf('/') + 1);
            if (file.startsWith("ld-musl-") || file.startsWith("libc.musl-")) {
                return true;
            }
            if (file.equals("libc.so.6")) {
                musl = false;
            }
        }
        return musl;
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
