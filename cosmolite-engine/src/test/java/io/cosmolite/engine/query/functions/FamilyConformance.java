package io.cosmolite.engine.query.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance cases of one function family, run from their query text: a family's test class
 * extends this, names its functions and the cases that must be among them.
 */
abstract class FamilyConformance {
    /** The functions of the family. */
    abstract List<BuiltinFunction> family();

    /** Case ids that must be found for the family (so a loader fault cannot silently run none). */
    abstract List<String> requiredCases();

    @TestFactory
    Stream<DynamicTest> conformanceCasesFromTheirQueryText() {
        return FunctionCalls.samples(family()).stream().map(c -> dynamicTest(c.id(), () -> SampleCases.check(c)));
    }

    @Test
    void everyConformanceCaseOfTheFamilyIsRun() {
        assertThat(FunctionCalls.samples(family())).extracting(SampleCases.Case::id).containsAll(requiredCases());
    }
}
