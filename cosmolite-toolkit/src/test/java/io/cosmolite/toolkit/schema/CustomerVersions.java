package io.cosmolite.toolkit.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The test document type's three versions. v1: {@code name} ("First Last"), {@code qty}, {@code price}.
 * v2: {@code name} split into {@code firstName} and {@code lastName} (a name without a space cannot be
 * split: the step throws). v3: {@code total} = qty × price added. Public for the repository's tests.
 */
public final class CustomerVersions {
    private CustomerVersions() {
    }

    public static SchemaVersions versions() {
        return SchemaVersions.builder()
                .current(3)
                .step(1, CustomerVersions::splitName)
                .step(2, CustomerVersions::addTotal)
                .build();
    }

    static ObjectNode addTotal(ObjectNode doc) {
        return doc.put("total", doc.path("qty").asInt() * doc.path("price").asInt());
    }

    static ObjectNode splitName(ObjectNode doc) {
        String name = doc.path("name").asText();
        int space = name.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("name '" + name + "' has no space to split at");
        }
        doc.remove("name");
        return doc.put("firstName", name.substring(0, space)).put("lastName", name.substring(space + 1));
    }
}
