package io.cosmolite.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.rocksdb.util.Environment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RocksDB's native library is copied once into the per-user cache and loaded from there: a start
 * leaves no copy in the temporary directory, and runs no child process to find out the C library.
 * Each start runs in a fresh JVM, because a JVM loads the library only once.
 */
class RocksDbLibraryTest {
    @TempDir
    Path dir;

    @Test
    void theLibraryIsLoadedFromTheCacheNotFromATemporaryCopy() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        for (int start = 1; start <= 2; start++) {
            Path classes = dir.resolve("classes-" + start + ".txt");
            assertThat(openStoreInChildJvm(cache, tmp, classes)).as("exit code of start " + start
                    + " (2: RocksDB made a temporary copy of its library)").isZero();
            assertThat(files(cache)).as("the cache after start " + start).singleElement().asString()
                    .contains("rocksdbjni");
            if (System.getProperty("os.name").startsWith("Linux")) {
                // Starting any child process registers it with the JDK's process reaper, whose
                // classes nothing else loads. (ProcessImpl itself is no sign: from JDK 25 on,
                // System.getenv loads it.)
                assertThat(Files.readString(classes)).as("classes loaded by start " + start)
                        .contains("org.rocksdb.RocksDB ")
                        .doesNotContain("java.lang.ProcessHandleImpl$ExitCompletion ")
                        .doesNotContain("java.lang.ProcessBuilder ");
            }
        }
    }

    @Test
    void theCLibraryIsReadFromTheProcessMemoryMap() {
        assertThat(RocksDbLibrary.isMusl(List.of(
                "5649a4218000-5649a421a000 r--p 00000000 fe:00 260386    /usr/bin/java",
                "7f1eaf298000-7f1eaf2be000 r--p 00000000 fe:00 339380    /usr/lib/x86_64-linux-gnu/libc.so.6",
                "7f1eaf4c0000-7f1eaf4c1000 r--p 00000000 fe:00 338944    /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
                "7ffd5e1d2000-7ffd5e1f3000 rw-p 00000000 00:00 0         [stack]"))).isFalse();
        assertThat(RocksDbLibrary.isMusl(List.of(
                "55d1c8a4e000-55d1c8a4f000 r--p 00000000 00:2a 1234      /opt/java/openjdk/bin/java",
                "7f8a1c2b3000-7f8a1c2c6000 r--p 00000000 00:2a 5678      /lib/ld-musl-x86_64.so.1"))).isTrue();
        assertThat(RocksDbLibrary.isMusl(List.of("7ffd5e1d2000-7ffd5e1f3000 rw-p 00000000 00:00 0 [stack]"))).isNull();
    }

    @Test
    void theMemoryMapGivesRocksDbsOwnAnswerHere() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        // RocksDB's own check, run afresh (a child process running ldd), whatever it was told before.
        Method ownCheck = Environment.class.getDeclaredMethod("initIsMuslLibc");
        ownCheck.setAccessible(true);
        assertThat(RocksDbLibrary.isMusl(Files.readAllLines(Path.of("/proc/self/maps"))))
                .isEqualTo(ownCheck.invoke(null));
    }

    private int openStoreInChildJvm(Path cache, Path tmp, Path classes) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Dcosmolite.cache.dir=" + cache, "-Djava.io.tmpdir=" + tmp,
                "-Xlog:class+load=info:file=" + classes, "-cp", System.getProperty("java.class.path"),
                OpenStore.class.getName(), dir.resolve("db").toString())
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
