package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.ArgReaders.arg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.functions.BuiltinFunction.Body;
import io.cosmolite.engine.query.functions.BuiltinFunction.Family;
import io.cosmolite.engine.query.functions.GeoJson.Geometry;
import io.cosmolite.engine.query.functions.GeoJson.Parsed;
import io.cosmolite.engine.query.value.Values;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The spatial functions over GeoJSON Point, LineString, Polygon and MultiPolygon values in WGS-84
 * degrees: ST_DISTANCE (metres), ST_AREA (square metres), ST_WITHIN, ST_INTERSECTS, ST_ISVALID
 * and ST_ISVALIDDETAILED. An argument that is not a valid GeoJSON geometry makes the measuring
 * and relating functions undefined; the validity functions answer for any object and are
 * undefined for other values. The geometry lives in {@link GeoJson}, {@link Geodesy} and
 * {@link GeoRelations}.
 */
final class SpatialFunctions {
    private SpatialFunctions() {}

    static List<BuiltinFunction> all() {
        return List.of(
                binary("ST_DISTANCE", (a, b) -> finite(GeoRelations.distance(a, b))),
                binary("ST_WITHIN", (a, b) -> Values.bool(GeoRelations.within(a, b))),
                binary("ST_INTERSECTS", (a, b) -> Values.bool(GeoRelations.intersects(a, b))),
                fn("ST_AREA", 1, (a, c) -> {
                    Geometry g = geometry(arg(a, 0));
                    return g == null ? null : finite(GeoRelations.area(g));
                }),
                fn("ST_ISVALID", 1, (a, c) -> {
                    Parsed p = GeoJson.parse(arg(a, 0));
                    return p == null ? null : Values.bool(p.valid());
                }),
                fn("ST_ISVALIDDETAILED", 1, (a, c) -> {
                    Parsed p = GeoJson.parse(arg(a, 0));
                    if (p == null) {
                        return null;
                    }
                    ObjectNode out = Json.NODES.objectNode();
                    out.put("valid", p.valid());
                    if (!p.valid()) {
                        out.put("reason", p.reason());
                    }
                    return out;
                }));
    }

    private static BuiltinFunction fn(String name, int arity, Body body) {
        return new BuiltinFunction(name, Family.SPATIAL, arity, arity, body);
    }

    private static BuiltinFunction binary(String name, BiFunction<Geometry, Geometry, JsonNode> f) {
        return fn(name, 2, (a, c) -> {
            Geometry x = geometry(arg(a, 0));
            Geometry y = geometry(arg(a, 1));
            return x == null || y == null ? null : f.apply(x, y);
        });
    }

    private static Geometry geometry(JsonNode v) {
        Parsed p = GeoJson.parse(v);
        return p == null ? null : p.geometry();
    }

    private static JsonNode finite(double d) {
        return Double.isFinite(d) ? Values.number(d) : null;
    }
}
