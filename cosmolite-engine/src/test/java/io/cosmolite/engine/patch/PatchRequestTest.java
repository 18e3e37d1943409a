package io.cosmolite.engine.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchRequestTest {

    private static JsonNode json(String json) {
        return Json.parse(json.replace('\'', '"'));
    }

    private static void assertBadRequest(String body, String messagePart) {
        assertThatThrownBy(() -> PatchRequest.parse(json(body)))
                .isInstanceOfSatisfying(CosmosException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_REQUEST))
                .hasMessageContaining(messagePart);
    }

    @Test
    void parsesEveryOperationTypeAndTheCondition() {
        PatchRequest request = PatchRequest.parse(json("{'operations':["
                + "{'op':'add','path':'/a','value':1},"
                + "{'op':'set','path':'/b','value':{'x':[1]}},"
                + "{'op':'replace','path':'/c','value':null},"
                + "{'op':'remove','path':'/d'},"
                + "{'op':'incr','path':'/e','value':2.5},"
                + "{'op':'move','from':'/f','path':'/g'}],"
                + "'condition':'from c where c.n > 1'}"));

        assertThat(request.operations()).containsExactly(
                PatchOperation.add("/a", json("1")),
                PatchOperation.set("/b", json("{'x':[1]}")),
                PatchOperation.replace("/c", json("null")),
                PatchOperation.remove("/d"),
                PatchOperation.increment("/e", 2.5),
                PatchOperation.move("/f", "/g"));
        assertThat(request.condition()).isEqualTo("from c where c.n > 1");
    }

    @Test
    void theSdkWireFormRoundTrips() {
        String body = "{'operations':[{'op':'incr','path':'/n','value':1},{'op':'move','from':'/a','path':'/b'},"
                + "{'op':'remove','path':'/r','value':null}]}";
        PatchRequest request = PatchRequest.parse(json(body));

        assertThat(request.operations()).<JsonNode>extracting(PatchOperation::toJson).containsExactly(
                json("{'op':'incr','path':'/n','value':1}"),
                json("{'op':'move','from':'/a','path':'/b'}"),
                json("{'op':'remove','path':'/r'}"));
        assertThat(request.condition()).isNull();
    }

    @Test
    void aBareArrayIsTheOperationsWithoutACondition() {
        PatchRequest request = PatchRequest.parse(json("[{'op':'incr','path':'/n','value':1},{'op':'remove','path':'/r'}]"));

        assertThat(request.operations()).containsExactly(PatchOperation.increment("/n", 1), PatchOperation.remove("/r"));
        assertThat(request.condition()).isNull();
        assertBadRequest("[]", "'operations' must not be empty");
        assertBadRequest("[1]", "each operation must be a JSON object");
        String eleven = String.join(",", Collections.nCopies(11, "{'op':'remove','path':'/a'}"));
        assertBadRequest("[" + eleven + "]", "The number of patch operations cannot exceed 10");
    }

    @Test
    void aNullValueIsAValueButAnAbsentOneIsNot() {
        assertThat(PatchRequest.parse(json("{'operations':[{'op':'set','path':'/a','value':null}]}"))
                .operations().get(0).value()).isEqualTo(json("null"));
        assertBadRequest("{'operations':[{'op':'set','path':'/a'}]}", "the 'set' operation on '/a' requires a 'value'");
        assertBadRequest("{'operations':[{'op':'add','path':'/a'}]}", "requires a 'value'");
        assertBadRequest("{'operations':[{'op':'replace','path':'/a'}]}", "requires a 'value'");
        assertBadRequest("{'operations':[{'op':'incr','path':'/a'}]}", "requires a 'value'");
    }

    @Test
    void operationCountMustBeOneToTen() {
        assertBadRequest("{'operations':[]}", "'operations' must not be empty");
        String eleven = String.join(",", Collections.nCopies(11, "{'op':'remove','path':'/a'}"));
        assertBadRequest("{'operations':[" + eleven + "]}", "The number of patch operations cannot exceed 10");
        String ten = String.join(",", Collections.nCopies(10, "{'op':'remove','path':'/a'}"));
        assertThat(PatchRequest.parse(json("{'operations':[" + ten + "]}")).operations()).hasSize(10);
    }

    @Test
    void malformedBodiesAreRejected() {
        assertBadRequest("'operations'", "the body must be a JSON object with an 'operations' array, or that array");
        assertBadRequest("{}", "'operations' must be an array");
        assertBadRequest("{'operations':{}}", "'operations' must be an array");
        assertBadRequest("{'operations':[1]}", "each operation must be a JSON object");
        assertBadRequest("{'operations':[{'path':'/a'}]}", "each operation needs an 'op'");
        assertBadRequest("{'operations':[{'op':'remove','path':5}]}", "'path' must be a string");
        assertBadRequest("{'operations':[{'op':'remove','path':'/a'}],'condition':3}", "'condition' must be a string");
    }

    @Test
    void unknownOperationTypesAreRejected() {
        assertBadRequest("{'operations':[{'op':'copy','from':'/a','path':'/b'}]}", "unknown operation type 'copy'");
        assertBadRequest("{'operations':[{'op':'test','path':'/a','value':1}]}", "unknown operation type 'test'");
        assertBadRequest("{'operations':[{'op':'Add','path':'/a','value':1}]}", "unknown operation type 'Add'");
    }

    @Test
    void pathsMustBeJsonPointers() {
        assertBadRequest("{'operations':[{'op':'add','path':'amount','value':1}]}", "must be a JSON Pointer that starts with '/'");
        assertBadRequest("{'operations':[{'op':'add','path':'','value':1}]}", "starts with '/'");
        assertBadRequest("{'operations':[{'op':'remove'}]}", "the 'remove' operation requires a 'path'");
        assertBadRequest("{'operations':[{'op':'add','path':'/a~2','value':1}]}", "'~' must be followed by '0' or '1'");
        assertBadRequest("{'operations':[{'op':'add','path':'/a~','value':1}]}", "'~' must be followed by '0' or '1'");
    }

    @Test
    void moveNeedsAFromThatIsNotAnAncestorOfThePath() {
        assertBadRequest("{'operations':[{'op':'move','path':'/b'}]}", "the 'move' operation requires a 'from'");
        assertBadRequest("{'operations':[{'op':'move','from':'/a','path':'/a/b'}]}", "cannot be a JSON child of its 'from'");
        assertThat(PatchOperation.move("/a/b", "/a").path()).isEqualTo("/a");
        assertThat(PatchOperation.move("/ab", "/a/b").from()).isEqualTo("/ab");
    }

    @Test
    void incrementNeedsANumber() {
        assertBadRequest("{'operations':[{'op':'incr','path':'/n','value':'1'}]}", "must be a number");
        assertBadRequest("{'operations':[{'op':'incr','path':'/n','value':null}]}", "must be a number");
    }

    @Test
    void systemPropertiesCannotBePatched() {
        for (String property : List.of("_rid", "_self", "_etag", "_ts", "_attachments", "_lsn", "id", "_id")) {
            assertBadRequest("{'operations':[{'op':'set','path':'/" + property + "','value':1}]}",
                    "Cannot patch system property '" + property + "'");
        }
        assertBadRequest("{'operations':[{'op':'remove','path':'/_ts/x'}]}", "Cannot patch system property '_ts'");
        assertBadRequest("{'operations':[{'op':'move','from':'/id','path':'/x'}]}", "Cannot patch system property 'id'");
        assertThat(PatchOperation.set("/a/_ts", json("1")).path()).isEqualTo("/a/_ts");
        assertThat(PatchOperation.set("/ttl", json("60")).path()).isEqualTo("/ttl");
    }

    @Test
    void theOperationKeepsItsOwnCopyOfTheValue() {
        com.fasterxml.jackson.databind.node.ObjectNode value = Json.object().put("n", 1);
        PatchOperation operation = PatchOperation.set("/a", value);
        value.put("n", 2);
        ((com.fasterxml.jackson.databind.node.ObjectNode) operation.value()).put("n", 3);

        assertThat(operation.value()).isEqualTo(json("{'n':1}"));
    }
}
