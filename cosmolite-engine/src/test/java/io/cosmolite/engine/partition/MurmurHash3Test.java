package io.cosmolite.engine.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Published MurmurHash3 test vectors, independent of Cosmos DB. */
class MurmurHash3Test {

    private static int hash32(String s, int seed) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return MurmurHash3.hash32(b, b.length, seed);
    }

    private static long[] hash128(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return MurmurHash3.hash128(b, b.length);
    }

    @Test
    void x86_32MatchesReferenceVectors() {
        assertThat(hash32("", 0)).isEqualTo(0);
        assertThat(hash32("", 1)).isEqualTo(0x514E28B7);
        assertThat(hash32("hello", 0)).isEqualTo(0x248BFA47);
        assertThat(hash32("The quick brown fox jumps over the lazy dog", 0)).isEqualTo(0x2E4FF723);
    }

    @Test
    void x64_128MatchesReferenceVectors() {
        assertThat(hash128("")).containsExactly(0L, 0L);
        assertThat(hash128("hello")).containsExactly(0xCBD8A7B341BD9B02L, 0x5B1E906A48AE1D19L);
        assertThat(hash128("The quick brown fox jumps over the lazy dog"))
                .containsExactly(0xE34BBC7BBC071B6CL, 0x7A433CA9C49A9347L);
    }

    @Test
    void onlyTheGivenLengthIsHashed() {
        byte[] padded = "hello-and-more".getBytes(StandardCharsets.UTF_8);
        assertThat(MurmurHash3.hash128(padded, 5)).containsExactly(hash128("hello"));
        assertThat(MurmurHash3.hash32(padded, 5, 0)).isEqualTo(hash32("hello", 0));
    }
}
