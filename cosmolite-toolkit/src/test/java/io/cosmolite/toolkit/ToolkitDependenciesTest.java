package io.cosmolite.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The toolkit runs against Azure Cosmos DB as well as Cosmolite, so its main code may use the
 * official SDK's public API only: never Cosmolite's engine, server or test extension, nor the
 * SDK's internal {@code implementation} packages.
 */
class ToolkitDependenciesTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import\\s+(static\\s+)?(io\\.cosmolite\\.(engine|server|testing|cli)|com\\.azure\\.cosmos\\.implementation)\\b",
            Pattern.MULTILINE);

    @Test
    void mainCodeImportsNeitherCosmoliteNorTheSdksInternals() {
        Path main = Path.of("src", "main", "java");
        assertThat(main).isDirectory();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> FORBIDDEN.matcher(read(p)).find())
                    .map(Path::toString)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(offenders).isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
