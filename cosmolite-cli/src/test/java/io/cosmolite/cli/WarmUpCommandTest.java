package io.cosmolite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * {@code cosmolite warm-up}, which {@code ./cosmolite} runs to record its class-data archive: every
 * request it sends must succeed (it fails on any answer that is not a success), or the archive
 * would miss what a real first request loads.
 */
class WarmUpCommandTest {
    @Test
    void theWarmUpServesEveryFirstRequestAndExitsZero() {
        StringWriter err = new StringWriter();
        int code = CosmoliteCommand.commandLine().setErr(new PrintWriter(err)).execute("warm-up");

        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
    }

    @Test
    void theWarmUpIsHiddenFromTheHelp() {
        StringWriter out = new StringWriter();
        CosmoliteCommand.commandLine().setOut(new PrintWriter(out)).execute("--help");

        assertThat(out.toString()).contains("serve").doesNotContain("warm-up");
    }
}
