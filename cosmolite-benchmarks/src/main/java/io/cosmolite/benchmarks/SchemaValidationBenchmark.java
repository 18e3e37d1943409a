package io.cosmolite.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.toolkit.error.Violation;
import io.cosmolite.toolkit.schema.DocumentSchema;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost the toolkit's schema check adds to a write: {@link DocumentSchema#validate} of a document
 * of about 1 KB (the {@link SampleItems} shape: strings, numbers, booleans, an array of tags, a nested
 * address, three order lines, free text) against a draft 2020-12 schema that constrains every field
 * (types, required, minimum, pattern, enum, formats email and date-time, maxLength). No I/O.
 *
 * <ul>
 *   <li>{@link #validDocument}: a valid document; the common case.</li>
 *   <li>{@link #invalidDocument}: a document with 3 violations, all of them collected.</li>
 * </ul>
 *
 * Run it from the repository root (about 1 minute):
 * <pre>
 * mvn -B -q -pl cosmolite-benchmarks -am package -DskipTests
 * java -jar cosmolite-benchmarks/target/benchmarks.jar SchemaValidationBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s -t 1
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SchemaValidationBenchmark {
    private static final int DOCUMENTS = 1_024;
    private static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "required": ["id", "pk", "customer", "email", "age", "active", "createdAt", "address", "lines"],
              "properties": {
                "id": {"type": "string", "minLength": 1, "maxLength": 255},
                "pk": {"type": "string", "pattern": "^tenant-[0-9]+$"},
                "customer": {"type": "string"},
                "email": {"type": "string", "format": "email"},
                "age": {"type": "integer", "minimum": 0, "maximum": 150},
                "active": {"type": "boolean"},
                "score": {"type": "number", "minimum": 0},
                "createdAt": {"type": "string", "format": "date-time"},
                "tags": {"type": "array", "maxItems": 10,
                         "items": {"enum": ["new", "sale", "gift", "bulk", "eco", "vip", "late", "fragile", "repeat"]}},
                "address": {
                  "type": "object",
                  "required": ["street", "city", "zip"],
                  "properties": {
                    "street": {"type": "string"},
                    "city": {"type": "string"},
                    "zip": {"type": "string", "pattern": "^[0-9]{5}$"}
                  }
                },
                "lines": {
                  "type": "array", "minItems": 1,
                  "items": {
                    "type": "object",
                    "required": ["sku", "qty", "price"],
                    "properties": {
                      "sku": {"type": "string", "pattern": "^SKU-[0-9]+$"},
                      "qty": {"type": "integer", "minimum": 1},
                      "price": {"type": "number", "minimum": 0}
                    }
                  }
                },
                "notes": {"type": "string", "maxLength": 1000}
              }
            }""";

    private final DocumentSchema schema = DocumentSchema.fromJson(SCHEMA);
    private final ObjectNode[] valid = new ObjectNode[DOCUMENTS];
    private final ObjectNode[] invalid = new ObjectNode[DOCUMENTS];
    private int next;

    /** Generates the documents, and checks that the valid ones are valid and the others have 3 violations. */
    @Setup
    public void setUp() {
        SampleItems samples = new SampleItems(1_000);
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 0; n < DOCUMENTS; n++) {
            valid[n] = samples.item(SampleItems.id(n), n, random);
            invalid[n] = valid[n].deepCopy();
            invalid[n].put("age", -1);
            invalid[n].remove("email");
            ((ObjectNode) invalid[n].get("lines").get(1)).put("qty", 0);
            check(schema.validate(valid[n]).isEmpty(), "valid document " + n + " has violations: "
                    + schema.validate(valid[n]));
            check(schema.validate(invalid[n]).size() == 3, "invalid document " + n + " does not have 3 violations: "
                    + schema.validate(invalid[n]));
        }
    }

    /** Validation of a valid 1 KB document. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Violation> validDocument() {
        return schema.validate(valid[nextIndex()]);
    }

    /** Validation of a 1 KB document with 3 violations. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Violation> invalidDocument() {
        return schema.validate(invalid[nextIndex()]);
    }

    private int nextIndex() {
        next = (next + 1) & (DOCUMENTS - 1);
        return next;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
