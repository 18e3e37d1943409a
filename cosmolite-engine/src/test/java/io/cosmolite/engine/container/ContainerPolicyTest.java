package io.cosmolite.engine.container;

import static io.cosmolite.engine.container.ContainerPropertiesTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerPolicyTest {

    @Test
    void readsTheDefaults() {
        ContainerPolicy policy = ContainerPolicy.of(ContainerProperties.normalize(body("")));

        assertThat(policy.isIndexingNone()).isFalse();
        assertThat(policy.includedPaths()).containsExactly("/*");
        assertThat(policy.excludedPaths()).containsExactly("/\"_etag\"/?");
        assertThat(policy.defaultTtl()).isNull();
        assertThat(policy.uniqueKeys()).isEmpty();
    }

    @Test
    void readsTtlUniqueKeysAndModeNone() {
        ContainerPolicy withTtl = ContainerPolicy.of(ContainerProperties.normalize(body(
                "'defaultTtl':-1,'uniqueKeyPolicy':{'uniqueKeys':[{'paths':['/a']},{'paths':['/b','/c']}]}")));
        assertThat(withTtl.defaultTtl()).isEqualTo(-1);
        assertThat(withTtl.uniqueKeys()).containsExactly(List.of("/a"), List.of("/b", "/c"));

        ContainerPolicy none = ContainerPolicy.of(ContainerProperties.normalize(body("'indexingPolicy':{'indexingMode':'none'}")));
        assertThat(none.isIndexingNone()).isTrue();
        assertThat(none.includedPaths()).isEmpty();
    }
}
