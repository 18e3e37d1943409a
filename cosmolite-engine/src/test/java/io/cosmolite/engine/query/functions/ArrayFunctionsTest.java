package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.FunctionCalls.call;
import static io.cosmolite.engine.query.functions.FunctionCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.value.Values;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArrayFunctionsTest extends FamilyConformance {
    private static final String SCORES = "[70, 86, 92, 99, 85, 90, 82]";

    private static void assertJson(JsonNode actual, String expected) {
        assertThat(actual).isNotNull();
        assertThat(Values.deepEquals(actual, json(expected))).as("%s equals %s", actual, expected).isTrue();
    }

    @Test
    void arrayConcatConformanceCase() {
        assertJson(call("ARRAY_CONCAT", "[\"apples\", \"strawberries\"]", "[\"bananas\"]"),
                "[\"apples\", \"strawberries\", \"bananas\"]");
        assertJson(call("ARRAY_CONCAT", "[1]", "[]", "[2, [3]]"), "[1, 2, [3]]");
        assertThat(call("ARRAY_CONCAT", "[1]", "2")).isNull();
        assertThat(call("ARRAY_CONCAT", "[1]", "undefined")).isNull();
    }

    @Test
    void arrayContainsConformanceCase() {
        String clothes = "[\"coats\", \"jackets\", \"sweatshirts\"]";
        String shirts = "[{\"category\": \"shirts\", \"color\": \"blue\"}]";
        assertThat(call("ARRAY_CONTAINS", clothes, "\"coats\"")).isEqualTo(Values.TRUE);
        assertThat(call("ARRAY_CONTAINS", clothes, "\"hoodies\"")).isEqualTo(Values.FALSE);
        assertThat(call("ARRAY_CONTAINS", shirts, "{\"color\": \"blue\", \"category\": \"shirts\"}")).isEqualTo(Values.TRUE);
        assertThat(call("ARRAY_CONTAINS", shirts, "{\"category\": \"shirts\"}")).isEqualTo(Values.FALSE);
        assertThat(call("ARRAY_CONTAINS", shirts, "{\"category\": \"shirts\"}", "true")).isEqualTo(Values.TRUE);
        assertThat(call("ARRAY_CONTAINS", shirts, "{\"category\": \"shorts\", \"color\": \"blue\"}", "true"))
                .isEqualTo(Values.FALSE);
    }

    @Test
    void arrayContainsOtherCases() {
        assertThat(call("ARRAY_CONTAINS", "[1, 2.0, null]", "2")).isEqualTo(Values.TRUE);
        assertThat(call("ARRAY_CONTAINS", "[1, 2, null]", "null")).isEqualTo(Values.TRUE);
        assertThat(call("ARRAY_CONTAINS", "[1, \"1\"]", "true")).isEqualTo(Values.FALSE);
        assertThat(call("ARRAY_CONTAINS", "[[1, 2]]", "[1, 2]")).isEqualTo(Values.TRUE);
        assertThat(call("ARRAY_CONTAINS", "[3]", "3", "true")).isEqualTo(Values.TRUE);
        assertThat(call("ARRAY_CONTAINS", "\"abc\"", "\"a\"")).isNull();
        assertThat(call("ARRAY_CONTAINS", "[1]", "undefined")).isNull();
        assertThat(call("ARRAY_CONTAINS", "[1]", "1", "\"yes\"")).isNull();
    }

    @Test
    void arrayContainsAllMatchesDocumentedExample() {
        assertThat(call("ARRAY_CONTAINS_ALL", "[1, true, \"3\", [1,2,3]]", "1", "true", "\"3\"", "[1,2,3]"))
                .isEqualTo(Values.TRUE);
        assertThat(call("ARRAY_CONTAINS_ALL", "[1, 2, 3, 4]", "2", "3", "4", "5")).isEqualTo(Values.FALSE);
        assertThat(call("ARRAY_CONTAINS_ALL", "[1, 2, 3, 4]", "1", "undefined")).isNull();
        assertThat(call("ARRAY_CONTAINS_ALL", "[1, 2, 3, 4]", "5", "6", "7", "8")).isEqualTo(Values.FALSE);
        assertThat(call("ARRAY_CONTAINS_ALL", "[]", "1", "2", "3")).isEqualTo(Values.FALSE);
        assertThat(call("ARRAY_CONTAINS_ALL", "[1, 2, 3, 4]", "5", "undefined")).isEqualTo(Values.FALSE);
        assertThat(call("ARRAY_CONTAINS_ALL", "{}", "1")).isNull();
    }

    @Test
    void arrayContainsAnyMatchesDocumentedExample() {
        assertThat(call("ARRAY_CONTAINS_ANY", "[1, true, \"3\", [1,2,3]]", "1", "true", "\"3\"", "[1,2,3]"))
                .isEqualTo(Values.TRUE);
        assertThat(call("ARRAY_CONTAINS_ANY", "[1, 2, 3, 4]", "2", "3", "4", "5")).isEqualTo(Values.TRUE);
        assertThat(call("ARRAY_CONTAINS_ANY", "[1, 2, 3, 4]", "1", "undefined")).isEqualTo(Values.TRUE);
        assertThat(call("ARRAY_CONTAINS_ANY", "[1, 2, 3, 4]", "5", "6", "7", "8")).isEqualTo(Values.FALSE);
        assertThat(call("ARRAY_CONTAINS_ANY", "[]", "1", "2", "3")).isEqualTo(Values.FALSE);
        assertThat(call("ARRAY_CONTAINS_ANY", "[1, 2, 3, 4]", "5", "undefined")).isNull();
    }

    @Test
    void arrayLengthConformanceCase() {
        assertJson(call("ARRAY_LENGTH", SCORES), "7");
        assertJson(call("ARRAY_LENGTH", "[]"), "0");
        assertThat(call("ARRAY_LENGTH", "null")).isNull();
        assertThat(call("ARRAY_LENGTH", "undefined")).isNull();
        assertThat(call("ARRAY_LENGTH", "\"abc\"")).isNull();
    }

    @Test
    void arraySliceConformanceCase() {
        assertJson(call("ARRAY_SLICE", SCORES, "0"), SCORES);
        assertJson(call("ARRAY_SLICE", SCORES, "1"), "[86, 92, 99, 85, 90, 82]");
        assertJson(call("ARRAY_SLICE", SCORES, "-1"), "[82]");
        assertJson(call("ARRAY_SLICE", SCORES, "-2"), "[90, 82]");
        assertJson(call("ARRAY_SLICE", SCORES, "0", "3"), "[70, 86, 92]");
        assertJson(call("ARRAY_SLICE", SCORES, "0", "12"), SCORES);
        assertJson(call("ARRAY_SLICE", SCORES, "3", "5"), "[99, 85, 90, 82]");
        assertJson(call("ARRAY_SLICE", SCORES, "-2", "1"), "[90]");
    }

    @Test
    void arraySliceEdges() {
        assertJson(call("ARRAY_SLICE", SCORES, "-100"), SCORES);
        assertJson(call("ARRAY_SLICE", SCORES, "100"), "[]");
        assertJson(call("ARRAY_SLICE", SCORES, "1", "0"), "[]");
        assertJson(call("ARRAY_SLICE", SCORES, "1", "-1"), "[]");
        assertJson(call("ARRAY_SLICE", "[]", "0", "1"), "[]");
        assertThat(call("ARRAY_SLICE", SCORES, "1.5")).isNull();
        assertThat(call("ARRAY_SLICE", SCORES, "\"1\"")).isNull();
        assertThat(call("ARRAY_SLICE", SCORES, "1", "null")).isNull();
        assertThat(call("ARRAY_SLICE", "\"abc\"", "1")).isNull();
    }

    @Test
    void reductionsMatchDocumentedExamples() {
        assertJson(call("ARRAY_MEDIAN", "[1, 2, 3, 4]"), "2.5");
        assertJson(call("ARRAY_MEDIAN", "[1.0, 2.0, 3.3, 4.7, 7.8]"), "3.3");
        ArrayNode withUndefined = (ArrayNode) json("[1, -2.7, 3, -4]");
        withUndefined.add(Json.NODES.missingNode());
        assertJson(FunctionCalls.callNodes("ARRAY_MEDIAN", withUndefined), "-0.8500000000000001");
        assertThat(call("ARRAY_MEDIAN", "[\"abc\", \"ABC\", \"aBc\", \"AbC\"]")).isNull();
        assertThat(call("ARRAY_MEDIAN", "[12, \"abc\", true, false, null]")).isNull();
        assertJson(call("ARRAY_SUM", "[1, 2, 3.5]"), "6.5");
        assertJson(call("ARRAY_SUM", "[]"), "0");
        assertJson(call("ARRAY_AVG", "[1, 2, 3, 4]"), "2.5");
        assertThat(call("ARRAY_AVG", "[]")).isNull();
        assertThat(call("ARRAY_SUM", "[1, \"2\"]")).isNull();
        assertThat(call("ARRAY_SUM", "5")).isNull();
    }

    @Test
    void minAndMaxRankStringsOverNumbersOverBooleansOverNull() {
        assertJson(call("ARRAY_MAX", "[1, 5, 3]"), "5");
        assertJson(call("ARRAY_MIN", "[1, 5, 3]"), "1");
        assertJson(call("ARRAY_MAX", "[12, \"abc\", true, false, null]"), "\"abc\"");
        assertJson(call("ARRAY_MIN", "[12, \"abc\", true, false, null]"), "null");
        assertJson(call("ARRAY_MIN", "[12, \"abc\", true, false]"), "false");
        assertJson(call("ARRAY_MAX", "[\"abc\", \"ABC\", \"aBc\"]"), "\"abc\"");
        assertThat(call("ARRAY_MAX", "[]")).isNull();
        assertThat(call("ARRAY_MAX", "[1, [2]]")).isNull();
        assertThat(call("ARRAY_MIN", "[1, {}]")).isNull();
    }

    @Test
    void setFunctionsMatchDocumentedExamples() {
        assertJson(call("SetIntersect", "[1, 2, 3, 4]", "[3, 4, 5, 6]"), "[3, 4]");
        assertJson(call("SetIntersect", "[1, 2, 3, 4]", "[]"), "[]");
        assertJson(call("SetIntersect", "[1, 2, 3, 4]", "[1, 1, 1, 1]"), "[1]");
        assertJson(call("SetIntersect", "[1, 2, 3, 4]", "[\"A\", \"B\"]"), "[]");
        assertJson(call("SetIntersect", "[1, 2, \"A\", \"B\"]", "[\"A\", 1]"), "[\"A\", 1]");
        assertJson(call("SetUnion", "[1, 2, 3, 4]", "[3, 4, 5, 6]"), "[1, 2, 3, 4, 5, 6]");
        assertJson(call("SetUnion", "[1, 2, 3, 4]", "[]"), "[1, 2, 3, 4]");
        assertJson(call("SetUnion", "[1, 2, 3, 4]", "[1, 1, 1, 1]"), "[1, 2, 3, 4]");
        assertJson(call("SetUnion", "[1, 2, \"A\", \"B\"]", "[\"A\", 1]"), "[1, 2, \"A\", \"B\"]");
        assertJson(call("SetDifference", "[1, 2, 2, 3, {\"a\": 1}]", "[3, {\"a\": 1.0}]"), "[1, 2]");
        assertThat(call("SetEqual", "[1, 2, 2]", "[2, 1]")).isEqualTo(Values.TRUE);
        assertThat(call("SetEqual", "[1, 2]", "[1, 2, 3]")).isEqualTo(Values.FALSE);
        assertThat(call("SetUnion", "[1]", "null")).isNull();
        assertThat(call("SetIntersect", "undefined", "[1]")).isNull();
        assertThat(call("SetEqual", "[1]", "\"1\"")).isNull();
    }

    @Test
    void documentedReductionExamples() {
        ArrayNode mixed = (ArrayNode) json("[12, \"abc\", true, false, null]");
        mixed.add(Json.NODES.missingNode());
        assertJson(call("ARRAY_MAX", "[1, 2, 3, 4]"), "4");
        assertJson(call("ARRAY_MAX", "[\"abc\", \"ABC\", \"aBc\", \"AbC\"]"), "\"abc\"");
        assertJson(call("ARRAY_MAX", "[true, false]"), "true");
        assertJson(call("ARRAY_MAX", "[null, null]"), "null");
        assertJson(FunctionCalls.callNodes("ARRAY_MAX", mixed), "\"abc\"");
        assertJson(call("ARRAY_MIN", "[\"abc\", \"ABC\", \"aBc\", \"AbC\"]"), "\"ABC\"");
        assertJson(FunctionCalls.callNodes("ARRAY_MIN", mixed), "null");
        assertJson(call("ARRAY_SUM", "[1, 2, 3, 4]"), "10");
        assertThat(FunctionCalls.callNodes("ARRAY_SUM", mixed)).isNull();
        assertJson(call("ARRAY_AVG", "[1.0, 2.0, 3.3, 4.7]"), "2.75");
        ArrayNode withUndefined = (ArrayNode) json("[1, -2.7, 3, -4]");
        withUndefined.add(Json.NODES.missingNode());
        assertJson(FunctionCalls.callNodes("ARRAY_AVG", withUndefined), "-0.675");
        assertThat(call("ARRAY_AVG", "[\"abc\", \"ABC\"]")).isNull();
    }

    @Test
    void documentedSetDifferenceAndSetEqualExamples() {
        assertJson(call("SetDifference", "[1, 2, 3]", "[1, 2, 6, 7]"), "[3]");
        assertJson(call("SetDifference", "[1, 2, 6, 7]", "[1, 2, 3]"), "[6, 7]");
        assertJson(call("SetDifference", "[1, 2, 3, 4]", "[1, 2, 3, 4, 5, 6]"), "[]");
        assertJson(call("SetDifference", "[]", "[1, 2, 3]"), "[]");
        assertJson(call("SetDifference", "[1, 2, 3]", "[]"), "[1, 2, 3]");
        assertJson(call("SetDifference", "[1, 1, 1, 1]", "[2, 3, 4]"), "[1]");
        assertThat(call("SetEqual", "[1, 2, 3]", "[1, 2, 3]")).isEqualTo(Values.TRUE);
        assertThat(call("SetEqual", "[1, 2, 3]", "[3, 2, 1]")).isEqualTo(Values.TRUE);
        assertThat(call("SetEqual", "[1, 2, 3, 3]", "[1, 2, 2, 3, 1, 2]")).isEqualTo(Values.TRUE);
        assertThat(call("SetEqual", "[]", "[1, 2, 3]")).isEqualTo(Values.FALSE);
        assertThat(call("SetEqual", "[1, true, \"abc\"]", "[true, 1, \"abc\"]")).isEqualTo(Values.TRUE);
        assertThat(call("SetEqual", "[1, 1, 1, 1]", "[2, 3, 4]")).isEqualTo(Values.FALSE);
    }

    @Test
    void namesAreCaseInsensitiveAndArityIsDeclared() {
        assertThat(Functions.lookup("array_concat").maxArgs()).isEqualTo(Integer.MAX_VALUE);
        assertThat(Functions.lookup("SETINTERSECT").name()).isEqualTo("SetIntersect");
        assertThat(Functions.lookup("Array_Slice").minArgs()).isEqualTo(2);
        assertThat(Functions.lookup("ARRAY_CONTAINS").maxArgs()).isEqualTo(3);
    }

    @Override
    List<BuiltinFunction> family() {
        return ArrayFunctions.all();
    }

    @Override
    List<String> requiredCases() {
        return List.of("ms-samples/array-contains", "ms-samples/array-length", "ms-samples/array-slice");
    }
}
