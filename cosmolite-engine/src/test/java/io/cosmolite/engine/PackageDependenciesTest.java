package io.cosmolite.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each engine package (nested ones such as {@code query.ast} too) states in its {@code package-info.java} which other engine packages it
 * depends on ("Depends on {@code a}, {@code b}"); this test holds the code to that statement,
 * keeps the package graph free of cycles, and keeps RocksDB inside {@code storage}.
 */
class PackageDependenciesTest {
    private static final Path ROOT = Path.of("src/main/java/io/cosmolite/engine");
    private static final Pattern REFERENCE = Pattern.compile("io\\.cosmolite\\.engine\\.((?:[a-z]+\\.)*[a-z]+)\\.(?=[A-Z*])");
    private static final Pattern CODE = Pattern.compile("\\{@code ([a-z.]+)}");

    @Test
    void packagesUseOnlyWhatTheyDeclare() throws IOException {
        Map<String, Set<String>> used = usedPackages();
        Map<String, Set<String>> declared = declaredPackages(used.keySet());
        assertThat(used).isNotEmpty();
        for (var e : used.entrySet()) {
            assertThat(declared.get(e.getKey()))
                    .as("package %s uses %s; its package-info must declare them", e.getKey(), e.getValue())
                    .containsAll(e.getValue());
        }
    }

    @Test
    void packageGraphHasNoCycles() throws IOException {
        Map<String, Set<String>> used = usedPackages();
        Set<String> done = new HashSet<>();
        for (String p : used.keySet()) {
            visit(p, used, new ArrayList<>(), done);
        }
    }

    @Test
    void onlyStorageImportsRocksDb() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getParent().getFileName().toString().equals("storage"))
                    .filter(f -> read(f).contains("org.rocksdb"))
                    .map(Path::toString).toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static void visit(String p, Map<String, Set<String>> graph, List<String> path, Set<String> done) {
        assertThat(path).as("dependency cycle: %s -> %s", path, p).doesNotContain(p);
        if (!done.add(p)) {
            return;
        }
        path.add(p);
        for (String next : graph.getOrDefault(p, Set.of())) {
            visit(next, graph, path, done);
        }
        path.remove(path.size() - 1);
    }

    /** For every subpackage, the other engine subpackages its main sources mention. */
    private static Map<String, Set<String>> usedPackages() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        try (Stream<Path> dirs = Files.walk(ROOT)) {
            for (Path dir : dirs.filter(Files::isDirectory).filter(d -> !d.equals(ROOT)).toList()) {
                String name = ROOT.relativize(dir).toString().replace(java.io.File.separatorChar, '.');
                Set<String> refs = new TreeSet<>();
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                        if (f.getFileName().toString().equals("package-info.java")) {
                            continue;
                        }
                        Matcher m = REFERENCE.matcher(read(f));
                        while (m.find()) {
                            if (!m.group(1).equals(name)) {
                                refs.add(m.group(1));
                            }
                        }
                    }
                }
                used.put(name, refs);
            }
        }
        return used;
    }

    private static Map<String, Set<String>> declaredPackages(Set<String> packages) {
        Map<String, Set<String>> declared = new HashMap<>();
        for (String p : packages) {
            String info = read(ROOT.resolve(p.replace('.', java.io.File.separatorChar)).resolve("package-info.java"));
            int at = info.toLowerCase(java.util.Locale.ROOT).indexOf("depends on");
            assertThat(at).as("package-info of %s says what it depends on", p).isNotNegative();
            Set<String> names = new TreeSet<>();
            Matcher m = CODE.matcher(info.substring(at));
            while (m.find()) {
                if (packages.contains(m.group(1))) {
                    names.add(m.group(1));
                }
            }
            declared.put(p, names);
        }
        return declared;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
