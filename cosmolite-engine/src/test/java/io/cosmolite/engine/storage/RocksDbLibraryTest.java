package io.cosmolite.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RocksDB's native library is copied once into the per-user cache and loaded from there: a start
 * leaves no copy in the temporary directory. Each start runs in a fresh JVM, because a JVM loads the
 * library only once.
 */
class RocksDbLibraryTest {
    @TempDir
    Path dir;

    @Test
    void theLibraryIsLoadedFromTheCacheNotFromATemporaryCopy() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        for (int start = 1; start <= 2; start++) {
            assertThat(openStoreInChildJvm(cache, tmp)).as("exit code of start " + start
                    + " (2: RocksDB made a temporary copy of its library)").isZero();
            assertThat(files(cache)).as("the cache after start " + start).singleElement().asString()
                    .contains("rocksdbjni");
        }
    }

    private int openStoreInChildJvm(Path cache, Path tmp) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Dcosmolite.cache.dir=" + cache, "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), OpenStore.class.getName(), dir.resolve("db").toString())
                .inheritIO().start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    /**
     * The child: opens a RocksDB store, which loads the library, and exits with 2 if the temporary
     * directory then holds a copy of it (RocksDB's own loader deletes its copy when the JVM exits).
     */
    static final class OpenStore {
        public static void main(String[] args) throws IOException {
            RocksDbStore.open(Path.of(args[0]), SyncPolicy.DEFAULT).close();
            System.exit(files(Path.of(System.getProperty("java.io.tmpdir"))).isEmpty() ? 0 : 2);
        }
    }
}
