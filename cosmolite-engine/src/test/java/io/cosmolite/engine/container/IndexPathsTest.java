package io.cosmolite.engine.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cosmolite.engine.error.CosmosException;
import org.junit.jupiter.api.Test;

class IndexPathsTest {

    @Test
    void acceptsTheDocumentedForms() {
        for (String path : new String[] {"/*", "/a/?", "/a/*", "/headquarters/employees/?", "/locations/[]/country/?",
                "/\"path-abc\"/?", "/\"_etag\"/?", "/a1/_b/?", "/events/[]/{name, category}/?", "/city/[1]/x/?"}) {
            assertThat(IndexPaths.checkTerminated(path, true)).isEqualTo(path);
        }
        assertThat(IndexPaths.checkComposite("/children/[]/age")).isEqualTo("/children/[]/age");
    }

    @Test
    void rejectsMalformedPaths() {
        for (String path : new String[] {"", "/", "/?", "a/?", "/a", "/a/", "/a-b/?", "/a//b/?", "/a/*/b/?",
                "/\"open/?", "/[x]/?", "/a b/?"}) {
            assertThatThrownBy(() -> IndexPaths.checkTerminated(path, false))
                    .as(path).isInstanceOf(CosmosException.class).hasMessageContaining("could not be accepted");
        }
        assertThatThrownBy(() -> IndexPaths.checkTerminated("/e/[]/{a, b}/?", false)).isInstanceOf(CosmosException.class);
        assertThatThrownBy(() -> IndexPaths.checkComposite("/a/?")).isInstanceOf(CosmosException.class);
    }

    @Test
    void firstLabelIgnoresQuotes() {
        assertThat(IndexPaths.firstLabel("/\"_etag\"/?")).isEqualTo("_etag");
        assertThat(IndexPaths.firstLabel("/_etag/?")).isEqualTo("_etag");
        assertThat(IndexPaths.firstLabel("/a/b/?")).isEqualTo("a");
    }
}
