package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.FunctionCalls.call;
import static io.cosmolite.engine.query.functions.FunctionCalls.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpatialFunctionsTest extends FamilyConformance {
    private static final String HEADQUARTERS = "{\"type\":\"Point\",\"coordinates\":[-122.12826822304672,47.63980239335718]}";
    private static final String RESEARCH = "{\"type\":\"Point\",\"coordinates\":[-96.84368664765994,46.81297794314663]}";
    private static final String REFERENCE = "{\"type\":\"Point\",\"coordinates\":[-122.11758113953535,47.66901087006131]}";
    private static final String BOX = "{\"type\":\"Polygon\",\"coordinates\":[[[31.8,-5],[32,-5],[32,-4.7],[31.8,-4.7],[31.8,-5]]]}";
    private static final String BOX_CLOCKWISE =
            "{\"type\":\"Polygon\",\"coordinates\":[[[31.8,-5],[31.8,-4.7],[32,-4.7],[32,-5],[31.8,-5]]]}";
    private static final String CAMPUS = "{\"type\":\"Polygon\",\"coordinates\":[[[-122.13236581015025,47.64606476313813],"
            + "[-122.13221982500913,47.633757091363975],[-122.11840598103835,47.641749416109235],"
            + "[-122.12061400629656,47.64589264786028],[-122.13236581015025,47.64606476313813]]]}";
    private static final String HIGHWAY = "{\"type\":\"Polygon\",\"coordinates\":[[[-122.13693695285855,47.64996065621003],"
            + "[-122.1351662656516,47.64627863318731],[-122.13488295569863,47.646326350048696],"
            + "[-122.1366182291613,47.650016321952904],[-122.13693695285855,47.64996065621003]]]}";
    private static final String CAMPUS2 = "{\"type\":\"Polygon\",\"coordinates\":[[[-122.14034847687708,47.6494835188378],"
            + "[-122.14014779899375,47.64625477474044],[-122.13256925774829,47.646207057813655],"
            + "[-122.13254564858545,47.64941990019193],[-122.14034847687708,47.6494835188378]]]}";

    private static void assertClose(JsonNode actual, double expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.doubleValue()).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
    }

    @Test
    void stDistanceMatchesCosmosConformanceCase() {
        // ms-samples/st-distance: ST_DISTANCE(...) / 1000
        assertClose(call("ST_DISTANCE", HEADQUARTERS, REFERENCE), 3345.269817267368);
        assertClose(call("ST_DISTANCE", RESEARCH, REFERENCE), 1907438.421299902);
        assertClose(call("ST_DISTANCE", REFERENCE, RESEARCH), 1907438.421299902);
    }

    @Test
    void stAreaMatchesCosmosConformanceCase() {
        assertClose(call("ST_AREA", BOX), 735970283.0522614);
    }

    @Test
    void stWithinAndIntersectsMatchConformanceCases() {
        String hq = "{\"type\":\"Point\",\"coordinates\":[-122.12824857332558,47.6395516675712]}";
        assertThat(call("ST_WITHIN", hq, CAMPUS).booleanValue()).isTrue();
        assertThat(call("ST_INTERSECTS", HIGHWAY, CAMPUS2).booleanValue()).isTrue();
    }

    @Test
    void stIsValidAndDetailedMatchConformanceCases() {
        String good = "{\"type\":\"Point\",\"coordinates\":[-84.38876194345323,33.75682784306348]}";
        String bad = "{\"type\":\"Point\",\"coordinates\":[133.75682784306348,-184.38876194345323]}";
        assertThat(call("ST_ISVALID", good).booleanValue()).isTrue();
        assertThat(call("ST_ISVALID", bad).booleanValue()).isFalse();
        assertThat(call("ST_ISVALIDDETAILED", good)).isEqualTo(json("{\"valid\":true}"));
        assertThat(call("ST_ISVALIDDETAILED", bad))
                .isEqualTo(json("{\"valid\":false,\"reason\":\"Latitude values must be between -90 and 90 degrees.\"}"));
    }

    @Test
    void unclosedPolygonReasonIsCosmosWording() {
        String open = "{\"type\":\"Polygon\",\"coordinates\":[[[31.8,-5],[31.8,-4.7],[32,-4.7],[32,-5]]]}";
        assertThat(call("ST_ISVALIDDETAILED", open).get("reason").textValue()).isEqualTo(
                "The Polygon input is not valid because the start and end points of the ring number 1 are not the same. "
                        + "Each ring of a polygon must have the same start and end points.");
        assertThat(call("ST_ISVALID", open).booleanValue()).isFalse();
    }

    @Test
    void otherValidationFailures() {
        assertThat(call("ST_ISVALID", "{\"type\":\"Point\",\"coordinates\":[200,10]}").booleanValue()).isFalse();
        assertThat(call("ST_ISVALID", "{\"type\":\"Point\",\"coordinates\":[\"a\",10]}").booleanValue()).isFalse();
        assertThat(call("ST_ISVALID", "{\"type\":\"LineString\",\"coordinates\":[[1,1],[1,1]]}").booleanValue()).isFalse();
        assertThat(call("ST_ISVALID", "{\"type\":\"LineString\",\"coordinates\":[[1,1],[2,1]]}").booleanValue()).isTrue();
        assertThat(call("ST_ISVALID", "{\"type\":\"Circle\",\"coordinates\":[1,1]}").booleanValue()).isFalse();
        assertThat(call("ST_ISVALID", "{\"coordinates\":[1,1]}").booleanValue()).isFalse();
        assertThat(call("ST_ISVALID", BOX).booleanValue()).isTrue();
    }

    @Test
    void nonGeoJsonArgumentsAreUndefined() {
        assertThat(call("ST_ISVALID", "1")).isNull();
        assertThat(call("ST_ISVALIDDETAILED", "undefined")).isNull();
        assertThat(call("ST_DISTANCE", "\"x\"", REFERENCE)).isNull();
        assertThat(call("ST_DISTANCE", "{\"type\":\"Point\",\"coordinates\":[1,100]}", REFERENCE)).isNull();
        assertThat(call("ST_WITHIN", REFERENCE, "null")).isNull();
        assertThat(call("ST_INTERSECTS", "undefined", BOX)).isNull();
        assertThat(call("ST_AREA", "[]")).isNull();
    }

    @Test
    void areaOfPointsAndLinesIsZeroAndClockwiseRingIsTheComplement() {
        assertThat(call("ST_AREA", REFERENCE).doubleValue()).isZero();
        assertThat(call("ST_AREA", "{\"type\":\"LineString\",\"coordinates\":[[1,1],[2,1]]}").doubleValue()).isZero();
        double earth = Geodesy.earthArea();
        assertThat(earth).isCloseTo(5.10065621724e14, within(1e6));
        assertClose(call("ST_AREA", BOX_CLOCKWISE), earth - 735970283.0522614);
        String multi = "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[31.8,-5],[32,-5],[32,-4.7],[31.8,-4.7],[31.8,-5]]],"
                + "[[[50,0],[51,0],[51,5],[50,5],[50,0]]]]}";
        double second = call("ST_AREA", "{\"type\":\"Polygon\",\"coordinates\":[[[50,0],[51,0],[51,5],[50,5],[50,0]]]}").doubleValue();
        assertClose(call("ST_AREA", multi), 735970283.0522614 + second);
    }

    @Test
    void holesAreSubtracted() {
        String outer = "[[0,0],[10,0],[10,10],[0,10],[0,0]]";
        String hole = "[[2,2],[2,4],[4,4],[4,2],[2,2]]";
        double full = call("ST_AREA", "{\"type\":\"Polygon\",\"coordinates\":[" + outer + "]}").doubleValue();
        double holeArea = call("ST_AREA", "{\"type\":\"Polygon\",\"coordinates\":[[[2,2],[4,2],[4,4],[2,4],[2,2]]]}").doubleValue();
        String withHole = "{\"type\":\"Polygon\",\"coordinates\":[" + outer + "," + hole + "]}";
        assertClose(call("ST_AREA", withHole), full - holeArea);
        assertThat(call("ST_WITHIN", "{\"type\":\"Point\",\"coordinates\":[3,3]}", withHole).booleanValue()).isFalse();
        assertThat(call("ST_WITHIN", "{\"type\":\"Point\",\"coordinates\":[6,6]}", withHole).booleanValue()).isTrue();
    }

    @Test
    void withinAndIntersectsCoverLinesAndPolygons() {
        String inside = "{\"type\":\"Point\",\"coordinates\":[31.9,-4.8]}";
        String outside = "{\"type\":\"Point\",\"coordinates\":[33,-4.8]}";
        assertThat(call("ST_WITHIN", inside, BOX).booleanValue()).isTrue();
        assertThat(call("ST_WITHIN", outside, BOX).booleanValue()).isFalse();
        assertThat(call("ST_WITHIN", inside, BOX_CLOCKWISE).booleanValue()).isFalse();
        assertThat(call("ST_WITHIN", outside, BOX_CLOCKWISE).booleanValue()).isTrue();
        assertThat(call("ST_INTERSECTS", inside, BOX).booleanValue()).isTrue();
        assertThat(call("ST_INTERSECTS", outside, BOX).booleanValue()).isFalse();
        String crossing = "{\"type\":\"LineString\",\"coordinates\":[[31.9,-4.8],[33,-4.8]]}";
        String inner = "{\"type\":\"LineString\",\"coordinates\":[[31.85,-4.8],[31.95,-4.9]]}";
        assertThat(call("ST_INTERSECTS", crossing, BOX).booleanValue()).isTrue();
        assertThat(call("ST_WITHIN", crossing, BOX).booleanValue()).isFalse();
        assertThat(call("ST_WITHIN", inner, BOX).booleanValue()).isTrue();
        String far = "{\"type\":\"LineString\",\"coordinates\":[[40,10],[41,11]]}";
        assertThat(call("ST_INTERSECTS", far, BOX).booleanValue()).isFalse();
        assertThat(call("ST_INTERSECTS", HIGHWAY, CAMPUS).booleanValue()).isFalse();
        String x1 = "{\"type\":\"LineString\",\"coordinates\":[[0,0],[2,2]]}";
        String x2 = "{\"type\":\"LineString\",\"coordinates\":[[0,2],[2,0]]}";
        assertThat(call("ST_INTERSECTS", x1, x2).booleanValue()).isTrue();
        assertThat(call("ST_INTERSECTS", REFERENCE, REFERENCE).booleanValue()).isTrue();
        assertThat(call("ST_WITHIN", REFERENCE, REFERENCE).booleanValue()).isTrue();
        assertThat(call("ST_WITHIN", REFERENCE, HEADQUARTERS).booleanValue()).isFalse();
    }

    @Test
    void distanceToLinesAndPolygons() {
        String inside = "{\"type\":\"Point\",\"coordinates\":[31.9,-4.8]}";
        assertThat(call("ST_DISTANCE", inside, BOX).doubleValue()).isZero();
        // A point one degree of longitude east of the box's east edge, on the equator side.
        String east = "{\"type\":\"Point\",\"coordinates\":[33,-4.85]}";
        String edgePoint = "{\"type\":\"Point\",\"coordinates\":[32,-4.85]}";
        double toBox = call("ST_DISTANCE", east, BOX).doubleValue();
        double toEdgePoint = call("ST_DISTANCE", east, edgePoint).doubleValue();
        assertThat(toBox).isLessThanOrEqualTo(toEdgePoint).isCloseTo(toEdgePoint, within(5.0));
        String line = "{\"type\":\"LineString\",\"coordinates\":[[32,-5],[32,-4.7]]}";
        assertThat(call("ST_DISTANCE", east, line).doubleValue()).isCloseTo(toBox, within(1e-6));
        assertThat(call("ST_DISTANCE", REFERENCE, REFERENCE).doubleValue()).isZero();
    }

    @Test
    void polygonsAcrossTheAntimeridian() {
        String pacific = "{\"type\":\"Polygon\",\"coordinates\":[[[179,-1],[-179,-1],[-179,1],[179,1],[179,-1]]]}";
        String mirrored = "{\"type\":\"Polygon\",\"coordinates\":[[[-1,-1],[1,-1],[1,1],[-1,1],[-1,-1]]]}";
        assertClose(call("ST_AREA", pacific), call("ST_AREA", mirrored).doubleValue());
        assertThat(call("ST_WITHIN", "{\"type\":\"Point\",\"coordinates\":[180,0]}", pacific).booleanValue()).isTrue();
        assertThat(call("ST_WITHIN", "{\"type\":\"Point\",\"coordinates\":[0,0]}", pacific).booleanValue()).isFalse();
    }

    @Test
    void polygonWithinPolygon() {
        String small = "{\"type\":\"Polygon\",\"coordinates\":[[[1,1],[2,1],[2,2],[1,2],[1,1]]]}";
        String big = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]}";
        String bigWithHole = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]],"
                + "[[1.4,1.4],[1.4,1.6],[1.6,1.6],[1.6,1.4],[1.4,1.4]]]}";
        assertThat(call("ST_WITHIN", small, big).booleanValue()).isTrue();
        assertThat(call("ST_WITHIN", big, small).booleanValue()).isFalse();
        assertThat(call("ST_WITHIN", small, bigWithHole).booleanValue()).isFalse();
        assertThat(call("ST_INTERSECTS", small, bigWithHole).booleanValue()).isTrue();
        assertThat(call("ST_INTERSECTS", big, small).booleanValue()).isTrue();
        assertThat(call("ST_DISTANCE", small, big).doubleValue()).isZero();
    }

    @Test
    void distanceToALargePolygonIsQuick() {
        StringBuilder ring = new StringBuilder("[");
        int n = 2000;
        for (int i = 0; i <= n; i++) {
            double t = 2 * Math.PI * (i % n) / n;
            ring.append(i == 0 ? "" : ",").append('[').append(10 + Math.cos(t)).append(',').append(Math.sin(t)).append(']');
        }
        String circle = "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]]}";
        String centre = "{\"type\":\"Point\",\"coordinates\":[10,0]}";
        String outside = "{\"type\":\"Point\",\"coordinates\":[13,0]}";
        long start = System.nanoTime();
        assertThat(call("ST_DISTANCE", centre, circle).doubleValue()).isZero();
        double d = call("ST_DISTANCE", outside, circle).doubleValue();
        String rim = "{\"type\":\"Point\",\"coordinates\":[11,0]}";
        assertThat(d).isCloseTo(call("ST_DISTANCE", outside, rim).doubleValue(), within(1.0));
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Override
    List<BuiltinFunction> family() {
        return SpatialFunctions.all();
    }

    @Override
    List<String> requiredCases() {
        return List.of("ms-samples/st-area", "ms-samples/st-intersect", "ms-samples/st-isvalid",
                "ms-samples/st-isvaliddetailed", "ms-samples/st-within");
    }
}
