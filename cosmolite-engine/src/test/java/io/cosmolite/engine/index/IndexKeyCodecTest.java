package io.cosmolite.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cosmolite.engine.query.value.Values;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexKeyCodecTest {
    private static final Random RANDOM = new Random(42);

    @Test
    void byteOrderIsSortCompareOrderForRandomScalars() {
        List<JsonNode> values = randomScalars(3000);
        for (int i = 0; i < 20_000; i++) {
            JsonNode a = values.get(RANDOM.nextInt(values.size()));
            JsonNode b = values.get(RANDOM.nextInt(values.size()));
            int expected = Integer.signum(Values.sortCompare(a, b));
            assertThat(Integer.signum(Arrays.compareUnsigned(IndexKeyCodec.encode(a), IndexKeyCodec.encode(b))))
                    .as("%s vs %s", a, b).isEqualTo(expected);
            assertThat(Integer.signum(Arrays.compareUnsigned(IndexKeyCodec.encode(a, true), IndexKeyCodec.encode(b, true))))
                    .as("descending %s vs %s", a, b).isEqualTo(-expected);
        }
    }

    @Test
    void encodingsDecodeToTheSameValue() {
        for (JsonNode v : randomScalars(2000)) {
            for (boolean descending : new boolean[] {false, true}) {
                byte[] bytes = IndexKeyCodec.encode(v, descending);
                byte[] padded = Arrays.copyOf(bytes, bytes.length + 3);
                IndexKeyCodec.Decoded d = IndexKeyCodec.decode(padded, 0, descending);
                assertThat(d.end()).isEqualTo(bytes.length);
                assertThat(IndexKeyCodec.skip(padded, 0, descending)).isEqualTo(bytes.length);
                assertThat(Values.sortCompare(d.value(), v)).as("%s", v).isZero();
            }
        }
    }

    @Test
    void tuplesSortComponentByComponentWithDescendingColumnsReversed() {
        List<JsonNode> values = randomScalars(300);
        for (int i = 0; i < 5000; i++) {
            JsonNode a1 = pick(values), a2 = pick(values), b1 = pick(values), b2 = RANDOM.nextBoolean() ? a1 : pick(values);
            int first = Integer.signum(Values.sortCompare(a1, b2 == a1 ? a1 : b1));
            JsonNode bFirst = b2 == a1 ? a1 : b1;
            int expected = first != 0 ? first : -Integer.signum(Values.sortCompare(a2, b2));
            byte[] ka = tuple(a1, false, a2, true);
            byte[] kb = tuple(bFirst, false, b2, true);
            assertThat(Integer.signum(Arrays.compareUnsigned(ka, kb))).isEqualTo(expected);
        }
    }

    @Test
    void aStringPrefixCoversExactlyTheStringsStartingWithIt() {
        byte[] prefix = IndexKeyCodec.stringPrefix("ab");
        byte[] end = IndexKeyCodec.prefixEnd(prefix);
        for (String s : List.of("ab", "abc", "ab\u0000", "ab\uFFFF", "ab\uD83D\uDE00", "a", "abb", "b", "aa", "ac", "")) {
            byte[] e = IndexKeyCodec.encode(TextNode.valueOf(s));
            boolean inside = Arrays.compareUnsigned(e, prefix) >= 0 && Arrays.compareUnsigned(e, end) < 0;
            assertThat(inside).as(s).isEqualTo(s.startsWith("ab"));
        }
    }

    @Test
    void zeroAndNegativeZeroAreOneValueAndIntegersDecodeAsIntegers() {
        assertThat(IndexKeyCodec.encode(DoubleNode.valueOf(-0.0))).isEqualTo(IndexKeyCodec.encode(IntNode.valueOf(0)));
        assertThat(IndexKeyCodec.encode(DoubleNode.valueOf(3.0))).isEqualTo(IndexKeyCodec.encode(IntNode.valueOf(3)));
        assertThat(IndexKeyCodec.decode(IndexKeyCodec.encode(LongNode.valueOf(5L)), 0, false).value())
                .isEqualTo(IntNode.valueOf(5));
    }

    private static byte[] tuple(JsonNode a, boolean aDesc, JsonNode b, boolean bDesc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IndexKeyCodec.write(out, a, aDesc);
        IndexKeyCodec.write(out, b, bDesc);
        return out.toByteArray();
    }

    private static JsonNode pick(List<JsonNode> values) {
        return values.get(RANDOM.nextInt(values.size()));
    }

    static List<JsonNode> randomScalars(int n) {
        List<JsonNode> out = new ArrayList<>();
        out.add(null);
        out.add(NullNode.instance);
        out.add(BooleanNode.TRUE);
        out.add(BooleanNode.FALSE);
        out.add(DoubleNode.valueOf(Double.MAX_VALUE));
        out.add(DoubleNode.valueOf(-Double.MAX_VALUE));
        out.add(DoubleNode.valueOf(Double.MIN_VALUE));
        out.add(DoubleNode.valueOf(-Double.MIN_VALUE));
        out.add(IntNode.valueOf(0));
        out.add(TextNode.valueOf(""));
        out.add(TextNode.valueOf("\u0000"));
        String alphabet = "ab\u0000\u0001\u00ff\u00e9\uFFFF\uD83D\uDE00z";
        while (out.size() < n) {
            switch (RANDOM.nextInt(5)) {
                case 0 -> out.add(IntNode.valueOf(RANDOM.nextInt(2001) - 1000));
                case 1 -> out.add(DoubleNode.valueOf((RANDOM.nextDouble() - 0.5) * Math.pow(10, RANDOM.nextInt(40) - 20)));
                case 2 -> out.add(LongNode.valueOf(RANDOM.nextLong() >> RANDOM.nextInt(64)));
                default -> {
                    StringBuilder b = new StringBuilder();
                    int len = RANDOM.nextInt(6);
                    for (int i = 0; i < len; i++) {
                        char c = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
                        if (Character.isHighSurrogate(c)) {
                            b.append("\uD83D\uDE00");
                        } else if (!Character.isLowSurrogate(c)) {
                            b.append(c);
                        }
                    }
                    out.add(TextNode.valueOf(b.toString()));
                }
            }
        }
        return out;
    }
}
