package io.cosmolite.engine.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartitionKeyRangeTest {

    @Test
    void containsIsMinInclusiveMaxExclusiveInOrdinalOrder() {
        PartitionKeyRange r = new PartitionKeyRange("1", "15", "2A");
        assertThat(r.contains("15")).isTrue();
        assertThat(r.contains("1500")).isTrue();
        assertThat(r.contains("29FFFFFF")).isTrue();
        assertThat(r.contains("2A")).isFalse();
        assertThat(r.contains("2A00")).isFalse();
        assertThat(r.contains("14FF")).isFalse();
        assertThat(r.contains("")).isFalse();
        PartitionKeyRange all = new PartitionKeyRange("0", EffectivePartitionKey.MIN, EffectivePartitionKey.MAX);
        assertThat(all.contains("")).isTrue();
        assertThat(all.contains("3FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")).isTrue();
        assertThat(all.contains("FF")).isFalse();
    }

    @Test
    void rejectsEmptyOrInvertedRanges() {
        assertThatThrownBy(() -> new PartitionKeyRange("0", "20", "20")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartitionKeyRange("0", "30", "20")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartitionKeyRange(null, "", "FF")).isInstanceOf(IllegalArgumentException.class);
    }
}
