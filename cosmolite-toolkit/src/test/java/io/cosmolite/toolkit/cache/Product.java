package io.cosmolite.toolkit.cache;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The document type of the cache tests: immutable, as cached values should be. */
@JsonIgnoreProperties(ignoreUnknown = true)
record Product(String id, String pk, String category, int version) {
    Product next() {
        return new Product(id, pk, category, version + 1);
    }
}
