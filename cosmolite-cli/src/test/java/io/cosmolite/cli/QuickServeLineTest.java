package io.cosmolite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@link QuickServeLine} reads a command line exactly as picocli does, or leaves it to picocli: never
 * differently. And it knows every option of {@code serve}, so that a new option cannot slip past it.
 */
class QuickServeLineTest {
    private static final String KEY = "c2VjcmV0LWtleS1mb3ItdGVzdHM=";

    @Test
    void readsTheUsualLinesAsPicocliDoes() {
        String[][] lines = {
            {"serve"},
            {"serve", "--in-memory"},
            {"serve", "--data-dir", "/tmp/a b"},
            {"serve", "--data-dir=rel/dir", "--port=0"},
            {"serve", "--port", "9000", "--host", "0.0.0.0", "--data-dir", "d", "--no-tls", "--key", KEY,
                "--partitions", "4"},
            {"serve", "--partitions=64", "--in-memory", "--host=::1", "--key=" + KEY, "--port", "65535"},
        };
        for (String[] line : lines) {
            ServeCommand quick = QuickServeLine.read(line);
            assertThat(quick).as(String.join(" ", line)).isNotNull();
            assertThat(quick.options()).as(String.join(" ", line))
                    .isEqualTo(ServeCommandLineTest.parse(line).options());
        }
    }

    @Test
    void leavesEverythingElseToPicocli() {
        String[][] lines = {
            {},
            {"--help"},
            {"help", "serve"},
            {"serve", "--help"},
            {"serve", "-h"},
            {"serve", "--version"},
            {"serve", "--bogus"},
            {"serve", "--port"},
            {"serve", "--port", "--in-memory"},
            {"serve", "--port", "080"},
            {"serve", "--port", "0x50"},
            {"serve", "--port", "+80"},
            {"serve", "--port", "65536"},
            {"serve", "--port", "1", "--port", "2"},
            {"serve", "--partitions", "0"},
            {"serve", "--partitions", "four"},
            {"serve", "--in-memory", "--data-dir", "d"},
            {"serve", "--data-dir", "d", "--in-memory"},
            {"serve", "--data-dir", ""},
            {"serve", "--no-tls=false"},
            {"serve", "--host", ""},
            {"serve", "--key", "not base64!"},
            {"serve", "@args.txt"},
            {"serve", "--data-dir", "@dir"},
            {"serve", "--", "--in-memory"},
            {"serve", "extra"},
            {"warm-up"},
        };
        for (String[] line : lines) {
            assertThat(QuickServeLine.read(line)).as(String.join(" ", line)).isNull();
        }
    }

    @Test
    void knowsEveryOptionOfServe() {
        CommandLine serve = CosmoliteCommand.commandLine().getSubcommands().get("serve");
        List<String> unknown = new ArrayList<>();
        for (OptionSpec option : serve.getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String name = option.longestName();
            String[] line = option.arity().max() == 0 ? new String[] {"serve", name}
                    : new String[] {"serve", name, option.typeInfo().getType() == int.class ? "1" : KEY};
            ServeCommand quick = QuickServeLine.read(line);
            if (quick == null || !quick.options().equals(ServeCommandLineTest.parse(line).options())) {
                unknown.add(name);
            }
        }
        assertThat(unknown).as("options of serve that QuickServeLine does not read as picocli does").isEmpty();
    }
}
