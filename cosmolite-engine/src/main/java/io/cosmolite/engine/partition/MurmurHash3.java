package io.cosmolite.engine.partition;

/**
 * Austin Appleby's MurmurHash3 (public domain), the two variants Cosmos DB hashes partition keys
 * with: x86 32-bit for V1 and x64 128-bit for V2 and MultiHash.
 */
final class MurmurHash3 {
    private static final int C1_32 = 0xcc9e2d51;
    private static final int C2_32 = 0x1b873593;
    private static final long C1_64 = 0x87c37b91114253d5L;
    private static final long C2_64 = 0x4cf5ad432745937fL;

    private MurmurHash3() {}

    /** MurmurHash3_x86_32 of {@code data[0..length)}. */
    static int hash32(byte[] data, int length, int seed) {
        int h = seed;
        int blocks = length & ~3;
        for (int i = 0; i < blocks; i += 4) {
            h ^= mix32(littleEndianInt(data, i));
            h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
        }
        int tail = 0;
        for (int i = length - 1; i >= blocks; i--) {
            tail = (tail << 8) | (data[i] & 0xff);
        }
        if (length > blocks) {
            h ^= mix32(tail);
        }
        h ^= length;
        return fmix32(h);
    }

    /**
     * MurmurHash3_x64_128 of {@code data[0..length)} with seed 0, as the two 64-bit halves
     * {@code {h1, h2}} of the reference implementation.
     */
    static long[] hash128(byte[] data, int length) {
        long h1 = 0;
        long h2 = 0;
        int blocks = length & ~15;
        for (int i = 0; i < blocks; i += 16) {
            h1 ^= mixK1(littleEndianLong(data, i, 8));
            h1 = (Long.rotateLeft(h1, 27) + h2) * 5 + 0x52dce729;
            h2 ^= mixK2(littleEndianLong(data, i + 8, 8));
            h2 = (Long.rotateLeft(h2, 31) + h1) * 5 + 0x38495ab5;
        }
        int rest = length - blocks;
        if (rest > 8) {
            h2 ^= mixK2(littleEndianLong(data, blocks + 8, rest - 8));
        }
        if (rest > 0) {
            h1 ^= mixK1(littleEndianLong(data, blocks, Math.min(rest, 8)));
        }
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix64(h1);
        h2 = fmix64(h2);
        h1 += h2;
        h2 += h1;
        return new long[] {h1, h2};
    }

    private static int mix32(int k) {
        return Integer.rotateLeft(k * C1_32, 15) * C2_32;
    }

    private static int fmix32(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    private static long mixK1(long k) {
        return Long.rotateLeft(k * C1_64, 31) * C2_64;
    }

    private static long mixK2(long k) {
        return Long.rotateLeft(k * C2_64, 33) * C1_64;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        return k ^ (k >>> 33);
    }

    private static int littleEndianInt(byte[] data, int offset) {
        return (int) littleEndianLong(data, offset, 4);
    }

    /** Up to eight bytes from {@code offset}, least significant first. */
    private static long littleEndianLong(byte[] data, int offset, int count) {
        long v = 0;
        for (int i = count - 1; i >= 0; i--) {
            v = (v << 8) | (data[offset + i] & 0xffL);
        }
        return v;
    }
}
