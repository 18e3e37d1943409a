package io.cosmolite.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory for one trial's RocksDB store, deleted with everything in it on close. */
final class ScratchDirectory implements AutoCloseable {
    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    /** Creates an empty directory under the system's temporary directory. */
    static ScratchDirectory create() {
        try {
            return new ScratchDirectory(Files.createTempDirectory("cosmolite-bench-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the directory is. */
    Path path() {
        return path;
    }

    /** Deletes the directory and its contents; the store using it must be closed first. */
    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(ScratchDirectory::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
