package io.cosmolite.engine.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchApplierTest {

    private static ObjectNode doc(String json) {
        return (ObjectNode) Json.parse(json.replace('\'', '"'));
    }

    private static JsonNode json(String json) {
        return Json.parse(json.replace('\'', '"'));
    }

    private static ObjectNode apply(String document, PatchOperation... operations) {
        return PatchApplier.apply(doc(document), List.of(operations));
    }

    private static void assertFails(String document, String message, PatchOperation... operations) {
        assertThatThrownBy(() -> apply(document, operations))
                .isInstanceOfSatisfying(CosmosException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.status()).isEqualTo(400);
                })
                .hasMessage(message);
    }

    @Test
    void theDocumentationExampleGivesTheDocumentedResult() {
        ObjectNode result = apply("{'id':'e1','name':'R-410','price':455.95,'inventory':{'quantity':15},"
                        + "'used':false,'categoryId':'road-bikes','tags':['r-series']}",
                PatchOperation.add("/color", json("'silver'")),
                PatchOperation.remove("/used"),
                PatchOperation.set("/price", json("355.45")),
                PatchOperation.increment("/inventory/quantity", 10),
                PatchOperation.add("/tags/-", json("'featured-bikes'")),
                PatchOperation.move("/color", "/inventory/color"));

        assertThat(result).isEqualTo(doc("{'id':'e1','name':'R-410','price':355.45,"
                + "'inventory':{'quantity':25,'color':'silver'},'categoryId':'road-bikes',"
                + "'tags':['r-series','featured-bikes']}"));
    }

    @Test
    void theInputDocumentIsNeverChanged() {
        ObjectNode input = doc("{'id':'1','a':{'b':[1,2]}}");
        ObjectNode before = input.deepCopy();

        PatchApplier.apply(input, List.of(PatchOperation.add("/a/b/0", json("0")), PatchOperation.remove("/a")));

        assertThat(input).isEqualTo(before);
    }

    @Test
    void appliedValuesAreCopiesSoTheOperationCanBeReused() {
        PatchOperation add = PatchOperation.add("/x", json("{'n':1}"));
        ObjectNode first = PatchApplier.apply(doc("{'id':'1'}"), List.of(add));
        ((ObjectNode) first.get("x")).put("n", 99);

        ObjectNode second = PatchApplier.apply(doc("{'id':'1'}"), List.of(add));

        assertThat(second.get("x")).isEqualTo(json("{'n':1}"));
    }

    @Test
    void addCreatesOrReplacesAnObjectMember() {
        assertThat(apply("{'id':'1','a':1}", PatchOperation.add("/b", json("2")), PatchOperation.add("/a", json("3"))))
                .isEqualTo(doc("{'id':'1','a':3,'b':2}"));
    }

    @Test
    void addInsertsIntoAnArrayShiftingLaterElements() {
        assertThat(apply("{'t':['a','c']}", PatchOperation.add("/t/1", json("'b'")))).isEqualTo(doc("{'t':['a','b','c']}"));
        assertThat(apply("{'t':['a']}", PatchOperation.add("/t/0", json("'z'")))).isEqualTo(doc("{'t':['z','a']}"));
    }

    @Test
    void addAtTheArrayLengthOrDashAppends() {
        assertThat(apply("{'t':['a']}", PatchOperation.add("/t/1", json("'b'")), PatchOperation.add("/t/-", json("'c'"))))
                .isEqualTo(doc("{'t':['a','b','c']}"));
    }

    @Test
    void addBeyondTheArrayLengthFails() {
        assertFails("{'t':['a']}", "For Operation(0): Index(2) to operate on is out of array bounds.",
                PatchOperation.add("/t/2", json("'x'")));
    }

    @Test
    void setOverwritesAnArrayElementInsteadOfInserting() {
        assertThat(apply("{'t':['a','b']}", PatchOperation.set("/t/0", json("'z'")))).isEqualTo(doc("{'t':['z','b']}"));
        assertThat(apply("{'t':['a']}", PatchOperation.set("/t/-", json("'b'")))).isEqualTo(doc("{'t':['a','b']}"));
        assertFails("{'t':['a']}", "For Operation(0): Index(5) to operate on is out of array bounds.",
                PatchOperation.set("/t/5", json("1")));
    }

    @Test
    void setCreatesOrReplacesAnObjectMember() {
        assertThat(apply("{'p':{'a':1}}", PatchOperation.set("/p/a", json("null")), PatchOperation.set("/p/b", json("[1]"))))
                .isEqualTo(doc("{'p':{'a':null,'b':[1]}}"));
    }

    @Test
    void replaceRequiresAnExistingMemberOrElement() {
        assertThat(apply("{'a':1,'t':[1,2]}", PatchOperation.replace("/a", json("'x'")), PatchOperation.replace("/t/1", json("3"))))
                .isEqualTo(doc("{'a':'x','t':[1,3]}"));
        assertFails("{'a':1}", "For Operation(0): Node(/b) to be replaced is absent.",
                PatchOperation.replace("/b", json("1")));
        assertFails("{'t':[1]}", "For Operation(0): Index(1) to operate on is out of array bounds.",
                PatchOperation.replace("/t/1", json("1")));
    }

    @Test
    void removeDeletesMembersAndArrayElements() {
        assertThat(apply("{'a':1,'b':2,'t':['x','y','z']}", PatchOperation.remove("/a"), PatchOperation.remove("/t/1")))
                .isEqualTo(doc("{'b':2,'t':['x','z']}"));
    }

    @Test
    void removingSomethingAbsentFailsNamingTheOperation() {
        assertFails("{'a':1}", "For Operation(1): Node(/a) to be removed is absent."
                        + " Note: it may also have been removed earlier in the transaction.",
                PatchOperation.remove("/a"), PatchOperation.remove("/a"));
        assertFails("{'a':1}", "For Operation(0): Node(/x/y) to be removed is absent."
                        + " Note: it may also have been removed earlier in the transaction.",
                PatchOperation.remove("/x/y"));
        assertFails("{'t':[1]}", "For Operation(0): Index(1) to operate on is out of array bounds.",
                PatchOperation.remove("/t/1"));
    }

    @Test
    void incrementKeepsIntegersIntegral() {
        ObjectNode result = apply("{'n':5}", PatchOperation.increment("/n", 3));

        assertThat(result.get("n").isIntegralNumber()).isTrue();
        assertThat(result.get("n").longValue()).isEqualTo(8);
        assertThat(apply("{'n':5}", PatchOperation.increment("/n", -7))).isEqualTo(doc("{'n':-2}"));
    }

    @Test
    void incrementWithAFloatOnEitherSideGivesAFloat() {
        assertThat(apply("{'n':5}", PatchOperation.increment("/n", 0.5)).get("n").doubleValue()).isEqualTo(5.5);
        ObjectNode fromFloat = apply("{'n':1.5}", PatchOperation.increment("/n", 1));
        assertThat(fromFloat.get("n").isFloatingPointNumber()).isTrue();
        assertThat(fromFloat.get("n").doubleValue()).isEqualTo(2.5);
    }

    @Test
    void incrementBeyondLongRangeFallsBackToFloatingPoint() {
        ObjectNode result = apply("{'n':9223372036854775807}", PatchOperation.increment("/n", 1));

        assertThat(result.get("n").isFloatingPointNumber()).isTrue();
        assertThat(result.get("n").doubleValue()).isEqualTo(9.223372036854775807E18);
    }

    @Test
    void incrementCreatesAnAbsentMember() {
        assertThat(apply("{'a':{}}", PatchOperation.increment("/a/n", 4))).isEqualTo(doc("{'a':{'n':4}}"));
    }

    @Test
    void incrementWorksOnArrayElementsInPlace() {
        assertThat(apply("{'t':[5]}", PatchOperation.increment("/t/0", 13))).isEqualTo(doc("{'t':[18]}"));
    }

    @Test
    void incrementOfANonNumberFails() {
        assertFails("{'s':'x'}", "For Operation(0): Node(/s) is not a number.", PatchOperation.increment("/s", 1));
        assertFails("{'s':null}", "For Operation(0): Node(/s) is not a number.", PatchOperation.increment("/s", 1));
    }

    @Test
    void moveTakesTheValueAwayAndAddsItElsewhere() {
        assertThat(apply("{'a':{'x':1},'b':{}}", PatchOperation.move("/a/x", "/b/y"))).isEqualTo(doc("{'a':{},'b':{'y':1}}"));
        assertThat(apply("{'a':1,'b':2}", PatchOperation.move("/a", "/b"))).isEqualTo(doc("{'b':1}"));
        assertThat(apply("{'t':['a','b','c']}", PatchOperation.move("/t/0", "/t/-"))).isEqualTo(doc("{'t':['b','c','a']}"));
    }

    @Test
    void moveFromAnAbsentPathFails() {
        assertFails("{'a':1}", "For Operation(0): Node(/nope) to be moved is absent.", PatchOperation.move("/nope", "/b"));
    }

    @Test
    void missingParentsAreNeverCreated() {
        assertFails("{'a':1}", "For Operation(0): Add Operation can only create a child object of an existing"
                        + " node(array or object) and cannot create path recursively, no path found beyond: 'x'.",
                PatchOperation.add("/x/y", json("1")));
        assertFails("{'Parent':{'a/b':{}}}", "For Operation(0): Given Operation can only create a child object of an"
                        + " existing node(array or object) and cannot create path recursively, no path found beyond: 'a'.",
                PatchOperation.replace("/Parent/a/b/c", json("1")));
        assertFails("{'a':'text'}", "For Operation(0): Given Operation can only create a child object of an existing"
                        + " node(array or object) and cannot create path recursively, no path found beyond: 'a'.",
                PatchOperation.set("/a/b", json("1")));
        assertFails("{}", "For Operation(0): Add Operation can only create a child object of an existing"
                        + " node(array or object) and cannot create path recursively, no path found beyond: 'products'.",
                PatchOperation.add("/products/-", json("1")));
    }

    @Test
    void nestedPathsThroughArraysAndObjects() {
        ObjectNode result = apply("{'parents':[{'name':'a'},{'name':'b','kids':[]}]}",
                PatchOperation.set("/parents/0/name", json("'z'")),
                PatchOperation.add("/parents/1/kids/-", json("{'age':3}")),
                PatchOperation.increment("/parents/1/kids/0/age", 1));

        assertThat(result).isEqualTo(doc("{'parents':[{'name':'z'},{'name':'b','kids':[{'age':4}]}]}"));
    }

    @Test
    void escapedTokensAddressNamesWithSlashAndTilde() {
        ObjectNode result = apply("{'a/b':1,'c~d':2}",
                PatchOperation.replace("/a~1b", json("10")),
                PatchOperation.increment("/c~0d", 1),
                PatchOperation.add("/~01", json("'tilde-one'")));

        assertThat(result).isEqualTo(doc("{'a/b':10,'c~d':3,'~1':'tilde-one'}"));
    }

    @Test
    void numericTokensAreMemberNamesOnObjects() {
        assertThat(apply("{'m':{}}", PatchOperation.add("/m/12345678901234567890", json("1"))))
                .isEqualTo(doc("{'m':{'12345678901234567890':1}}"));
    }

    @Test
    void tokensThatAreNotIndexesFailOnArrays() {
        assertFails("{'t':[1,2]}", "For Operation(0): Index(01) to operate on is not a valid array index.",
                PatchOperation.replace("/t/01", json("1")));
        assertFails("{'t':[1,2]}", "For Operation(0): Index(x) to operate on is not a valid array index.",
                PatchOperation.add("/t/x", json("1")));
    }

    @Test
    void aFailureAbortsTheWholePatch() {
        ObjectNode input = doc("{'a':1}");

        assertThatThrownBy(() -> PatchApplier.apply(input,
                List.of(PatchOperation.set("/a", json("2")), PatchOperation.replace("/missing", json("3")))))
                .hasMessageStartingWith("For Operation(1):");
        assertThat(input).isEqualTo(doc("{'a':1}"));
    }
}
