package io.cosmolite.engine.patch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonPointerTest {

    @Test
    void splitsAndUnescapesTokens() {
        assertThat(JsonPointer.parse("/a/b~1c/d~0e/~01", "path").tokens()).containsExactly("a", "b/c", "d~e", "~1");
        assertThat(JsonPointer.parse("/", "path").tokens()).containsExactly("");
        assertThat(JsonPointer.parse("/a//b", "path").tokens()).containsExactly("a", "", "b");
    }

    @Test
    void ancestryIsByWholeTokens() {
        JsonPointer a = JsonPointer.parse("/a", "from");
        assertThat(a.isStrictAncestorOf(JsonPointer.parse("/a/b", "path"))).isTrue();
        assertThat(a.isStrictAncestorOf(JsonPointer.parse("/ab", "path"))).isFalse();
        assertThat(a.isStrictAncestorOf(JsonPointer.parse("/a", "path"))).isFalse();
    }
}
