package io.cosmolite.engine.partition;

import com.azure.cosmos.implementation.Undefined;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Reproducible partition key samples for the tests: each component paired with the object the SDK's
 * {@code PartitionKeyInternal.fromObjectArray} takes for the same value.
 */
final class SampleKeys {

    /** The kinds of component the generator makes. */
    enum Type { STRING, NUMBER, BOOLEAN, NULL, UNDEFINED }

    /** A partition key value and its SDK counterpart. */
    record Sample(PartitionKeyValue value, List<Object> sdkObjects) {}

    private final Random random;

    SampleKeys(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} single-component keys of one type. */
    List<Sample> single(Type type, int count) {
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(key(List.of(type), i));
        }
        return samples;
    }

    /** {@code count} keys of {@code size} components of random, mixed types. */
    List<Sample> mixed(int size, int count) {
        List<Sample> samples = new ArrayList<>(count);
        Type[] types = Type.values();
        for (int i = 0; i < count; i++) {
            List<Type> chosen = new ArrayList<>(size);
            for (int j = 0; j < size; j++) {
                chosen.add(types[random.nextInt(types.length)]);
            }
            samples.add(key(chosen, i));
        }
        return samples;
    }

    /** The first {@code length} components of a sample. */
    static Sample prefix(Sample sample, int length) {
        return new Sample(
                new PartitionKeyValue(sample.value().components().subList(0, length)),
                sample.sdkObjects().subList(0, length));
    }

    private Sample key(List<Type> types, int index) {
        List<PartitionKeyComponent> ours = new ArrayList<>();
        List<Object> sdk = new ArrayList<>();
        for (Type type : types) {
            switch (type) {
                case STRING -> {
                    String s = string(index);
                    ours.add(PartitionKeyComponent.of(s));
                    sdk.add(s);
                }
                case NUMBER -> {
                    double d = number(index);
                    ours.add(PartitionKeyComponent.of(d));
                    sdk.add(d);
                }
                case BOOLEAN -> {
                    boolean b = random.nextBoolean();
                    ours.add(PartitionKeyComponent.of(b));
                    sdk.add(b);
                }
                case NULL -> {
                    ours.add(PartitionKeyComponent.NULL);
                    sdk.add(null);
                }
                case UNDEFINED -> {
                    ours.add(PartitionKeyComponent.UNDEFINED);
                    sdk.add(Undefined.value());
                }
            }
        }
        return new Sample(new PartitionKeyValue(ours), sdk);
    }

    /** Cycles through the string shapes that hash differently: empty, unicode, long, cut mid-pair. */
    private String string(int index) {
        return switch (index % 12) {
            case 0 -> "";
            case 1 -> ascii(1 + random.nextInt(20));
            case 2 -> codePoints(1 + random.nextInt(20), 0x00A0, 0x07FF);     // 2-byte UTF-8
            case 3 -> codePoints(1 + random.nextInt(20), 0x4E00, 0x9FFF);     // 3-byte UTF-8
            case 4 -> codePoints(1 + random.nextInt(10), 0x1F300, 0x1FAFF);   // surrogate pairs
            case 5 -> ascii(101 + random.nextInt(300));                        // past V1's 100 chars
            case 6 -> ascii(99) + codePoints(1 + random.nextInt(60), 0x1F300, 0x1FAFF); // char 100 splits a pair
            case 7 -> codePoints(100 + random.nextInt(3), 0x4E00, 0x9FFF);    // > 100 UTF-8 bytes
            case 8 -> ascii(100);                                              // exactly 100 chars
            case 9 -> "quote\" back\\slash\u0000nul\ttab/" + ascii(random.nextInt(5));
            case 10 -> ascii(34 + random.nextInt(3));                          // around 128-bit block edges
            default -> Integer.toString(random.nextInt());
        };
    }

    /** Cycles through number shapes: zeroes, integers, fractions, extremes, arbitrary bit patterns. */
    private double number(int index) {
        return switch (index % 12) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> random.nextInt(1000);
            case 3 -> -1 - random.nextInt(1_000_000);
            case 4 -> (random.nextDouble() - 0.5) * 1000;
            case 5 -> random.nextDouble() * Math.pow(10, random.nextInt(300));
            case 6 -> -random.nextDouble() * Math.pow(10, random.nextInt(300));
            case 7 -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, Long.MAX_VALUE,
                    Long.MIN_VALUE, 9007199254740993d, 4294967296d, 0.1}[random.nextInt(8)];
            case 8 -> random.nextLong();
            case 9 -> random.nextDouble();
            case 10 -> finiteFromBits();
            default -> random.nextInt();
        };
    }

    private double finiteFromBits() {
        double d;
        do {
            d = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(d));
        return d;
    }

    private String ascii(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) (0x20 + random.nextInt(0x5F)));
        }
        return sb.toString();
    }

    private String codePoints(int count, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.appendCodePoint(from + random.nextInt(to - from + 1));
        }
        return sb.toString();
    }
}
