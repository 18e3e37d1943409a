package io.cosmolite.engine.storage;

import java.util.Arrays;

/** A key with its hash computed once, comparable by content: the stores' hash-map key. */
class HashedKey {
    final byte[] bytes;
    private final int hash;

    /** The same key, sharing its bytes and hash. */
    HashedKey(HashedKey key) {
        this.bytes = key.bytes;
        this.hash = key.hash;
    }

    HashedKey(byte[] bytes) {
        this.bytes = bytes;
        // FNV-1a: Arrays.hashCode collides for keys that differ in their last bytes (LSNs).
        int h = 0x811C9DC5;
        for (byte b : bytes) {
            h = (h ^ (b & 0xFF)) * 0x01000193;
        }
        this.hash = h;
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof HashedKey other && other.hash == hash && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public final int hashCode() {
        return hash;
    }
}
